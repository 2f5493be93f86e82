"""The render child: ``python -m readiness.report.child MEMORY_CAP [--background]``, driven by RenderWorker.

Reads jobs from stdin and writes progress and results to stdout, as framed
messages. Anything else that would print to stdout goes to stderr instead, so
it cannot corrupt the messages.
"""

from __future__ import annotations

import gc
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from readiness.report import framing
from readiness.report.job import RenderJob

LOWEST_PRIORITY = 19
"""The nice value of a background child: it takes the CPU only when nothing else wants it."""
NEARLY_SPENT = 0.8
"""A render that fails once its peak address space has passed this share of the cap ran out of memory."""
STATUS_BYTES = 64 * 1024


def main() -> None:
    cap = _limit_memory(int(sys.argv[1]))
    if "--background" in sys.argv[2:]:
        _lowest_priority()
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    jobs = sys.stdin.buffer
    import readiness.report.pdf  # noqa: F401 - warm up: WeasyPrint's import and font set-up, before the first job

    framing.send(replies, ("ready", None))
    while True:
        try:
            job = framing.receive(jobs)
        except EOFError:
            return
        if job is None:
            return
        with collection_after_reply():
            _render(job, replies, cap)


@contextmanager
def collection_after_reply() -> Iterator[None]:
    """Python's cycle collector is held off while a job renders and run once it has been answered.

    A render allocates millions of short-lived objects, and with the collector on, its full passes over them took
    a sixth of the sample plan's render in one process (2.28 s against 1.89 s, benchmarks/report_profile.py). The peak
    memory barely moves: the cycles a render leaves are its own document, freed in one pass after the reply.
    """
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()


def _render(job: RenderJob, replies: IO[bytes], cap: int | None) -> None:
    from readiness.report.pdf import render_pdf

    try:
        result = render_pdf(job, lambda message: framing.send(replies, ("progress", message)))
    except Exception as error:
        if _starved(error, cap):
            framing.send(replies, ("fatal", "rendering ran out of memory and was stopped"))
            raise SystemExit(3) from None
        framing.send(replies, ("error", f"rendering failed: {type(error).__name__}: {str(error)[:200]}"))
        return
    framing.send(replies, ("done", result))


def _starved(error: Exception, cap: int | None) -> bool:
    try:
        return ran_out_of_memory(error, peak_address_space(), cap)
    except MemoryError:  # not even the status could be read
        return True


def ran_out_of_memory(error: Exception, peak: int | None, cap: int | None) -> bool:
    """A MemoryError, or any failure once the address space had nearly reached its cap: C code under the cap
    (Pango, cffi) may report a refused allocation as a SystemError ("error return without exception set")."""
    if isinstance(error, MemoryError):
        return True
    return peak is not None and cap is not None and peak >= NEARLY_SPENT * cap


def peak_address_space() -> int | None:
    """This process's peak address space in bytes (VmPeak), where /proc tells it (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            found = re.search(r"^VmPeak:\s+(\d+) kB", status.read(STATUS_BYTES), re.MULTILINE)
    except OSError:
        return None
    return int(found.group(1)) * 1024 if found else None


def _lowest_priority() -> None:
    """On Windows the parent starts the child in the idle priority class instead."""
    if hasattr(os, "nice"):
        os.nice(LOWEST_PRIORITY - os.nice(0))


def _limit_memory(cap: int) -> int | None:
    """The address-space cap set, or None where there is none (Windows: the time limit still applies)."""
    try:
        import resource
    except ImportError:
        return None
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = cap if hard == resource.RLIM_INFINITY else min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    return limit


if __name__ == "__main__":
    main()
