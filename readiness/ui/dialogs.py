"""The settings dialog, the About box, and one-line error messages."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
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
from readiness.core.lang import Lang
from readiness.report.paper import Paper
from readiness.ui.file_dialogs import ask_open_file, ask_save_file
from readiness.ui.library_place import carries_password
from readiness.ui.pages.widgets import explanation, field_with
from readiness.ui.settings import Settings

PAPER_NAMES = {Paper.A4: N_("A4"), Paper.LETTER: N_("Letter")}
FIELD_NAMES = {"library": N_("L&ibrary:"), "theme": N_("Plan &theme:")}
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
        self.library.setToolTip(
            _(
                "A library file, or a team library on PostgreSQL as a URL such as "
                "postgresql+psycopg://ana@db.example/clients. Keep its password in ~/.pgpass, not here.",
                lang,
            )
        )
        self.paper = QComboBox()
        self.paper.addItem(
            _("As in the business's country (Letter in the US, Canada, Mexico and a few more; A4 elsewhere)", lang), ""
        )
        for paper in Paper:
            self.paper.addItem(_(PAPER_NAMES[paper], lang), paper.value)
        self.paper.setCurrentIndex(self.paper.findData(settings.paper.value if settings.paper else ""))
        self.theme = QLineEdit(str(settings.theme or ""))
        self.theme.setPlaceholderText(_("Default theme", lang))
        self.facilitator = QLineEdit(settings.facilitator)
        form = QFormLayout(self)
        language_note = _(
            "The language of this window. Each plan is written in the language chosen on its assessment's "
            "Profile page.",
            lang,
        )
        rows = (
            (
                N_("&Language:"),
                self.language,
                field_with(self.language, explanation(language_note, self.language)),
            ),
            (N_("L&ibrary:"), self.library, self._with_browse(self.library, "library")),
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

    def accept(self) -> None:
        """A team library URL with a password in it is refused: the settings file is plain text."""
        if carries_password(self.library.text().strip()):
            QMessageBox.warning(
                self,
                _("Settings", self.lang),
                _(
                    "The library URL contains a password, and settings are stored as plain text. Remove it from "
                    "the URL and put it in ~/.pgpass (one line: host:port:database:user:password); the "
                    "PostgreSQL client reads it from there.",
                    self.lang,
                ),
            )
            self.library.setFocus()
            return
        super().accept()

    def apply(self) -> None:
        self.settings.language = Lang(self.language.currentData())
        self.settings.library = self.library.text().strip()
        self.settings.paper = Paper(self.paper.currentData()) if self.paper.currentData() else None
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
        current = Path(field.text()) if field.text() else Path.home()
        if kind == "library":
            path = ask_save_file(self, self.lang, title, current, "SQLite (*.sqlite *.db)", confirm_overwrite=False)
        else:
            path = ask_open_file(self, self.lang, title, current.parent, "YAML (*.yaml *.yml)")
        if path is not None:
            field.setText(str(path))


def about_text(lang: Lang) -> str:
    import platform

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


class ConflictChoice(Enum):
    RELOAD_THEIRS = "reload"
    KEEP_MINE_AS_COPY = "copy"


def ask_about_conflict(parent: QWidget, lang: Lang, who: str, when: str) -> ConflictChoice:
    """Someone saved a newer version of the open assessment: reload theirs, or keep this one as a copy. Closing the
    box keeps the copy, so no choice loses the user's work by accident."""
    message = (
        _("{who} saved a newer version of this assessment at {time}.", lang, who=who, time=when)
        if who
        else _("Someone saved a newer version of this assessment at {time}.", lang, time=when)
    )
    box = QMessageBox(QMessageBox.Icon.Warning, _("Someone else saved this assessment", lang), message, parent=parent)
    box.setInformativeText(
        _(
            "Your changes since then were not saved over theirs. Open their version (your changes are dropped), "
            "or keep your version as a new assessment in the library.",
            lang,
        )
    )
    reload = box.addButton(_("Open &their version", lang), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(_("&Keep mine as a copy", lang), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return ConflictChoice.RELOAD_THEIRS if box.clickedButton() is reload else ConflictChoice.KEEP_MINE_AS_COPY


def _installed_version(package: str) -> str:
    from importlib import metadata  # read on demand: the About box is rare, and the module slow to import

    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "—"
