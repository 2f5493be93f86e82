"""Answer editors, one per question type.

An editor shows one answer value and emits ``edited`` when the user changes it;
``set_value`` shows a value without emitting. The small inputs they are built
from live in :mod:`readiness.ui.pages.inputs` and are re-exported here.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from readiness.core.assessment import AnswerValue
from readiness.core.i18n import _
from readiness.core.names import YES_NO_NAMES, name
from readiness.core.questionnaire import Question, QuestionType
from readiness.core.text import Lang
from readiness.ui.pages.inputs import (
    DATE_FORMAT,
    MAX_MINUTES,
    MAX_NUMBER,
    ChoiceBox,
    CountBox,
    DateBox,
    NumberBox,
    OptionalDate,
    TimeBox,
    WrappedLabel,
    button_row,
)
from readiness.ui.pages.widgets import name_input

__all__ = [
    "DATE_FORMAT",
    "MAX_MINUTES",
    "MAX_NUMBER",
    "AnswerEditor",
    "ChoiceBox",
    "ChoiceEditor",
    "CountBox",
    "DateBox",
    "DateEditor",
    "GrowingTextEdit",
    "MultipleChoiceEditor",
    "NumberBox",
    "NumberEditor",
    "OptionalDate",
    "TextEditor",
    "TimeBox",
    "WrappedLabel",
    "answer_editor",
    "number_range",
]


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
            text = choice.label.get(lang) if choice.label else name(YES_NO_NAMES, choice.id, lang)
            button = QRadioButton(text if yes_no else "")
            button.setAccessibleName(text)
            self.group.addButton(button, index)
            self.buttons.append(button)
            if yes_no:
                layout.addWidget(button)
            else:
                layout.addLayout(button_row(button, text))
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
            layout.addLayout(button_row(box, text))

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
        self.box = OptionalDate(question.text.get(lang), _("No date", lang), lang)
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
