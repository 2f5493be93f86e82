"""The render worker turns every failure of its child into one RenderError, and renders again afterwards.

Each test runs a worker of its own, since each one kills or starves its child on purpose.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import mini_assessment
from report_support import mini_catalogue

from readiness.core.problems import ReadinessError
from readiness.report.child import LOWEST_PRIORITY
from readiness.report.html import render_plan_html
from readiness.report.job import RenderJob
from readiness.report.outputs import PlanSettings, pdf_job, plan_in, write_plan
from readiness.report.paper import Paper
from readiness.report.theme import load_theme
from readiness.report.worker import RenderCancelled, RenderError, RenderWorker

SMALL = RenderJob("<!DOCTYPE html><html><body><p>Hello</p></body></html>", {}, b"kind: note\n", "a note")
KNOWN_FAILURES = (
    "rendering ran out of memory and was stopped",
    "the PDF renderer stopped unexpectedly (it may have run out of memory)",
    "the PDF renderer could not start (is WeasyPrint installed with its Pango libraries?)",
)


@pytest.fixture(scope="module")
def plan_job() -> RenderJob:
    """A real plan: about a second and a half of work, with progress messages along the way."""
    assessment = mini_assessment()
    plan = plan_in(assessment, mini_catalogue(), None)
    return pdf_job(assessment, plan, render_plan_html(plan, load_theme(), Paper.A4))


@pytest.fixture
def worker() -> Iterator[RenderWorker]:
    with RenderWorker() as worker:
        worker.start()
        yield worker


def _renders(worker: RenderWorker) -> None:
    result = worker.render(SMALL)
    assert result.pdf.startswith(b"%PDF-") and result.pages == 1


def _child_process(worker: RenderWorker) -> subprocess.Popen[bytes]:
    assert worker._child is not None
    return worker._child.process


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="POSIX nice values")
def test_a_background_worker_renders_at_the_lowest_priority() -> None:
    with RenderWorker() as foreground, RenderWorker(background=True) as background:
        for worker in (foreground, background):
            _renders(worker)
        priority = [os.getpriority(os.PRIO_PROCESS, _child_process(w).pid) for w in (foreground, background)]
    assert priority == [os.getpriority(os.PRIO_PROCESS, 0), LOWEST_PRIORITY]


def test_a_job_over_the_time_limit_is_stopped(plan_job: RenderJob) -> None:
    with RenderWorker(timeout=0.2) as worker:
        worker.start()
        process = _child_process(worker)
        started = time.monotonic()
        with pytest.raises(RenderError) as caught:
            worker.render(plan_job)
        assert time.monotonic() - started < 1.0
        assert str(caught.value) == "rendering took longer than 0.2 s and was stopped"
        assert type(caught.value) is RenderError
        assert process.poll() is not None  # the child was killed, not left running
        worker.timeout = 60
        _renders(worker)


def test_a_child_that_dies_mid_job_is_one_error(worker: RenderWorker, plan_job: RenderJob) -> None:
    def kill(message: str) -> None:
        if worker._child is not None and worker._child.alive():
            worker._child.process.kill()

    with pytest.raises(RenderError) as caught:
        worker.render(plan_job, kill)
    assert type(caught.value) is RenderError
    assert str(caught.value) == "the PDF renderer stopped unexpectedly (it may have run out of memory)"
    _renders(worker)


def test_cancel_from_another_thread_stops_the_job(worker: RenderWorker, plan_job: RenderJob) -> None:
    progress = threading.Event()

    def cancel_once_started() -> None:
        if progress.wait(30):
            worker.cancel()

    canceller = threading.Thread(target=cancel_once_started)
    canceller.start()
    started = time.monotonic()
    with pytest.raises(RenderCancelled, match=r"^rendering was cancelled$"):
        worker.render(plan_job, lambda message: progress.set())
    canceller.join()
    assert time.monotonic() - started < 1.0
    _renders(worker)


def test_a_cancel_between_jobs_does_not_stop_the_next_one(worker: RenderWorker) -> None:
    worker.cancel()
    _renders(worker)


def test_progress_is_reported(worker: RenderWorker, plan_job: RenderJob) -> None:
    messages: list[str] = []
    result = worker.render(plan_job, messages.append)
    assert result.pages > 5
    assert len(messages) > result.pages and all(isinstance(m, str) and "\n" not in m for m in messages)


def test_running_out_of_memory_is_a_render_error_not_a_crash(plan_job: RenderJob) -> None:
    """120 MB of address space lets the child start here, but not lay out a plan (it needs several times that)."""
    with RenderWorker(memory_cap=120 * 1024**2) as worker:
        with pytest.raises(RenderError) as caught:
            worker.render(plan_job)
        assert str(caught.value) in KNOWN_FAILURES
        assert worker._child is None  # the starved child is gone; the next job gets a new one
        worker.memory_cap = 1024**3
        _renders(worker)


def test_a_broken_job_is_an_error_and_the_worker_goes_on(worker: RenderWorker) -> None:
    broken = RenderJob(None, {}, b"x", "d")  # type: ignore[arg-type]  # WeasyPrint gets no document at all
    with pytest.raises(RenderError, match=r"^rendering failed: TypeError: [^\n]+$"):
        worker.render(broken)
    _renders(worker)


def test_a_failed_render_leaves_the_old_plan_file_alone(tmp_path: Path, plan_job: RenderJob) -> None:
    """write_plan turns the worker's error into one problem line, and the file appears whole or not at all."""
    out = tmp_path / "plan.pdf"
    out.write_bytes(b"the plan printed last week")
    with RenderWorker(timeout=0.05) as worker, pytest.raises(ReadinessError) as caught:
        write_plan(out, mini_assessment(), mini_catalogue(), PlanSettings(), worker=worker)
    assert [str(p) for p in caught.value.problems] == ["plan: rendering took longer than 0.05 s and was stopped"]
    assert out.read_bytes() == b"the plan printed last week"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf"]
