"""How the window shows an assessment, shared by every page: the client's view or the facilitator's, whether it is
being presented to a room (one question at a time, large type), and whether the wizard lists its steps."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from readiness.ui.settings import Settings


class ViewOptions(QObject):
    changed = Signal()

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.presenting = False
        self.steps_shown = True
        """The wizard's list of steps; presenting hides it to give the page the room, and the user may bring it back."""
        self._assessment: tuple[str, int] | None = None

    @property
    def client(self) -> bool:
        """Facilitator notes, evidence prompts, sources and formulas hidden; short wording, detail on request.
        Presenting to a room always shows the client's view. An assessment opens in the view last used with it,
        and one never opened before in the view last chosen."""
        return self.presenting or self.chosen_client

    @property
    def chosen_client(self) -> bool:
        """The view chosen for the open assessment (or the last chosen), whatever presenting shows."""
        own = self.settings.client_view_of(*self._assessment) if self._assessment else None
        return self.settings.client_view if own is None else own

    def set_client(self, on: bool) -> None:
        if on != self.chosen_client:
            self.settings.client_view = on
            if self._assessment is not None:
                self.settings.set_client_view_of(*self._assessment, on)
            self.changed.emit()

    def use_assessment(self, library: str | None, assessment_id: int | None = None) -> None:
        """The open assessment, whose own view the window follows (None: the library, no assessment open)."""
        before = self.chosen_client
        self._assessment = None if library is None or assessment_id is None else (library, assessment_id)
        if self.chosen_client != before:
            self.changed.emit()

    def zoomed(self) -> None:
        """The text size changed: what draws at a size of its own (answers while presenting) follows."""
        if self.presenting:
            self.changed.emit()

    def set_presenting(self, on: bool) -> None:
        if on != self.presenting:
            self.presenting = on
            self.steps_shown = not on
            self.changed.emit()

    def show_steps(self, on: bool) -> None:
        if on != self.steps_shown:
            self.steps_shown = on
            self.changed.emit()
