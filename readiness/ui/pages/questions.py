"""The questions of one step, each on a card: answer, N/A with its reason, a note and a review flag.

Every change is written at once through the session. Skip logic runs live: a
card whose conditions are not met is hidden, and shown again when they are; the
progress line counts the visible questions answered.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from readiness.core.assessment import Answer, AnswerValue
from readiness.core.i18n import _, ngettext
from readiness.core.questionnaire import Question
from readiness.core.scoring import visible_questions
from readiness.core.text import Lang, Step
from readiness.ui.pages.base import PageContext, Panel
from readiness.ui.pages.question_widgets import answer_editor
from readiness.ui.pages.widgets import name_input
from readiness.ui.state import AssessmentSession


def _mnemonic_safe(text: str) -> str:
    """Text for a label with a buddy: a literal '&' must not become a shortcut."""
    return text.replace("&", "&&")


def _smaller(widget: QWidget, italic: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * 0.9)
    font.setItalic(italic)
    widget.setFont(font)


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def is_settled(answer: Answer | None) -> bool:
    """Answered with a value, or marked not applicable."""
    return answer is not None and (answer.is_answered or answer.na)


class QuestionCard(QFrame):
    """One question: its text and guidance, the answer editor, N/A, a note and the review flag."""

    written = Signal()

    def __init__(
        self,
        question: Question,
        number: int,
        session: AssessmentSession,
        lang: Lang,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.question = question
        self.session = session
        self._loading = False
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(_("{number}. {text}", lang, number=number, text=question.text.get(lang)))
        self.editor = answer_editor(question, lang)
        layout = QVBoxLayout(self)
        layout.addWidget(self._header(number, lang))
        self._add_guidance(layout, lang)
        layout.addWidget(self.editor)
        self.na_row = self._na_row(layout, number, lang)
        layout.addLayout(self._note_row(number, lang))
        self.editor.edited.connect(self._value_edited)
        self.load(session.assessment.answers.get(question.id))

    def _header(self, number: int, lang: Lang) -> QLabel:
        text = QLabel(_mnemonic_safe(_("{number}. {text}", lang, number=number, text=self.question.text.get(lang))))
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        bold = QFont(text.font())
        bold.setBold(True)
        text.setFont(bold)
        text.setBuddy(self.editor.focus_target())
        if self.question.help:
            text.setToolTip(self.question.help.get(lang))
        return text

    def _add_guidance(self, layout: QVBoxLayout, lang: Lang) -> None:
        if self.question.help:
            help_text = self.question.help.get(lang)
            label = _wrapped(help_text)
            _smaller(label)
            label.setToolTip(help_text)
            self.editor.setToolTip(help_text)
            layout.addWidget(label)
        if self.question.facilitator_note:
            note = _wrapped(_("Facilitator: {note}", lang, note=self.question.facilitator_note.get(lang)))
            _smaller(note, italic=True)
            layout.addWidget(note)

    def _na_row(self, layout: QVBoxLayout, number: int, lang: Lang) -> tuple[QCheckBox, QLineEdit] | None:
        if not self.question.allow_na:
            return None
        box = QCheckBox(_("N/A (does not apply)", lang))
        box.setAccessibleName(_("Not applicable, question {number}", lang, number=number))
        box.toggled.connect(self._na_toggled)
        reason = QLineEdit()
        reason.setPlaceholderText(_("Why it does not apply", lang))
        name_input(reason, _("Why question {number} does not apply", lang, number=number))
        reason.textEdited.connect(lambda text: self._write(na_reason=text))
        row = QHBoxLayout()
        row.addWidget(box)
        row.addWidget(reason, 1)
        layout.addLayout(row)
        reason.hide()
        return box, reason

    def _note_row(self, number: int, lang: Lang) -> QGridLayout:
        self.note = QLineEdit()
        prompt = self.question.evidence_prompt.get(lang) if self.question.evidence_prompt else ""
        self.note.setPlaceholderText(prompt or _("Evidence, context or anything to remember", lang))
        self.note.setToolTip(prompt)
        name_input(self.note, _("Note on question {number}", lang, number=number), prompt)
        self.note.textEdited.connect(lambda text: self._write(note=text))
        label = QLabel(_("Note:", lang))
        label.setBuddy(self.note)
        self.flag_box = QCheckBox(_("Flag for review", lang))
        self.flag_box.setAccessibleName(_("Flag question {number} for review", lang, number=number))
        self.flag_box.setToolTip(
            _("Come back to this answer before the plan is final; flagged items are listed in the review", lang)
        )
        self.flag_box.toggled.connect(lambda checked: self._write(flagged=checked))
        self.clear_button = QPushButton(_("Clear answer", lang))
        self.clear_button.setAccessibleName(_("Clear the answer to question {number}", lang, number=number))
        self.clear_button.clicked.connect(self._clear)
        row = QGridLayout()
        row.addWidget(label, 0, 0)
        row.addWidget(self.note, 0, 1)
        row.addWidget(self.flag_box, 0, 2)
        row.addWidget(self.clear_button, 0, 3)
        row.setColumnStretch(1, 1)
        return row

    def load(self, answer: Answer | None) -> None:
        """Show an answer without writing it back."""
        answer = answer or Answer()
        self._loading = True
        try:
            self.editor.set_value(answer.value)
            if self.na_row is not None:
                box, reason = self.na_row
                box.setChecked(answer.na)
                if reason.text() != answer.na_reason:
                    reason.setText(answer.na_reason)
            if self.note.text() != answer.note:
                self.note.setText(answer.note)
            self.flag_box.setChecked(answer.flagged)
        finally:
            self._loading = False
        self._show_state(answer)

    def _show_state(self, answer: Answer) -> None:
        na = answer.na and self.na_row is not None
        self.editor.setEnabled(not na)
        if self.na_row is not None:
            self.na_row[1].setVisible(na)
        self.clear_button.setEnabled(answer.value is not None and not na)

    def _value_edited(self) -> None:
        self._write(value=self.editor.value())

    def _na_toggled(self, checked: bool) -> None:
        value: AnswerValue = None if checked else self.editor.value()
        self._write(na=checked, value=value)
        if checked and not self._loading and self.na_row is not None:
            self.na_row[1].setFocus()

    def _clear(self) -> None:
        self.editor.set_value(None)
        self._write(value=None)
        self.editor.focus_target().setFocus()

    def _write(self, **changes: object) -> None:
        if self._loading:
            return
        current = self.session.assessment.answers.get(self.question.id) or Answer()
        updated = current.model_copy(update=changes)
        self.session.set_answer(self.question.id, None if updated == Answer() else updated)
        self._show_state(updated)
        self.written.emit()


class QuestionsPanel(Panel):
    """The questionnaire's questions of one step, in order, with live skip logic and progress."""

    def __init__(self, context: PageContext, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.step = step
        lang = context.lang
        questions = [q for q in context.session.questionnaire.questions if q.step is step]
        self.progress = QLabel()
        self.cards = [QuestionCard(q, n, context.session, context.lang) for n, q in enumerate(questions, start=1)]
        content = QWidget()
        column = QVBoxLayout(content)
        for card in self.cards:
            column.addWidget(card)
        if not self.cards:
            column.addWidget(QLabel(_("This step has no questions.", lang)))
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(scroll, 1)
        context.session.changed.connect(self._follow_answers)
        self._follow_answers()

    def title(self) -> str:
        return _("Questions", self.context.lang)

    def refresh(self) -> None:
        answers = self.context.session.assessment.answers
        for card in self.cards:
            card.load(answers.get(card.question.id))
        self._follow_answers()

    def card(self, question_id: str) -> QuestionCard:
        return next(card for card in self.cards if card.question.id == question_id)

    def _follow_answers(self) -> None:
        """Hide the questions skip logic drops, show the ones it brings back, and count progress."""
        session = self.context.session
        answers = session.assessment.answers
        visible = visible_questions(session.questionnaire, answers)
        for card in self.cards:
            card.setHidden(card.question.id not in visible)
        shown = [card.question.id for card in self.cards if card.question.id in visible]
        answered = sum(1 for qid in shown if is_settled(answers.get(qid)))
        flagged = sum(1 for qid in shown if (answer := answers.get(qid)) is not None and answer.flagged)
        lang = self.context.lang
        progress = ngettext(
            "{answered} of {count} answered", "{answered} of {count} answered", len(shown), lang, answered=answered
        )
        if flagged:
            progress += " · " + ngettext("{count} flagged for review", "{count} flagged for review", flagged, lang)
        self.progress.setText(progress)
