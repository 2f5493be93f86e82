"""The window's one way to run work off the UI thread: jobs in order, answers and progress on the UI thread, one
line per failure, cancel; and the synchronous lanes GUI tests use."""

from __future__ import annotations

import threading
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from readiness.core.problems import ReadinessError
from readiness.ui.jobs import Lane, Progress, synchronous_lanes


def test_jobs_run_in_order_off_the_ui_thread_and_answer_on_it(qtbot: QtBot) -> None:
    lane = Lane("test")
    ran_on: list[str] = []
    answers: list[tuple[int, str]] = []

    def work(number: int) -> Callable[[Progress], int]:
        def run(_progress: Progress) -> int:
            ran_on.append(threading.current_thread().name)
            return number

        return run

    for number in range(5):
        lane.run(work(number), lambda result: answers.append((result, threading.current_thread().name)))
    qtbot.waitUntil(lambda: len(answers) == 5, timeout=5000)
    lane.close()
    assert [number for number, _thread in answers] == [0, 1, 2, 3, 4]
    assert set(ran_on) == {"readiness-test"}
    assert {thread for _number, thread in answers} == {threading.main_thread().name}


def test_a_failure_is_one_line_and_progress_arrives_on_the_ui_thread(qtbot: QtBot) -> None:
    lane = Lane("test")
    failures: list[str] = []
    progress: list[tuple[int, int, str, str]] = []

    def fail(report: Progress) -> None:
        report.report(1, 2, "half")
        raise ReadinessError.single("plan.yaml", "line 3: not a number")

    def crash(_report: Progress) -> None:
        raise KeyError("gone")

    lane.run(
        fail,
        on_failed=failures.append,
        on_progress=lambda done, total, text: progress.append((done, total, text, threading.current_thread().name)),
    )
    unhandled: list[str] = []
    lane.failed.connect(unhandled.append)
    lane.run(crash)
    qtbot.waitUntil(lambda: bool(failures) and bool(unhandled), timeout=5000)
    lane.close()
    assert failures == ["plan.yaml: line 3: not a number"]
    assert unhandled == ["KeyError: 'gone'"]
    assert progress == [(1, 2, "half", threading.main_thread().name)]


def test_a_cancelled_job_stops_at_its_next_check_and_answers_nothing(qtbot: QtBot) -> None:
    lane = Lane("test")
    started, release = threading.Event(), threading.Event()
    checked: list[int] = []
    answered: list[object] = []

    def long_job(progress: Progress) -> str:
        started.set()
        release.wait(5)
        for step in range(3):
            progress.check()
            checked.append(step)
        return "finished"

    job = lane.run(long_job, answered.append, answered.append)
    assert started.wait(5)
    job.cancel()
    release.set()
    done: list[bool] = []
    lane.run(lambda _progress: None, lambda _result: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    lane.close()
    assert job.cancelled and checked == [] and answered == []


def test_a_job_stopped_by_its_cancel_hears_only_that_it_was_cancelled() -> None:
    with synchronous_lanes():
        lane = Lane("test")
        heard: list[str] = []

        def cancelled_midway(progress: Progress) -> str:
            progress.job.cancel()  # the user pressed Cancel while it ran
            progress.check()
            return "finished"

        lane.run(
            cancelled_midway,
            on_done=lambda _result: heard.append("done"),
            on_failed=heard.append,
            on_cancelled=lambda: heard.append("cancelled"),
        )
        lane.run(lambda _progress: 1 / 0, on_failed=heard.append, on_cancelled=lambda: heard.append("cancelled"))
        assert heard == ["cancelled", "ZeroDivisionError: division by zero"]


def test_synchronous_lanes_answer_before_run_returns() -> None:
    with synchronous_lanes():
        lane = Lane("test")
    answers: list[int] = []
    lane.run(lambda _progress: 42, answers.append)
    assert answers == [42]
    assert lane.synchronous


def test_the_progress_window_follows_the_job_and_its_cancel_stops_it(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QPushButton, QWidget

    from readiness.core.lang import Lang
    from readiness.ui.busy import Busy

    parent = QWidget()
    qtbot.addWidget(parent)
    lane = Lane("test")
    busy = Busy(parent, "Importing plan.pdf…", Lang.EN)
    reported, release = threading.Event(), threading.Event()
    wrote: list[bool] = []

    def importing(progress: Progress) -> None:
        progress.report(1, 2, "Adding it to the library…")
        reported.set()
        release.wait(5)
        progress.check()
        wrote.append(True)

    job = busy.follow(lane.run(importing, on_progress=busy.progress))
    assert reported.wait(5)
    qtbot.waitUntil(lambda: busy.dialog.labelText() == "Adding it to the library…", timeout=5000)
    assert (busy.dialog.value(), busy.dialog.maximum()) == (1, 2)
    cancel = busy.dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    cancel.click()
    release.set()
    lane.close()
    assert job.cancelled and wrote == [], "cancelled before writing: nothing written"


def test_a_lane_starts_its_thread_with_its_first_job(qtbot: QtBot) -> None:
    """The window makes its lanes at start-up; one the session never uses must not cost a thread then."""
    lane = Lane("idle")
    assert "readiness-idle" not in {t.name for t in threading.enumerate()}
    answers: list[int] = []
    lane.run(lambda _progress: 1, answers.append)
    qtbot.waitUntil(lambda: answers == [1], timeout=5000)
    assert "readiness-idle" in {t.name for t in threading.enumerate()}
    lane.close()
