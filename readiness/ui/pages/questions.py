"""The questions of one step, each on a card: answer, N/A with its reason, a note and a review flag.

Every change is written at once through the session. Skip logic runs live: a
card whose conditions are not met is hidden, and shown again when they are; the
progress line counts the visible questions answered.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from readiness.core.assessment import Answer, AnswerValue
from readiness.core.i18n import _, ngettext
from readiness.core.linked import REASSESSMENT_DATE_QUESTION
from readiness.core.plan.launch import next_reassessment
from readiness.core.questionnaire import Question
from readiness.core.scoring import visible_questions
from readiness.core.text import Step
from readiness.ui.pages.base import PageContext, Panel
from readiness.ui.pages.question_widgets import DateEditor, answer_editor
from readiness.ui.pages.widgets import scrolling
from readiness.ui.zoom import scaled_font, set_large_answers


def _mnemonic_safe(text: str) -> str:
    """Text for a label with a buddy: a literal '&' must not become a shortcut."""
    return text.replace("&", "&&")


REVEALED_MS = 2500
"""How long a question that skip logic has just brought in stays framed."""


def _parent_number(question: Question, shown: list[str]) -> int | None:
    """The number of the question whose answer asks this one, when that question is shown."""
    if question.depends_on is None:
        return None
    parent = question.depends_on.when[0].question
    return shown.index(parent) + 1 if parent in shown else None


def _smaller(widget: QWidget, italic: bool = False) -> None:
    scaled_font(widget, 0.9, italic=italic)


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
    """One question: its text and guidance, the answer editor, N/A, a note and the review flag.

    In the client's view the card shows the question's short summary, with the full guidance one click away, and
    neither the facilitator's note nor the evidence to ask for. Its number follows the questions shown, so skip
    logic never leaves a gap in the numbering."""

    written = Signal()

    def __init__(self, question: Question, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.session = context.session
        self.view = context.view
        self.lang = lang = context.lang
        self._loading = False
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("question")
        self.editor = answer_editor(question, lang)
        self.header = self._header()
        self.follow_up = _wrapped("")
        _smaller(self.follow_up, italic=True)
        self.follow_up.hide()
        self._unframe = QTimer(self)  # the card's own timer: it ends with the card
        self._unframe.setSingleShot(True)
        self._unframe.timeout.connect(lambda: self.setStyleSheet(""))
        layout = QVBoxLayout(self)
        layout.addWidget(self.follow_up)
        layout.addWidget(self.header)
        self._add_guidance(layout)
        layout.addWidget(self.editor)
        self.na_row = self._na_row(layout)
        layout.addLayout(self._note_row())
        self.editor.edited.connect(self._value_edited)
        self.view.changed.connect(self._show_view)
        self.set_number(1)
        self._show_view()
        self.load(self.session.assessment.answers.get(question.id))

    def set_number(self, number: int) -> None:
        """Number the card, in its text and in every name a screen reader gives its inputs."""
        lang = self.lang
        text = _("{number}. {text}", lang, number=number, text=self.question.text.get(lang))
        self.header.setText(_mnemonic_safe(text))
        self.setAccessibleName(text)
        if self.na_row is not None:
            self.na_row[0].setAccessibleName(_("Not applicable, question {number}", lang, number=number))
            self.na_row[1].setAccessibleName(_("Why question {number} does not apply", lang, number=number))
        self.note.setAccessibleName(_("Note on question {number}", lang, number=number))
        self.flag_box.setAccessibleName(_("Flag question {number} for review", lang, number=number))
        self.clear_button.setAccessibleName(_("Clear the answer to question {number}", lang, number=number))

    def set_follow_up(self, parent_number: int | None) -> None:
        """A question skip logic asks because of another's answer says so, so the user sees why it appeared."""
        if parent_number is None:
            self.follow_up.hide()
            return
        self.follow_up.setText(_("Follow-up to question {number}", self.lang, number=parent_number))
        self.follow_up.show()

    def flash(self) -> None:
        """Framed for a moment: it has just appeared under the answer that brought it (seen in a real window: a
        click meant for the next question answered the one that had appeared in its place)."""
        self.setStyleSheet("#question { border: 2px solid palette(highlight); border-radius: 3px; }")
        self._unframe.start(REVEALED_MS)

    def _header(self) -> QLabel:
        text = QLabel()
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        scaled_font(text, 1.0, bold=True)
        text.setBuddy(self.editor.focus_target())
        if self.question.help:
            text.setToolTip(self.question.help.get(self.lang))
        return text

    def _add_guidance(self, layout: QVBoxLayout) -> None:
        lang, question = self.lang, self.question
        self.summary = _wrapped(question.summary.get(lang) if question.summary else "")
        self.help = _wrapped(question.help.get(lang) if question.help else "")
        _smaller(self.help)
        self.more = QToolButton()
        self.more.setCheckable(True)
        self.more.setAutoRaise(True)
        self.more.setText(_("More about this question", lang))
        self.more.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more.setArrowType(Qt.ArrowType.RightArrow)  # a disclosure arrow: it opens, it is not a label
        self.more.setCursor(Qt.CursorShape.PointingHandCursor)
        self.more.toggled.connect(self._show_view)
        self.more.toggled.connect(
            lambda shown: self.more.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        )
        self.facilitator_note = _wrapped(
            _("Facilitator: {note}", lang, note=question.facilitator_note.get(lang))
            if question.facilitator_note
            else ""
        )
        _smaller(self.facilitator_note, italic=True)
        if question.help:
            self.editor.setToolTip(question.help.get(lang))
        for widget in (self.summary, self.help, self.more, self.facilitator_note):
            layout.addWidget(widget)

    def _show_view(self) -> None:
        """The client's view: the summary, the full guidance on request; the facilitator's: everything."""
        client = self.view.client
        has_summary = bool(self.summary.text())
        self.summary.setVisible(client and has_summary)
        self.more.setVisible(client and has_summary and bool(self.help.text()))
        self.help.setVisible(bool(self.help.text()) and (not client or not has_summary or self.more.isChecked()))
        self.facilitator_note.setVisible(not client and bool(self.facilitator_note.text()))
        prompt = self.question.evidence_prompt.get(self.lang) if self.question.evidence_prompt else ""
        shown = "" if client else prompt
        self.note.setPlaceholderText(shown or _("Evidence, context or anything to remember", self.lang))
        self.note.setToolTip(shown)
        self.note.setAccessibleDescription(shown)
        for answer_part in (self.editor, self.flag_box, *(self.na_row[:1] if self.na_row else ())):
            set_large_answers(answer_part, self.view.presenting)  # the N/A and flag boxes too, as large as the text

    def _na_row(self, layout: QVBoxLayout) -> tuple[QCheckBox, QLineEdit] | None:
        if not self.question.allow_na:
            return None
        lang = self.lang
        box = QCheckBox(_("N/A (does not apply)", lang))
        box.toggled.connect(self._na_toggled)
        reason = QLineEdit()
        reason.setPlaceholderText(_("Why it does not apply", lang))
        reason.textEdited.connect(lambda text: self._write(na_reason=text))
        row = QHBoxLayout()
        row.addWidget(box)
        row.addWidget(reason, 1)
        layout.addLayout(row)
        reason.hide()
        return box, reason

    def _note_row(self) -> QGridLayout:
        lang = self.lang
        self.note = QLineEdit()
        self.note.textEdited.connect(lambda text: self._write(note=text))
        label = QLabel(_("Note:", lang))
        label.setBuddy(self.note)
        self.flag_box = QCheckBox(_("Flag for review", lang))
        self.flag_box.setToolTip(
            _("Come back to this answer before the plan is final; flagged items are listed in the review", lang)
        )
        self.flag_box.toggled.connect(lambda checked: self._write(flagged=checked))
        self.clear_button = QPushButton(_("Clear answer", lang))
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
        self.clear_button.setEnabled(answer.value is not None or na)

    def _value_edited(self) -> None:
        self._write(value=self.editor.value())

    def _na_toggled(self, checked: bool) -> None:
        value: AnswerValue = None if checked else self.editor.value()
        self._write(na=checked, value=value)
        if checked and not self._loading and self.na_row is not None:
            self.na_row[1].setFocus()

    def _clear(self) -> None:
        """The answer, or the N/A and its reason, cleared; the note and the flag stay."""
        self._write(value=None, na=False, na_reason="")
        self.load(self.session.assessment.answers.get(self.question.id))
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
    """The questionnaire's questions of one step, in order, with live skip logic and progress. Presented to a room,
    it shows one question at a time, with buttons to the previous and the next."""

    def __init__(self, context: PageContext, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.step = step
        lang = context.lang
        questions = [q for q in context.session.questionnaire.questions if q.step is step]
        self.progress = QLabel()
        self.cards = [QuestionCard(q, context) for q in questions]
        content = QWidget()
        column = QVBoxLayout(content)
        for card in self.cards:
            column.addWidget(card)
        if not self.cards:
            column.addWidget(QLabel(_("This step has no questions.", lang)))
        column.addStretch(1)
        self.scroller = scroll = scrolling(content)
        self._shown_before: set[str] | None = None
        self.current = 0
        """The question shown when presenting, among those skip logic shows."""
        self.previous_question = QPushButton(_("◀ Previous question", lang))
        self.next_question = QPushButton(_("Next question ▶", lang))
        self.previous_question.clicked.connect(lambda: self._present(self.current - 1))
        self.next_question.clicked.connect(lambda: self._present(self.current + 1))
        self.presenting_bar = QWidget()
        bar = QHBoxLayout(self.presenting_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.previous_question)
        bar.addStretch(1)
        bar.addWidget(self.next_question)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.presenting_bar)
        context.session.changed.connect(self._follow_answers)
        context.view.changed.connect(self._follow_answers)
        self._follow_answers()

    def title(self) -> str:
        return _("Questions", self.context.lang)

    def refresh(self) -> None:
        answers = self.context.session.assessment.answers
        for card in self.cards:
            card.load(answers.get(card.question.id))
        self._follow_answers()

    def _present(self, index: int) -> None:
        """Show question ``index`` from its title down (seen in a real window: a long question opened scrolled
        past its title)."""
        self.current = max(index, 0)
        self._follow_answers()
        self.scroller.verticalScrollBar().setValue(0)
        shown = [card for card in self.cards if not card.isHidden()]
        if shown:
            shown[0].editor.focus_target().setFocus()

    def bring_into_view(self, question_id: str) -> None:
        """Scroll to a question (when presenting, show it) and put the cursor on its answer."""
        shown = [card for card in self.cards if card.question.id in self._visible()]
        target = next((card for card in shown if card.question.id == question_id), None)
        if target is None:
            return
        if self.context.view.presenting:
            self._present(shown.index(target))
        self.scroller.ensureWidgetVisible(target)
        target.editor.focus_target().setFocus()

    def _visible(self) -> set[str]:
        session = self.context.session
        return set(visible_questions(session.questionnaire, session.assessment.answers))

    def card(self, question_id: str) -> QuestionCard:
        return next(card for card in self.cards if card.question.id == question_id)

    def _suggest_dates(self) -> None:
        """The re-assessment question offers the refine routine's date (seen in a real window: it offered today)."""
        card = next((c for c in self.cards if c.question.id == REASSESSMENT_DATE_QUESTION), None)
        if card is not None and isinstance(card.editor, DateEditor):
            card.editor.suggest(next_reassessment(self.context.session.assessment))

    def _follow_answers(self) -> None:
        """Hide the questions skip logic drops, show the ones it brings back, and count progress."""
        session = self.context.session
        answers = session.assessment.answers
        visible = visible_questions(session.questionnaire, answers)
        shown = [card.question.id for card in self.cards if card.question.id in visible]
        presenting = self.context.view.presenting and bool(shown)
        self.current = min(self.current, len(shown) - 1) if shown else 0
        self._suggest_dates()
        revealed = set(shown) - self._shown_before if self._shown_before is not None else set()
        self._shown_before = set(shown)
        for card in self.cards:
            place = shown.index(card.question.id) if card.question.id in visible else -1
            card.setHidden(place < 0 or (presenting and place != self.current))
            if place >= 0:
                card.set_number(place + 1)
                card.set_follow_up(_parent_number(card.question, shown))
                if card.question.id in revealed and not presenting:
                    card.flash()
        self.presenting_bar.setVisible(presenting)
        self.previous_question.setEnabled(self.current > 0)
        self.next_question.setEnabled(self.current < len(shown) - 1)
        answered = sum(1 for qid in shown if is_settled(answers.get(qid)))
        flagged = sum(1 for qid in shown if (answer := answers.get(qid)) is not None and answer.flagged)
        lang = self.context.lang
        progress = ngettext(
            "{answered} of {count} answered", "{answered} of {count} answered", len(shown), lang, answered=answered
        )
        if flagged:
            progress += " · " + ngettext("{count} flagged for review", "{count} flagged for review", flagged, lang)
        if presenting:
            position = _("Question {number} of {count}", lang, number=self.current + 1, count=len(shown))
            progress = f"{position} · {progress}"
        self.progress.setText(progress)
