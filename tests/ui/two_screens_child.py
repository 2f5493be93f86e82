"""The app on a desk with two screens, in a process of its own (its screens are fixed before Qt starts): presenting
puts the wizard on one screen and the step overview on the other. Prints one JSON line of what it saw."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

from readiness.core.content import load_content
from readiness.core.exchange import write_exchange_file
from readiness.core.lang import Lang
from readiness.core.samples import load_sample
from readiness.resources import questionnaires
from readiness.ui.app import create_application, install_translations
from readiness.ui.jobs import synchronous_lanes
from readiness.ui.main_window import MainWindow
from readiness.ui.settings import Settings


def main(folder: Path) -> dict[str, object]:
    app = create_application([])
    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    settings.library = str(folder / "library.sqlite")
    install_translations(Lang.EN)
    seen: dict[str, object] = {"screens": len(QGuiApplication.screens())}
    with synchronous_lanes():
        window = MainWindow(settings)
        window.show()
        app.processEvents()  # the library and the content open once the window shows
        sample = load_sample("mx-retail", Lang.EN, load_content(questionnaires()), questionnaires())
        write_exchange_file(sample, folder / "sample.yaml")
        window.import_path(folder / "sample.yaml")
        app.processEvents()
        window.open_assessment(window.library.rows[0].id)
        seen["before"] = window._second_screen is not None
        window.view_actions.presenting.setChecked(True)
        app.processEvents()
        overview = window._second_screen
        seen["shown"] = overview is not None and overview.isVisible()
        if overview is not None and window.wizard is not None:
            seen["overview_screen"] = overview.screen().name()
            seen["wizard_screen"] = window.screen().name()
            buttons = [b for b in overview.findChildren(QPushButton) if b.isVisible() and b.isEnabled()]
            buttons[-1].click()  # a place on the facilitator's screen moves the projected wizard
            seen["moved_to"] = window.wizard.current_key()
        window.view_actions.presenting.setChecked(False)
        seen["after"] = window._second_screen is not None
        window.close()
    return seen


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        sys.stdout.write(json.dumps(main(Path(folder))) + "\n")
