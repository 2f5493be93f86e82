"""How the window shows an assessment, shared by every page: the client's view or the facilitator's, and whether
it is being presented to a room (one question at a time, large type)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from readiness.ui.settings import Settings


class ViewOptions(QObject):
    changed = Signal()

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.presenting = False

    @property
    def client(self) -> bool:
        """Facilitator notes, evidence prompts, sources and formulas hidden; short wording, detail on request.
        Presenting to a room always shows the client's view."""
        return self.presenting or self.settings.client_view

    def set_client(self, on: bool) -> None:
        if on != self.settings.client_view:
            self.settings.client_view = on
            self.changed.emit()

    def zoomed(self) -> None:
        """The text size changed: what draws at a size of its own (answers while presenting) follows."""
        if self.presenting:
            self.changed.emit()

    def set_presenting(self, on: bool) -> None:
        if on != self.presenting:
            self.presenting = on
            self.changed.emit()
