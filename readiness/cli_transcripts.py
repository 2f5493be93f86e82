"""``readiness transcripts analyze``: the measures of chat exports, read on this computer, printed redacted."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from readiness.cli_grammar import EXIT_OK, LANG
from readiness.core.assessment import TranscriptEvidence
from readiness.core.clock import today
from readiness.core.content import Content
from readiness.core.i18n import N_, _
from readiness.core.plan.figures import number_text
from readiness.core.problems import ReadinessError
from readiness.core.transcripts.evidence import (
    Proposal,
    actuals_sentence,
    figure_name,
    proposals,
    provenance_sentence,
    settings_for,
    with_evidence,
)
from readiness.core.transcripts.hours import BusinessHours, HoursError
from readiness.core.transcripts.measures import Analysis, Measures, Settings
from readiness.core.transcripts.phrases import PhraseMatcher
from readiness.core.transcripts.sources import threads_in

FIGURE_LINES = {"gap": N_("{what} (gap {id}): measured {value}"), "kpi": N_("{what} (KPI): baseline {value}")}
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
    found = measured(args.files, _zone(args.tz), settings, content).as_json()
    print(json.dumps(found, ensure_ascii=False, indent=2) if args.json else summary(found))
    return EXIT_OK


def add(args: argparse.Namespace, content: Content) -> int:
    """Measure, then keep the evidence and every figure it gives in the stored assessment, in one write that is
    refused if someone saved the assessment meanwhile."""
    from readiness.store import library_session, read_assessment, replace_assessment

    db = getattr(args, "db", None)
    with library_session(db) as session:
        stored = read_assessment(session=session, assessment_id=args.id)
    assessment = stored.assessment
    own = settings_for(assessment, args.business)
    settings = Settings(
        args.business,
        _hours(args.hours) if args.hours else own.hours,
        args.promise or own.promise_minutes,
        dt.timedelta(hours=args.gap),
    )
    zone = _zone(args.tz or (assessment.team.coverage or assessment.profile.business_hours).timezone)
    evidence = measured(args.files, zone, settings, content).evidence(today())
    figures = [p for p in proposals(evidence, assessment, LANG) if p.kind != "new_gap"]  # the register is the user's
    updated = with_evidence(assessment, evidence, figures)
    with library_session(db) as session:
        replace_assessment(
            session=session, assessment_id=args.id, assessment=updated, content=content, started_from=stored.revision
        )
    _print_figures(evidence, figures, content)
    if actuals := actuals_sentence(evidence, assessment, LANG):
        print(actuals)
    return EXIT_OK


def _print_figures(evidence: TranscriptEvidence, figures: list[Proposal], content: Content) -> None:
    print(provenance_sentence(evidence, LANG) + ":")
    for figure in figures:
        what = figure_name(figure, content.catalogs, LANG)
        value = f"{number_text(figure.value, LANG, 1)} {figure.unit}"
        print("  " + _(FIGURE_LINES[figure.kind], LANG, what=what, id=figure.id, value=value))
    if not figures:
        print("  " + _("no recorded gap or KPI target takes these figures; the evidence is kept", LANG))


def measured(files: list[Path], zone: ZoneInfo, settings: Settings, content: Content) -> Measures:
    from readiness.core.transcripts.helpdesk import BUSINESS_SENDER

    analysis = Analysis(settings, PhraseMatcher.of(content.transcript_phrases), BUSINESS_SENDER)
    for thread in threads_in(files, zone):
        analysis.add(thread)
    return analysis.measures()


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
