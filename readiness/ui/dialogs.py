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
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from readiness import __version__
from readiness.core.i18n import N_, _, language_name
from readiness.core.text import Lang
from readiness.report.paper import Paper
from readiness.ui.settings import Settings

PAPER_NAMES = {Paper.A4: N_("A4"), Paper.LETTER: N_("Letter")}
FIELD_NAMES = {"library": N_("L&ibrary file:"), "theme": N_("Plan &theme:")}
BROWSE_TITLES = {"library": N_("Choose the library file"), "theme": N_("Choose a theme file")}


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.lang = lang
        self.setWindowTitle(_("Settings", lang))
        self.language = QComboBox()
        for option in Lang:
            self.language.addItem(language_name(option), option.value)
        self.language.setCurrentIndex(list(Lang).index(settings.language))
        self.library = QLineEdit(settings.library)
        self.library.setPlaceholderText(_("Default library in your data folder", lang))
        self.paper = QComboBox()
        for paper in Paper:
            self.paper.addItem(_(PAPER_NAMES[paper], lang), paper.value)
        self.paper.setCurrentIndex(list(Paper).index(settings.paper))
        self.theme = QLineEdit(str(settings.theme or ""))
        self.theme.setPlaceholderText(_("Default theme", lang))
        self.facilitator = QLineEdit(settings.facilitator)
        form = QFormLayout(self)
        rows = (
            (N_("&Language:"), self.language, self.language),
            (N_("L&ibrary file:"), self.library, self._with_browse(self.library, "library")),
            (N_("&Paper:"), self.paper, self.paper),
            (N_("Plan &theme:"), self.theme, self._with_browse(self.theme, "theme")),
            (N_("&Facilitator:"), self.facilitator, self.facilitator),
        )
        for label, field, shown in rows:
            caption = QLabel(_(label, lang))
            caption.setBuddy(field)
            form.addRow(caption, shown)
            field.setAccessibleName(caption.text().replace("&", "").rstrip(":"))
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
        browse = _("Browse…", self.lang)
        button = QPushButton(browse)
        button.setAccessibleName(f"{browse} {_(FIELD_NAMES[kind], self.lang).replace('&', '').rstrip(':')}")
        button.clicked.connect(lambda: self._browse(field, kind))
        layout.addWidget(button)
        return row

    def _browse(self, field: QLineEdit, kind: str) -> None:
        title = _(BROWSE_TITLES[kind], self.lang)
        if kind == "library":
            path, _filter = QFileDialog.getSaveFileName(
                self, title, field.text(), "SQLite (*.sqlite *.db)", options=QFileDialog.Option.DontConfirmOverwrite
            )
        else:
            path, _filter = QFileDialog.getOpenFileName(self, title, field.text(), "YAML (*.yaml *.yml)")
        if path:
            field.setText(path)


def about_text(lang: Lang) -> str:
    return _(
        "Readiness {version}\nAssess readiness for customer messaging and print the rollout plan.\n\nPython "
        "{python} · Qt {qt} · PySide6 {pyside} · WeasyPrint {weasyprint}",
        lang,
        version=__version__,
        python=platform.python_version(),
        qt=qVersion(),
        pyside=pyside_version,
        weasyprint=_installed_version("weasyprint"),
    )


def show_about(parent: QWidget, lang: Lang) -> None:
    QMessageBox.about(parent, _("About Readiness", lang), about_text(lang))


def show_error(parent: QWidget, message: str) -> None:
    """One clear message for the user, never a traceback."""
    box = QMessageBox(QMessageBox.Icon.Critical, "Readiness", message, parent=parent)
    box.exec()


def _installed_version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "—"
