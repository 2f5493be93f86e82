"""The profile's editable lists: contact channels and participants, one removable row of widgets each."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from readiness.core.assessment import ChannelUse, Participant
from readiness.core.content import Catalogs
from readiness.core.i18n import _
from readiness.core.lang import Lang
from readiness.ui.pages.inputs import ChoiceBox, CountBox
from readiness.ui.pages.widgets import name_input

MAX_VOLUME = 100_000_000
CHANNEL_CHARS = 12
"""A current channel's list shows this much of the name, so the column fits beside its neighbours at 1280 px."""


class RowGrid:
    """The grid of an editable list: a header line, one line of widgets per row, "none yet" when empty."""

    def __init__(self, owner: QWidget, headers: Sequence[str], empty_text: str) -> None:
        self.grid = QGridLayout(owner)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.headers = [QLabel(f"<b>{html.escape(header)}</b>") for header in headers]
        for column in range(len(headers)):
            self.grid.setColumnStretch(column, 1)
        self.empty = QLabel(empty_text)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)

    def lay_out(self, rows: Sequence[Sequence[QWidget]]) -> None:
        while self.grid.count():
            self.grid.takeAt(0)
        for column, header in enumerate(self.headers):
            self.grid.addWidget(header, 0, column)
        for index, row in enumerate(rows, start=1):
            for column, widget in enumerate(row):
                self.grid.addWidget(widget, index, column)
                widget.show()  # at once, so a new row can take focus
        self.grid.addWidget(self.empty, len(rows) + 1, 0, 1, len(self.headers) + 1)
        self.empty.setVisible(not rows)


def _discard(widgets: Sequence[QWidget]) -> None:
    for widget in widgets:
        widget.hide()
        widget.deleteLater()


RowT = TypeVar("RowT", bound=tuple[QWidget, ...])


class EditableRows(QWidget, Generic[RowT]):
    """An editable list laid out on a RowGrid: rows of widgets, each row removable, the first widget focused."""

    changed = Signal()

    def __init__(self, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.rows: list[RowT] = []

    def _replace_rows(self, rows: Sequence[RowT]) -> None:
        for row in self.rows:
            _discard(row)
        self.rows = list(rows)
        self._lay_out()

    def _append(self, row: RowT) -> None:
        self.rows.append(row)
        self._lay_out()
        row[0].setFocus()
        self.changed.emit()

    def _remove(self, row: RowT) -> None:
        index = self.rows.index(row)
        self.rows.pop(index)
        _discard(row)
        self._lay_out()
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)][0].setFocus()
        self.changed.emit()

    def _lay_out(self) -> None:
        raise NotImplementedError


class ChannelRows(EditableRows[tuple[ChoiceBox, CountBox, QPushButton]]):
    """The current contact channels: a channel and its monthly volume per row, each row removable."""

    def __init__(self, catalogs: Catalogs, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(lang, parent)
        self.choices = sorted(
            ((channel.id, channel.name.get(lang)) for channel in catalogs.channels.values()),
            key=lambda pair: pair[1].casefold(),
        )
        headers = (_("Channel", lang), _("Contacts per month", lang))
        self.grid = RowGrid(self, headers, _("No channels yet.", lang))
        self.grid.grid.setColumnStretch(1, 0)

    def uses(self) -> list[ChannelUse]:
        """The rows whose channel has been picked (a new row counts once the user picks one)."""
        return [
            ChannelUse(channel=box.currentData(), monthly_volume=volume.count())
            for box, volume, _ in self.rows
            if box.currentData() is not None
        ]

    def channel_name(self, channel_id: str) -> str:
        return next((name for cid, name in self.choices if cid == channel_id), channel_id)

    def set_uses(self, uses: Sequence[ChannelUse]) -> None:
        self._replace_rows([self._row(use) for use in uses])

    def add(self) -> None:
        """A row with no channel yet: nothing is saved until the user picks one (seen in a real window: the first
        channel of the list was saved for a row the user had not filled in)."""
        self._append(self._row(None))

    def _row(self, use: ChannelUse | None) -> tuple[ChoiceBox, CountBox, QPushButton]:
        box = ChoiceBox()
        box.setPlaceholderText(_("Choose a channel…", self.lang))
        taken = {b.currentData() for b, _, _ in self.rows}
        for channel_id, name in self.choices:
            if use is not None or channel_id not in taken:
                box.addItem(name, channel_id)
        if use is not None and box.findData(use.channel) < 0:  # a channel no longer in the catalogs stays as it was
            box.addItem(use.channel, use.channel)
        box.setCurrentIndex(box.findData(use.channel) if use is not None else -1)
        box.narrow(CHANNEL_CHARS)
        volume = CountBox(MAX_VOLUME, _("Unknown", self.lang))
        volume.set_count(use.monthly_volume if use is not None else None)
        remove = QPushButton(_("Remove", self.lang))
        row = (box, volume, remove)
        box.currentIndexChanged.connect(self.changed)
        volume.valueChanged.connect(self.changed)
        remove.clicked.connect(lambda: self._remove(row))
        return row

    def _lay_out(self) -> None:
        for index, (box, volume, remove) in enumerate(self.rows, start=1):
            box.setAccessibleName(_("Current channel {row}", self.lang, row=index))
            name_input(volume, _("Contacts per month on channel {row}", self.lang, row=index))
            remove.setAccessibleName(_("Remove channel {row}", self.lang, row=index))
        self.grid.lay_out(self.rows)


class ParticipantRows(EditableRows[tuple[QLineEdit, QLineEdit, QPushButton]]):
    """The participants: a name and a role per row, each row removable; rows without a name are not saved."""

    def __init__(self, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(lang, parent)
        headers = (_("Name", lang), _("Job title", lang))
        self.grid = RowGrid(self, headers, _("No participants yet.", lang))

    def participants(self) -> list[Participant]:
        return [
            Participant(name=name.text().strip(), role=role.text().strip())
            for name, role, _ in self.rows
            if name.text().strip()
        ]

    def has_nameless(self) -> bool:
        return any(not name.text().strip() for name, _, _ in self.rows)

    def set_participants(self, participants: Sequence[Participant]) -> None:
        self._replace_rows([self._row(participant.name, participant.role) for participant in participants])

    def add(self) -> None:
        self._append(self._row("", ""))

    def _row(self, name_text: str, role_text: str) -> tuple[QLineEdit, QLineEdit, QPushButton]:
        name, role = QLineEdit(name_text), QLineEdit(role_text)
        name.setPlaceholderText(_("Name", self.lang))
        role.setPlaceholderText(_("Job title", self.lang))
        remove = QPushButton(_("Remove", self.lang))
        row = (name, role, remove)
        name.textEdited.connect(self.changed)
        role.textEdited.connect(self.changed)
        remove.clicked.connect(lambda: self._remove(row))
        return row

    def _lay_out(self) -> None:
        for index, (name, role, remove) in enumerate(self.rows, start=1):
            name_input(name, _("Name of participant {row}", self.lang, row=index))
            name_input(role, _("Role of participant {row}", self.lang, row=index))
            remove.setAccessibleName(_("Remove participant {row}", self.lang, row=index))
        self.grid.lay_out(self.rows)
