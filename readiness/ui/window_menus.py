"""The window's menus: File (with the recent assessments and the samples), Edit (undo and redo), View and Help.

A part of the main window, as ``LibraryTransfers`` is: the window provides the fields and the actions named here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from readiness.core.i18n import N_, _
from readiness.ui.transfers import LibraryTransfers
from readiness.ui.undo import UndoActions
from readiness.ui.view_menu import ViewActions
from readiness.ui.welcome import fill_sample_menu

if TYPE_CHECKING:
    from readiness.ui.settings import Settings
    from readiness.ui.view_options import ViewOptions

STATUS_SHOWN_MS = 8000
"""How long the status bar keeps what Undo and Redo did."""

MENU_ACTIONS = {
    "new": N_("&New assessment…"),
    "open": N_("&Open"),
    "import": N_("&Import…"),
    "export": N_("&Export…"),
    "settings": N_("&Settings…"),
    "quit": N_("&Quit"),
    "about": N_("&About Readiness"),
}


class WindowMenus(LibraryTransfers):
    sample_chosen = Signal(str)
    """A sample profile picked from File > Open a sample assessment."""

    settings: Settings
    view: ViewOptions

    def new_assessment(self) -> None:
        raise NotImplementedError

    def _open_selected(self) -> None:
        raise NotImplementedError

    def open_recent(self, assessment_id: int) -> None:
        raise NotImplementedError

    def edit_settings(self) -> None:
        raise NotImplementedError

    def _build_menus(self) -> None:
        lang = self.lang
        self.menuBar().clear()
        file_menu = self.menuBar().addMenu(_("&File", lang))
        self.actions_by_name: dict[str, QAction] = {}
        for name, shortcut, slot in (
            ("new", QKeySequence.StandardKey.New, self.new_assessment),
            ("open", QKeySequence.StandardKey.Open, self._open_selected),
            ("import", "Ctrl+I", self.import_file),
            ("export", "Ctrl+E", self._export_current),
            ("settings", QKeySequence.StandardKey.Preferences, self.edit_settings),
            ("quit", QKeySequence.StandardKey.Quit, self.close),
        ):
            action = QAction(_(MENU_ACTIONS[name], lang), self)
            action.setShortcuts([QKeySequence(shortcut)])
            action.triggered.connect(slot)
            file_menu.addAction(action)
            self.actions_by_name[name] = action
            if name == "open":
                self._add_recent_and_sample_menus(file_menu)
            if name in ("export", "settings"):
                file_menu.addSeparator()
        edit_menu = self.menuBar().addMenu(_("&Edit", lang))
        if (previous := getattr(self, "undo_actions", None)) is not None:
            previous.bind(None)
            previous.deleteLater()
        self.undo_actions = UndoActions(lang, self)
        self.undo_actions.announced.connect(lambda text: self.statusBar().showMessage(text, STATUS_SHOWN_MS))
        self.undo_actions.bind(getattr(self, "session", None))
        edit_menu.addAction(self.undo_actions.undo)
        edit_menu.addAction(self.undo_actions.redo)
        if (previous_view := getattr(self, "view_actions", None)) is not None:
            previous_view.deleteLater()
        self.view_actions = ViewActions(self, self.settings, self.view, lang)
        self.view_actions.fill(self.menuBar().addMenu(_("&View", lang)))
        help_menu = self.menuBar().addMenu(_("&Help", lang))
        guide = QAction(_("Readiness &guide", lang), self)
        guide.setShortcuts([QKeySequence(QKeySequence.StandardKey.HelpContents)])
        guide.triggered.connect(self.show_guide)
        help_menu.addAction(guide)
        self.actions_by_name["guide"] = guide
        about = QAction(_(MENU_ACTIONS["about"], lang), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)
        self.actions_by_name["about"] = about

    def _add_recent_and_sample_menus(self, file_menu: QMenu) -> None:
        self.recent_menu = file_menu.addMenu(_("Open &recent", self.lang))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        fill_sample_menu(file_menu.addMenu(_("Open a &sample assessment", self.lang)), self.lang, self.sample_chosen)

    def _fill_recent_menu(self) -> None:
        """The assessments opened last in this library, newest first."""
        self.recent_menu.clear()
        recent = self.settings.recent(self.library_location)
        for assessment_id, organisation in recent:
            action = self.recent_menu.addAction(organisation)
            action.triggered.connect(lambda _checked=False, a=assessment_id: self.open_recent(a))
        if not recent:
            self.recent_menu.addAction(_("No recent assessments", self.lang)).setEnabled(False)

    def show_about(self) -> None:
        from readiness.ui.dialogs import show_about

        show_about(self, self.lang)

    def show_guide(self) -> None:
        from readiness.ui.guide import GuideDialog

        actions = [a for menu in self.menuBar().findChildren(QMenu) for a in menu.actions() if not a.menu()]
        GuideDialog(self.lang, actions, self).exec()
