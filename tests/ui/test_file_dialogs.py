"""The open and save dialogs: they open in the folder offered and speak the app's language throughout."""

from __future__ import annotations

from pathlib import Path

from app_support import answer_next_modal
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from readiness.core.lang import Lang
from readiness.ui.file_dialogs import ask_open_file, ask_save_file


def labels_of(dialog: QWidget) -> set[str]:
    return {label.text() for label in dialog.findChildren(QLabel) if label.isVisibleTo(dialog)}


def test_a_save_dialog_opens_where_offered_with_every_label_in_spanish(qtbot: QtBot, tmp_path: Path) -> None:
    """Seen in a real window: 'Look in:' and 'Files of type:' stayed in English in a Spanish app."""
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: dict[str, object] = {}

    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        seen["folder"] = Path(dialog.directory().absolutePath())
        seen["labels"] = labels_of(dialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert isinstance(name, QLineEdit) and name.text() == "plan.pdf"
        name.setText("plan-de-luna.pdf")
        dialog.accept()

    answer_next_modal(handle)
    chosen = ask_save_file(parent, Lang.ES, "Guardar el plan", tmp_path / "plan.pdf", "Documentos PDF (*.pdf)")
    assert chosen == tmp_path / "plan-de-luna.pdf"
    assert seen["folder"] == tmp_path
    assert {"Buscar en:", "Nombre del archivo:", "Tipo de archivo:"} <= set(seen["labels"])  # type: ignore[call-overload]


def test_cancelling_an_open_dialog_gives_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    answer_next_modal(lambda dialog: dialog.reject() if isinstance(dialog, QFileDialog) else None)
    assert ask_open_file(parent, Lang.PT_BR, "Importar", tmp_path, "YAML (*.yaml)") is None
