"""One clear message box for whatever went wrong, never a traceback."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def show_error(parent: QWidget, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, "Readiness", message, parent=parent)
    box.exec()
