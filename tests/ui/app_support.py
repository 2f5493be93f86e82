"""Driving the whole app in tests: a main window over a temporary library and settings, and modal dialogs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from ui_support import sample, temporary_settings

from readiness.core.exchange import write_exchange_file
from readiness.core.lang import Lang
from readiness.ui.app import install_translations
from readiness.ui.main_window import MainWindow
from readiness.ui.wizard import WizardView


def open_sample(qtbot: QtBot, window: MainWindow, tmp_path: Path, lang: Lang) -> WizardView:
    """Import the sample assessment in ``lang`` into the window's library and open it in the wizard."""
    source = tmp_path / "sample.yaml"
    write_exchange_file(sample(lang), source)
    window.import_path(source)
    qtbot.waitUntil(lambda: len(window.library.rows) == 1, timeout=15_000)
    window.open_assessment(window.library.rows[0].id)
    qtbot.waitUntil(lambda: window.wizard is not None, timeout=10_000)
    assert window.wizard is not None
    return window.wizard


def every_tab(wizard: WizardView) -> Iterator[tuple[str, QWidget]]:
    """Show each page's each tab in turn: ("page/tab", the panel shown)."""
    for index, page in enumerate(wizard.pages):
        wizard.go(index)
        tabs = wizard.tabs[index]
        for tab in range(tabs.count()):
            tabs.setCurrentIndex(tab)
            panel = tabs.widget(tab)
            assert panel is not None
            yield f"{page.key}/{tab}", panel


@contextmanager
def main_window(qtbot: QtBot, tmp_path: Path, lang: Lang, library: str | None = None) -> Iterator[MainWindow]:
    """The app over ``library`` (a SQLite file in ``tmp_path`` unless given) and settings of its own."""
    settings = temporary_settings(tmp_path)
    settings.library = library or str(tmp_path / "library.sqlite")
    settings.language = lang
    install_translations(lang)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.content is not None and window.service is not None, timeout=15_000)
    try:
        yield window
    finally:
        window.close()
        install_translations(Lang.EN)


def answer_next_modal(handle: Callable[[QWidget], None], delay_ms: int = 50) -> list[str]:
    """Handle the next modal dialog (an input, a question, an error) as a user would; returns its text."""
    seen: list[str] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(delay_ms, poll)
            return
        seen.append(_text_of(dialog))
        handle(dialog)

    QTimer.singleShot(delay_ms, poll)
    return seen


def type_and_accept(text: str) -> Callable[[QWidget], None]:
    def handle(dialog: QWidget) -> None:
        if isinstance(dialog, QInputDialog):
            dialog.setTextValue(text)
        if isinstance(dialog, QDialog):
            dialog.accept()

    return handle


def press(button: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
    def handle(dialog: QWidget) -> None:
        if isinstance(dialog, QMessageBox):
            dialog.button(button).click()

    return handle


def click_labelled(label: str) -> Callable[[QWidget], None]:
    """Click the dialog's button whose text (its & shortcut marker left out) is ``label``."""

    def handle(dialog: QWidget) -> None:
        [button] = [b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") == label]
        button.click()

    return handle


def _text_of(dialog: QWidget) -> str:
    if isinstance(dialog, QMessageBox):
        return dialog.text()
    if isinstance(dialog, QInputDialog):
        return dialog.labelText()
    return dialog.windowTitle()
