"""The KPI details box: how the selected target's KPI is measured and where its default comes from."""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from readiness.core.assessment import KpiTarget
from readiness.core.catalog import Kpi
from readiness.core.i18n import _
from readiness.core.lang import Lang
from readiness.core.names import label
from readiness.core.placeholders import for_bot
from readiness.ui.pages.formatting import PROBLEM_COLOUR, format_date, formatter


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
    return escape(_("Select a target to see how its KPI is measured and where its default comes from.", lang))


def details_html(
    kpi: Kpi, target: KpiTarget, due: dt.date, lang: Lang, *, bot: bool, client: bool = False, warning: str = ""
) -> str:
    """What the KPI measures (the bot's part only where one answers customers), its benchmark, default and deadline;
    the formula and the sources too, except in the client's view; first, a ``warning`` the target deserves."""
    fmt = formatter(lang)
    default = fmt.quantity(kpi.default_target, kpi.unit.get(lang))
    direction = label("direction", kpi.direction.value, lang)
    sources = "; ".join(
        f"<a href='{escape(s.url)}'>{escape(s.title)}</a> ({escape(fmt.date(s.as_of))})" for s in kpi.sources
    )
    facts = (
        *(() if client else ((_("Formula", lang), escape(kpi.formula.get(lang))),)),
        (_("Benchmark", lang), escape(kpi.benchmark.get(lang))),
        (_("Sourced default target", lang), f"{escape(default)} ({escape(direction)})"),
        (_("Deadline", lang), escape(format_date(lang, due))),
        *(() if client else ((_("Sources", lang), sources),)),
    )
    lines = [f"<b style='color:{PROBLEM_COLOUR}'>{escape(warning)}</b>"] if warning else []
    lines += [f"<b>{escape(kpi.name.get(lang))}</b>: {escape(for_bot(kpi.definition.get(lang), bot))}"]
    lines += [f"<b>{escape(caption)}:</b> {value}" for caption, value in facts]
    return "<br>".join(lines)
