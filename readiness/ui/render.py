"""Plans rendered for the app: HTML built and the PDF laid out off the UI thread, with progress and cancel.

Renders run as jobs on a lane of their own (``readiness.ui.jobs``), so they report, fail and cancel the way every
other background job does; the PDF itself is laid out by the warm render child (``readiness.report.worker``).
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from readiness.core.lang import Lang
from readiness.report.edition import Edition
from readiness.report.paper import Paper
from readiness.ui.jobs import Cancelled, Job, Lane, OneLine, Progress

if TYPE_CHECKING:
    from readiness.core.assessment import Assessment
    from readiness.core.content import Content
    from readiness.report.worker import RenderWorker

CANCELLED = "rendering was cancelled"
"""What ``failed`` carries when the user stopped the render."""


@dataclass(frozen=True)
class PlanRequest:
    """What one render is asked for. Two requests are equal when they would render the same plan: the same
    answers, language, paper, theme and edition (the content is the session's, loaded once)."""

    assessment: Assessment
    content: Content = field(compare=False)
    lang: Lang
    paper: Paper
    theme_path: str | None
    edition: Edition
    baseline: Assessment | None = None
    """For a re-assessment: the assessment it follows, which its plan is compared with."""


@dataclass(frozen=True)
class RenderedPlan:
    pdf: bytes
    pages: int
    seconds: float
    request: PlanRequest

    @property
    def edition(self) -> Edition:
        return self.request.edition


class PlanRenderer(QObject):
    """One warm render worker; at most one plan renders at a time. ``background``: its child runs at the lowest
    CPU priority (for the brief kept ready ahead of the user, ``brief_ahead``)."""

    progress = Signal(str)
    finished = Signal(object)
    """A RenderedPlan."""
    failed = Signal(str)

    def __init__(self, *, background: bool = False) -> None:
        super().__init__()
        self.background = background
        self._lane = Lane("render", self)
        self._worker: RenderWorker | None = None
        self._lock = threading.Lock()
        self._busy = False
        self._job: Job | None = None

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def synchronous(self) -> bool:
        """Renders run at once on the calling thread (tests), not on a thread of their own."""
        return self._lane.synchronous

    def warm_up(self) -> None:
        """Start the render child ahead of the first plan, so that it does not pay WeasyPrint's import. Only with
        a real thread behind the lane: where jobs run at once (tests), the first render starts the child."""
        if not self.synchronous:
            self._lane.run(self._warm)

    def render(self, request: PlanRequest) -> None:
        if self._busy:
            return
        self._busy = True
        job = self._lane.run(
            partial(self._render, request),
            on_done=self._done,
            on_failed=self._failed,
            on_progress=lambda _done, _total, message: self.progress.emit(message),
            on_cancelled=lambda: self._failed(CANCELLED),
        )
        self._job = job if self._busy else None

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
        with self._lock:
            worker = self._worker
        if worker is not None:
            worker.cancel()

    def close(self) -> None:
        self._lane.close()
        with self._lock:
            worker, self._worker = self._worker, None
        if worker is not None:
            worker.close()

    def _ensure_worker(self) -> RenderWorker:
        from readiness.report.worker import RenderWorker

        with self._lock:
            if self._worker is None:
                self._worker = RenderWorker(background=self.background)
            return self._worker

    def _warm(self, _progress: Progress) -> None:
        from readiness.report.worker import RenderError

        with contextlib.suppress(RenderError):  # the first render reports the problem
            self._ensure_worker().start()

    def _render(self, request: PlanRequest, progress: Progress) -> RenderedPlan:
        from pathlib import Path

        from readiness.report.outputs import plan_in, render_edition
        from readiness.report.theme import load_theme
        from readiness.report.worker import RenderCancelled, RenderError

        plan = plan_in(request.assessment, request.content, request.lang, baseline=request.baseline)
        theme = load_theme(Path(request.theme_path) if request.theme_path else None)
        layout = (theme, request.paper, request.edition)
        worker = self._ensure_worker()
        progress.check()

        def report(message: str) -> None:
            if progress.job.cancelled:  # a cancel that came while the job was being prepared stops the child here
                worker.cancel()
            progress.report(0, 0, message)

        try:
            result = render_edition(request.assessment, plan, layout, lambda job: worker.render(job, report))
        except RenderCancelled:
            raise Cancelled from None
        except RenderError as error:
            raise OneLine(str(error)) from error
        return RenderedPlan(result.pdf, result.pages, result.seconds, request)

    def _done(self, rendered: RenderedPlan) -> None:
        self._busy, self._job = False, None
        self.finished.emit(rendered)

    def _failed(self, message: str) -> None:
        self._busy, self._job = False, None
        self.failed.emit(message)
