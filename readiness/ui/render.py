"""Plans rendered for the app: HTML built and the PDF laid out off the UI thread, with progress and cancel."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from readiness.core.lang import Lang
from readiness.core.problems import ReadinessError
from readiness.report.paper import Paper

if TYPE_CHECKING:
    from readiness.core.assessment import Assessment
    from readiness.core.content import Content
    from readiness.report.worker import RenderWorker


@dataclass(frozen=True)
class RenderedPlan:
    pdf: bytes
    pages: int
    seconds: float


class PlanRenderer(QObject):
    """One warm render worker for the app; at most one plan renders at a time."""

    progress = Signal(str)
    finished = Signal(object)
    """A RenderedPlan."""
    failed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._worker: RenderWorker | None = None
        self._lock = threading.Lock()
        self._busy = False
        self._cancelled = threading.Event()
        """Set by cancel(); checked again just before the job reaches the worker, which clears its own flag."""

    @property
    def busy(self) -> bool:
        return self._busy

    def warm_up(self) -> None:
        """Start the render child in the background, so the first plan does not pay WeasyPrint's import."""
        threading.Thread(target=self._warm, name="readiness-render-warm", daemon=True).start()

    def render(
        self, assessment: Assessment, content: Content, lang: Lang, paper: Paper, theme_path: str | None
    ) -> None:
        if self._busy:
            return
        self._busy = True
        self._cancelled.clear()
        args = (assessment, content, lang, paper, theme_path)
        threading.Thread(target=self._render, args=args, name="readiness-render", daemon=True).start()

    def cancel(self) -> None:
        self._cancelled.set()
        with self._lock:
            worker = self._worker
        if worker is not None:
            worker.cancel()

    def close(self) -> None:
        with self._lock:
            worker, self._worker = self._worker, None
        if worker is not None:
            worker.close()

    def _ensure_worker(self) -> RenderWorker:
        from readiness.report.worker import RenderWorker

        with self._lock:
            if self._worker is None:
                self._worker = RenderWorker()
            return self._worker

    def _warm(self) -> None:
        from readiness.report.worker import RenderError

        with contextlib.suppress(RenderError):  # the first render reports the problem
            self._ensure_worker().start()

    def _render(
        self, assessment: Assessment, content: Content, lang: Lang, paper: Paper, theme_path: str | None
    ) -> None:
        from pathlib import Path

        from readiness.report.html import render_plan_html
        from readiness.report.outputs import pdf_job, plan_in
        from readiness.report.theme import load_theme
        from readiness.report.worker import RenderCancelled, RenderError

        try:
            plan = plan_in(assessment, content, lang)
            theme = load_theme(Path(theme_path) if theme_path else None)
            job = pdf_job(assessment, plan, render_plan_html(plan, theme, paper))
            worker = self._ensure_worker()
            if self._cancelled.is_set():
                raise RenderCancelled("rendering was cancelled")
            result = worker.render(job, self._progress_unless_cancelled(worker))
        except (RenderError, ReadinessError) as error:
            self._busy = False
            self.failed.emit(str(error))
            return
        self._busy = False
        self.finished.emit(RenderedPlan(result.pdf, result.pages, result.seconds))

    def _progress_unless_cancelled(self, worker: RenderWorker) -> Callable[[str], None]:
        """Progress for the UI; a cancel that came while the job was being prepared stops the worker here."""

        def report(message: str) -> None:
            if self._cancelled.is_set():
                worker.cancel()
            self.progress.emit(message)

        return report
