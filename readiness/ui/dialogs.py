"""The settings dialog, the About box, and one-line error messages."""

from __future__ import annotations

import platform
from importlib import metadata
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from readiness import __version__
from readiness.core.text import Lang
from readiness.report.paper import Paper
from readiness.ui.settings import Settings
from readiness.ui.text import Texts

TEXT = Texts(
    {
        "settings.title": ("Settings", "Preferencias"),
        "language": ("&Language:", "&Idioma:"),
        "library": ("L&ibrary file:", "Archivo de la &biblioteca:"),
        "library.placeholder": (
            "Default library in your data folder",
            "Biblioteca predeterminada en su carpeta de datos",
        ),
        "paper": ("&Paper:", "&Papel:"),
        "theme": ("Plan &theme:", "&Tema del plan:"),
        "theme.placeholder": ("Default theme", "Tema predeterminado"),
        "facilitator": ("&Facilitator:", "&Facilitación:"),
        "browse": ("Browse…", "Examinar…"),
        "browse.library": ("Choose the library file", "Elegir el archivo de la biblioteca"),
        "browse.theme": ("Choose a theme file", "Elegir un archivo de tema"),
        "paper.a4": ("A4", "A4"),
        "paper.letter": ("Letter", "Carta"),
        "about.title": ("About Readiness", "Acerca de Readiness"),
        "about.text": (
            "Readiness {version}\nAssess readiness for customer messaging and print the rollout plan.\n\n"
            "Python {python} · Qt {qt} · PySide6 {pyside} · WeasyPrint {weasyprint}",
            "Readiness {version}\nEvalúa la preparación para la mensajería con clientes e imprime el plan de "
            "despliegue.\n\nPython {python} · Qt {qt} · PySide6 {pyside} · WeasyPrint {weasyprint}",
        ),
        "error.title": ("Readiness", "Readiness"),
    }
)
LANGUAGE_NAMES = {Lang.EN: "English", Lang.ES: "Español"}


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.lang = lang
        self.setWindowTitle(TEXT("settings.title", lang))
        self.language = QComboBox()
        for option in Lang:
            self.language.addItem(LANGUAGE_NAMES[option], option.value)
        self.language.setCurrentIndex(list(Lang).index(settings.language))
        self.library = QLineEdit(settings.library)
        self.library.setPlaceholderText(TEXT("library.placeholder", lang))
        self.paper = QComboBox()
        for paper in Paper:
            self.paper.addItem(TEXT(f"paper.{paper.value}", lang), paper.value)
        self.paper.setCurrentIndex(list(Paper).index(settings.paper))
        self.theme = QLineEdit(str(settings.theme or ""))
        self.theme.setPlaceholderText(TEXT("theme.placeholder", lang))
        self.facilitator = QLineEdit(settings.facilitator)
        form = QFormLayout(self)
        form.addRow(TEXT("language", lang), self.language)
        form.addRow(TEXT("library", lang), self._with_browse(self.library, "library"))
        form.addRow(TEXT("paper", lang), self.paper)
        form.addRow(TEXT("theme", lang), self._with_browse(self.theme, "theme"))
        form.addRow(TEXT("facilitator", lang), self.facilitator)
        for field, key in (
            (self.language, "language"),
            (self.library, "library"),
            (self.paper, "paper"),
            (self.theme, "theme"),
            (self.facilitator, "facilitator"),
        ):
            field.setAccessibleName(TEXT(key, lang).replace("&", "").rstrip(":"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def apply(self) -> None:
        self.settings.language = Lang(self.language.currentData())
        self.settings.library = self.library.text().strip()
        self.settings.paper = Paper(self.paper.currentData())
        self.settings.theme = Path(self.theme.text().strip()) if self.theme.text().strip() else None
        self.settings.facilitator = self.facilitator.text().strip()
        self.settings.sync()

    def _with_browse(self, field: QLineEdit, kind: str) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(field, 1)
        button = QPushButton(TEXT("browse", self.lang))
        button.setAccessibleName(f"{TEXT('browse', self.lang)} {TEXT(kind, self.lang).replace('&', '').rstrip(':')}")
        button.clicked.connect(lambda: self._browse(field, kind))
        layout.addWidget(button)
        return row

    def _browse(self, field: QLineEdit, kind: str) -> None:
        title = TEXT(f"browse.{kind}", self.lang)
        if kind == "library":
            path, _ = QFileDialog.getSaveFileName(
                self, title, field.text(), "SQLite (*.sqlite *.db)", options=QFileDialog.Option.DontConfirmOverwrite
            )
        else:
            path, _ = QFileDialog.getOpenFileName(self, title, field.text(), "YAML (*.yaml *.yml)")
        if path:
            field.setText(path)


def about_text(lang: Lang) -> str:
    return TEXT(
        "about.text",
        lang,
        version=__version__,
        python=platform.python_version(),
        qt=qVersion(),
        pyside=pyside_version,
        weasyprint=_installed_version("weasyprint"),
    )


def show_about(parent: QWidget, lang: Lang) -> None:
    QMessageBox.about(parent, TEXT("about.title", lang), about_text(lang))


def show_error(parent: QWidget, message: str) -> None:
    """One clear message for the user, never a traceback."""
    box = QMessageBox(QMessageBox.Icon.Critical, TEXT("error.title", Lang.EN), message, parent=parent)
    box.exec()


def _installed_version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "—"
