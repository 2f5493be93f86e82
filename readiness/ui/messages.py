"""One clear message box for whatever went wrong, never a traceback; one yes/no question.

QMessageBox is imported where a box is shown: building its Python type (and its enums) costs more than a
millisecond that start-up would otherwise pay for a box most sessions never show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def show_error(parent: QWidget, message: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, "Readiness", message, parent=parent)
    box.exec()


def ask_yes(parent: QWidget, title: str, question: str) -> bool:
    """Whether the user answered Yes to ``question``."""
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox.question(parent, title, question) == QMessageBox.StandardButton.Yes
