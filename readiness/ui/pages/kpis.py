"""Refine: KPI targets, pre-filled from the catalog's sourced defaults, and the routine that closes the cycle.

The table's row editors live in :mod:`kpis_table`, the details box in :mod:`kpis_details`
and the refine routine's fields in :mod:`refine_routine`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from readiness.core.assessment import Assessment, KpiTarget
from readiness.core.catalog import Cadence, Kpi
from readiness.core.i18n import N_, _
from readiness.core.plan.facts import PlanFacts
from readiness.core.plan.kpis import DEFAULT_DEADLINE_DAYS, promise_warning, suggested_kpis
from readiness.core.plan.launch import launch_date
from readiness.ui.pages.base import PageContext, Panel
from readiness.ui.pages.formatting import format_date, formatter
from readiness.ui.pages.kpis_details import details_html, details_label, no_details_html
from readiness.ui.pages.kpis_table import (
    COLUMNS,
    Row,
    cell_name,
    deadline_help,
    new_row,
    number_locale,
    set_up_table,
    show_promise_warning,
    show_row,
)
from readiness.ui.pages.refine_routine import RefineRoutine
from readiness.ui.pages.transcripts_import import import_button
from readiness.ui.pages.widgets import name_input

SELECTED_TEXTS = {
    "baseline_source": N_("Where the selected target's &baseline was measured (its own channel and touchpoint)"),
    "data_source": N_("Where its figures will come from after la&unch"),
}
"""The selected target's texts, edited under the table so that the figures' columns fit a laptop screen."""


class KpiPanel(Panel):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        lang = context.lang
        self._locale = number_locale(lang)
        context.view.changed.connect(self._show_details)
        self._rows: list[Row] = []
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.suggestion_box = QFrame()
        self.suggestion = QLabel()
        self.suggestion.setWordWrap(True)
        self.add_suggested = self._button(N_("Add &suggested targets"), self._add_suggested_targets)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName(_("&Targets", lang).replace("&", ""))
        self.add = self._button(N_("&Add target"), self.add_target)
        self.remove = self._button(N_("&Remove selected target"), self.remove_selected)
        self.details = details_label()
        self.baseline_source = self._selected_text("baseline_source")
        self.baseline_source.setPlaceholderText(
            _("e.g. current chat inbox, support questions, median for October", lang)
        )
        self.data_source = self._selected_text("data_source")
        self.refine = RefineRoutine(context)
        self.transcripts = self.refine.transcripts
        self.reassess = self.refine.reassess
        self.reassess_date = self.refine.reassess_date
        self._build_layout()
        set_up_table(self.table, lang)
        self.refresh()
        self.table.currentCellChanged.connect(lambda *_: self._show_details())
        self.refine.connect_edits()

    def title(self) -> str:
        return _("KPI targets", self.context.lang)

    def refresh(self) -> None:
        assessment = self.context.session.assessment
        launch, assumed = launch_date(assessment)
        lang = self.context.lang
        self.intro.setText(
            _(
                "The figures to track after launch. Deadlines count from the launch date ({launch}).",
                lang,
                launch=format_date(lang, launch),
            )
            + (_(" The launch date is assumed; set it in the profile.", lang) if assumed else "")
        )
        self._fill_table()
        self._show_suggestion()
        self.refine.refresh()
        self._show_details()

    # Layout

    def _button(self, text: str, action: Callable[[], None]) -> QPushButton:
        button = QPushButton(_(text, self.context.lang))
        button.setAccessibleName(_(text, self.context.lang).replace("&", ""))
        button.clicked.connect(lambda: action())
        return button

    def _build_layout(self) -> None:
        lang = self.context.lang
        self.suggestion_box.setFrameShape(QFrame.Shape.StyledPanel)
        suggestion_layout = QHBoxLayout(self.suggestion_box)
        suggestion_layout.addWidget(self.suggestion, 1)
        suggestion_layout.addWidget(self.add_suggested, 0, Qt.AlignmentFlag.AlignVCenter)
        targets_label = QLabel(_("&Targets", lang))
        targets_label.setBuddy(self.table)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.remove)
        self.import_button = import_button(self, self.context, self.refresh)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        details = QGroupBox(_("About the selected KPI", lang))
        details_layout = QVBoxLayout(details)
        details_layout.addWidget(self.details)
        for field, edit in (("baseline_source", self.baseline_source), ("data_source", self.data_source)):
            caption = QLabel(_(SELECTED_TEXTS[field], lang))
            caption.setWordWrap(True)
            caption.setBuddy(edit)
            details_layout.addWidget(caption)
            details_layout.addWidget(edit)
        details_layout.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(details, 3)
        bottom.addWidget(self.refine, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.suggestion_box)
        layout.addWidget(targets_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(bottom)

    # Table rows

    def _fill_table(self) -> None:
        current = self.table.currentRow()
        self._rows = []
        self.table.setRowCount(0)
        for target in self.context.session.assessment.kpis:
            self._add_row(target)
        if self._rows:
            self.table.setCurrentCell(min(max(current, 0), len(self._rows) - 1), 0)
        self.remove.setEnabled(bool(self._rows))

    def _add_row(self, target: KpiTarget) -> None:
        lang = self.context.lang
        index = self.table.rowCount()
        self.table.insertRow(index)
        row = new_row(self._kpi_combo(), self._locale, lang)
        self._rows.append(row)
        self._show_row(row, target)
        for column, key in enumerate(COLUMNS):
            if key == "unit":
                self.table.setItem(index, column, row.unit)
                continue
            widget: QWidget = getattr(row, key)
            name_input(widget, cell_name(key, index, lang))
            widget.installEventFilter(self)
            self.table.setCellWidget(index, column, widget)
        self._connect_row(row)

    def _kpi_combo(self) -> QComboBox:
        combo = QComboBox()
        for kpi in self.context.session.content.catalogs.kpis.values():
            combo.addItem(kpi.name.get(self.context.lang), kpi.id)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _show_row(self, row: Row, target: KpiTarget) -> None:
        """Put one target's values in its editors, without writing them back."""
        show_row(row, target, self._kpi(target.kpi), self._deadline(target), self.context.lang)
        show_promise_warning(row, self._promise_warning(target), self.context.lang)

    def _promise_warning(self, target: KpiTarget) -> str:
        """Set when the target is a median reply time slower than the reply time promised (Team, Channels)."""
        session = self.context.session
        kpi = self._kpi(target.kpi)
        if kpi is None:
            return ""
        promises = PlanFacts.of(session.assessment, session.content.catalogs).promises
        return promise_warning(kpi, target.target, promises, self.context.lang)

    def _connect_row(self, row: Row) -> None:
        row.kpi.currentIndexChanged.connect(lambda _value: self._kpi_picked(row))
        row.baseline.read.connect(lambda value: self._write(row, baseline=value))
        row.target.valueChanged.connect(lambda value: self._target_changed(row, float(value)))
        row.deadline.valueChanged.connect(lambda value: self._deadline_changed(row, int(value)))
        row.owner.textEdited.connect(lambda text: self._write(row, owner=text))
        row.cadence.currentIndexChanged.connect(lambda _value: self._cadence_changed(row))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Focusing an editor selects its row, so the details and Remove follow the keyboard."""
        if event.type() == QEvent.Type.FocusIn:
            for index, row in enumerate(self._rows):
                if watched in row.editors() and self.table.currentRow() != index:
                    self.table.setCurrentCell(index, 0)
        return super().eventFilter(watched, event)

    # Edits

    def _index(self, row: Row) -> int:
        return self._rows.index(row)

    def _target(self, row: Row) -> KpiTarget:
        return self.context.session.assessment.kpis[self._index(row)]

    def _write(self, row: Row, **changes: object) -> None:
        index = self._index(row)

        def change(assessment: Assessment) -> Assessment:
            kpis = tuple(k.model_copy(update=changes) if i == index else k for i, k in enumerate(assessment.kpis))
            return assessment.model_copy(update={"kpis": kpis})

        self.context.session.update(change)

    def _kpi_picked(self, row: Row) -> None:
        kpi = self._kpi(str(row.kpi.currentData()))
        if kpi is None:
            return
        self._write(
            row, kpi=kpi.id, target=kpi.default_target, baseline=None, baseline_source="", data_source="", cadence=None
        )
        self._show_row(row, self._target(row))
        self._show_details()

    def _target_changed(self, row: Row, value: float) -> None:
        self._write(row, target=value)
        show_promise_warning(row, self._promise_warning(self._target(row)), self.context.lang)
        self._show_details()

    def _deadline_changed(self, row: Row, days: int) -> None:
        self._write(row, deadline_days=days)
        row.deadline.setToolTip(deadline_help(self.context.lang, self._deadline(self._target(row))))
        self._show_details()

    def _cadence_changed(self, row: Row) -> None:
        value = row.cadence.currentData()
        self._write(row, cadence=Cadence(value) if value else None)

    def add_target(self) -> None:
        """Add a row for the first suggested KPI not yet used (or any unused one), with its sourced default."""
        used = {k.kpi for k in self.context.session.assessment.kpis}
        catalog = self.context.session.content.catalogs.kpis
        candidates = [*self._suggested(), *catalog.values()]
        kpi = next((k for k in candidates if k.id not in used), next(iter(catalog.values()), None))
        if kpi is None:
            return
        added = KpiTarget(kpi=kpi.id, target=kpi.default_target, deadline_days=DEFAULT_DEADLINE_DAYS)
        self.context.session.update(lambda a: a.model_copy(update={"kpis": (*a.kpis, added)}))
        self._after_rows_changed(len(self.context.session.assessment.kpis) - 1)

    def remove_selected(self) -> None:
        index = self.table.currentRow()
        if not 0 <= index < len(self._rows):
            return
        self.context.session.update(
            lambda a: a.model_copy(update={"kpis": tuple(k for i, k in enumerate(a.kpis) if i != index)})
        )
        self._after_rows_changed(min(index, len(self.context.session.assessment.kpis) - 1))

    def _add_suggested_targets(self) -> None:
        suggested = tuple(
            KpiTarget(kpi=k.id, target=k.default_target, deadline_days=DEFAULT_DEADLINE_DAYS) for k in self._suggested()
        )
        if suggested:
            self.context.session.update(lambda a: a.model_copy(update={"kpis": suggested}))
            self._after_rows_changed(0)

    def _after_rows_changed(self, select: int) -> None:
        self._fill_table()
        self._show_suggestion()
        if 0 <= select < len(self._rows):
            self.table.setCurrentCell(select, 0)
            self._rows[select].kpi.setFocus()
        self._show_details()

    # What the panel shows besides the editors

    def _kpi(self, kpi_id: str) -> Kpi | None:
        return self.context.session.content.catalogs.kpis.get(kpi_id)

    def _suggested(self) -> list[Kpi]:
        assessment = self.context.session.assessment
        chosen = tuple(c.channel for c in sorted(assessment.channels, key=lambda c: c.role != "primary"))
        return suggested_kpis(self.context.session.assessment, chosen, self.context.session.content.catalogs)

    def _deadline(self, target: KpiTarget) -> dt.date:
        launch, _unused = launch_date(self.context.session.assessment)
        return launch + dt.timedelta(days=target.deadline_days)

    def _show_suggestion(self) -> None:
        lang = self.context.lang
        empty = not self.context.session.assessment.kpis
        self.suggestion_box.setVisible(empty)
        suggested = self._suggested()
        self.add_suggested.setEnabled(empty and bool(suggested))
        if not suggested:
            self.suggestion.setText(
                _("No targets yet. Choose channels first to get suggested targets, or add targets one by one.", lang)
            )
            return
        names = "; ".join(
            f"{k.name.get(lang)} ({formatter(lang).quantity(k.default_target, k.unit.get(lang))})" for k in suggested
        )
        self.suggestion.setText(
            _(
                "No targets yet: for the chosen channels the plan will use these sourced targets: {kpis}. Add them "
                "to adjust them.",
                lang,
                kpis=names,
            )
        )

    def _show_details(self) -> None:
        lang = self.context.lang
        index = self.table.currentRow()
        kpis = self.context.session.assessment.kpis
        selected = 0 <= index < len(kpis)
        for field, edit in (("baseline_source", self.baseline_source), ("data_source", self.data_source)):
            edit.setEnabled(selected)
            if edit.text() != (text := getattr(kpis[index], field) if selected else ""):
                edit.setText(text)
                edit.setCursorPosition(0)
        kpi = self._kpi(kpis[index].kpi) if selected else None
        suggestion = kpi.data_source.get(lang) if kpi else ""
        self.data_source.setPlaceholderText(suggestion)
        source_help = _("Where the figure comes from; empty uses the catalog's suggestion.", lang)
        self.data_source.setToolTip(f"{source_help}\n{suggestion}".strip())
        if not selected or kpi is None:
            self.details.setText(no_details_html(lang))
            return
        client = self.context.view.client
        bot = self.context.session.assessment.team.bot.enabled
        warning = self._promise_warning(kpis[index])
        self.details.setText(
            details_html(kpi, kpis[index], self._deadline(kpis[index]), lang, bot=bot, client=client, warning=warning)
        )

    def _selected_text(self, field: str) -> QLineEdit:
        """A line under the table that edits one text of the selected target."""
        edit = QLineEdit()
        name_input(edit, _(SELECTED_TEXTS[field], self.context.lang).replace("&", ""))
        edit.textEdited.connect(lambda text: self._selected_text_edited(field, text))
        return edit

    def _selected_text_edited(self, field: str, text: str) -> None:
        index = self.table.currentRow()
        if 0 <= index < len(self._rows):
            self._write(self._rows[index], **{field: text})
