"""Render PDFs in a child process, so a WeasyPrint crash, hang or memory blow-up never takes the caller down.

The child (``readiness.report.child``) is started once and kept warm, so
WeasyPrint's import and font set-up are paid once. Each job gets a time limit
and the child runs under an address-space cap. When a job overruns, is
cancelled, or the child dies, the child is killed and the caller gets one clear
error; the next job starts a fresh child.
"""

from __future__ import annotations

import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any

from readiness.report import framing
from readiness.report.job import RenderJob, RenderResult

DEFAULT_TIMEOUT = 60.0
DEFAULT_MEMORY_CAP = 1024**3
"""Address space, not resident memory: Python, Pango and fontconfig reserve far more than they touch."""
START_TIMEOUT = 30.0

ProgressCallback = Callable[[str], None]


class RenderError(Exception):
    """Rendering failed; the message says why in one line."""


class RenderCancelled(RenderError):
    pass


class RenderFailed(RenderError):
    """The child reported an ordinary failure and is still healthy: it is kept for the next job."""


class _Child:
    """One running child process and a thread that turns its replies into a queue."""

    def __init__(self, memory_cap: int, *, background: bool) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - our own module, run by the same interpreter
            [sys.executable, "-m", "readiness.report.child", str(memory_cap), *(["--background"] * background)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            creationflags=getattr(subprocess, "IDLE_PRIORITY_CLASS", 0) if background else 0,  # Windows only
        )
        if self.process.stdin is None or self.process.stdout is None:
            raise RenderError("the PDF renderer could not start: no pipes")
        self._jobs, self._answers = self.process.stdin, self.process.stdout
        self.replies: queue.Queue[tuple[str, Any]] = queue.Queue()
        threading.Thread(target=self._read, name="readiness-render-replies", daemon=True).start()

    def _read(self) -> None:
        while True:
            try:
                self.replies.put(framing.receive(self._answers))
            except (EOFError, OSError, ValueError):
                self.replies.put(("exit", None))
                return

    def send(self, message: object) -> None:
        framing.send(self._jobs, message)

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self, grace: float = 0.0) -> None:
        if self.alive() and grace:
            try:
                self.send(None)
                self.process.wait(grace)
            except (OSError, ValueError, subprocess.TimeoutExpired):
                pass
        if self.alive():
            self.process.kill()
        self.process.wait()
        self._jobs.close()
        self._answers.close()


class RenderWorker:
    def __init__(
        self, timeout: float = DEFAULT_TIMEOUT, memory_cap: int = DEFAULT_MEMORY_CAP, *, background: bool = False
    ) -> None:
        """``background``: the child runs at the lowest CPU priority, for work nobody is waiting for."""
        self.timeout = timeout
        self.memory_cap = memory_cap
        self.background = background
        self._child: _Child | None = None
        self._lock = threading.Lock()
        self._cancelled = threading.Event()

    def __enter__(self) -> RenderWorker:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def start(self) -> None:
        """Start the child ahead of the first job, e.g. while the user is still filling in the wizard."""
        with self._lock:
            self._running_child()

    def render(self, job: RenderJob, on_progress: ProgressCallback | None = None) -> RenderResult:
        with self._lock:
            self._cancelled.clear()
            child = self._running_child()
            try:
                child.send(job)
                return self._await_result(child, on_progress)
            except (BrokenPipeError, OSError, ValueError):
                self._discard_child()
                raise RenderError(self._death_message()) from None
            except RenderFailed:
                raise
            except RenderError:
                self._discard_child()
                raise

    def cancel(self) -> None:
        """Stop the job in progress, from any thread: render() then raises RenderCancelled."""
        self._cancelled.set()

    def close(self) -> None:
        with self._lock:
            if self._child is not None:
                self._child.stop(grace=2.0)
                self._child = None

    def _running_child(self) -> _Child:
        if self._child is not None and self._child.alive():
            return self._child
        self._discard_child()
        child = _Child(self.memory_cap, background=self.background)
        self._child = child
        try:
            kind, _ = child.replies.get(timeout=START_TIMEOUT)
        except queue.Empty:
            kind = "timeout"
        if kind != "ready":
            self._discard_child()
            raise RenderError("the PDF renderer could not start (is WeasyPrint installed with its Pango libraries?)")
        return child

    def _await_result(self, child: _Child, on_progress: ProgressCallback | None) -> RenderResult:
        deadline = time.monotonic() + self.timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise RenderError(f"rendering took longer than {self.timeout:g} s and was stopped")
            if self._cancelled.is_set():
                raise RenderCancelled("rendering was cancelled")
            try:
                kind, payload = child.replies.get(timeout=min(remaining, 0.05))
            except queue.Empty:
                continue
            if kind == "progress" and on_progress is not None:
                on_progress(payload)
            elif kind == "done":
                return payload  # type: ignore[no-any-return]
            elif kind == "error":
                raise RenderFailed(payload)
            elif kind == "fatal":
                raise RenderError(payload)
            elif kind == "exit":
                raise RenderError(self._death_message())

    def _death_message(self) -> str:
        if self._cancelled.is_set():
            return "rendering was cancelled"
        return "the PDF renderer stopped unexpectedly (it may have run out of memory)"

    def _discard_child(self) -> None:
        if self._child is not None:
            self._child.stop()
            self._child = None
