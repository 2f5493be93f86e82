"""The assessment being edited: every change is applied at once and saved shortly after, off the UI thread.

Typing restarts a short timer (``SAVE_DELAY_MS``); when it fires, the whole
assessment is written in one UPDATE on the library thread. Closing the
wizard saves at once. The saved state is announced for the status bar.

Each save says which stored revision it builds on. If someone else (another
window, a colleague on the team library) saved in between, nothing is written
and ``conflict`` is announced: the user's version stays in memory until they
choose to reload theirs or keep a copy.

Every edit is also a command on the session's undo stack, holding the assessment before and after it: Undo and
Redo put one back as a new edit (saved like any other) and announce ``restored`` so the page on screen re-reads it.
Quick edits of the same thing (the letters of a word, boxes of one question) are one command.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from readiness.core.assessment import Answer, Assessment
from readiness.core.changes import Change, Rows, what_changed
from readiness.core.content import Content
from readiness.core.linked import reconcile
from readiness.core.questionnaire import Questionnaire
from readiness.ui.service import LibraryService

if TYPE_CHECKING:
    from sqlmodel import Session

    from readiness.store import RevisionConflict, StoredAssessment

SAVE_DELAY_MS = 300
MERGE_SECONDS = 2.0
"""Edits of the same thing this close together undo as one."""


class SaveState(StrEnum):
    SAVED = "saved"
    PENDING = "pending"
    FAILED = "failed"
    CONFLICT = "conflict"


class _StoredRevision:
    """The stored revision this session's edits build on. Saves run in order on the library thread, which alone
    reads and moves it, so a save queued behind another builds on the revision that one wrote."""

    def __init__(self, value: int) -> None:
        self.value = value


class Edit(QUndoCommand):
    """One edit on the undo stack: the assessment before and after it, and what it changed."""

    def __init__(self, session: AssessmentSession, before: Assessment, after: Assessment, change: Change) -> None:
        super().__init__()
        self.session, self.before, self.after, self.change = session, before, after, change
        self.at = time.monotonic()
        self._done = False

    def id(self) -> int:
        return 1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, Edit)
            and other.change.key == self.change.key
            and Rows.EDITED is self.change.rows is other.change.rows
            and other.at - self.at <= MERGE_SECONDS
        ):
            return False
        self.after, self.at = other.after, other.at
        return True

    def redo(self) -> None:
        """The first time, the edit is already on screen where it was made; after an Undo, the page re-reads it."""
        self.session.show(self.after, restored=self._done)
        self._done = True

    def undo(self) -> None:
        self.session.show(self.before, restored=True)


class AssessmentSession(QObject):
    changed = Signal()
    restored = Signal()
    """Undo or Redo put back an earlier state: what is on screen must be read again."""
    save_state_changed = Signal(str)
    """The new SaveState value."""
    conflict = Signal(str, object)
    """Someone saved a newer version: who (their login name, or "") and when (an aware datetime). Nothing of this
    session was written."""

    def __init__(self, service: LibraryService, content: Content, assessment_id: int, stored: StoredAssessment) -> None:
        super().__init__()
        self._stored = _StoredRevision(stored.revision)
        self.service = service
        self.content = content
        self.assessment_id = assessment_id
        self.assessment = stored.assessment
        self.baseline = stored.baseline
        """For a re-assessment, the assessment it follows: its plan is compared with it."""
        self.save_state = SaveState.SAVED
        self.last_error = ""
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self.undo_stack = QUndoStack(self)

    @property
    def questionnaire(self) -> Questionnaire:
        return self.content.assessment_questionnaire(self.assessment)

    def update(self, change: Callable[[Assessment], Assessment]) -> None:
        """Apply one edit: validated like a file would be, shown at once, saved after a short pause, undoable."""
        before = self.assessment
        updated = reconcile(before, change(before))
        after = Assessment.model_validate(updated.model_dump())
        what = what_changed(before, after)
        if what is not None:
            self.undo_stack.push(Edit(self, before, after, what))

    def show(self, assessment: Assessment, *, restored: bool = False) -> None:
        """Make ``assessment`` the current state and save it shortly."""
        self.assessment = assessment
        self._generation += 1
        self._set_state(SaveState.PENDING)
        self._timer.start()
        self.changed.emit()
        if restored:
            self.restored.emit()

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
        from readiness.store import RevisionConflict, replace_assessment

        snapshot, generation, assessment_id = self.assessment, self._generation, self.assessment_id
        content, stored = self.content, self._stored

        def save(session: Session) -> RevisionConflict | None:
            try:
                stored.value = replace_assessment(
                    session=session,
                    assessment_id=assessment_id,
                    assessment=snapshot,
                    content=content,
                    started_from=stored.value,
                )
            except RevisionConflict as conflict:
                return conflict
            return None

        self.service.submit(save, lambda conflict: self._saved(generation, conflict), self._failed)

    def remember_page(self, page: str) -> None:
        from readiness.store import set_last_page

        assessment_id = self.assessment_id
        self.service.submit(lambda session: set_last_page(session=session, assessment_id=assessment_id, page=page))

    @property
    def revision(self) -> int:
        return self._stored.value

    def _saved(self, generation: int, conflict: RevisionConflict | None) -> None:
        if conflict is not None:
            self.last_error = str(conflict)
            self._set_state(SaveState.CONFLICT)
            self.conflict.emit(conflict.changed_by, conflict.updated_at)
        elif generation == self._generation and self.save_state is not SaveState.CONFLICT:
            self._set_state(SaveState.SAVED)

    def _failed(self, message: str) -> None:
        self.last_error = message
        self._set_state(SaveState.FAILED)

    def _set_state(self, state: SaveState) -> None:
        if state is not self.save_state:
            self.save_state = state
            self.save_state_changed.emit(state.value)
