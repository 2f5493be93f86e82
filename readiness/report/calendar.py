"""The plan as an iCalendar file (RFC 5545) that calendar apps keep current.

All-day events for every milestone and, on request, every dated task; the transcript and KPI reviews repeat until
the re-assessment; the launch and the launch blockers still open carry a reminder (what goes in them is
``readiness.report.calendar_entries``). Written with the ``icalendar`` library, which escapes and folds the
lines.

Importing the file of a regenerated plan updates the events imported before instead of adding copies: each event
keeps its UID from one generation to the next (``event_uid``), and its SEQUENCE grows (``sequence``).
"""

from __future__ import annotations

import datetime as dt
import hashlib

from icalendar import Alarm, Calendar, Event, vDuration

from readiness import __version__
from readiness.core.plan.model import Plan, PlanHeader
from readiness.report.calendar_entries import CalendarEntry, calendar_entries, calendar_name

SEQUENCE_EPOCH = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
"""Where ``sequence`` counts minutes from."""
REMINDER_HOUR = 9
"""A reminder of an all-day event goes off at this hour, the calendar's local time."""
REFRESH = dt.timedelta(days=1)
"""How often an app that subscribes to the file (at a URL) should read it again."""


def plan_calendar(plan: Plan, generated: dt.datetime, *, with_tasks: bool = False) -> str:
    """The calendar of ``plan`` generated at ``generated`` (aware, UTC): the milestones and the reviews, and
    every task with ``with_tasks``."""
    calendar = Calendar()
    calendar.add("prodid", f"-//Readiness//Readiness {__version__}//{plan.header.language.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", calendar_name(plan))
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))
    key = plan_key(plan.header)
    for entry in calendar_entries(plan, with_tasks=with_tasks):
        calendar.add_component(_event(entry, key, generated))
    text: bytes = calendar.to_ical()
    return text.decode("utf-8")


def plan_key(header: PlanHeader) -> str:
    """The same for every generation of one assessment's plan, in any language: its organisation and the day the
    assessment was made."""
    return hashlib.sha256(f"{header.organisation}\n{header.created.isoformat()}".encode()).hexdigest()[:16]


def event_uid(entry_key: str, plan_key: str) -> str:
    """An event's UID: the entry (a milestone's id, ``task.<id>``, a review series) within the plan."""
    return f"{entry_key}-{plan_key}@readiness.plan"


def sequence(generated: dt.datetime) -> int:
    """Every event's SEQUENCE in a file generated at ``generated``: whole minutes since ``SEQUENCE_EPOCH``.

    A calendar app that already holds an event (the same UID) takes a new version of it only when its SEQUENCE
    is higher. Counting the minutes since a fixed epoch gives each regeneration a higher number than any before
    it without storing a counter anywhere: the clock is the counter. Files generated within the same minute
    share a number, and their DTSTAMP (to the second) still tells which is newer. Events that did not change
    are re-sent with the new number too, which is harmless: the app shows the same event.
    """
    return int((generated - SEQUENCE_EPOCH).total_seconds()) // 60


def _event(entry: CalendarEntry, key: str, generated: dt.datetime) -> Event:
    event = Event()
    event.add("uid", event_uid(entry.key, key))
    event.add("dtstamp", generated)
    event.add("sequence", sequence(generated))
    event.add("dtstart", entry.day)
    event.add("dtend", entry.day + dt.timedelta(days=1))
    event.add("summary", entry.summary)
    event.add("description", entry.description)
    event.add("transp", "TRANSPARENT")
    if entry.repeat is not None:
        event.add("rrule", entry.repeat)
    if entry.skipped:
        event.add("exdate", list(entry.skipped))
    if entry.cancelled:
        event.add("status", "CANCELLED")
    if entry.remind_days_before is not None:
        event.add_component(_reminder(entry.summary, entry.remind_days_before))
    return event


def _reminder(summary: str, days_before: int) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", dt.timedelta(days=-days_before, hours=REMINDER_HOUR))
    return alarm
