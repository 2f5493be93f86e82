"""The profile's field helpers: the hint line under a field, form rows."""

from __future__ import annotations

from pydantic import ValidationError
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from readiness.ui.pages.formatting import PROBLEM_COLOUR


def validation_problem(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}" if where else str(first["msg"])


class Hint(QLabel):
    """A red line under a field saying why the input was not saved; hidden when all is well."""

    def __init__(self, field: QWidget) -> None:
        super().__init__()
        self.field = field
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {PROBLEM_COLOUR};")
        self.hide()

    def show_problem(self, text: str) -> None:
        self.setText(text)
        self.field.setAccessibleDescription(text)
        self.show()

    def clear_problem(self) -> None:
        if not self.isHidden():
            self.clear()
            self.field.setAccessibleDescription("")
            self.hide()


def add_row(form: QFormLayout, label_text: str, field: QWidget, cell: QWidget | None = None) -> QLabel:
    label = QLabel(label_text)
    label.setBuddy(field)
    form.addRow(label, cell or field)
    return label


def set_text(line: QLineEdit, text: str) -> None:
    """Show a value without moving the cursor when the field already holds it."""
    if line.text() != text:
        line.setText(text)
        line.setCursorPosition(0)
