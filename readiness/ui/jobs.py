"""The one way the window runs work off the UI thread.

A ``Lane`` is a worker thread that runs jobs in the order they were given (the library's lane, so that a save is
always seen by the load after it; a lane for files; one for loading content). Each job gets a ``Progress`` to
report through and to learn it was cancelled; its result, its failure as one line, and its progress come back on
the UI thread. ``run`` returns a ``Job`` whose ``cancel`` is the single way to stop one.

Tests make lanes synchronous (``synchronous_lanes``): every job then runs at once on the calling thread and its
callbacks fire before ``run`` returns, so GUI tests check results directly instead of waiting on timeouts. Code
that must exercise real threads (the durability test, the benchmarks) runs the app in its own process.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from readiness.core.problems import ReadinessError

Work = Callable[["Progress"], Any]
Done = Callable[[Any], None]
Failed = Callable[[str], None]
Progressed = Callable[[int, int, str], None]

_synchronous: list[bool] = [False]


@contextmanager
def synchronous_lanes() -> Iterator[None]:
    """Lanes made inside run their jobs at once, on the calling thread (for tests)."""
    _synchronous.append(True)
    try:
        yield
    finally:
        _synchronous.pop()


class Cancelled(Exception):
    """Raised inside a job by ``Progress.check`` once its ``Job`` was cancelled."""


class OneLine(Exception):
    """A failure whose message is already the one line the user reads (a render that failed, say), so it is not
    labelled with its type as an unexpected error is."""


class Announced(Exception):
    """A failure the user was already told about once (the library cannot be opened): a job with a failure handler
    still hears it, but the window does not show it again."""


@dataclass
class Job:
    """A job given to a lane: cancel it, or ask whether it was."""

    _cancelled: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()


@dataclass
class Progress:
    """What a running job holds: where to report how far it got, and whether to stop."""

    job: Job
    _report: Callable[[int, int, str], None]

    def report(self, done: int, total: int, text: str = "") -> None:
        self._report(done, total, text)

    def check(self) -> None:
        """Stop here (raising ``Cancelled``) if the job was cancelled."""
        if self.job.cancelled:
            raise Cancelled


@dataclass(frozen=True)
class _Request:
    work: Work
    job: Job
    on_done: Done | None
    on_failed: Failed | None
    on_progress: Progressed | None
    on_cancelled: Callable[[], None] | None = None


@dataclass(frozen=True)
class Failure:
    """A job's failure, as the one line the user reads."""

    message: str
    announced: bool = False


class Lane(QObject):
    """One worker thread running jobs in order; results, failures and progress come back on the UI thread."""

    _answered = Signal(object, object)
    _progressed = Signal(object, int, int, str)
    failed = Signal(str)
    """A job without its own failure handler failed: the window shows the message."""

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.synchronous = _synchronous[-1]
        self._requests: queue.Queue[_Request | None] = queue.Queue()
        self._answered.connect(self._deliver)
        self._progressed.connect(self._deliver_progress)
        self._name = name
        self._thread: threading.Thread | None = None
        """Started by the first job, not before: a lane the session never uses costs no thread at start-up."""

    def run(
        self,
        work: Work,
        on_done: Done | None = None,
        on_failed: Failed | None = None,
        on_progress: Progressed | None = None,
        on_cancelled: Callable[[], None] | None = None,
    ) -> Job:
        """Queue ``work``; once it ends, ``on_done``, ``on_failed`` or, when it stopped because the job was
        cancelled, ``on_cancelled`` runs on the UI thread."""
        request = _Request(work, Job(), on_done, on_failed, on_progress, on_cancelled)
        if self.synchronous:
            self._deliver(request, self._outcome(request))
            return request.job
        if self._thread is None:
            self._thread = threading.Thread(target=self._serve, name=f"readiness-{self._name}", daemon=True)
            self._thread.start()
        self._requests.put(request)
        return request.job

    def close(self, timeout: float = 10.0) -> None:
        """Run what is queued, then stop the thread."""
        if self._thread is not None:
            self._requests.put(None)
            self._thread.join(timeout)

    def _serve(self) -> None:
        while (request := self._requests.get()) is not None:
            outcome = self._outcome(request)
            with suppress(RuntimeError):  # the lane's owner was closed while the job ran: nobody is listening
                self._answered.emit(request, outcome)

    def _outcome(self, request: _Request) -> object:
        def report(done: int, total: int, text: str) -> None:
            if self.synchronous:
                self._deliver_progress(request, done, total, text)
            else:
                self._progressed.emit(request, done, total, text)

        progress = Progress(request.job, report)
        try:
            progress.check()
            return request.work(progress)
        except Cancelled:
            return Failure("")
        except Announced as error:
            return Failure(str(error), announced=True)
        except (ReadinessError, OneLine) as error:
            return Failure(str(error))
        except Exception as error:  # any failure becomes one line for the user
            return Failure(f"{type(error).__name__}: {error}")

    def _deliver(self, request: _Request, result: object) -> None:
        if isinstance(result, Failure):
            if request.job.cancelled:
                if request.on_cancelled is not None:
                    request.on_cancelled()
                return
            if request.on_failed is not None:
                request.on_failed(result.message)
            elif result.message and not result.announced:
                self.failed.emit(result.message)
        elif request.on_done is not None:
            request.on_done(result)

    def _deliver_progress(self, request: _Request, done: int, total: int, text: str) -> None:
        if request.on_progress is not None and not request.job.cancelled:
            request.on_progress(done, total, text)
