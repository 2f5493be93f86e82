"""The review's scores: the table of readiness scores with their bars, and how they were computed."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
)

from readiness.core.i18n import N_, _
from readiness.core.lang import Lang
from readiness.core.plan.readiness import band_colour
from readiness.core.questionnaire import ScoringMethod
from readiness.ui.pages.formatting import formatter

if TYPE_CHECKING:
    from readiness.core.plan.readiness import Readiness, ScoreLine

SCORE_COLUMNS = {"dimension": N_("Dimension"), "score": N_("Score"), "bar": "", "band": N_("Band")}
"""The scores table's columns and their headers (the bar has none)."""


def set_up_scores(table: QTableWidget) -> None:
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
    table.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    for column in range(len(SCORE_COLUMNS)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    # A fixed bar and a band that takes the rest, shortened with "…" (its tooltip has it whole) when the room runs
    # out: at the presentation zoom on a laptop the table never scrolls sideways.
    bar = list(SCORE_COLUMNS).index("bar")
    header.setSectionResizeMode(bar, QHeaderView.ResizeMode.Fixed)
    header.resizeSection(bar, table.fontMetrics().height() * 5)
    header.setSectionResizeMode(list(SCORE_COLUMNS).index("band"), QHeaderView.ResizeMode.Stretch)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


def show_scores(table: QTableWidget, fit_label: QLabel, readiness: Readiness, lang: Lang) -> None:
    """The plan's scores in the plan's language ``lang``, headers and figures too, as the preview beside them."""
    table.setHorizontalHeaderLabels([_(header, lang) if header else "" for header in SCORE_COLUMNS.values()])
    fit = readiness.fit
    fit_label.setText(f"<b>{escape(fit.label)}</b> — {escape(fit.summary)}")
    rows: list[ScoreLine | str] = [
        readiness.overall,
        _("Steps", lang),
        *readiness.steps,
        _("Reasons", lang),
        *readiness.reasons,
    ]
    table.clearSpans()
    table.setRowCount(len(rows))
    for index, row in enumerate(rows):
        if isinstance(row, str):
            _heading_row(table, index, row)
        else:
            _score_row(table, index, row, readiness, lang, overall=row is readiness.overall)
    table.resizeRowsToContents()
    table.setCurrentCell(-1, -1)
    table.updateGeometry()


def _heading_row(table: QTableWidget, index: int, text: str) -> None:
    table.setSpan(index, 0, 1, len(SCORE_COLUMNS))
    item = QTableWidgetItem(text)
    font = QFont(item.font())
    font.setBold(True)
    item.setFont(font)
    table.setItem(index, 0, item)
    table.removeCellWidget(index, list(SCORE_COLUMNS).index("bar"))


def _score_row(
    table: QTableWidget, index: int, line: ScoreLine, readiness: Readiness, lang: Lang, *, overall: bool
) -> None:
    score = formatter(lang).score(line.score)
    counts = counts_text(line, lang)
    name = QTableWidgetItem(_("Overall", lang) if overall else line.label)
    name.setToolTip(f"{line.description}\n\n{counts}")
    band = QTableWidgetItem(line.band_label)
    band.setToolTip(f"{line.band_label}: {line.band_description}")
    number = QTableWidgetItem(score)
    number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if overall:
        for item in (name, number, band):
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
    bar = QProgressBar()
    bar.setRange(0, 1000)
    bar.setValue(round((line.score or 0.0) * 10))
    bar.setTextVisible(False)
    bar.setAccessibleName(
        _("{label}: {score} of 100, {band}", lang, label=name.text(), score=score, band=line.band_label)
    )
    bar.setToolTip(counts)
    colour = band_colour(line.band, [b.id for b in readiness.bands]) if line.band else None
    if colour is not None:
        palette = bar.palette()
        palette.setColor(QPalette.ColorRole.Highlight, QColor(colour))
        bar.setPalette(palette)
    for column, item in (("dimension", name), ("score", number), ("band", band)):
        table.setItem(index, list(SCORE_COLUMNS).index(column), item)
    table.setCellWidget(index, list(SCORE_COLUMNS).index("bar"), bar)


def counts_text(line: ScoreLine, lang: Lang) -> str:
    """How many of a dimension's questions were scored, not applicable, unanswered and skipped."""
    return _(
        "{scored} scored, {na} N/A, {unanswered} unanswered, {skipped} skipped",
        lang,
        scored=line.scored,
        na=line.not_applicable,
        unanswered=line.unanswered,
        skipped=line.skipped,
    )


def show_explanation(label: QLabel, readiness: Readiness, method: ScoringMethod, lang: Lang) -> None:
    """How the scores are computed, with the overall score's own sum, and the bands."""
    fmt = formatter(lang)
    overall = readiness.overall
    counts = counts_text(overall, lang)
    how = _(
        "How the scores are computed: each answered question scores 0–100 from the answer chosen (or the range a "
        "number falls in). A score is the weighted mean of the scored answers, Σ(weight × score) ÷ Σ weight; "
        "questions marked N/A or skipped by earlier answers leave the calculation, and unanswered questions are "
        "listed instead of counting as zero.",
        lang,
    ) + (
        _(" The overall score is the plain mean of the step scores.", lang)
        if method is ScoringMethod.MEAN_OF_STEPS
        else ""
    )
    if overall.score is None:
        summary = _("Overall: {counts}; no scored answers yet.", lang, counts=counts)
    elif method is ScoringMethod.MEAN_OF_STEPS:
        summary = _(
            "Overall: {counts}; mean of the step scores = {sum} ÷ {steps} = {score}.",
            lang,
            counts=counts,
            sum=fmt.number(overall.weighted_sum),
            steps=round(overall.total_weight),
            score=fmt.score(overall.score),
        )
    else:
        summary = _(
            "Overall: {counts}; Σ(weight × score) ÷ Σ weight = {sum} ÷ {weight} = {score}.",
            lang,
            counts=counts,
            sum=fmt.number(overall.weighted_sum),
            weight=fmt.number(overall.total_weight),
            score=fmt.score(overall.score),
        )
    bands = ", ".join(
        _("{label} from {min}", lang, label=b.label, min=fmt.number(b.min, digits=0)) for b in readiness.bands
    )
    label.setText("<br>".join(escape(t) for t in (how, summary, _("Bands: {bands}.", lang, bands=bands))))
