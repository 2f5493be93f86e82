"""The plan's milestones as an iCalendar file (RFC 5545): one all-day event per milestone."""

from __future__ import annotations

import datetime as dt
import hashlib

from readiness import __version__
from readiness.core.i18n import _
from readiness.core.plan.model import Milestone, Plan
from readiness.report.safetext import without_controls

LINE_LIMIT = 75
"""Octets per content line before folding (RFC 5545 §3.1)."""


def milestones_ics(plan: Plan) -> str:
    header = plan.header
    calendar_name = _("{organisation}: messaging rollout", header.language, organisation=header.organisation)
    plan_key = hashlib.sha256(f"{header.organisation}\n{header.created.isoformat()}".encode()).hexdigest()[:16]
    stamp = dt.datetime.combine(header.created, dt.time()).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//Readiness//Readiness {__version__}//{header.language.upper()}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_text(calendar_name)}",
    ]
    for milestone in plan.milestones:
        lines += _event(milestone, header.organisation, plan_key, stamp)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _event(milestone: Milestone, organisation: str, plan_key: str, stamp: str) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{milestone.id}-{plan_key}@readiness.plan",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{milestone.date.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{(milestone.date + dt.timedelta(days=1)).strftime('%Y%m%d')}",
        f"SUMMARY:{_text(f'{milestone.title} — {organisation}')}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def _text(value: str) -> str:
    """Escape a TEXT value: backslash, semicolon, comma and line breaks; drop other controls."""
    value = without_controls(value).replace("\t", " ")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Split a line into chunks of at most 75 octets, never inside a UTF-8 character."""
    chunks: list[str] = []
    current, size = "", 0
    for character in line:
        width = len(character.encode("utf-8"))
        limit = LINE_LIMIT if not chunks else LINE_LIMIT - 1
        if size + width > limit:
            chunks.append(current)
            current, size = "", 0
        current += character
        size += width
    chunks.append(current)
    return "\r\n ".join(chunks)
