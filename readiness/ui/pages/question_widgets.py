"""Answer editors, one per question type.

An editor shows one answer value and emits ``edited`` when the user changes it;
``set_value`` shows a value without emitting. The small inputs they are built
from live in :mod:`readiness.ui.pages.inputs` and are re-exported here.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QSize, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from readiness.core.assessment import AnswerValue
from readiness.core.i18n import N_, _
from readiness.core.lang import Lang
from readiness.core.names import YES_NO_NAMES, name
from readiness.core.plan.figures import number_text
from readiness.core.quantities import NotAQuantity, parse_duration, parse_number
from readiness.core.questionnaire import Question, QuestionType
from readiness.ui.pages.formatting import PROBLEM_COLOUR
from readiness.ui.pages.inputs import (
    MAX_MINUTES,
    MAX_NUMBER,
    AnswerButton,
    OptionalDate,
)
from readiness.ui.pages.quantity_field import NOT_A_DURATION, NOT_A_NUMBER
from readiness.ui.pages.widgets import name_input


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
            layout.addWidget(AnswerButton(button, "" if yes_no else text))
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
            layout.addWidget(AnswerButton(box, text))

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


class ExampleField(QLineEdit):
    """A number or duration field as wide as its example ("e.g. 90 min, 2 h or 1 day"), at every zoom."""

    def fit(self) -> None:
        metrics = self.fontMetrics()
        self.setMinimumWidth(metrics.horizontalAdvance(self.placeholderText()) + 2 * metrics.averageCharWidth())
        self.setMaximumWidth(max(self.minimumWidth(), metrics.horizontalAdvance("0") * 22))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit()


PLACEHOLDERS = {
    QuestionType.DURATION: N_("e.g. 90 min, 2 h or 1 day"),
    QuestionType.PERCENTAGE: N_("0 to 100"),
    QuestionType.NUMBER: N_("a number"),
}
REFUSALS = {
    QuestionType.DURATION: NOT_A_DURATION,
    QuestionType.PERCENTAGE: N_("Not saved: “{text}” is not a percentage. Type a number from 0 to 100."),
    QuestionType.NUMBER: NOT_A_NUMBER,
}


def number_range(kind: QuestionType) -> tuple[float, float]:
    if kind is QuestionType.PERCENTAGE:
        return 0.0, 100.0
    if kind is QuestionType.DURATION:
        return 0.0, MAX_MINUTES
    return 0.0, MAX_NUMBER


class NumberEditor(AnswerEditor):
    """Number, duration and percentage, typed the way people write them ("1.200,5", "90 min", "2 h", "1 día").

    The value is read when the field is left or Enter is pressed, never from a half-typed text. What cannot be
    read is refused in place, in red, and leaves the question unanswered: "abc600" is not 600.
    """

    def __init__(self, question: Question, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.kind = question.type
        self.lowest, self.highest = number_range(question.type)
        self._value: float | None = None
        self.field = ExampleField()
        self.field.setPlaceholderText(_(PLACEHOLDERS[question.type], lang))
        self.field.fit()
        unit = question.unit.get(lang) if question.unit else ("%" if question.type is QuestionType.PERCENTAGE else "")
        name_input(self.field, f"{question.text.get(lang)} ({unit})" if unit else question.text.get(lang))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {PROBLEM_COLOUR};")
        self.problem.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.field)
        if unit:
            unit_label = QLabel(unit)
            unit_label.setBuddy(self.field)
            row.addWidget(unit_label)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.problem)
        self.field.editingFinished.connect(self._read)

    def value(self) -> AnswerValue:
        return self._value

    def set_value(self, value: AnswerValue) -> None:
        self._value = float(value) if isinstance(value, int | float) else None
        self._show_value()
        self._say("")

    def focus_target(self) -> QWidget:
        return self.field

    def _read(self) -> None:
        text = self.field.text().strip()
        try:
            typed = self._parsed(text) if text else None
        except NotAQuantity:
            self._refuse(_(REFUSALS[self.kind], self.lang, text=text))
            return
        if typed is not None and not self.lowest <= typed <= self.highest:
            low, high = (number_text(x, self.lang, 0) for x in (self.lowest, self.highest))
            self._refuse(_("Not saved: give a value from {low} to {high}.", self.lang, low=low, high=high))
            return
        self._say("")
        self._show_value(typed)
        if typed != self._value:
            self._value = typed
            self.edited.emit()

    def _parsed(self, text: str) -> float:
        if self.kind is QuestionType.DURATION:
            return parse_duration(text, self.lang)
        return parse_number(text.removesuffix("%").strip(), self.lang)

    def _refuse(self, message: str) -> None:
        """The text stays for the user to correct; the question counts as unanswered until it reads."""
        self._say(message)
        if self._value is not None:
            self._value = None
            self.edited.emit()

    def _say(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))
        self.field.setAccessibleDescription(message)

    def _show_value(self, value: float | None = None) -> None:
        shown = self._value if value is None else value
        text = "" if shown is None else number_text(shown, self.lang, 2)
        if self.field.text() != text:
            self.field.setText(text)


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

    def suggest(self, date: dt.date) -> None:
        """The date offered when "No date" is unticked, while none is answered (the date box shows today else)."""
        if self.box.value() is None:
            self.box.date_box.blockSignals(True)
            self.box.date_box.setDate(QDate(date.year, date.month, date.day))
            self.box.date_box.blockSignals(False)


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
