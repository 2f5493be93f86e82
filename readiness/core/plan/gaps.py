"""Rank the gap register: frequency × severity, adjusted by measured figures."""

from __future__ import annotations

from dataclasses import dataclass

from readiness.core.assessment import Assessment, Frequency, Gap, Severity
from readiness.core.catalog import GapType
from readiness.core.content import Catalogs
from readiness.core.i18n import _
from readiness.core.lang import Lang
from readiness.core.names import label
from readiness.core.placeholders import for_bot
from readiness.core.plan.facts import chosen_channels
from readiness.core.plan.figures import number_text, quantity_text
from readiness.core.plan.model import PlanGap
from readiness.core.plan.sources import note_texts, printed_notes

FREQUENCY_POINTS = {
    Frequency.RARE: 1,
    Frequency.MONTHLY: 2,
    Frequency.WEEKLY: 3,
    Frequency.DAILY: 4,
    Frequency.CONSTANT: 5,
}
SEVERITY_POINTS = {Severity.LOW: 1, Severity.MEDIUM: 2, Severity.HIGH: 3, Severity.CRITICAL: 4}
POOR_FACTOR = 1.5
GOOD_FACTOR = 0.75


def gap_priority(gap: Gap, gap_type: GapType | None, lang: Lang) -> tuple[float, tuple[str, ...]]:
    f, s = FREQUENCY_POINTS[gap.frequency], SEVERITY_POINTS[gap.severity]
    base = f * s
    reasons = [
        _(
            "Frequency: {frequency} ({f}) × severity: {severity} ({s}) = {base}.",
            lang,
            frequency=label("frequency", gap.frequency, lang),
            f=f,
            severity=label("severity", gap.severity, lang),
            s=s,
            base=base,
        )
    ]
    factor, note = _measured_factor(gap, gap_type, lang)
    reasons.append(note)
    return base * factor, tuple(reasons)


def _measured_factor(gap: Gap, gap_type: GapType | None, lang: Lang) -> tuple[float, str]:
    if gap.measured_value is None:
        return 1.0, _("No measured figure yet: measure it to confirm the priority.", lang)
    benchmark = gap_type.benchmark if gap_type else None
    measured = quantity_text(gap.measured_value, _unit(gap_type, lang), lang)
    if benchmark is None or not benchmark.comparable:
        return 1.0, _(
            "The measured figure ({measured}) has no published threshold to be judged against, so it leaves the "
            "priority as it is; track it from this baseline.",
            lang,
            measured=measured,
        )
    values = {
        "measured": measured,
        "good": number_text(benchmark.good, lang),
        "poor": number_text(benchmark.poor, lang),
    }
    if benchmark.is_poor(gap.measured_value):
        return POOR_FACTOR, _(
            "The measured figure ({measured}) is worse than the poor threshold ({poor}): priority × 1.5.",
            lang,
            **values,
        )
    if benchmark.is_good(gap.measured_value):
        return GOOD_FACTOR, _(
            "The measured figure ({measured}) already meets the good benchmark ({good}): priority × 0.75.",
            lang,
            **values,
        )
    return 1.0, _(
        "The measured figure ({measured}) lies between good ({good}) and poor ({poor}): no adjustment.", lang, **values
    )


def _unit(gap_type: GapType | None, lang: Lang) -> str:
    """The unit a measured figure of this type is given in; empty where the type names none."""
    unit = gap_type.benchmark.unit if gap_type else None
    return unit.get(lang) if unit else ""


def rank_gaps(assessment: Assessment, catalogs: Catalogs, lang: Lang) -> tuple[PlanGap, ...]:
    """The assessment's gaps by priority, with what closes each: the chosen channels, and the bot where one answers."""
    chosen = chosen_channels(assessment, catalogs)
    wording = GapWording(chosen, assessment.team.bot.enabled, catalogs, lang)
    scored = []
    for gap in assessment.gaps:
        gap_type = catalogs.gap_types.get(gap.type)
        priority, explanation = gap_priority(gap, gap_type, lang)
        scored.append((priority, gap, gap_type, explanation))
    scored.sort(key=lambda item: (-item[0], -SEVERITY_POINTS[item[1].severity], item[1].id))
    return tuple(
        _plan_gap(rank, priority, gap, gap_type, explanation, wording)
        for rank, (priority, gap, gap_type, explanation) in enumerate(scored, start=1)
    )


def _closers(gap_type: str, chosen: tuple[str, ...], catalogs: Catalogs, lang: Lang) -> tuple[str, ...]:
    """The chosen channels that close this kind of gap (the channel ranking shows every other candidate)."""
    return tuple(catalogs.channels[c].name.get(lang) for c in chosen if gap_type in catalogs.channels[c].closes_gaps)


@dataclass(frozen=True)
class GapWording:
    """What a gap's printed text depends on besides the gap: the chosen channels, a bot, the language."""

    chosen: tuple[str, ...]
    bot: bool
    catalogs: Catalogs
    lang: Lang


def _plan_gap(
    rank: int, priority: float, gap: Gap, gap_type: GapType | None, explanation: tuple[str, ...], wording: GapWording
) -> PlanGap:
    chosen, bot, catalogs, lang = wording.chosen, wording.bot, wording.catalogs, wording.lang
    current = catalogs.channels.get(gap.current_channel) if gap.current_channel else None
    benchmark = gap_type.benchmark if gap_type else None
    return PlanGap(
        id=gap.id,
        type=gap.type,
        type_name=gap_type.name.get(lang) if gap_type else gap.type,
        touchpoint=label("touchpoint", gap.touchpoint, lang),
        current_channel=current.name.get(lang) if current else gap.current_channel,
        frequency=label("frequency", gap.frequency, lang),
        severity=label("severity", gap.severity, lang),
        severity_level=gap.severity.value,
        measured_value=gap.measured_value,
        unit=_unit(gap_type, lang),
        benchmark=for_bot(benchmark.text.get(lang), bot) if benchmark else "",
        benchmark_notes=note_texts(printed_notes(gap_type.channel_notes, chosen), lang) if gap_type else (),
        priority=priority,
        rank=rank,
        explanation=explanation,
        closing_actions=tuple(for_bot(a.get(lang), bot) for a in gap_type.closing_actions) if gap_type else (),
        closing_channels=_closers(gap.type, chosen, catalogs, lang),
        evidence=gap.evidence,
        notes=gap.notes,
    )
