"""The team panel's training sessions: a table of sessions dated from launch, each with its audience."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from readiness.core.assessment import TrainingSession
from readiness.core.content import Catalogs
from readiness.core.i18n import N_, _
from readiness.core.lang import Lang
from readiness.core.plan.launch import launch_date
from readiness.core.plan.training import suggested_training
from readiness.core.text import Role
from readiness.ui.pages.base import Panel
from readiness.ui.pages.formatting import format_date
from readiness.ui.pages.widgets import LaunchOffsetBox, RowFocus, name_input, shows_whole_text_on_hover, table_item

AUDIENCE_CHARS = 24
"""An audience is shown whole up to about this many characters ("Atención al cliente, Ventas"); a longer list is
elided, whole in the tooltip. Its column is as wide as the longest shown."""


TRAINING_COLUMNS = (N_("Title"), N_("Audience"), N_("When"), N_("Date"))


def role_label(catalogs: Catalogs, role: Role, lang: Lang) -> str:
    text = catalogs.roles.get(role)
    return text.get(lang) if text else role.value.replace("_", " ")


class TrainingSessions(Panel):
    """The training-sessions part of the team panel, which supplies ``_edit_team`` and sets ``_loading``."""

    _loading: bool

    def _edit_team(self, **changes: object) -> None:
        raise NotImplementedError

    def _make_training(self) -> QWidget:
        lang = self.context.lang
        self.training = QTableWidget(0, 4)
        self.training.setAccessibleName(_("Training sessions", lang))
        self.training.setHorizontalHeaderLabels([_(header, lang) for header in TRAINING_COLUMNS])
        self.training.model().setHeaderData(
            2,
            Qt.Orientation.Horizontal,
            _("Days before or after the launch date", lang),
            Qt.ItemDataRole.ToolTipRole,
        )
        plain_table(self.training)
        header = self.training.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.training.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.training.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.training.currentCellChanged.connect(lambda *_: self._training_selection_changed())
        self.no_sessions = QLabel(
            _("No sessions yet: the plan proposes the suggested ones, which follow the channels and the bot.", lang)
        )
        self.no_sessions.setWordWrap(True)
        self.add_suggested = QPushButton(_("Add su&ggested sessions", lang))
        self.add_suggested.clicked.connect(self.add_suggested_training)
        self.add_session = QPushButton(_("&Add session", lang))
        self.add_session.clicked.connect(self.add_training)
        self.remove_session = QPushButton(_("Remo&ve session", lang))
        self.remove_session.clicked.connect(self.remove_training)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_suggested)
        buttons.addWidget(self.add_session)
        buttons.addWidget(self.remove_session)
        below = QVBoxLayout()
        below.addWidget(self.no_sessions)  # a line of its own: beside the buttons it wrapped word by word
        below.addLayout(buttons)
        return titled(_("Tra&ining sessions", lang), self.training, below)

    def _fill_training(self) -> None:
        sessions = self.assessment.team.training
        if self.training.isAncestorOf(self.focusWidget()):
            self.training.setFocus()  # the cell widget about to go must not hand the focus to its neighbours
        self.training.setRowCount(0)
        self.training.setRowCount(len(sessions))
        launch, _unused = launch_date(self.assessment)
        for row, session in enumerate(sessions):
            self._fill_session(row, session, launch)
        fit_height(self.training)
        self.no_sessions.setVisible(not sessions)
        self.add_suggested.setVisible(not sessions)
        self.remove_session.setEnabled(bool(sessions) and self.training.currentRow() >= 0)

    def _fill_session(self, row: int, session: TrainingSession, launch: dt.date) -> None:
        lang = self.context.lang
        title = shows_whole_text_on_hover(QLineEdit(session.title))
        title.setPlaceholderText(_("Title (required)", lang))
        title.setCursorPosition(0)
        title.textEdited.connect(lambda text: self._title_edited(row, text))
        audience = self._audience_button(row, session.audience)
        offset = LaunchOffsetBox(lang)
        offset.setValue(session.offset_days)
        offset.setToolTip(_("Days before or after the launch date", lang))
        offset.valueChanged.connect(lambda value: self._edit_training(row, offset_days=value))
        table_item(self.training, row, 3).setText(format_date(lang, launch + dt.timedelta(days=session.offset_days)))
        for column, widget in enumerate((title, audience, offset)):
            header = TRAINING_COLUMNS[column]
            session_name = _("session {row}", lang, row=row + 1)
            name_input(widget, f"{_(header, lang)}, {session_name}")
            RowFocus(widget, partial(self._session_focused, row))
            self.training.setCellWidget(row, column, widget)

    def _audience_button(self, row: int, audience: Sequence[Role]) -> QPushButton:
        button = QPushButton()
        self._show_audience(button, audience)
        menu = QMenu(button)
        for role in Role:
            action = QAction(role_label(self.catalogs, role, self.context.lang), menu)
            action.setCheckable(True)
            action.setChecked(role in audience)
            action.setData(role.value)
            action.toggled.connect(lambda _value=False: self._audience_changed(row, button, menu))
            menu.addAction(action)
        button.setMenu(menu)
        return button

    def _show_audience(self, button: QPushButton, audience: Sequence[Role]) -> None:
        names = [role_label(self.catalogs, r, self.context.lang) for r in audience]
        text = ", ".join(names) if names else _("Whole team", self.context.lang)
        metrics = button.fontMetrics()
        width = metrics.averageCharWidth() * AUDIENCE_CHARS
        button.setText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, width).replace("&", "&&"))
        button.setToolTip(text)

    def _edit_training(self, row: int, **changes: object) -> None:
        if self._loading:
            return
        sessions = list(self.assessment.team.training)
        sessions[row] = TrainingSession.model_validate({**sessions[row].model_dump(), **changes})
        self._edit_team(training=tuple(sessions))
        if "offset_days" in changes:
            launch, _unused = launch_date(self.assessment)
            table_item(self.training, row, 3).setText(
                format_date(self.context.lang, launch + dt.timedelta(days=sessions[row].offset_days))
            )

    def _title_edited(self, row: int, text: str) -> None:
        """A session needs a title: an emptied field keeps the last one until something is typed."""
        if text.strip():
            self._edit_training(row, title=text)

    def _audience_changed(self, row: int, button: QPushButton, menu: QMenu) -> None:
        audience = tuple(Role(str(a.data())) for a in menu.actions() if a.isChecked())
        self._show_audience(button, audience)
        self._edit_training(row, audience=audience)

    def add_training(self) -> None:
        session = TrainingSession(title=_("New training session", self.context.lang))
        self._edit_team(training=(*self.assessment.team.training, session))
        self._reload_training()
        row = self.training.rowCount() - 1
        self.training.setCurrentCell(row, 3)
        title = self.training.cellWidget(row, 0)
        if isinstance(title, QLineEdit):  # once the table has placed it: a hidden widget cannot take the focus
            QTimer.singleShot(0, title, partial(_focus_and_select, title))

    def add_suggested_training(self) -> None:
        """The sessions the plan would propose, made the team's own to edit."""
        suggested = suggested_training(self.assessment, self.catalogs)
        self._edit_team(training=(*self.assessment.team.training, *(session for _id, session in suggested)))
        self._reload_training()

    def remove_training(self) -> None:
        row = self.training.currentRow()
        sessions = self.assessment.team.training
        if not 0 <= row < len(sessions):
            return
        self._edit_team(training=sessions[:row] + sessions[row + 1 :])
        self._reload_training()
        if self.training.rowCount():
            self.training.setCurrentCell(min(row, self.training.rowCount() - 1), 3)

    def _reload_training(self) -> None:
        self._loading = True
        try:
            self._fill_training()
        finally:
            self._loading = False

    def _session_focused(self, row: int) -> None:
        """Select the row of a focused cell, but not while the rows are being rebuilt."""
        if not self._loading and row < self.training.rowCount():
            self.training.setCurrentCell(row, 3)

    def _training_selection_changed(self) -> None:
        self.remove_session.setEnabled(self.training.currentRow() >= 0)


def _focus_and_select(edit: QLineEdit) -> None:
    edit.setFocus()
    edit.selectAll()


def plain_table(table: QTableWidget) -> None:
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setCornerButtonEnabled(False)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


def fit_height(table: QTableWidget) -> None:
    """Tall enough to show every row: the panel scrolls, not the table."""
    rows = sum(table.sizeHintForRow(r) for r in range(table.rowCount()))
    table.setMinimumHeight(table.horizontalHeader().sizeHint().height() + rows + 2 * table.frameWidth())
    table.setMaximumHeight(table.minimumHeight())


def titled(title: str, table: QTableWidget, below: QLayout | None = None) -> QGroupBox:
    """A group box around a table; the title's mnemonic moves the focus to the table, its first child."""
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.addWidget(table)
    if below is not None:
        layout.addLayout(below)
    return box
