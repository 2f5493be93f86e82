"""Edit → Undo and Redo over the open assessment's undo stack, named after what they undo, and the status line
that says what was undone or how to bring back a removed row."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence

from readiness.core.changes import Change, Part, Rows
from readiness.core.i18n import N_, _
from readiness.core.lang import Lang

if TYPE_CHECKING:
    from readiness.ui.state import AssessmentSession, Edit

QUESTION_SHOWN = 48
"""Characters of a question's text shown in "Undo the answer to …"."""

NAMES = {
    Part.LANGUAGE: N_("the plan language"),
    Part.PROFILE: N_("the profile"),
    Part.GAPS: N_("the gap register"),
    Part.CHANNELS: N_("the channel choice"),
    Part.TEAM: N_("the team"),
    Part.PROMOTION: N_("the surfaces"),
    Part.KPIS: N_("the KPI targets"),
    Part.TASKS: N_("the plan tasks"),
    Part.REFINE: N_("the refine routine"),
    Part.ANSWER: N_("several answers"),
}
ROW_NAMES = {
    (Part.GAPS, Rows.ADDED): N_("adding a gap"),
    (Part.GAPS, Rows.REMOVED): N_("removing a gap"),
    (Part.CHANNELS, Rows.ADDED): N_("adding a channel"),
    (Part.CHANNELS, Rows.REMOVED): N_("removing a channel"),
    (Part.PROMOTION, Rows.ADDED): N_("adding a surface"),
    (Part.PROMOTION, Rows.REMOVED): N_("removing a surface"),
    (Part.KPIS, Rows.ADDED): N_("adding a KPI target"),
    (Part.KPIS, Rows.REMOVED): N_("removing a KPI target"),
}


def change_name(change: Change, session: AssessmentSession, lang: Lang) -> str:
    """What an edit did, as it completes "Undo …": "removing a gap", "the answer to “How fast…”"."""
    if change.part is Part.ANSWER and change.subject:
        question = next((q for q in session.questionnaire.questions if q.id == change.subject), None)
        if question is not None:
            text = question.text.get(lang)
            shown = text if len(text) <= QUESTION_SHOWN else text[: QUESTION_SHOWN - 1].rstrip() + "…"
            return _("the answer to “{question}”", lang, question=shown)
    return _(ROW_NAMES.get((change.part, change.rows), NAMES[change.part]), lang)


class UndoActions(QObject):
    """The two Edit-menu actions, following whichever session is open."""

    announced = Signal(str)
    """A line for the status bar."""

    def __init__(self, lang: Lang, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.session: AssessmentSession | None = None
        self._stepping = False
        self.undo = QAction(self)
        self.undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo = QAction(self)
        redo_keys = [*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Shift+Z")]
        self.redo.setShortcuts(list(dict.fromkeys(redo_keys)))
        self.undo.triggered.connect(lambda: self._step(back=True))
        self.redo.triggered.connect(lambda: self._step(back=False))
        self._show()

    def bind(self, session: AssessmentSession | None) -> None:
        if self.session is not None:
            self.session.undo_stack.indexChanged.disconnect(self._index_changed)
        self.session = session
        if session is not None:
            session.undo_stack.indexChanged.connect(self._index_changed)
        self._show()

    def _edit(self, index: int) -> Edit | None:
        stack = self.session.undo_stack if self.session is not None else None
        if stack is None or not 0 <= index < stack.count():
            return None
        command = stack.command(index)
        return command if isinstance(getattr(command, "change", None), Change) else None  # type: ignore[return-value]

    def _step(self, *, back: bool) -> None:
        if self.session is None:
            return
        stack = self.session.undo_stack
        edit = self._edit(stack.index() - 1 if back else stack.index())
        if edit is None:
            return
        name = self._name(edit)
        self._stepping = True
        try:
            stack.undo() if back else stack.redo()
        finally:
            self._stepping = False
        done = N_("Undone: {what}.") if back else N_("Redone: {what}.")
        self.announced.emit(_(done, self.lang, what=name))

    def _index_changed(self, index: int) -> None:
        """A removed row is gone from the screen at once (nothing asks first); the status line says how to bring it
        back."""
        self._show()
        edit = self._edit(index - 1)
        if self._stepping or edit is None or edit.change.rows is not Rows.REMOVED:
            return
        shortcut = self.undo.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        what = self._name(edit)
        self.announced.emit(
            _("Done: {what}. Edit > Undo ({shortcut}) brings it back.", self.lang, what=what, shortcut=shortcut)
        )

    def _name(self, edit: Edit) -> str:
        return change_name(edit.change, edit.session, self.lang)

    def _show(self) -> None:
        index = self.session.undo_stack.index() if self.session is not None else 0
        for action, edit, named, bare in (
            (self.undo, self._edit(index - 1), N_("&Undo {what}"), N_("&Undo")),
            (self.redo, self._edit(index), N_("&Redo {what}"), N_("&Redo")),
        ):
            action.setEnabled(edit is not None)
            action.setText(_(named, self.lang, what=self._name(edit)) if edit else _(bare, self.lang))
