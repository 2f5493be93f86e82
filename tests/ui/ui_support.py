"""Shared pieces of the UI tests: a real library on disk, a real session and the context a panel is given.

Settings live in an ini file under the test's tmp folder, and the library is a
SQLite file there too: the tests never touch the user's profile or library.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from PySide6.QtCore import QSettings

from readiness.core.assessment import Assessment
from readiness.core.content import Content, load_content
from readiness.core.samples import load_sample
from readiness.core.text import Lang
from readiness.resources import questionnaires
from readiness.store import create_assessment, load_assessment
from readiness.ui.pages.base import PageContext
from readiness.ui.render import PlanRenderer
from readiness.ui.service import LibraryService
from readiness.ui.settings import Settings
from readiness.ui.state import AssessmentSession


@cache
def shipped_content() -> Content:
    return load_content(questionnaires())


def sample(lang: Lang = Lang.EN, profile: str = "mx-retail") -> Assessment:
    return load_sample(profile, lang, shipped_content(), questionnaires())


def temporary_settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@contextmanager
def panel_context(tmp_path: Path, assessment: Assessment) -> Iterator[PageContext]:
    """A context over a real SQLite library holding ``assessment``; the library closes afterwards."""
    service = LibraryService(str(tmp_path / "library.sqlite"))
    ids: list[int] = []
    service.submit(lambda session: create_assessment(session=session, assessment=assessment), ids.append)
    wait_for_library(service)
    session = AssessmentSession(service, shipped_content(), ids[0], assessment)
    renderer = PlanRenderer()
    try:
        yield PageContext(session, temporary_settings(tmp_path), renderer)
    finally:
        session.save_now()
        renderer.close()
        service.close()


def wait_for_library(service: LibraryService, timeout_ms: int = 10_000) -> None:
    """Block until every job queued so far has run and delivered its result.

    Waits in 5 ms slices: QTest.qWait keeps the GIL while it waits, so the library thread
    only runs between slices; and PySide6 6.12's processEvents() leaks a reference to None
    on every call (Python 3.11), so a tight processEvents() loop would crash the interpreter.
    """
    from PySide6.QtCore import QDeadlineTimer
    from PySide6.QtTest import QTest

    done: list[bool] = []
    service.submit(lambda session: None, lambda _: done.append(True))
    deadline = QDeadlineTimer(timeout_ms)
    while not done:
        if deadline.hasExpired():
            raise TimeoutError("the library thread did not answer")
        QTest.qWait(5)


def stored(context: PageContext) -> Assessment:
    """What the library holds now, after the pending edit is saved."""
    context.session.save_now()
    found: list[Assessment] = []
    assessment_id = context.session.assessment_id
    context.session.service.submit(
        lambda session: load_assessment(session=session, assessment_id=assessment_id), found.append
    )
    wait_for_library(context.session.service)
    return found[0]
