"""The assessment being edited: every change is applied at once and saved shortly after, off the UI thread.

Typing restarts a short timer (``SAVE_DELAY_MS``); when it fires, the whole
assessment is written in one transaction on the library thread. Closing the
wizard saves at once. The saved state is announced for the status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QObject, QTimer, Signal

from readiness.core.assessment import Answer, Assessment
from readiness.core.content import Content
from readiness.core.questionnaire import Questionnaire
from readiness.core.text import Lang
from readiness.ui.service import LibraryService

SAVE_DELAY_MS = 300


class SaveState(StrEnum):
    SAVED = "saved"
    PENDING = "pending"
    FAILED = "failed"


class AssessmentSession(QObject):
    changed = Signal()
    save_state_changed = Signal(str)
    """The new SaveState value."""

    def __init__(self, service: LibraryService, content: Content, assessment_id: int, assessment: Assessment) -> None:
        super().__init__()
        self.service = service
        self.content = content
        self.assessment_id = assessment_id
        self.assessment = assessment
        self.save_state = SaveState.SAVED
        self.last_error = ""
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)

    @property
    def lang(self) -> Lang:
        return self.assessment.language

    @property
    def questionnaire(self) -> Questionnaire:
        return self.content.assessment_questionnaire(self.assessment)

    def update(self, change: Callable[[Assessment], Assessment]) -> None:
        """Apply one edit: validated like a file would be, shown at once, saved after a short pause."""
        updated = change(self.assessment)
        self.assessment = Assessment.model_validate(updated.model_dump())
        self._generation += 1
        self._set_state(SaveState.PENDING)
        self._timer.start()
        self.changed.emit()

    def set_answer(self, question_id: str, answer: Answer | None) -> None:
        def change(assessment: Assessment) -> Assessment:
            answers = dict(assessment.answers)
            if answer is None:
                answers.pop(question_id, None)
            else:
                answers[question_id] = answer
            return assessment.model_copy(update={"answers": answers})

        self.update(change)

    def save_now(self) -> None:
        self._timer.stop()
        if self.save_state is not SaveState.PENDING:
            return
        from readiness.store import replace_assessment

        snapshot, generation, assessment_id = self.assessment, self._generation, self.assessment_id
        self.service.submit(
            lambda session: replace_assessment(session=session, assessment_id=assessment_id, assessment=snapshot),
            lambda _: self._saved(generation),
            self._failed,
        )

    def remember_page(self, page: str) -> None:
        from readiness.store import set_last_page

        assessment_id = self.assessment_id
        self.service.submit(lambda session: set_last_page(session=session, assessment_id=assessment_id, page=page))

    def _saved(self, generation: int) -> None:
        if generation == self._generation:
            self._set_state(SaveState.SAVED)

    def _failed(self, message: str) -> None:
        self.last_error = message
        self._set_state(SaveState.FAILED)

    def _set_state(self, state: SaveState) -> None:
        if state is not self.save_state:
            self.save_state = state
            self.save_state_changed.emit(state.value)
