"""Open and save dialogs that start in a folder the user knows and speak the app's language throughout.

Qt's own catalogs leave some of its file dialog's labels in English ("Look in:", "Files of type:" in Spanish) and
say "fichero" where the app says "archivo"; the labels are set from the app's catalog instead. A native dialog,
where the desktop provides one, keeps its own words.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from readiness.core.i18n import N_, _
from readiness.core.lang import Lang

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFileDialog, QWidget

LABELS = {"LookIn": N_("Look in:"), "FileName": N_("File name:"), "FileType": N_("Files of type:")}
"""The dialog's labels by QFileDialog.DialogLabel name; QFileDialog loads with the first dialog, not at start-up."""


def ask_save_file(
    parent: QWidget, lang: Lang, caption: str, suggested: Path, file_filter: str, confirm_overwrite: bool = True
) -> Path | None:
    """The file to write, offered as ``suggested`` (a full path: its folder is where the dialog opens)."""
    from PySide6.QtWidgets import QFileDialog

    dialog = _dialog(parent, lang, caption, suggested.parent, file_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, not confirm_overwrite)
    dialog.selectFile(suggested.name)
    return _chosen(dialog)


def ask_open_file(parent: QWidget, lang: Lang, caption: str, folder: Path, file_filter: str) -> Path | None:
    """An existing file to read, looked for from ``folder``."""
    from PySide6.QtWidgets import QFileDialog

    dialog = _dialog(parent, lang, caption, folder, file_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _chosen(dialog)


def _dialog(parent: QWidget, lang: Lang, caption: str, folder: Path, file_filter: str) -> QFileDialog:
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(parent, caption, str(folder), file_filter)
    for label, text in LABELS.items():
        dialog.setLabelText(getattr(QFileDialog.DialogLabel, label), _(text, lang))
    return dialog


def _chosen(dialog: QFileDialog) -> Path | None:
    accepted = dialog.exec() == dialog.DialogCode.Accepted and bool(dialog.selectedFiles())
    chosen = Path(dialog.selectedFiles()[0]) if accepted else None
    dialog.deleteLater()
    return chosen
