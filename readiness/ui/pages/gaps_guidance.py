"""The gap register's explanation boxes: guidance for the selected gap's type, and why it ranks where it does."""

from __future__ import annotations

import html
from collections.abc import Sequence

from readiness.core.catalog import Benchmark, Direction, GapType
from readiness.core.i18n import _
from readiness.core.lang import Lang
from readiness.core.placeholders import for_bot
from readiness.core.plan.model import PlanGap
from readiness.ui.pages.formatting import number_text


def empty_guidance(lang: Lang) -> str:
    """Rich text shown while no gap is selected."""
    return _paragraph(_("Add a gap, or select one, to see guidance for its type and how it ranks.", lang))


def type_guidance(gap_type: GapType | None, lang: Lang, *, bot: bool) -> str:
    """Rich text: the benchmark, its thresholds, how to measure and the symptoms of a gap type (the bot's part only
    where one answers customers)."""
    if gap_type is None:
        return _paragraph(_("This gap type is not in the installed catalog.", lang))
    parts = [_section(_("Benchmark", lang), for_bot(gap_type.benchmark.text.get(lang), bot))]
    thresholds = threshold_lines(gap_type.benchmark, lang)
    if thresholds:
        parts.append(_bullets(thresholds))
    parts.append(_section(_("How to measure", lang), gap_type.measure.get(lang)))
    parts.append(_heading(_("Symptoms", lang)) + _bullets([s.get(lang) for s in gap_type.symptoms]))
    return "".join(parts)


def threshold_lines(benchmark: Benchmark, lang: Lang) -> list[str]:
    if benchmark.good is None or benchmark.poor is None or benchmark.unit is None:
        return []
    unit = benchmark.unit.get(lang)
    good, poor = number_text(benchmark.good, lang), number_text(benchmark.poor, lang)
    if benchmark.direction is Direction.LOWER_IS_BETTER:
        return [
            _("Good: {value} {unit} or less", lang, value=good, unit=unit),
            _("Poor: more than {value} {unit}", lang, value=poor, unit=unit),
        ]
    return [
        _("Good: {value} {unit} or more", lang, value=good, unit=unit),
        _("Poor: below {value} {unit}", lang, value=poor, unit=unit),
    ]


def ranking_text(plan_gap: PlanGap, total: int, lang: Lang) -> str:
    """Rich text: where the gap ranks, why, and what closes it."""
    headline = _(
        "Rank {rank} of {total} · priority {priority}",
        lang,
        rank=plan_gap.rank,
        total=total,
        priority=number_text(plan_gap.priority, lang),
    )
    parts = [f"<p><b>{html.escape(headline)}</b></p>", _heading(_("Why", lang)), _bullets(plan_gap.explanation)]
    if plan_gap.closing_channels:
        parts.append(_section(_("Channels that close it", lang), ", ".join(plan_gap.closing_channels)))
    if plan_gap.closing_actions:
        parts.append(_heading(_("How to close it", lang)) + _bullets(plan_gap.closing_actions))
    return "".join(parts)


def _heading(text: str) -> str:
    return f"<p style='margin-bottom:0'><b>{html.escape(text)}</b></p>"


def _paragraph(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


def _section(heading: str, text: str) -> str:
    return _heading(heading) + f"<p style='margin-top:2px'>{html.escape(text)}</p>"


def _bullets(lines: Sequence[str]) -> str:
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    return f"<ul style='margin-top:2px; margin-left:-24px'>{items}</ul>"
