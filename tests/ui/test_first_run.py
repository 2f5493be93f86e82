"""First run and returning: an empty library welcomes with a new or a sample assessment; File > Open recent lists
what was opened; Help > Readiness guide explains the steps and lists every shortcut."""

from __future__ import annotations

from pathlib import Path

from app_support import answer_next_modal, main_window, type_and_accept
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from readiness.core.lang import Lang
from readiness.ui.guide import GuideDialog, shortcut_rows
from readiness.ui.main_window import MainWindow


def wait_for_rows(qtbot: QtBot, window: MainWindow, count: int) -> None:
    window.refresh_library()
    qtbot.waitUntil(lambda: len(window.library.rows) == count and window.library.status.text() != "", timeout=10_000)


def test_an_empty_library_welcomes_and_starts_a_new_assessment(qtbot: QtBot, tmp_path: Path) -> None:
    with main_window(qtbot, tmp_path, Lang.ES) as window:
        qtbot.waitUntil(lambda: window.library.body.currentWidget() is window.library.welcome, timeout=10_000)
        welcome = window.library.welcome
        assert welcome.start.text() == "Em&pezar una evaluación nueva"
        answer_next_modal(type_and_accept("Panadería Sol"))
        welcome.start.click()
        qtbot.waitUntil(lambda: window.wizard is not None, timeout=10_000)
        window.close_wizard()
        wait_for_rows(qtbot, window, 1)
        assert window.library.body.currentWidget() is window.library.table


def test_a_sample_opens_in_the_window_language_and_is_remembered_as_recent(qtbot: QtBot, tmp_path: Path) -> None:
    with main_window(qtbot, tmp_path, Lang.PT_BR) as window:
        qtbot.waitUntil(lambda: window.library.body.currentWidget() is window.library.welcome, timeout=10_000)
        menu = window.library.welcome.sample.menu()
        assert menu is not None and len(menu.actions()) == 6
        [brazil] = [a for a in menu.actions() if "Brasil" in a.text()]
        brazil.trigger()
        qtbot.waitUntil(lambda: window.wizard is not None, timeout=10_000)
        assert window.session is not None and window.wizard is not None
        assert window.session.assessment.language is Lang.PT_BR
        assert window.session.assessment.profile.organisation == "Ipê Assistência Técnica (exemplo)"
        assert window.wizard.current_key() == "overview"
        opened = window.session.assessment_id

        window.close_wizard()
        window.recent_menu.aboutToShow.emit()
        [recent] = window.recent_menu.actions()
        assert recent.text() == "Ipê Assistência Técnica (exemplo)"
        recent.trigger()
        qtbot.waitUntil(lambda: window.wizard is not None, timeout=10_000)
        assert window.session is not None and window.session.assessment_id == opened

        window.close_wizard()
        wait_for_rows(qtbot, window, 1)
        window.delete_assessment(opened, confirm=False)
        window.recent_menu.aboutToShow.emit()
        assert [a.isEnabled() for a in window.recent_menu.actions()] == [False], "a deleted assessment is forgotten"


def test_the_guide_explains_the_steps_and_lists_every_shortcut(qtbot: QtBot, tmp_path: Path) -> None:
    with main_window(qtbot, tmp_path, Lang.ES) as window:
        guide = window.actions_by_name["guide"]
        assert guide.shortcut().toString() == "F1"
        actions = [a for m in window.menuBar().findChildren(QMenu) for a in m.actions() if not a.menu()]
        dialog = GuideDialog(window.lang, actions, window)
        qtbot.addWidget(dialog)
        text = dialog.browser.toPlainText()
        assert text.startswith("Guía de Readiness") and "Atajos de teclado" in text
        rows = {what: keys for keys, what in shortcut_rows(actions, window.lang)}
        assert rows["Deshacer"].endswith("+Z") and rows["Modo presentación"] == "F11"
        assert "Mayúsculas+Z" in rows["Rehacer"]
        for what, keys in rows.items():
            assert keys in text and what in text
        assert QApplication.activeModalWidget() is None


def test_the_sample_menu_lists_every_shipped_sample() -> None:
    from readiness.core.samples import SAMPLE_PROFILES
    from readiness.ui.welcome import SAMPLE_NAMES

    assert tuple(SAMPLE_NAMES) == SAMPLE_PROFILES
