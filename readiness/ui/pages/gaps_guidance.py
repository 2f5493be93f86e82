"""The gap register's explanation boxes: guidance for the selected gap's type, and why it ranks where it does."""

from __future__ import annotations

import html
from collections.abc import Sequence

from readiness.core.catalog import Benchmark, Direction, GapType
from readiness.core.plan.model import PlanGap
from readiness.core.text import Lang
from readiness.ui.pages.formatting import number_text
from readiness.ui.text import Texts

GUIDANCE = Texts(
    {
        "about": ("About this gap type", "Sobre este tipo de brecha"),
        "about.named": ("About: {name}", "Sobre: {name}"),
        "ranking": ("Ranking", "Clasificación"),
        "empty": (
            "Add a gap, or select one, to see guidance for its type and how it ranks.",
            "Añadir o seleccionar una brecha para ver la guía de su tipo y su posición en la clasificación.",
        ),
        "unknown_type": (
            "This gap type is not in the installed catalog.",
            "Este tipo de brecha no figura en el catálogo instalado.",
        ),
        "benchmark": ("Benchmark", "Referencia"),
        "good.lower": ("Good: {value} {unit} or less", "Bueno: {value} {unit} o menos"),
        "poor.lower": ("Poor: more than {value} {unit}", "Deficiente: más de {value} {unit}"),
        "good.higher": ("Good: {value} {unit} or more", "Bueno: {value} {unit} o más"),
        "poor.higher": ("Poor: below {value} {unit}", "Deficiente: menos de {value} {unit}"),
        "measure": ("How to measure", "Cómo medirla"),
        "symptoms": ("Symptoms", "Síntomas"),
        "rank.line": (
            "Rank {rank} of {total} · priority {priority}",
            "Puesto {rank} de {total} · prioridad {priority}",
        ),
        "why": ("Why", "Por qué"),
        "closers": ("Channels that close it", "Canales que la cierran"),
        "closing": ("How to close it", "Cómo cerrarla"),
    }
)


def empty_guidance(lang: Lang) -> str:
    """Rich text shown while no gap is selected."""
    return _paragraph(GUIDANCE("empty", lang))


def type_guidance(gap_type: GapType | None, lang: Lang) -> str:
    """Rich text: the benchmark, its thresholds, how to measure and the symptoms of a gap type."""
    if gap_type is None:
        return _paragraph(GUIDANCE("unknown_type", lang))
    parts = [_section(GUIDANCE("benchmark", lang), gap_type.benchmark.text.get(lang))]
    thresholds = threshold_lines(gap_type.benchmark, lang)
    if thresholds:
        parts.append(_bullets(thresholds))
    parts.append(_section(GUIDANCE("measure", lang), gap_type.measure.get(lang)))
    parts.append(_heading(GUIDANCE("symptoms", lang)) + _bullets([s.get(lang) for s in gap_type.symptoms]))
    return "".join(parts)


def threshold_lines(benchmark: Benchmark, lang: Lang) -> list[str]:
    if benchmark.good is None or benchmark.poor is None or benchmark.unit is None:
        return []
    side = "lower" if benchmark.direction is Direction.LOWER_IS_BETTER else "higher"
    unit = benchmark.unit.get(lang)
    return [
        GUIDANCE(f"good.{side}", lang, value=number_text(benchmark.good, lang), unit=unit),
        GUIDANCE(f"poor.{side}", lang, value=number_text(benchmark.poor, lang), unit=unit),
    ]


def ranking_text(plan_gap: PlanGap, total: int, lang: Lang) -> str:
    """Rich text: where the gap ranks, why, and what closes it."""
    headline = GUIDANCE(
        "rank.line", lang, rank=plan_gap.rank, total=total, priority=number_text(plan_gap.priority, lang)
    )
    parts = [f"<p><b>{html.escape(headline)}</b></p>", _heading(GUIDANCE("why", lang)), _bullets(plan_gap.explanation)]
    if plan_gap.closing_channels:
        parts.append(_section(GUIDANCE("closers", lang), ", ".join(plan_gap.closing_channels)))
    if plan_gap.closing_actions:
        parts.append(_heading(GUIDANCE("closing", lang)) + _bullets(plan_gap.closing_actions))
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
