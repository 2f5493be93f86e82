"""``readiness transcripts analyze``: the measures of chat exports, read on this computer, printed redacted."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from readiness.cli_grammar import EXIT_OK, LANG
from readiness.core.content import Content
from readiness.core.i18n import N_, _
from readiness.core.problems import ReadinessError
from readiness.core.transcripts.hours import BusinessHours, HoursError
from readiness.core.transcripts.measures import Analysis, Settings
from readiness.core.transcripts.phrases import PhraseMatcher
from readiness.core.transcripts.sources import threads_of

CAVEATS = {
    "small_sample": N_("Fewer than 30 conversations started by customers: every figure is indicative only."),
    "recent_repeats": N_(
        "Conversations in the last 7 days cannot show a repeat contact yet: the repeat share is a lower bound."
    ),
    "phrases": N_(
        "Switches and resolutions are found by phrases: other wordings are missed (add yours in a content folder)."
    ),
    "mostly_unanswered": N_("Fewer than half the conversations were answered: response times describe those only."),
}


def analyze(args: argparse.Namespace, content: Content) -> int:
    settings = Settings(args.business, _hours(args.hours), args.promise, dt.timedelta(hours=args.gap))
    from readiness.core.transcripts.helpdesk import BUSINESS_SENDER

    analysis = Analysis(settings, PhraseMatcher.of(content.transcript_phrases), BUSINESS_SENDER)
    zone = _zone(args.tz)
    for path in args.files:
        for thread in threads_of(path, zone):
            analysis.add(thread)
    found = analysis.measures().as_json()
    print(json.dumps(found, ensure_ascii=False, indent=2) if args.json else summary(found))
    return EXIT_OK


def summary(found: dict[str, Any]) -> str:
    """The measures in words, one a line, in the command line's language."""
    lines = [
        _("Messages: {count}", LANG, count=found["messages"]),
        _(
            "Conversations: {count}, {started} started by customers",
            LANG,
            count=found["conversations"],
            started=found["customer_started"],
        ),
    ]
    times = found["first_response_minutes"]
    lines.append(
        _(
            "First response: median {median} min, 90th percentile {p90} min ({answered} answered)",
            LANG,
            median=_shown(times["median"]),
            p90=_shown(times["p90"]),
            answered=times["answered"],
        )
    )
    for key, label in SHARES.items():
        lines.append(f"{_(label, LANG)}: {_percent(found[key])}")
    lines.extend("- " + _(CAVEATS[code], LANG) for code in found["caveats"])
    return "\n".join(lines)


SHARES = {
    "answered_within_promise_share": N_("Answered within the promise"),
    "after_hours_share": N_("Started outside business hours"),
    "channel_switch_share": N_("Asked to switch channel"),
    "resolved_in_channel_share": N_("Resolved in the channel"),
    "repeat_contact_share": N_("Contacted again within 7 days"),
}


def _shown(value: object) -> str:
    return "–" if value is None else f"{value:g}"


def _percent(value: object) -> str:
    return "–" if not isinstance(value, float) else f"{100 * value:.1f} %"


def _hours(text: str) -> BusinessHours:
    try:
        return BusinessHours.parse(text)
    except HoursError as error:
        raise ReadinessError.single("--hours", str(error)) from None


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ReadinessError.single("--tz", f"{name!r} is not a time zone (e.g. America/Mexico_City)") from None
