"""Widgets and helpers more than one panel uses: named inputs, rich-text labels and lists, cells that select their
row, wheel-quiet boxes."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette, QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readiness.core.i18n import ngettext
from readiness.core.lang import Lang


def rich_label() -> QLabel:
    """A read-only label for rich text that wraps, sits at the top left and can be selected and copied."""
    text = QLabel()
    text.setWordWrap(True)
    text.setTextFormat(Qt.TextFormat.RichText)
    text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return text


def field_with(widget: QWidget, *below: QLabel) -> QWidget:
    """A field and the hint and preview lines under it, as one form cell."""
    cell = QWidget()
    column = QVBoxLayout(cell)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(widget)
    for label in below:
        column.addWidget(label)
    return cell


def explanation(text: str, field: QWidget) -> QLabel:
    """A plain, quieter line under a field saying what it is for; screen readers hear it as the field's
    description."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    field.setAccessibleDescription(text)
    return label


def bullet_list(heading: str, lines: Sequence[str], *, bold: bool = True) -> str:
    """Rich text: a heading, then one bullet per line; both escaped."""
    title = f"<b>{html.escape(heading)}</b>" if bold else html.escape(heading)
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    return f"{title}<ul style='margin-top:2px; margin-left:-24px'>{items}</ul>"


def shows_whole_text_on_hover(edit: QLineEdit) -> QLineEdit:
    """A line in a narrow table cell: its tooltip is its whole text, kept as it is edited."""
    edit.setToolTip(edit.text())
    edit.textChanged.connect(edit.setToolTip)
    return edit


def name_input(widget: QWidget, name: str, description: str = "") -> None:
    """Give an input, and the line edit inside a spin box or combo box, its accessible name."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    for inner in widget.findChildren(QLineEdit):
        inner.setAccessibleName(name)


def wheel_only_with_focus(widget: QWidget, event: QWheelEvent) -> bool:
    """True when the widget may take the wheel; otherwise the event goes on to the scroll area."""
    if widget.hasFocus():
        return True
    event.ignore()
    return False


class QuietCombo(QComboBox):
    """Changes with the mouse wheel only once focused, so scrolling a table passes over it."""

    def wheelEvent(self, event: QWheelEvent) -> None:
        if wheel_only_with_focus(self, event):
            super().wheelEvent(event)


class QuietSpinBox(QSpinBox):
    """Changes with the mouse wheel only once focused, so scrolling the page passes over it."""

    def wheelEvent(self, event: QWheelEvent) -> None:
        if wheel_only_with_focus(self, event):
            super().wheelEvent(event)


class RowFocus(QObject):
    """Calls ``on_focus`` when the watched widget gets the keyboard focus: a cell widget selects its row."""

    def __init__(self, watched: QWidget, on_focus: Callable[[], None]) -> None:
        super().__init__(watched)
        self._on_focus = on_focus
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self._on_focus()
        return False


def table_item(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    """The item of a cell, made read-only and selectable when the cell has none yet."""
    item = table.item(row, column)
    if item is None:
        item = QTableWidgetItem()
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        table.setItem(row, column, item)
    return item


def scrolling(content: QWidget, frame: QFrame.Shape = QFrame.Shape.NoFrame) -> QScrollArea:
    """``content`` in a scroll area that gives it the whole width and scrolls when the window is too small."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(frame)
    scroll.setWidget(content)
    return scroll


def bare_column() -> tuple[QWidget, QVBoxLayout]:
    """A widget and its vertical layout without margins: one side of a splitter."""
    widget = QWidget()
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    return widget, layout


def split(orientation: Qt.Orientation, first: QWidget, second: QWidget, stretch: tuple[int, int]) -> QSplitter:
    """Two sides that share the room by ``stretch`` and never collapse."""
    splitter = QSplitter(orientation)
    splitter.setChildrenCollapsible(False)
    splitter.addWidget(first)
    splitter.addWidget(second)
    splitter.setStretchFactor(0, stretch[0])
    splitter.setStretchFactor(1, stretch[1])
    return splitter


def count_days(box: QSpinBox, lang: Lang) -> None:
    """The box reads "1 day", "2 days" (each language's plural rule), following its value, also when the value is
    set with the box's signals blocked (as a row is loaded)."""

    def show(value: int) -> None:
        box.setSuffix(ngettext(" day", " days", value, lang))

    box.valueChanged.connect(show)
    box.textChanged.connect(lambda _text: show(box.value()))
    show(box.value())


class LaunchOffsetBox(QuietSpinBox):
    """Days from launch as people say them: "21 days before", "3 days after"; the arrows cross launch day, and a
    number typed keeps the side the box is on."""

    def __init__(self, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.setRange(-365, 365)
        self.valueChanged.connect(self._show_side)
        self._show_side(self.value())

    def textFromValue(self, value: int) -> str:
        return str(abs(value))

    def valueFromText(self, text: str) -> int:
        digits = "".join(c for c in text if c.isdigit())
        days = int(digits) if digits else 0
        return -days if self.value() < 0 else days

    def _show_side(self, value: int) -> None:
        if value < 0:
            self.setSuffix(ngettext(" day before", " days before", -value, self._lang))
        else:
            self.setSuffix(ngettext(" day after", " days after", value, self._lang))


def set_days(box: QSpinBox, days: int, lang: Lang) -> None:
    """Show ``days`` in a box that ``count_days`` follows, without announcing the change."""
    blocked = box.blockSignals(True)
    box.setValue(days)
    box.setSuffix(ngettext(" day", " days", days, lang))
    box.blockSignals(blocked)
