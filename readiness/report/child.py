"""The render child: ``python -m readiness.report.child MEMORY_CAP [--background]``, driven by RenderWorker.

Reads jobs from stdin and writes progress and results to stdout, as framed
messages. Anything else that would print to stdout goes to stderr instead, so
it cannot corrupt the messages.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from readiness.report import framing
from readiness.report.job import RenderJob

LOWEST_PRIORITY = 19
"""The nice value of a background child: it takes the CPU only when nothing else wants it."""


def main() -> None:
    _limit_memory(int(sys.argv[1]))
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
            _render(job, replies)


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


def _render(job: RenderJob, replies: IO[bytes]) -> None:
    from readiness.report.pdf import render_pdf

    try:
        result = render_pdf(job, lambda message: framing.send(replies, ("progress", message)))
    except MemoryError:
        framing.send(replies, ("fatal", "rendering ran out of memory and was stopped"))
        raise SystemExit(3) from None
    except Exception as error:
        framing.send(replies, ("error", f"rendering failed: {type(error).__name__}: {str(error)[:200]}"))
        return
    framing.send(replies, ("done", result))


def _lowest_priority() -> None:
    """On Windows the parent starts the child in the idle priority class instead."""
    if hasattr(os, "nice"):
        os.nice(LOWEST_PRIORITY - os.nice(0))


def _limit_memory(cap: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: the time limit still applies
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = cap if hard == resource.RLIM_INFINITY else min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


if __name__ == "__main__":
    main()
