"""The View menu: the client's or the facilitator's view, zoom, high contrast, and presentation mode for a
workshop (full screen, large type, one question at a time, the overview on a second screen if there is one)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, QTimer
from PySide6.QtGui import QAction, QColor, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from readiness.core.i18n import _
from readiness.core.lang import Lang
from readiness.ui.settings import Settings
from readiness.ui.view_options import ViewOptions
from readiness.ui.zoom import PRESENTING, apply_zoom, next_step

HIGH_CONTRAST = {
    QPalette.ColorRole.Window: "#ffffff",
    QPalette.ColorRole.WindowText: "#000000",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#f2f2f2",
    QPalette.ColorRole.Text: "#000000",
    QPalette.ColorRole.Button: "#ffffff",
    QPalette.ColorRole.ButtonText: "#000000",
    QPalette.ColorRole.Highlight: "#0033aa",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.PlaceholderText: "#3a3a3a",
    QPalette.ColorRole.ToolTipBase: "#ffffff",
    QPalette.ColorRole.ToolTipText: "#000000",
    QPalette.ColorRole.Link: "#0033aa",
    QPalette.ColorRole.Light: "#ffffff",
    QPalette.ColorRole.Midlight: "#000000",
    QPalette.ColorRole.Mid: "#000000",
    QPalette.ColorRole.Dark: "#000000",
    QPalette.ColorRole.Shadow: "#000000",
}
"""Black on white with dark blue selection: WCAG AAA contrast for text, borders drawn black."""
CONTRAST = "readinessHighContrast"
"""The application's dynamic property saying the high-contrast palette is applied."""
APPLICATION_SHORTCUT = 2
"""Qt.ShortcutContext.ApplicationShortcut, set through the action's Qt property: zoom keys work in every window
of the app. Naming the enum would make PySide build the Qt namespace before the first window shows (readiness.ui)."""


def apply_contrast(high: bool) -> None:
    app = QApplication.instance()
    if not isinstance(app, QApplication) or (not high and not app.property(CONTRAST)):
        return  # the style's own palette is still in place: asking the style for it costs 5 ms at start-up
    app.setProperty(CONTRAST, high)
    palette = app.style().standardPalette()
    if high:
        for role, colour in HIGH_CONTRAST.items():
            palette.setColor(role, QColor(colour))
    app.setPalette(palette)


class ViewActions(QObject):
    def __init__(self, window: QMainWindow, settings: Settings, view: ViewOptions, lang: Lang) -> None:
        super().__init__(window)
        self.window, self.settings, self.view = window, settings, view
        self.facilitator = self._action(_("&Facilitator view: notes, sources and formulas", lang), "Ctrl+Shift+F")
        self.facilitator.setCheckable(True)
        self.facilitator.setChecked(not view.chosen_client)
        self.facilitator.toggled.connect(lambda on: view.set_client(not on))
        view.changed.connect(self._show_chosen_view)
        self.zoom_in = self._action(_("Zoom &in", lang), QKeySequence.StandardKey.ZoomIn, "Ctrl+=")
        self.zoom_out = self._action(_("Zoom &out", lang), QKeySequence.StandardKey.ZoomOut)
        self.zoom_reset = self._action(_("&Actual size", lang), "Ctrl+0")
        self._shown_zoom = settings.zoom
        self._before_presenting = (QRect(), False)
        self.zoom_in.triggered.connect(lambda: self.zoom(next_step(self._shown_zoom, +1)))
        self.zoom_out.triggered.connect(lambda: self.zoom(next_step(self._shown_zoom, -1)))
        self.zoom_reset.triggered.connect(lambda: self.zoom(100))
        self.contrast = self._action(_("&High contrast", lang))
        self.contrast.setCheckable(True)
        self.contrast.setChecked(settings.high_contrast)
        self.contrast.toggled.connect(self._set_contrast)
        self.presenting = self._action(_("&Presentation mode", lang), "F11")
        self.presenting.setCheckable(True)
        self.presenting.setChecked(view.presenting)
        self.presenting.toggled.connect(self.present)
        self.steps = self._action(_("&Step list", lang), "F9")
        self.steps.setCheckable(True)
        self.steps.setChecked(view.steps_shown)
        self.steps.toggled.connect(view.show_steps)

    def _show_chosen_view(self) -> None:
        """The menu ticks what is shown: an assessment's own view, and the step list (presenting hides it)."""
        for action, on in ((self.facilitator, not self.view.chosen_client), (self.steps, self.view.steps_shown)):
            blocked = action.blockSignals(True)
            action.setChecked(on)
            action.blockSignals(blocked)

    def _action(self, text: str, *keys: str | QKeySequence.StandardKey) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setProperty("shortcutContext", APPLICATION_SHORTCUT)
        return action

    def fill(self, menu: QMenu) -> None:
        menu.addAction(self.facilitator)
        menu.addSeparator()
        for action in (self.zoom_in, self.zoom_out, self.zoom_reset):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.contrast)
        menu.addAction(self.steps)
        menu.addAction(self.presenting)

    def zoom(self, percent: int) -> None:
        """Every text of the window at ``percent`` of the system size, remembered for the next start (a zoom while
        presenting lasts as long as the presentation)."""
        if not self.view.presenting:
            self.settings.zoom = percent
        self._shown_zoom = percent
        apply_zoom(percent)
        self.view.zoomed()
        self.window.statusBar().showMessage(_("Zoom: {percent}%", self._lang(), percent=percent), 3000)

    def present(self, on: bool) -> None:
        """Full screen, text at least 150 %, one question at a time; leaving it puts everything back."""
        if on == self.view.presenting:
            return
        self.view.set_presenting(on)
        if on:
            self._before_presenting = (self.window.normalGeometry(), self.window.isMaximized())
            self.zoom(max(self.settings.zoom, PRESENTING))
            self.window.showFullScreen()
        else:
            self.zoom(self.settings.zoom)
            self.window.showNormal()
            # Once the pages have laid out again at the normal zoom, put the window back as it was: until then they
            # ask for the presenting width, and a window manager (openbox) widens the window to it. A relayout posts
            # the next one, so the restore waits two turns of the event loop (one left a Questions page 5 px wider).
            # The client area is put back, not saveGeometry()'s frame: the frame's size is not known again yet, and
            # each presentation moved the window 4 px down. A maximised window is maximised again over its normal
            # place, so un-maximising later still finds it.
            QTimer.singleShot(0, lambda: QTimer.singleShot(0, self._restore_window))
        self.facilitator.setEnabled(not on)
        if self.presenting.isChecked() != on:
            self.presenting.setChecked(on)

    def _restore_window(self) -> None:
        normal, maximised = self._before_presenting
        if normal.isValid():
            self.window.setGeometry(normal)
        if maximised:
            self.window.showMaximized()

    def _set_contrast(self, on: bool) -> None:
        self.settings.high_contrast = on
        apply_contrast(on)

    def _lang(self) -> Lang:
        return self.settings.language


def second_screen_available() -> bool:
    return len(QGuiApplication.screens()) > 1
