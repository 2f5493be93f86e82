"""The library's lane: one worker thread owns the library and runs its jobs in order (``readiness.ui.jobs``).

A job is a function of a database session (and, when it reports how far it got, of a ``Progress``); its result, or
its failure as one line, comes back on the UI thread. Because jobs run in order, an edit saved before a load is
always seen by it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from readiness.core.problems import ReadinessError
from readiness.ui.jobs import Announced, Done, Failed, Job, Lane, Progress, Progressed

if TYPE_CHECKING:
    from sqlmodel import Session

    from readiness.store import Library

LibraryJob = Callable[["Session"], Any]
LibraryJobWithProgress = Callable[["Session", Progress], Any]


class LibraryService(QObject):
    failed = Signal(str)
    """A job without its own error handler failed: the window shows the message."""
    unavailable = Signal(str)
    """The library could not be opened: the one-line reason, said once. Jobs without their own error handler then
    fail quietly; the window shows this instead."""
    warned = Signal(str)
    """Something went wrong beside the work (a backup that could not be taken): the status bar says so."""

    def __init__(self, db: str | None) -> None:
        super().__init__()
        self._db = db
        self._announced = False
        self._library: Library | None = None
        self._lane = Lane("library", self)
        self._lane.failed.connect(self.failed)

    def submit(self, job: LibraryJob, on_done: Done | None = None, on_error: Failed | None = None) -> Job:
        return self.submit_with_progress(lambda session, _progress: job(session), on_done, on_error)

    def submit_with_progress(
        self,
        job: LibraryJobWithProgress,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        on_progress: Progressed | None = None,
    ) -> Job:
        return self._lane.run(lambda progress: self._in_session(job, progress), on_done, on_error, on_progress)

    def close(self, timeout: float = 10.0) -> None:
        """Run what is queued, close the library and stop the thread."""
        self._lane.run(lambda _progress: self._close_library())
        self._lane.close(timeout)

    def _in_session(self, job: LibraryJobWithProgress, progress: Progress) -> Any:
        library = self._library = self._library or self._open()
        with library.session() as session:
            return job(session, progress)

    def _close_library(self) -> None:
        if self._library is not None:
            self._library.close()
            self._library = None

    def _open(self) -> Library:
        """Open the library; the first failure to open is announced once (``unavailable``), and every job tries
        again, so a server that comes back is used."""
        from readiness.store import open_library

        try:
            library = open_library(self._db or None)
        except ReadinessError as error:
            if not self._announced:
                self._announced = True
                self.unavailable.emit(str(error))
            raise Announced(str(error)) from None
        for warning in library.warnings:
            self.warned.emit(warning)
        return library
