"""A re-assessment set beside its baseline, on the review page: the scores then and now overlaid in one chart, and
the same tables the plan prints (scores, gaps, the baseline's KPI targets against what was measured)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QTextBrowser

from readiness.core.i18n import _
from readiness.core.lang import Lang
from readiness.core.plan.cycle import CycleComparison, ScoreChange, TextTable, cycle_tables
from readiness.core.plan.figures import score_text
from readiness.core.plan.readiness import BAND_RAMP
from readiness.ui.pages.formatting import format_date

CHART_URL = QUrl("readiness://cycle-chart")
ROW = 20
LABEL_SHARE = 0.34
VALUE_WIDTH = 44
MIN_WIDTH = 320


class CycleView(QTextBrowser):
    """Read-only, selectable and scrollable; the chart is an image inside the text, its figures in the table below.
    Named in the window's language, it speaks the plan's, as the comparison does, like the rest of the plan's
    content on the page."""

    def __init__(self, lang: Lang) -> None:
        super().__init__()
        self.plan_lang = lang
        self.setOpenLinks(False)
        # Text and tables wrap to the width and the chart is drawn to it: no scroll bar for a pixel of rounding.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(_("Since the baseline assessment", lang))
        self._shown: CycleComparison | None = None
        self._width = 0

    def show_cycle(self, cycle: CycleComparison, plan_lang: Lang) -> None:
        self._shown, self.plan_lang = cycle, plan_lang
        self._width = self._room()
        self._draw(cycle, self._width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The chart spans the width the tab has; it is drawn again when that changes."""
        super().resizeEvent(event)
        width = self._room()
        if self._shown is not None and width != self._width:
            self._width = width
            self._draw(self._shown, width)

    def _room(self) -> int:
        """The text's width whether or not the vertical scroll bar shows, so that nothing scrolls sideways."""
        margins = 2 * self.document().documentMargin() + 8
        return max(
            self.width() - self.verticalScrollBar().sizeHint().width() - round(margins) - 2 * self.frameWidth(),
            MIN_WIDTH,
        )

    def _draw(self, cycle: CycleComparison, width: int) -> None:
        scroll = self.verticalScrollBar().value()
        image = overlay_chart(cycle.scores, width, self.devicePixelRatioF(), self.palette(), self.plan_lang)
        self.document().addResource(QTextDocument.ResourceType.ImageResource, CHART_URL, image)
        self.setHtml(cycle_html(cycle, width, self.plan_lang))
        self.verticalScrollBar().setValue(scroll)


def overlay_chart(rows: tuple[ScoreChange, ...], width: int, ratio: float, palette: QPalette, lang: Lang) -> QImage:
    """Each dimension's score now as a bar, the baseline's as a thin dark bar across it, as the plan draws them."""
    image = QImage(round(width * ratio), round(ROW * len(rows) * ratio), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    ink = palette.color(QPalette.ColorRole.WindowText)
    label_width = width * LABEL_SHARE
    track = width - label_width - VALUE_WIDTH
    for index, row in enumerate(rows):
        top = index * ROW
        font = QFont(painter.font())
        font.setBold(index == 0)
        painter.setFont(font)
        painter.setPen(ink)
        label = _("Overall", lang) if index == 0 else row.label
        painter.drawText(QRectF(0, top, label_width - 6, ROW), Qt.AlignmentFlag.AlignVCenter, label)
        painter.fillRect(QRectF(label_width, top + 3, track, ROW - 6), QColor("#EEF2F6"))
        painter.fillRect(QRectF(label_width, top + 3, track * (row.after or 0) / 100, ROW - 6), QColor(BAND_RAMP[2]))
        if row.before is not None:
            end = label_width + track * row.before / 100
            painter.fillRect(QRectF(label_width, top + ROW / 2 - 2, end - label_width, 4), ink)
            painter.setPen(ink)
            painter.drawLine(QPointF(end, top + 2), QPointF(end, top + ROW - 2))
        painter.drawText(
            QRectF(width - VALUE_WIDTH + 4, top, VALUE_WIDTH - 4, ROW),
            Qt.AlignmentFlag.AlignVCenter,
            score_text(row.after, lang),
        )
    painter.end()
    return image


def cycle_html(cycle: CycleComparison, width: int, lang: Lang) -> str:
    legend = _(
        "The thin dark bar across each bar is the score of the baseline assessment of {day}.",
        lang,
        day=format_date(lang, cycle.baseline_created),
    )
    parts = [
        f"<p><b>{escape(cycle.summary)}</b></p>",
        f'<p><img src="{CHART_URL.toString()}" width="{width}"></p>',
        f"<p><small>{escape(legend)}</small></p>",
    ]
    for table in cycle_tables(cycle, lang):
        parts.extend((f"<h4>{escape(table.heading)}</h4>", _table(table)))
    return "".join(parts)


def _table(table: TextTable) -> str:
    first = len(table.headers) - table.figures

    def align(column: int) -> str:
        return "right" if column >= first else "left"

    head = "".join(f"<th align='{align(i)}'>{escape(h)}</th>" for i, h in enumerate(table.headers))
    body = "".join(
        "<tr>" + "".join(f"<td align='{align(i)}'>{escape(cell)}</td>" for i, cell in enumerate(row)) + "</tr>"
        for row in table.rows
    )
    return f"<table cellspacing='0' cellpadding='3'><tr>{head}</tr>{body}</table>"
