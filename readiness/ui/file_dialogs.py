"""Open and save dialogs that start in a folder the user knows and speak the app's language throughout.

Qt's own catalogs leave some of its file dialog's labels in English ("Look in:", "Files of type:" in Spanish) and
say "fichero" where the app says "archivo"; the labels are set from the app's catalog instead. A native dialog,
where the desktop provides one, keeps its own words.
"""

from __future__ import annotations

from collections.abc import Sequence
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
    chosen = ask_save_file_of_type(parent, lang, caption, suggested, (file_filter,), confirm_overwrite)
    return None if chosen is None else chosen[0]


def ask_save_file_of_type(
    parent: QWidget,
    lang: Lang,
    caption: str,
    suggested: Path,
    file_filters: Sequence[str],
    confirm_overwrite: bool = True,
) -> tuple[Path, int] | None:
    """The file to write, and the index of the file type it was chosen under (the first is selected at first)."""
    from PySide6.QtWidgets import QFileDialog

    dialog = _dialog(parent, lang, caption, suggested.parent, ";;".join(file_filters))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, not confirm_overwrite)
    dialog.selectFile(suggested.name)
    chosen = _chosen(dialog)
    if chosen is None:
        return None
    path, name_filter = chosen
    return path, file_filters.index(name_filter) if name_filter in file_filters else 0


def ask_open_file(parent: QWidget, lang: Lang, caption: str, folder: Path, file_filter: str) -> Path | None:
    """An existing file to read, looked for from ``folder``."""
    from PySide6.QtWidgets import QFileDialog

    dialog = _dialog(parent, lang, caption, folder, file_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    chosen = _chosen(dialog)
    return None if chosen is None else chosen[0]


def ask_open_files(parent: QWidget, lang: Lang, caption: str, folder: Path, file_filter: str) -> list[Path]:
    """Existing files to read, one or several, looked for from ``folder``; none when the user cancels."""
    from PySide6.QtWidgets import QFileDialog

    dialog = _dialog(parent, lang, caption, folder, file_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    chosen = [Path(p) for p in dialog.selectedFiles()] if dialog.exec() == dialog.DialogCode.Accepted else []
    dialog.deleteLater()
    return chosen


def _dialog(parent: QWidget, lang: Lang, caption: str, folder: Path, file_filter: str) -> QFileDialog:
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(parent, caption, str(folder), file_filter)
    for label, text in LABELS.items():
        dialog.setLabelText(getattr(QFileDialog.DialogLabel, label), _(text, lang))
    return dialog


def _chosen(dialog: QFileDialog) -> tuple[Path, str] | None:
    """The file chosen and the file type it was chosen under; None when the user cancelled."""
    accepted = dialog.exec() == dialog.DialogCode.Accepted and bool(dialog.selectedFiles())
    chosen = (Path(dialog.selectedFiles()[0]), dialog.selectedNameFilter()) if accepted else None
    dialog.deleteLater()
    return chosen
