"""The profile's field helpers: code parsing and checking, the hint and preview lines under a field, form rows."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from babel import Locale
from pydantic import ValidationError
from PySide6.QtCore import QTimeZone
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from readiness.core.text import Lang, babel_locale

_SEPARATORS = re.compile(r"[\s,;]+")


def split_codes(text: str) -> list[str]:
    """The codes in a comma- or space-separated line, in order, once each."""
    return list(dict.fromkeys(code for code in _SEPARATORS.split(text.strip()) if code))


@cache
def _territories() -> frozenset[str]:
    codes = (code for code in Locale("en").territories if isinstance(code, str))
    return frozenset(code for code in codes if len(code) == 2 and code.isalpha() and code != "ZZ")


@cache
def known_languages() -> frozenset[str]:
    codes = (code for code in Locale("en").languages if isinstance(code, str))
    return frozenset(code for code in codes if code.isalpha() and 2 <= len(code) <= 3)


def bad_countries(codes: Sequence[str]) -> list[str]:
    """Codes that are not ISO 3166-1 alpha-2 countries (upper case, as the assessment stores them)."""
    return [code for code in codes if code not in _territories()]


def country_names(codes: Sequence[str], lang: Lang) -> str:
    names = Locale.parse(babel_locale(lang)).territories
    return ", ".join(names.get(code, code) for code in codes)


def language_names(codes: Sequence[str], lang: Lang) -> str:
    names = Locale.parse(babel_locale(lang)).languages
    return ", ".join(names.get(code, code) for code in codes)


@cache
def time_zones() -> tuple[str, ...]:
    return tuple(sorted({bytes(zone.data()).decode() for zone in QTimeZone.availableTimeZoneIds()} | {"UTC"}))


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
        self.setStyleSheet("color: #b3261e;")
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


class Preview(QLabel):
    """A small line under a code field naming what the codes mean (Mexico, United States)."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hide()

    def show_names(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


def field_with(widget: QWidget, *below: QLabel) -> QWidget:
    """A field and the hint and preview lines under it, as one form cell."""
    cell = QWidget()
    column = QVBoxLayout(cell)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(widget)
    for label in below:
        column.addWidget(label)
    return cell


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
