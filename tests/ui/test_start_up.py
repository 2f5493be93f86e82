"""The window is built and shown before anything heavy loads: content models, the report layers and the file
libraries wait for the first action that needs them. The start-up benchmark times it; this keeps the cause of a
slow start (an import chain, like the one that once pulled pydantic in through the edition names) from returning.
PySide's ``Qt`` namespace counts as heavy too: building its ~90 enums costs a tenth of start-up (readiness.ui)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

LATER = ("pydantic", "sqlmodel", "alembic", "jinja2", "weasyprint", "openpyxl", "docx", "icalendar", "babel.dates")

CHILD = r"""
import os, sys
from PySide6.QtCore import QSettings
from readiness.ui.app import create_application, install_translations
from readiness.ui.settings import Settings
app = create_application([])
settings = Settings(QSettings(os.path.join(sys.argv[1], "settings.ini"), QSettings.Format.IniFormat))
settings.library = os.path.join(sys.argv[1], "library.sqlite")
install_translations(settings.language)
from readiness.ui.main_window import MainWindow
window = MainWindow(settings)
window.show()  # the library and content threads start once the event loop turns: they may load what they need
heavy = sorted(name for name in sys.argv[2:] if name in sys.modules)
built = ["PySide6.QtCore.Qt"] if "Qt" in vars(sys.modules["PySide6.QtCore"]) else []
print(" ".join(heavy + built), flush=True)
os._exit(0)
"""


def test_nothing_heavy_is_imported_to_build_and_show_the_window(tmp_path: Path) -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path), *LATER],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        check=True,
    )
    assert result.stdout.split() == []
