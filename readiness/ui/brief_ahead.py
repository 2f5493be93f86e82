"""The brief edition kept rendered while the user edits, so that Review shows a current preview at once and
generating the brief is instant.

Once an edit is saved and the user has paused for ``PAUSE_MS``, the brief of the answers as they are renders on a
render child of its own at the lowest CPU priority: it takes a core only when nothing else wants it, so it never
slows the window, a save (it starts only once the edits are saved) or a plan the user asked for. An edit during a
render does not stop it (stopping kills the warm child, and the next render would start cold): its result is kept
only while it still matches the answers, and the next pause renders the new ones. Closing the assessment stops it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from readiness.report.edition import Edition
from readiness.ui.render import PlanRenderer, PlanRequest, RenderedPlan
from readiness.ui.state import SaveState

if TYPE_CHECKING:
    from readiness.ui.pages.base import PageContext

PAUSE_MS = 1500
"""How long the user pauses before the brief renders: a burst of typing renders once, after it."""


class BriefAhead(QObject):
    ready = Signal(object)
    """A RenderedPlan: the brief of the answers as they are now."""
    failed = Signal(str)
    """The brief of the current answers could not be rendered; a render the user asks for will say why."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.renderer = PlanRenderer(background=True)
        self.automatic = not self.renderer.synchronous
        """Render after each pause. Not where jobs run at once on the UI thread (tests): there only ``catch_up``
        renders, when a test asks."""
        self.renderer.finished.connect(self._finished)
        self.renderer.failed.connect(self._failed)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self.catch_up)
        self._context: PageContext | None = None
        self._latest: RenderedPlan | None = None
        self._rendering: PlanRequest | None = None

    def follow(self, context: PageContext | None) -> None:
        """Keep the brief of CONTEXT's assessment ready (None: of none), starting after a pause."""
        if self._context is not None:
            self._context.session.changed.disconnect(self.soon)
        self._context, self._latest = context, None
        if context is None:
            self._pause.stop()
            return
        context.session.changed.connect(self.soon)
        self.soon()

    def current(self) -> RenderedPlan | None:
        """The brief of the answers as they are now, when it is rendered."""
        latest, wanted = self._latest, self._wanted()
        return None if latest is None or wanted is None or latest.request != wanted else latest

    @property
    def rendering_current(self) -> bool:
        """The brief of the answers as they are now is rendering: ``ready`` will bring it."""
        wanted = self._wanted()
        return wanted is not None and self._rendering == wanted

    def catch_up(self) -> None:
        """Render the brief of the current answers, unless it is ready or rendering, or edits wait to be saved."""
        context, wanted = self._context, self._wanted()
        if context is None or wanted is None or self.current() is not None or self._rendering is not None:
            return
        if context.session.save_state is SaveState.PENDING:
            self._pause.start()
            return
        self._rendering = wanted
        self.renderer.render(wanted)

    def close(self) -> None:
        self.follow(None)
        self.renderer.cancel()
        self.renderer.close()

    def _wanted(self) -> PlanRequest | None:
        return None if self._context is None else self._context.plan_request(Edition.BRIEF)

    def soon(self) -> None:
        """Render the brief of the current answers after a pause (restarted by every edit)."""
        if self.automatic:
            self._pause.start()

    def _finished(self, rendered: RenderedPlan) -> None:
        self._rendering = None
        if rendered.request == self._wanted():
            self._latest = rendered
            self.ready.emit(rendered)
        elif self.automatic:
            self._pause.start()  # overtaken by an edit: render the answers as they are now

    def _failed(self, message: str) -> None:
        overtaken, self._rendering = self._rendering != self._wanted(), None
        if not overtaken:
            self.failed.emit(message)
