"""The gap register: one editable row per gap, ranked live, with guidance for the selected gap's type."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readiness.core.assessment import Assessment, Frequency, Gap, Severity, Touchpoint
from readiness.core.i18n import _
from readiness.core.names import label
from readiness.core.plan.gaps import rank_gaps
from readiness.core.plan.model import PlanGap
from readiness.ui.pages.base import PageContext, Panel
from readiness.ui.pages.formatting import number_text
from readiness.ui.pages.gaps_columns import LONG_COMBOS, TEXT_FIELDS, Choice, Column
from readiness.ui.pages.gaps_guidance import (
    empty_guidance,
    ranking_text,
    type_guidance,
)
from readiness.ui.pages.gaps_measured import MeasuredCell
from readiness.ui.pages.transcripts_import import import_button
from readiness.ui.pages.widgets import QuietCombo, RowFocus, bare_column, rich_label, scrolling, split, table_item


class GapRegisterPanel(Panel):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._ids: list[str] = []
        self._measured: dict[str, MeasuredCell] = {}
        self._ranked: dict[str, PlanGap] = {}
        self.texts: dict[str, QLineEdit] = {}
        self._loading = False
        self._build()
        self.refresh()

    def title(self) -> str:
        return _("Gap register", self.context.lang)

    def refresh(self) -> None:
        selected = self.selected_gap_id()
        self._fill_table()
        self._update_ranking()
        if selected in self._ids:
            self.select_gap(selected)
        elif self._ids:
            self.table.selectRow(0)
        self._show_guidance()

    def cell(self, row: int, column: Column) -> QWidget:
        """The input widget of one cell (the line edit for a measured value)."""
        widget = self.table.cellWidget(row, column)
        edit = widget.findChild(QLineEdit) if column is Column.MEASURED else None
        return widget if edit is None else edit

    def selected_gap_id(self) -> str | None:
        row = self.table.currentRow()
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def _cell_focused(self, gap_id: str) -> None:
        """Select the row of a focused cell, but not while the rows are being rebuilt."""
        if not self._loading and gap_id in self._ids:
            self.select_gap(gap_id)

    def row_of(self, gap_id: str) -> int:
        return self._ids.index(gap_id)

    def select_gap(self, gap_id: str) -> None:
        row = self.row_of(gap_id)
        if self.table.currentRow() != row:
            self.table.setCurrentCell(row, Column.RANK)

    # Building

    def _build(self) -> None:
        lang = self.context.lang
        intro = QLabel(
            _(
                "List every place where customers struggle to reach the business or get an answer. Each gap is "
                "ranked by frequency × severity, adjusted by the measured figure against its benchmark.",
                lang,
            )
        )
        intro.setWordWrap(True)
        self.table = self._make_table()
        table_label = QLabel(_("&Gaps", lang))
        table_label.setBuddy(self.table)
        self.add_button = QPushButton(_("&Add gap", lang))
        self.add_button.setToolTip(_("Add a row to the register", lang))
        self.add_button.clicked.connect(self.add_gap)
        self.remove_button = QPushButton(_("&Remove gap", lang))
        self.remove_button.setToolTip(_("Remove the selected gap", lang))
        self.remove_button.clicked.connect(self.remove_gap)
        buttons = QHBoxLayout()
        buttons.addWidget(table_label)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        self.import_button = import_button(self, self.context, self.refresh)
        buttons.addWidget(self.import_button)
        top, top_layout = bare_column()
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(self._make_texts())
        splitter = split(Qt.Orientation.Vertical, top, self._make_guidance(), (1, 1))
        splitter.setSizes([1, 1])
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)

    def _make_table(self) -> QTableWidget:
        lang = self.context.lang
        table = QTableWidget(0, len(Column))
        table.setAccessibleName(_("Gap register", lang))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setCornerButtonEnabled(False)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        for column in Column:
            item = QTableWidgetItem(_(column.header, lang))
            item.setToolTip(_(column.tip, lang))
            table.setHorizontalHeaderItem(column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(int(Column.TYPE), QHeaderView.ResizeMode.Stretch)  # long type names take the room
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.currentCellChanged.connect(self._current_changed)
        return table

    def _make_texts(self) -> QHBoxLayout:
        """The selected gap's evidence and notes, side by side under the table."""
        lang = self.context.lang
        row = QHBoxLayout()
        for field, text, tip in TEXT_FIELDS:
            edit = QLineEdit()
            edit.setToolTip(_(tip, lang))
            edit.setPlaceholderText(_(tip, lang))
            edit.setAccessibleName(_(text, lang).replace("&", ""))
            edit.textEdited.connect(lambda value, f=field: self._text_edited(f, value))
            form = QFormLayout()
            form.addRow(_(text, lang), edit)
            row.addLayout(form, 1)
            self.texts[field] = edit
        return row

    def _make_guidance(self) -> QWidget:
        self.guidance_box = QGroupBox(_("About this gap type", self.context.lang))
        self.guidance = rich_label()
        self.ranking_box = QGroupBox(_("Ranking", self.context.lang))
        self.ranking = rich_label()
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for box, text in ((self.guidance_box, self.guidance), (self.ranking_box, self.ranking)):
            scroll = scrolling(text)
            QVBoxLayout(box).addWidget(scroll)
            layout.addWidget(box, 1)
        return row

    # Rows

    def _fill_table(self, order: Sequence[str] = ()) -> None:
        """Rebuild the rows in rank order, or in the given order of gap ids (the rest after them, ranked)."""
        self._loading = True
        try:
            if self.table.isAncestorOf(self.focusWidget()):
                self.table.setFocus()  # the cell widget about to go must not hand the focus to its neighbours
            self.table.setRowCount(0)
            gaps = self._in_order(order)
            self._ids = [g.id for g in gaps]
            self._measured.clear()
            self.table.setRowCount(len(self._ids))
            for row, gap in enumerate(gaps):
                self._fill_row(row, gap)
            for column in Column:
                if column is not Column.TYPE:  # the type column stretches; sizing it to contents would undo that
                    self.table.resizeColumnToContents(column)
        finally:
            self._loading = False
        self.remove_button.setEnabled(bool(self._ids))

    def _in_order(self, order: Sequence[str]) -> list[Gap]:
        """Rows keep their place while edited and re-sort when rebuilt; a new gap waits at the bottom."""
        ranks = {g.id: g.rank for g in self._rank()}
        first = {gap_id: place for place, gap_id in enumerate(order)}
        return sorted(self.assessment.gaps, key=lambda g: (first.get(g.id, len(first)), ranks[g.id]))

    def _fill_row(self, row: int, gap: Gap) -> None:
        lang = self.context.lang
        for column in (Column.RANK, Column.PRIORITY):
            table_item(self.table, row, column).setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        gid = gap.id
        combos: dict[Column, tuple[Sequence[Choice], str | None, str]] = {
            Column.TYPE: (self._type_choices(gap.type), gap.type, "type"),
            Column.TOUCHPOINT: (
                [(label("touchpoint", t, lang), t.value) for t in Touchpoint],
                gap.touchpoint,
                "touchpoint",
            ),
            Column.CHANNEL: (self._channel_choices(gap.current_channel), gap.current_channel, "current_channel"),
            Column.FREQUENCY: ([(label("frequency", f, lang), f.value) for f in Frequency], gap.frequency, "frequency"),
            Column.SEVERITY: ([(label("severity", s, lang), s.value) for s in Severity], gap.severity, "severity"),
        }
        for column, (choices, current, field) in combos.items():
            combo = self._combo(choices, current, LONG_COMBOS.get(column))
            combo.currentIndexChanged.connect(
                lambda _value=0, c=combo, f=field: self._edit(gid, **{f: c.currentData()})
            )
            self._place(row, column, gid, combo)
        measured = MeasuredCell(gap.measured_value, lang)
        measured.show_unit(self.catalogs.gap_types.get(gap.type))
        measured.edited.connect(lambda value: self._edit(gid, measured_value=value))
        self._measured[gid] = measured
        self._place(row, Column.MEASURED, gid, measured, focus_on=QLineEdit)

    def _place(self, row: int, column: Column, gap_id: str, widget: QWidget, focus_on: type | None = None) -> None:
        """Put an input in a cell, name it for screen readers and make it select its row when focused."""
        name = _("{column}, gap {row}", self.context.lang, column=_(column.header, self.context.lang), row=row + 1)
        found = widget.findChild(focus_on) if focus_on else None
        target = found if isinstance(found, QWidget) else widget
        target.setAccessibleName(name)
        RowFocus(target, lambda: self._cell_focused(gap_id))
        self.table.setCellWidget(row, column, widget)

    def _combo(self, choices: Sequence[Choice], current: str | None, chars: int | None) -> QComboBox:
        combo = QuietCombo()
        combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        if chars is not None:
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(chars)
        for text, value in choices:
            text = text[:1].upper() + text[1:]  # a list of choices starts each with a capital, as menus do
            combo.addItem(text, value)
            combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(max(0, [value for _, value in choices].index(current)))
        combo.setToolTip(combo.currentText())
        combo.currentTextChanged.connect(combo.setToolTip)
        return combo

    def _type_choices(self, current: str) -> list[Choice]:
        lang = self.context.lang
        choices: list[Choice] = [(t.name.get(lang), t.id) for t in self.catalogs.gap_types.values()]
        if current not in self.catalogs.gap_types:
            choices.append((current, current))
        return choices

    def _channel_choices(self, current: str | None) -> list[Choice]:
        lang = self.context.lang
        choices: list[Choice] = [(_("— none —", lang), None)]
        choices += [(c.name.get(lang), c.id) for c in self.catalogs.channels.values()]
        if current is not None and current not in self.catalogs.channels:
            choices.append((current, current))
        return choices

    # Editing

    def _edit(self, gap_id: str, **changes: object) -> None:
        if self._loading:
            return

        def change(assessment: Assessment) -> Assessment:
            gaps = tuple(
                Gap.model_validate({**g.model_dump(), **changes}) if g.id == gap_id else g for g in assessment.gaps
            )
            return assessment.model_copy(update={"gaps": gaps})

        self.context.session.update(change)
        if "type" in changes:
            self._measured[gap_id].show_unit(self.catalogs.gap_types.get(str(changes["type"])))
        self._update_ranking()
        self.select_gap(gap_id)
        self._show_guidance()

    def _text_edited(self, field: str, text: str) -> None:
        if (gap_id := self.selected_gap_id()) is not None:
            self._edit(gap_id, **{field: text})

    def add_gap(self) -> None:
        gap = Gap(
            id=self._new_id(),
            type=next(iter(self.catalogs.gap_types), "gap"),
            touchpoint=Touchpoint.SUPPORT,
            frequency=Frequency.WEEKLY,
            severity=Severity.MEDIUM,
        )
        self.context.session.update(lambda a: a.model_copy(update={"gaps": (*a.gaps, gap)}))
        self._fill_table(order=[*self._ids, gap.id])
        self._update_ranking()
        self.select_gap(gap.id)
        self._show_guidance()
        self.table.scrollToItem(table_item(self.table, len(self._ids) - 1, Column.RANK))
        combo = self.table.cellWidget(len(self._ids) - 1, Column.TYPE)
        QTimer.singleShot(0, combo, combo.setFocus)  # once the table has placed it: hidden widgets take no focus

    def remove_gap(self) -> None:
        gap_id = self.selected_gap_id()
        if gap_id is None:
            return
        row = self._ids.index(gap_id)
        self.context.session.update(lambda a: a.model_copy(update={"gaps": tuple(g for g in a.gaps if g.id != gap_id)}))
        self.refresh()
        if self._ids:
            self.select_gap(self._ids[min(row, len(self._ids) - 1)])
            self._show_guidance()

    def _new_id(self) -> str:
        taken = set(self._ids)
        number = len(taken) + 1
        while f"gap-{number}" in taken:
            number += 1
        return f"gap-{number}"

    # Ranking and guidance

    def _rank(self) -> tuple[PlanGap, ...]:
        return rank_gaps(self.assessment, self.catalogs, self.context.lang)

    def _update_ranking(self) -> None:
        self._ranked = {g.id: g for g in self._rank()}
        for row, gap_id in enumerate(self._ids):
            plan_gap = self._ranked[gap_id]
            table_item(self.table, row, Column.RANK).setText(str(plan_gap.rank))
            table_item(self.table, row, Column.PRIORITY).setText(number_text(plan_gap.priority, self.context.lang))

    def _show_texts(self, gap_id: str | None) -> None:
        gap = next((g for g in self.assessment.gaps if g.id == gap_id), None)
        for field, edit in self.texts.items():
            edit.setEnabled(gap is not None)
            value = getattr(gap, field) if gap else ""
            if edit.text() != value:  # the same text is left alone: the cursor stays where the user types
                edit.setText(value)
                edit.setCursorPosition(0)

    def _current_changed(self, row: int, _column: int, previous: int, _previous_column: int) -> None:
        if row != previous:
            self._show_guidance()

    def _show_guidance(self) -> None:
        lang = self.context.lang
        gap_id = self.selected_gap_id()
        self.remove_button.setEnabled(gap_id is not None)
        self._show_texts(gap_id)
        if gap_id is None or gap_id not in self._ranked:
            self.guidance_box.setTitle(_("About this gap type", lang))
            self.guidance.setText(empty_guidance(lang))
            self.ranking.setText("")
            return
        plan_gap = self._ranked[gap_id]
        gap_type = self.catalogs.gap_types.get(plan_gap.type)
        self.guidance_box.setTitle(_("About: {name}", lang, name=plan_gap.type_name))
        self.guidance.setText(type_guidance(gap_type, lang, bot=self.assessment.team.bot.enabled))
        self.ranking.setText(ranking_text(plan_gap, len(self._ranked), lang))
