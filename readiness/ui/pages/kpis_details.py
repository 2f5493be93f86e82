"""The KPI details box: how the selected target's KPI is measured and where its default comes from."""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from readiness.core.assessment import KpiTarget
from readiness.core.catalog import Kpi
from readiness.core.text import Lang
from readiness.ui.pages.formatting import format_date, formatter
from readiness.ui.text import Texts

TEXT = Texts(
    {
        "details": ("About the selected KPI", "Sobre el indicador seleccionado"),
        "details.none": (
            "Select a target to see how its KPI is measured and where its default comes from.",
            "Seleccionar un objetivo para ver cómo se mide su indicador y de dónde sale su valor de referencia.",
        ),
        "details.formula": ("Formula", "Fórmula"),
        "details.benchmark": ("Benchmark", "Referencia"),
        "details.default": ("Sourced default target", "Objetivo de referencia"),
        "details.sources": ("Sources", "Fuentes"),
        "details.due": ("Deadline", "Plazo"),
        "direction.lower_is_better": ("lower is better", "cuanto menor, mejor"),
        "direction.higher_is_better": ("higher is better", "cuanto mayor, mejor"),
    }
)


def details_label() -> QLabel:
    """A rich-text label whose source links open in the browser."""
    details = QLabel()
    details.setWordWrap(True)
    details.setTextFormat(Qt.TextFormat.RichText)
    details.setOpenExternalLinks(True)
    details.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return details


def no_details_html(lang: Lang) -> str:
    return escape(TEXT("details.none", lang))


def details_html(kpi: Kpi, target: KpiTarget, due: dt.date, lang: Lang) -> str:
    fmt = formatter(lang)
    default = fmt.quantity(kpi.default_target, kpi.unit.get(lang))
    direction = TEXT(f"direction.{kpi.direction.value}", lang)
    sources = "; ".join(
        f"<a href='{escape(s.url)}'>{escape(s.title)}</a> ({escape(fmt.date(s.as_of))})" for s in kpi.sources
    )
    lines = (
        f"<b>{escape(kpi.name.get(lang))}</b>: {escape(kpi.definition.get(lang))}",
        f"<b>{escape(TEXT('details.formula', lang))}:</b> {escape(kpi.formula.get(lang))}",
        f"<b>{escape(TEXT('details.benchmark', lang))}:</b> {escape(kpi.benchmark.get(lang))}",
        f"<b>{escape(TEXT('details.default', lang))}:</b> {escape(default)} ({escape(direction)})",
        f"<b>{escape(TEXT('details.due', lang))}:</b> {escape(format_date(lang, due))}",
        f"<b>{escape(TEXT('details.sources', lang))}:</b> {sources}",
    )
    return "<br>".join(lines)
