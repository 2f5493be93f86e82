"""The window fits a 1280×720 laptop (the tests' screen): on first start, with a geometry remembered from a bigger
monitor, and on every page and tab of the wizard, where nothing lies outside the window and Back, Next and the
saved state stay in view."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_support import answer_next_modal, every_tab, main_window, open_sample, type_and_accept
from conftest import LAPTOP_SCREEN
from PySide6.QtCore import QByteArray, QRect
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QMainWindow, QTabBar, QToolButton, QWidget
from pytestqt.qtbot import QtBot
from ui_support import temporary_settings

from readiness.core.lang import Lang
from readiness.ui.main_window import MainWindow
from readiness.ui.pages.profile import ProfilePanel
from readiness.ui.wizard import WizardView


def screen_area() -> QRect:
    screen = QApplication.primaryScreen()
    assert screen is not None
    return screen.availableGeometry()


def scrolls(widget: QWidget) -> bool:
    """Inside a scroll area's viewport: reachable by scrolling, wherever it lies."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and parent.objectName() == "qt_scrollarea_viewport":
            return True
        parent = parent.parentWidget()
    return False


def outside(window: QMainWindow) -> list[str]:
    """Visible widgets that lie (partly) outside the window and cannot be scrolled to."""
    area = window.rect()
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow() or scrolls(widget):
            continue
        placed = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        if not area.contains(placed):
            found.append(f"{type(widget).__name__} {widget.accessibleName() or widget.objectName()!r} at {placed}")
        if isinstance(widget, QTabBar):
            found += [f"tab {widget.tabText(t)!r} cut" for t in range(widget.count()) if not _shown_whole(widget, t)]
    return found


def sideways(window: QMainWindow) -> list[str]:
    """Scroll areas that need a horizontal scroll bar: a page taller than the screen scrolls down, never sideways."""
    return [
        f"{type(area).__name__} {area.accessibleName() or area.objectName()!r}"
        for area in window.findChildren(QAbstractScrollArea)
        if area.isVisible() and area.horizontalScrollBar().isVisible()
    ]


def _shown_whole(bar: QTabBar, index: int) -> bool:
    """The tab lies inside its bar, and the bar shows no scroll arrows (a tab would hide behind them)."""
    arrows = [b for b in bar.findChildren(QToolButton) if b.isVisible()]
    return bar.rect().contains(bar.tabRect(index)) and not arrows


def test_the_first_window_fits_the_laptop_screen(qtbot: QtBot, tmp_path: Path) -> None:
    assert (screen_area().width(), screen_area().height()) == LAPTOP_SCREEN
    with main_window(qtbot, tmp_path, Lang.EN) as window:
        assert screen_area().contains(window.frameGeometry())
        assert window.library.buttons["new"].isVisible() and outside(window) == []


def test_a_geometry_from_a_bigger_monitor_is_not_restored(qtbot: QtBot, tmp_path: Path) -> None:
    big = QMainWindow()
    big.setGeometry(100, 100, 1800, 1000)
    settings = temporary_settings(tmp_path)
    settings.geometry = QByteArray(big.saveGeometry())
    settings.library = str(tmp_path / "library.sqlite")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert screen_area().contains(window.geometry())


def test_every_page_and_tab_fits_with_back_and_next_in_view(qtbot: QtBot, tmp_path: Path) -> None:
    with main_window(qtbot, tmp_path, Lang.ES) as window:
        wizard = open_sample(qtbot, window, tmp_path, Lang.ES)
        problems = {}
        for where, _panel in every_tab(wizard):
            QApplication.processEvents()
            buttons = (wizard.back_button, wizard.next_button, wizard.save_label, wizard.library_button)
            hidden = [b.text() for b in buttons if not b.isVisible()]
            if outside(window) or sideways(window) or hidden or not screen_area().contains(window.frameGeometry()):
                problems[where] = (outside(window)[:5], sideways(window), hidden, window.frameGeometry())
        assert problems == {}


def start_new_assessment(qtbot: QtBot, window: MainWindow) -> WizardView:
    """From the empty library's welcome panel, as a first-time user does."""
    qtbot.waitUntil(lambda: window.library.body.currentWidget() is window.library.welcome, timeout=10_000)
    answer_next_modal(type_and_accept("Panadería Luna"))
    window.library.welcome.start.click()
    qtbot.waitUntil(lambda: window.wizard is not None, timeout=10_000)
    assert window.wizard is not None
    return window.wizard


def test_a_new_profile_with_rows_added_never_scrolls_sideways(qtbot: QtBot, tmp_path: Path) -> None:
    """Seen in a real window: the first current channel added to a new assessment widened the page past 1280 px."""
    with main_window(qtbot, tmp_path, Lang.ES) as window:
        start_new_assessment(qtbot, window).go_to("profile", 0)
        assert window.wizard is not None
        panel = window.wizard.tabs[window.wizard.stack.currentIndex()].currentWidget()
        assert isinstance(panel, ProfilePanel)
        for _ in range(2):
            panel.channel_rows.add()
            panel.participant_rows.add()
            QApplication.processEvents()
        assert sideways(window) == [] and outside(window) == []


@pytest.mark.parametrize("start", ["sample", "new"])
@pytest.mark.parametrize("lang", [Lang.ES, Lang.PT_BR])
def test_presenting_on_the_laptop_screen_never_makes_the_window_wider_than_it_nor_a_page_scroll_sideways(
    qtbot: QtBot, tmp_path: Path, start: str, lang: Lang
) -> None:
    """Seen in a real window: at the presentation zoom the Review page's tabs and buttons asked for 1,351 px, and
    then its score table scrolled sideways to show the band."""
    with main_window(qtbot, tmp_path, lang) as window:
        wizard = (
            open_sample(qtbot, window, tmp_path, lang) if start == "sample" else start_new_assessment(qtbot, window)
        )
        window.view_actions.presenting.trigger()
        try:
            QApplication.processEvents()
            assert window.minimumSizeHint().width() <= screen_area().width()
            wider = []
            for where, _panel in every_tab(wizard):
                QApplication.processEvents()
                QApplication.processEvents()  # a page that reflows into one column lays out once more
                if window.width() > screen_area().width() or sideways(window):
                    wider.append((where, sideways(window)))
            assert wider == [], "\n".join(map(str, wider))
        finally:
            window.view_actions.presenting.trigger()
