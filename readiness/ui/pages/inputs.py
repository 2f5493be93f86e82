"""The small inputs the profile and question panels share.

Numbers, dates and times ignore the mouse wheel until they have focus, so
scrolling a long form never changes an answer by accident.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QMouseEvent, QPaintEvent, QValidator, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from readiness.core.i18n import _
from readiness.core.lang import Lang, babel_locale
from readiness.core.plan.facts import whole_hours
from readiness.core.quantities import NotAQuantity, TimeUnit, parse_time
from readiness.ui.pages.formatting import qt_locale
from readiness.ui.pages.widgets import QuietSpinBox, name_input, wheel_only_with_focus

MAX_NUMBER = 1_000_000_000.0
MAX_MINUTES = 525_600.0
"""A year in minutes: more than any sensible wait."""
_ENTERED = (
    Qt.FocusReason.MouseFocusReason,
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)
"""How a person enters a field (not a window coming back to the front, which keeps the cursor where it was)."""


class CountBox(QSpinBox):
    """A whole number of people or contacts; with ``unknown`` text, its minimum means "not known"."""

    def __init__(self, highest: int, unknown: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(-1 if unknown else 0, highest)
        if unknown:
            self.setSpecialValueText(unknown)
        self.setGroupSeparatorShown(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccelerated(True)

    def count(self) -> int | None:
        return None if self.specialValueText() and self.value() == self.minimum() else self.value()

    def set_count(self, value: int | None) -> None:
        self.setValue(self.minimum() if value is None else value)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.specialValueText() and self.value() == self.minimum():
            self.lineEdit().clear()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if wheel_only_with_focus(self, event):
            super().wheelEvent(event)


MAX_PROMISE_MINUTES = 7 * 24 * 60
"""A week: the longest reply-time promise a box takes."""


class MinutesBox(QuietSpinBox):
    """Minutes typed as people say them ("45", "2 hours", "1 h 30", "1 día") and shown as the plan words them
    ("45 min", "2 h", "150 min"); its lowest value, 0, means none set and reads ``unset``. Text that is no
    duration is not taken: the box keeps its value."""

    def __init__(self, lang: Lang, unset: str, highest: int = MAX_PROMISE_MINUTES) -> None:
        super().__init__()
        self._lang = lang
        self.setRange(0, highest)
        self.setSpecialValueText(unset)
        self.setSingleStep(5)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)  # a form does not stretch it

    def minutes(self) -> int | None:
        return self.value() or None

    def textFromValue(self, value: int) -> str:
        hours = whole_hours(value)
        if hours is None:
            return _("{count} min", self._lang, count=value)
        return _("{count} h", self._lang, count=hours)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        state = QValidator.State.Acceptable if self._minutes(text) is not None else QValidator.State.Intermediate
        return state, text, pos

    def valueFromText(self, text: str) -> int:
        minutes = self._minutes(text)
        return self.value() if minutes is None else minutes

    def _minutes(self, text: str) -> int | None:
        body = text.strip()
        if body == self.specialValueText():
            return self.minimum()
        try:
            minutes = round(parse_time(body, self._lang, TimeUnit.MINUTE))
        except NotAQuantity:
            return None
        return minutes if self.minimum() <= minutes <= self.maximum() else None


def qt_date_format(lang: Lang) -> str:
    """The language's medium date ("Feb 15, 2027", "15 feb 2027") as a Qt display format, so that a date box reads
    as every other date in the app (Babel's CLDR pattern; Qt writes a four-digit year as yyyy)."""
    from babel.dates import get_date_format

    pattern = str(get_date_format("medium", locale=babel_locale(lang)).pattern)
    return re.sub(r"(?<![y'])y+(?![y'])", "yyyy", pattern)


class DateBox(QDateEdit):
    def __init__(self, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setLocale(qt_locale(lang))
        self.setDisplayFormat(qt_date_format(lang))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setDate(QDate.currentDate())

    def wheelEvent(self, event: QWheelEvent) -> None:
        if wheel_only_with_focus(self, event):
            super().wheelEvent(event)


class TimeBox(QTimeEdit):
    """A time of day, HH:mm. Entering the box (a click, Tab) selects the hours, so typing "0830" or "8:30" gives
    08:30; a click that left the cursor in the minutes would have typed "0830" into them, giving 09:08."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("HH:mm")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() in _ENTERED:
            QTimer.singleShot(0, self._select_hours)  # after the click has placed the cursor

    def _select_hours(self) -> None:
        if self.hasFocus():
            self.setSelectedSection(QDateTimeEdit.Section.HourSection)

    def time_of_day(self) -> dt.time:
        value = self.time()
        return dt.time(value.hour(), value.minute())

    def set_time_of_day(self, value: dt.time) -> None:
        self.setTime(QTime(value.hour, value.minute))

    def wheelEvent(self, event: QWheelEvent) -> None:
        if wheel_only_with_focus(self, event):
            super().wheelEvent(event)


class ChoiceBox(QComboBox):
    """A drop-down list that only takes the wheel once it has focus, and shows a name too long for its width with
    an ellipsis ("WhatsApp Business…") where Qt would cut it mid-word."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        option.currentText = self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, field.width()
        )
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if wheel_only_with_focus(self, event):
            super().wheelEvent(event)

    def narrow(self, chars: int) -> None:
        """As wide as ``chars`` characters (the layout may widen it), not as its longest item: the open list and
        the tooltip still show whole names."""
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(chars)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        listed = self.view()
        listed.setMinimumWidth(listed.sizeHintForColumn(0) + listed.verticalScrollBar().sizeHint().width())
        self.setToolTip(self.currentText())
        self.currentTextChanged.connect(self.setToolTip)


class OptionalDate(QWidget):
    """A date, or none: a date box and a "no date" check box that disables it."""

    changed = Signal()

    def __init__(self, name: str, no_date_text: str, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_box = DateBox(lang)
        self.none_box = QCheckBox(no_date_text)
        name_input(self.date_box, _("Date: {name}", lang, name=name))
        self.none_box.setAccessibleName(_("No date: {name}", lang, name=name))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date_box)
        layout.addWidget(self.none_box)
        layout.addStretch(1)
        self.date_box.dateChanged.connect(self.changed)
        self.none_box.toggled.connect(self._none_toggled)

    def value(self) -> dt.date | None:
        if self.none_box.isChecked():
            return None
        date = self.date_box.date()
        return dt.date(date.year(), date.month(), date.day())

    def set_value(self, value: dt.date | None) -> None:
        blockers = (self.date_box.blockSignals(True), self.none_box.blockSignals(True))
        try:
            if value is not None:
                self.date_box.setDate(QDate(value.year, value.month, value.day))
            self.none_box.setChecked(value is None)
            self.date_box.setEnabled(value is not None)
        finally:
            self.date_box.blockSignals(blockers[0])
            self.none_box.blockSignals(blockers[1])

    def _none_toggled(self, checked: bool) -> None:
        self.date_box.setEnabled(not checked)
        if not checked:
            self.date_box.setFocus()
        self.changed.emit()


class WrappedLabel(QLabel):
    """The text of a check box or radio button that wraps; clicking it clicks the button."""

    def __init__(self, text: str, button: QAbstractButton) -> None:
        super().__init__(text)
        self.button = button
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() is Qt.MouseButton.LeftButton and self.button.isEnabled():
            self.button.setFocus(Qt.FocusReason.MouseFocusReason)
            self.button.click()
        super().mouseReleaseEvent(event)


class AnswerButton(QFrame):
    """One answer: a radio button or check box with its text (wrapping when long) beside it.

    Clicking anywhere on it clicks the button. While presenting, the large answers style sheet draws it as a
    framed, padded button a finger or a mouse across the room can hit, and marks it when chosen (``chosen``).
    """

    def __init__(self, button: QAbstractButton, text: str = "") -> None:
        super().__init__()
        self.setObjectName("answer")
        self.button = button
        row = QHBoxLayout()
        row.setSpacing(4)
        row.addWidget(button, 0 if text else 1, Qt.AlignmentFlag.AlignTop)
        if text:
            row.addWidget(WrappedLabel(text, button), 1, Qt.AlignmentFlag.AlignTop)
        centred = QVBoxLayout(self)  # the row sits in the middle of the taller button drawn while presenting
        centred.setContentsMargins(0, 0, 0, 0)
        centred.addStretch(1)
        centred.addLayout(row)
        centred.addStretch(1)
        button.toggled.connect(self._mark)
        self._mark(button.isChecked())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() is Qt.MouseButton.LeftButton and self.button.isEnabled():
            self.button.setFocus(Qt.FocusReason.MouseFocusReason)
            self.button.click()
        super().mouseReleaseEvent(event)

    def _mark(self, checked: bool) -> None:
        self.setProperty("chosen", checked)
        self.style().unpolish(self)
        self.style().polish(self)
