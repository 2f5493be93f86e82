"""Start the desktop app: ``readiness`` with no arguments."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from readiness import __version__
from readiness.core.lang import Lang, babel_locale
from readiness.ui.settings import Settings
from readiness.ui.zoom import STYLE

_translators: list[QTranslator] = []
_collectors: list[QTimer] = []
COLLECT_EVERY_MS = 500


def collect_garbage_on_the_gui_thread(app: QCoreApplication) -> None:
    """Python's cycle collector runs where an allocation happens to trigger it, possibly on the library or the
    render thread, and a Qt object freed off the GUI thread can crash the process. So automatic collection is
    off, and a timer on the GUI thread collects each generation once it is due, as the collector would have."""
    if _collectors:
        return
    gc.disable()
    timer = QTimer(app)
    timer.timeout.connect(_collect_due_generation)
    timer.start(COLLECT_EVERY_MS)
    _collectors.append(timer)


def _collect_due_generation() -> None:
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation]:
            gc.collect(generation)
            return


def install_translations(lang: Lang) -> None:
    """Qt's own buttons and dialogs (OK, Cancel, file dialogs) in the app's language."""
    app = QApplication.instance()
    if app is None:
        return
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    QLocale.setDefault(QLocale(babel_locale(lang)))
    if lang is Lang.EN:
        return
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase", "qt"):
        translator = QTranslator()
        if translator.load(f"{name}_{babel_locale(lang)}", folder):
            app.installTranslator(translator)
            _translators.append(translator)
            break


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    arguments = list(argv if argv is not None else sys.argv) or ["readiness"]
    # Qt's own -style option rather than setStyle(), which returns the style object and so makes PySide build
    # the Python QStyle type with its hundreds of enum members: 5 ms of a 0.15 s start for nothing.
    app = QApplication([arguments[0], "-style", STYLE, *arguments[1:]])
    app.setApplicationName("Readiness")
    app.setOrganizationName("Readiness")
    app.setApplicationVersion(__version__)
    collect_garbage_on_the_gui_thread(app)
    return app


def run(argv: list[str] | None = None, settings: Settings | None = None) -> int:
    app = create_application(argv)
    settings = settings or Settings()
    install_translations(settings.language)
    from readiness.ui.main_window import MainWindow

    window = MainWindow(settings)
    window.show()
    return app.exec()
