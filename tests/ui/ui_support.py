"""Shared pieces of the UI tests: a real library on disk, a real session and the context a panel is given.

Settings live in an ini file under the test's tmp folder, and the library is a
SQLite file there too: the tests never touch the user's profile or library.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTabBar,
    QTableWidget,
    QTextEdit,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlmodel import Session

from readiness.core.assessment import Assessment
from readiness.core.content import Content, load_content
from readiness.core.i18n import _
from readiness.core.lang import Lang
from readiness.core.samples import load_sample
from readiness.resources import questionnaires
from readiness.store import StoredAssessment, create_assessment, load_assessment
from readiness.ui.brief_ahead import BriefAhead
from readiness.ui.pages.base import PageContext
from readiness.ui.render import PlanRenderer
from readiness.ui.service import LibraryService
from readiness.ui.settings import Settings
from readiness.ui.state import AssessmentSession
from readiness.ui.view_options import ViewOptions


@cache
def shipped_content() -> Content:
    return load_content(questionnaires())


def sample(lang: Lang = Lang.EN, profile: str = "mx-retail") -> Assessment:
    return load_sample(profile, lang, shipped_content(), questionnaires())


def temporary_settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@contextmanager
def panel_context(tmp_path: Path, assessment: Assessment, baseline: Assessment | None = None) -> Iterator[PageContext]:
    """A context over a real SQLite library holding ``assessment`` (a re-assessment of ``baseline``, when given), the
    window in the assessment's language; the library closes afterwards."""
    service = LibraryService(str(tmp_path / "library.sqlite"))
    ids: list[int] = []
    content = shipped_content()

    def store(session: Session) -> int:
        baseline_id = None
        if baseline is not None:
            baseline_id = create_assessment(session=session, assessment=baseline, content=content)
        return create_assessment(session=session, assessment=assessment, content=content, baseline_id=baseline_id)

    service.submit(store, ids.append)
    wait_for_library(service)
    session = AssessmentSession(service, content, ids[0], StoredAssessment(assessment, 1, None, baseline))
    renderer, ahead = PlanRenderer(), BriefAhead()
    settings = temporary_settings(tmp_path)
    settings.language = assessment.language
    context = PageContext(session, settings, renderer, ViewOptions(settings), ahead)
    ahead.follow(context)
    try:
        yield context
    finally:
        session.save_now()
        renderer.close()
        ahead.close()
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


INPUTS = (
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QPushButton,
    QCheckBox,
    QRadioButton,
    QToolButton,
    QTableWidget,
    QListWidget,
)
"""What counts as an input a panel made (Qt's own header views and popup lists are left out)."""

W = TypeVar("W", bound=QWidget)


def shown(qtbot: QtBot, widget: W, size: tuple[int, int] = (1100, 760), *, active: bool = False) -> W:
    """Show a panel at a usual size; ``active`` waits until it is the active window, so it gets focus events."""
    qtbot.addWidget(widget)
    widget.resize(*size)
    if active:
        with qtbot.waitActive(widget):
            widget.show()
            widget.activateWindow()
    else:
        widget.show()
        qtbot.waitExposed(widget)
    return widget


def screenshot_folder(tmp_path: Path) -> Path:
    """Where screenshots go: $READINESS_SCREENSHOTS to look at them, else the test's tmp folder."""
    folder = Path(os.environ.get("READINESS_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def cell_text(table: QTableWidget, row: int, column: int) -> str:
    return str(table.model().index(row, column).data())


def unnamed_inputs(panel: QWidget) -> list[str]:
    """Every input widget that has neither an accessible name nor visible text."""
    missing = []
    for widget in panel.findChildren(QWidget):
        if isinstance(widget, INPUTS):
            text = widget.text() if isinstance(widget, QAbstractButton) else ""
            if not widget.accessibleName().strip() and not text.replace("&", "").strip():
                missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def mnemonic(text: str) -> str | None:
    """The Alt+letter a text marks with "&", lower case; None without one."""
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def mnemonics(panel: QWidget) -> list[str]:
    """The Alt+letter of every label, button, group box and tab of a panel, lower case."""
    letters: list[str] = []
    for widget in panel.findChildren(QWidget):
        if isinstance(widget, QTabBar):
            letters.extend(letter for i in range(widget.count()) if (letter := mnemonic(widget.tabText(i))))
            continue
        if (isinstance(widget, QLabel) and widget.textFormat() is not Qt.TextFormat.RichText) or isinstance(
            widget, QAbstractButton
        ):
            text = widget.text()
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        else:
            continue
        letter = mnemonic(text)
        if letter:
            letters.append(letter)
    return letters


def reserved_mnemonics(lang: Lang) -> set[str]:
    """The letters the wizard's buttons and the menu bar use: no panel may take them."""
    taken = [_(text, lang) for text in ("&Library", "< Back", "Next >", "&File", "&Help")]
    return {letter for text in taken if (letter := mnemonic(text))}


def assert_mnemonics_are_free(panel: QWidget, lang: Lang) -> None:
    """No letter twice in a panel, nor one the wizard's buttons or the menu bar already use."""
    letters = mnemonics(panel)
    reserved = reserved_mnemonics(lang)
    assert len(letters) == len(set(letters)), sorted(letters)
    assert not set(letters) & reserved, set(letters) & reserved
