"""Answer editors, one per question type, and the small inputs the profile and question panels share.

An editor shows one answer value and emits ``edited`` when the user changes it;
``set_value`` shows a value without emitting. Numbers, dates and times ignore
the mouse wheel until they have focus, so scrolling a long form never changes an
answer by accident.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QSize, Qt, QTime, Signal
from PySide6.QtGui import QFocusEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from readiness.core.assessment import AnswerValue
from readiness.core.questionnaire import Question, QuestionType
from readiness.core.text import Lang
from readiness.ui.pages.widgets import name_input, wheel_only_with_focus
from readiness.ui.text import Texts

TEXT = Texts(
    {
        "yes": ("Yes", "Sí"),
        "no": ("No", "No"),
        "not_answered": ("Not answered", "Sin respuesta"),
        "no_date": ("No date", "Sin fecha"),
        "date.name": ("Date: {name}", "Fecha: {name}"),
        "no_date.name": ("No date: {name}", "Sin fecha: {name}"),
    }
)

DATE_FORMAT = "yyyy-MM-dd"
MAX_NUMBER = 1_000_000_000.0
MAX_MINUTES = 525_600.0
"""A year in minutes: more than any sensible wait."""


class NumberBox(QDoubleSpinBox):
    """A number that may be unanswered: its minimum shows as "Not answered"; no trailing zeros."""

    def __init__(self, lowest: float, highest: float, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(2)
        self.setRange(lowest - 1, highest)
        self.setSpecialValueText(TEXT("not_answered", lang))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccelerated(True)
        self.setValue(self.minimum())

    @property
    def unanswered(self) -> bool:
        return self.value() == self.minimum()

    def number(self) -> float | None:
        return None if self.unanswered else self.value()

    def set_number(self, value: float | None) -> None:
        self.setValue(self.minimum() if value is None else value)

    def textFromValue(self, value: float) -> str:
        text = self.locale().toString(value, "f", self.decimals())
        point = self.locale().decimalPoint()
        return text.rstrip("0").rstrip(point) if point in text else text

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.unanswered:
            self.lineEdit().clear()  # type a number straight away instead of editing "Not answered"

    def wheelEvent(self, event: QWheelEvent) -> None:
        if wheel_only_with_focus(self, event):
            super().wheelEvent(event)


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


class DateBox(QDateEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(DATE_FORMAT)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setDate(QDate.currentDate())

    def wheelEvent(self, event: QWheelEvent) -> None:
        if wheel_only_with_focus(self, event):
            super().wheelEvent(event)


class TimeBox(QTimeEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("HH:mm")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def time_of_day(self) -> dt.time:
        value = self.time()
        return dt.time(value.hour(), value.minute())

    def set_time_of_day(self, value: dt.time) -> None:
        self.setTime(QTime(value.hour, value.minute))

    def wheelEvent(self, event: QWheelEvent) -> None:
        if wheel_only_with_focus(self, event):
            super().wheelEvent(event)


class ChoiceBox(QComboBox):
    """A drop-down list that only takes the wheel once it has focus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if wheel_only_with_focus(self, event):
            super().wheelEvent(event)


class OptionalDate(QWidget):
    """A date, or none: a date box and a "no date" check box that disables it."""

    changed = Signal()

    def __init__(self, name: str, no_date_text: str, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_box = DateBox()
        self.none_box = QCheckBox(no_date_text)
        name_input(self.date_box, TEXT("date.name", lang, name=name))
        self.none_box.setAccessibleName(TEXT("no_date.name", lang, name=name))
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


def _button_row(button: QAbstractButton, text: str) -> QHBoxLayout:
    """A radio button or check box with its text beside it, wrapping when it is long."""
    row = QHBoxLayout()
    row.setSpacing(4)
    row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(WrappedLabel(text, button), 1)
    return row


class AnswerEditor(QWidget):
    """Shows one answer value; ``edited`` when the user changes it."""

    edited = Signal()

    def value(self) -> AnswerValue:
        raise NotImplementedError

    def set_value(self, value: AnswerValue) -> None:
        raise NotImplementedError

    def focus_target(self) -> QWidget:
        """The widget a label's mnemonic gives focus to."""
        return self


class ChoiceEditor(AnswerEditor):
    """Single choice and yes/no: radio buttons in one exclusive group."""

    def __init__(self, question: Question, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ids = [c.id for c in question.choices]
        self.group = QButtonGroup(self)
        self.buttons: list[QRadioButton] = []
        yes_no = question.type is QuestionType.YES_NO
        layout = QHBoxLayout(self) if yes_no else QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for index, choice in enumerate(question.choices):
            text = choice.label.get(lang) if choice.label else TEXT(choice.id, lang)
            button = QRadioButton(text if yes_no else "")
            button.setAccessibleName(text)
            self.group.addButton(button, index)
            self.buttons.append(button)
            if yes_no:
                layout.addWidget(button)
            else:
                layout.addLayout(_button_row(button, text))
        if yes_no:
            layout.addStretch(1)
        self.group.idToggled.connect(self._toggled)

    def value(self) -> AnswerValue:
        checked = self.group.checkedId()
        return self.ids[checked] if checked >= 0 else None

    def set_value(self, value: AnswerValue) -> None:
        blocked = self.group.blockSignals(True)
        self.group.setExclusive(False)  # an exclusive group cannot uncheck its last button
        for choice_id, button in zip(self.ids, self.buttons, strict=True):
            button.setChecked(choice_id == value)
        self.group.setExclusive(True)
        self.group.blockSignals(blocked)

    def focus_target(self) -> QWidget:
        return self.buttons[max(self.group.checkedId(), 0)]

    def _toggled(self, _index: int, checked: bool) -> None:
        if checked:
            self.edited.emit()


class MultipleChoiceEditor(AnswerEditor):
    """Multiple choice: one check box per choice; the value lists the checked ones in the questionnaire's order."""

    def __init__(self, question: Question, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for choice in question.choices:
            text = choice.label.get(lang) if choice.label else choice.id
            box = QCheckBox()
            box.setAccessibleName(text)
            box.toggled.connect(self.edited)
            self.boxes[choice.id] = box
            layout.addLayout(_button_row(box, text))

    def value(self) -> AnswerValue:
        checked = tuple(choice_id for choice_id, box in self.boxes.items() if box.isChecked())
        return checked or None

    def set_value(self, value: AnswerValue) -> None:
        chosen = set(value) if isinstance(value, tuple) else set()
        for choice_id, box in self.boxes.items():
            blocked = box.blockSignals(True)
            box.setChecked(choice_id in chosen)
            box.blockSignals(blocked)

    def focus_target(self) -> QWidget:
        return next(iter(self.boxes.values()))


def number_range(kind: QuestionType) -> tuple[float, float]:
    if kind is QuestionType.PERCENTAGE:
        return 0.0, 100.0
    if kind is QuestionType.DURATION:
        return 0.0, MAX_MINUTES
    return 0.0, MAX_NUMBER


class NumberEditor(AnswerEditor):
    """Number, duration and percentage: a spin box and the question's unit."""

    def __init__(self, question: Question, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lowest, highest = number_range(question.type)
        self.box = NumberBox(lowest, highest, lang)
        unit = question.unit.get(lang) if question.unit else ("%" if question.type is QuestionType.PERCENTAGE else "")
        name_input(self.box, f"{question.text.get(lang)} ({unit})" if unit else question.text.get(lang))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        if unit:
            unit_label = QLabel(unit)
            unit_label.setBuddy(self.box)
            layout.addWidget(unit_label)
        layout.addStretch(1)
        self.box.valueChanged.connect(self.edited)

    def value(self) -> AnswerValue:
        return self.box.number()

    def set_value(self, value: AnswerValue) -> None:
        blocked = self.box.blockSignals(True)
        self.box.set_number(float(value) if isinstance(value, int | float) else None)
        self.box.blockSignals(blocked)

    def focus_target(self) -> QWidget:
        return self.box


class GrowingTextEdit(QPlainTextEdit):
    """A few lines of free text; Tab moves on instead of typing a tab."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setMinimumHeight(self._height_for(2))

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height_for(4))

    def _height_for(self, lines: int) -> int:
        margins = self.contentsMargins()
        frame = 2 * int(self.document().documentMargin()) + margins.top() + margins.bottom()
        return lines * self.fontMetrics().lineSpacing() + frame


class TextEditor(AnswerEditor):
    def __init__(self, question: Question, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = GrowingTextEdit()
        name_input(self.box, question.text.get(lang))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        self.box.textChanged.connect(self.edited)

    def value(self) -> AnswerValue:
        text = self.box.toPlainText()
        return text if text.strip() else None

    def set_value(self, value: AnswerValue) -> None:
        text = value if isinstance(value, str) else ""
        if text != self.box.toPlainText():
            blocked = self.box.blockSignals(True)
            self.box.setPlainText(text)
            self.box.blockSignals(blocked)

    def focus_target(self) -> QWidget:
        return self.box


class DateEditor(AnswerEditor):
    def __init__(self, question: Question, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = OptionalDate(question.text.get(lang), TEXT("no_date", lang), lang)
        self.box.set_value(None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        self.box.changed.connect(self.edited)

    def value(self) -> AnswerValue:
        return self.box.value()

    def set_value(self, value: AnswerValue) -> None:
        self.box.set_value(value if isinstance(value, dt.date) else None)

    def focus_target(self) -> QWidget:
        return self.box.date_box if self.box.date_box.isEnabled() else self.box.none_box


def answer_editor(question: Question, lang: Lang) -> AnswerEditor:
    """The editor for a question's type."""
    kind = question.type
    if kind in (QuestionType.SINGLE_CHOICE, QuestionType.YES_NO):
        return ChoiceEditor(question, lang)
    if kind is QuestionType.MULTIPLE_CHOICE:
        return MultipleChoiceEditor(question, lang)
    if kind in (QuestionType.NUMBER, QuestionType.DURATION, QuestionType.PERCENTAGE):
        return NumberEditor(question, lang)
    if kind is QuestionType.DATE:
        return DateEditor(question, lang)
    return TextEditor(question, lang)
