"""Library work off the UI thread: one worker thread owns the library and runs jobs in order.

A job is a function of a database session; its result (or its error, as one
line) comes back on the UI thread through a queued Qt signal. Because jobs run
in order, an edit saved before a load is always seen by it.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from readiness.core.problems import ReadinessError

if TYPE_CHECKING:
    from sqlmodel import Session

    from readiness.store import Library

Job = Callable[["Session"], Any]
Done = Callable[[Any], None]
Failed = Callable[[str], None]


@dataclass(frozen=True)
class _Request:
    job: Job
    on_done: Done | None
    on_error: Failed | None


class LibraryService(QObject):
    _answered = Signal(object, object)
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
        self._requests: queue.Queue[_Request | None] = queue.Queue()
        self._answered.connect(self._deliver)
        self._thread = threading.Thread(target=self._run, name="readiness-library", daemon=True)
        self._thread.start()

    def submit(self, job: Job, on_done: Done | None = None, on_error: Failed | None = None) -> None:
        self._requests.put(_Request(job, on_done, on_error))

    def close(self, timeout: float = 10.0) -> None:
        """Run what is queued, close the library and stop the thread."""
        self._requests.put(None)
        self._thread.join(timeout)

    def _run(self) -> None:
        library = None
        while (request := self._requests.get()) is not None:
            try:
                library = library or self._open()
                with library.session() as session:
                    result = request.job(session)
            except _Unavailable as error:
                self._answer(request, _Failure(str(error), announced=True))
            except ReadinessError as error:
                self._answer(request, _Failure(str(error)))
            except Exception as error:  # any failure becomes one line for the user
                self._answer(request, _Failure(f"{type(error).__name__}: {error}"))
            else:
                self._answer(request, result)
        if library is not None:
            library.close()

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
            raise _Unavailable(str(error)) from None
        for warning in library.warnings:
            self.warned.emit(warning)
        return library

    def _answer(self, request: _Request, result: object) -> None:
        self._answered.emit(request, result)

    def _deliver(self, request: _Request, result: object) -> None:
        if isinstance(result, _Failure):
            if request.on_error is not None:
                request.on_error(result.message)
            elif not result.announced:
                self.failed.emit(result.message)
        elif request.on_done is not None:
            request.on_done(result)


@dataclass(frozen=True)
class _Failure:
    message: str
    announced: bool = False
    """The library could not be opened, which ``unavailable`` already said once."""


class _Unavailable(Exception):
    pass
