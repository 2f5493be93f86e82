"""Start the desktop app: ``readiness`` with no arguments."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from readiness import __version__
from readiness.core.text import Lang, babel_locale
from readiness.ui.settings import Settings

_translators: list[QTranslator] = []


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
    app = QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("Readiness")
    app.setOrganizationName("Readiness")
    app.setApplicationVersion(__version__)
    app.setStyle("Fusion")
    return app


def run(argv: list[str] | None = None, settings: Settings | None = None) -> int:
    app = create_application(argv)
    settings = settings or Settings()
    install_translations(settings.language)
    from readiness.ui.main_window import MainWindow

    window = MainWindow(settings)
    window.show()
    return app.exec()
