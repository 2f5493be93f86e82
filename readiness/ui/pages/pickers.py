"""Countries, languages and time zones chosen by name from a searchable list, stored as ISO codes underneath.

Typing filters the list by the name in the app's language, the English name or the code ("Ger", "Alem",
"DE" all find Germany; accents are optional). Only picking an entry, or leaving the field with a name typed in
full ("Germany", "alemania"), changes the value: a half-typed name is never saved, and leaving the field with
text that names nothing puts back what was chosen before.
Names come from Babel's CLDR data, in the app's language; a time zone is named by its city ("Ciudad de México",
stored as America/Mexico_City).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from babel import Locale
from babel.core import get_global
from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, QTimer, QTimeZone, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from readiness.core.i18n import _
from readiness.core.lang import Lang, babel_locale
from readiness.core.plan.facts import zone_name

NOT_COUNTRIES = frozenset({"ZZ", "EU", "EZ", "UN", "QO"})
"""CLDR's two-letter codes for unknown, the European Union, the Eurozone, the United Nations, Outlying Oceania."""
MAX_ROWS_SHOWN = 4
CODE_ROLE = Qt.ItemDataRole.UserRole
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Option:
    code: str
    name: str
    """In the app's language."""
    search: str
    """Everything typing may match: the name, the English name, the code, with and without accents."""


def plain_text(text: str) -> str:
    """Case-folded, accents removed: "México" and "mexico" match alike."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _options(names: Mapping[str, Any], english: Mapping[str, Any], codes: Iterable[str]) -> tuple[Option, ...]:
    made = []
    for code in codes:
        name = names.get(code) or english.get(code) or code
        words = {name.casefold(), plain_text(name), plain_text(english.get(code, "")), code.casefold()}
        made.append(Option(code, name, " | ".join(sorted(w for w in words if w))))
    return tuple(sorted(made, key=lambda option: plain_text(option.name)))


@cache
def country_options(lang: Lang) -> tuple[Option, ...]:
    """ISO 3166-1 alpha-2 countries and territories (not regions such as "Europe" or "World")."""
    english = Locale("en").territories
    codes = (c for c in english if isinstance(c, str) and len(c) == 2 and c.isalpha() and c not in NOT_COUNTRIES)
    return _options(Locale.parse(babel_locale(lang)).territories, english, codes)


@cache
def language_options(lang: Lang) -> tuple[Option, ...]:
    """Languages with a two- or three-letter ISO 639 code."""
    english = Locale("en").languages
    codes = (c for c in english if isinstance(c, str) and c.isalpha() and 2 <= len(c) <= 3 and c.islower())
    return _options(Locale.parse(babel_locale(lang)).languages, english, codes)


@cache
def zone_options(lang: Lang) -> tuple[Option, ...]:
    """The IANA time zones Qt knows, without CLDR's aliases, named by their city; UTC as itself."""
    aliases = get_global("zone_aliases")
    known = {bytes(zone.data()).decode() for zone in QTimeZone.availableTimeZoneIds()}
    codes = sorted(z for z in known if "/" in z and z not in aliases and not z.startswith("Etc/"))
    english = {code: zone_name(code, Lang.EN) for code in codes}
    names = english if lang is Lang.EN else {code: zone_name(code, lang) for code in codes}
    return _options({**names, "UTC": "UTC"}, english, [*codes, "UTC"])


def system_zone() -> str:
    """The computer's own time zone as a canonical IANA id (an alias resolved), or UTC when it names none."""
    zone = bytes(QTimeZone.systemTimeZoneId().data()).decode()
    zone = get_global("zone_aliases").get(zone, zone)
    return zone if QTimeZone(zone.encode()).isValid() and "/" in zone and not zone.startswith("Etc/") else "UTC"


def _model(options: Sequence[Option], parent: QWidget) -> QStandardItemModel:
    model = QStandardItemModel(parent)
    for option in options:
        item = QStandardItem(f"{option.name} ({option.code})")
        item.setData(option.code, CODE_ROLE)
        item.setData(option.search, SEARCH_ROLE)
        model.appendRow(item)
    return model


class _Completer(QCompleter):
    """Matches on everything an entry may be searched by, and writes its display name into the line."""

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole))


class _SearchLine(QLineEdit):
    """A line that offers matching entries as one types and reports the code of the one picked."""

    picked = Signal(str)

    def __init__(self, options: Sequence[Option], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.options = {option.code: option for option in options}
        completer = _Completer(_model(options, self), self)
        completer.setCompletionRole(SEARCH_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(12)
        completer.activated.connect(self._activated)
        self.setCompleter(completer)
        self.returnPressed.connect(self._take_single_match)

    def _activated(self, shown: str) -> None:
        code = shown.rsplit("(", 1)[-1].rstrip(")")  # "Congo (DRC) (CD)" names CD
        QTimer.singleShot(0, lambda: self.picked.emit(code))  # after the completer has written into the line

    def _take_single_match(self) -> None:
        """Enter with exactly one entry left (or a code typed in full) picks it."""
        typed = plain_text(self.text().strip())
        if not typed:
            return
        exact = [code for code in self.options if code.casefold() == typed]
        matches = exact or [code for code, option in self.options.items() if typed in option.search]
        if len(matches) == 1:
            self.picked.emit(matches[0])

    def named(self) -> str | None:
        """The code of the entry the line names in full ("Germany", "alemania", "DE"), or None."""
        typed = plain_text(self.text().strip())
        shown = typed.rsplit(" (", 1)[0] if typed.endswith(")") else typed  # "Germany (DE)" from the list
        for code, option in self.options.items():
            if typed == code.casefold() or shown in option.search.split(" | "):
                return code
        return None


class _ChosenList(QListWidget):
    """The chosen entries, as tall as what it lists (scrolling beyond a few), at every zoom; Delete or Backspace
    removes the selected ones."""

    removal_requested = Signal()

    def fit_height(self) -> None:
        rows = min(self.count(), MAX_ROWS_SHOWN)
        self.setFixedHeight(rows * self.sizeHintForRow(0) + 2 * self.frameWidth() if rows else 0)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # a zoom: rows grow, and the list with them
            self.fit_height()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.removal_requested.emit()
            return
        super().keyPressEvent(event)


class MultiPicker(QWidget):
    """Several codes: a search line to add one, and the chosen ones listed by name, each removable."""

    changed = Signal()

    def __init__(self, options: Sequence[Option], lang: Lang, accessible_name: str) -> None:
        super().__init__()
        self._codes: list[str] = []
        self.search = _SearchLine(options)
        self.search.setPlaceholderText(_("Type a name to add…", lang))
        self.search.setAccessibleName(accessible_name)
        self.search.picked.connect(self._add)
        self.search.editingFinished.connect(self._add_named)
        self.chosen = _ChosenList()
        self.chosen.setAccessibleName(_("{field}: chosen", lang, field=accessible_name))
        self.chosen.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.remove = QPushButton(_("Remove", lang))
        self.remove.setAccessibleName(_("Remove from {field}", lang, field=accessible_name))
        self.remove.setEnabled(False)
        self.remove.clicked.connect(self._remove_selected)
        self.chosen.itemSelectionChanged.connect(lambda: self.remove.setEnabled(bool(self.chosen.selectedItems())))
        self.chosen.removal_requested.connect(self._remove_selected)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.chosen, 1)
        row.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.search)
        column.addLayout(row)
        self.setFocusProxy(self.search)

    def codes(self) -> tuple[str, ...]:
        return tuple(self._codes)

    def set_codes(self, codes: Iterable[str]) -> None:
        """Show stored codes (no ``changed``); a code this list does not know is shown as it is."""
        self._codes = list(dict.fromkeys(codes))
        self._show()

    def _add(self, code: str) -> None:
        QLineEdit.clear(self.search)
        if code in self._codes:
            return
        self._codes.append(code)
        self._show()
        self.changed.emit()

    def _add_named(self) -> None:
        """Leaving the search line with a name typed in full adds it; a part of a name stays to be finished."""
        code = self.search.named()
        if code is not None:
            self._add(code)

    def _remove_selected(self) -> None:
        gone = {item.data(CODE_ROLE) for item in self.chosen.selectedItems()}
        if gone:
            self._codes = [code for code in self._codes if code not in gone]
            self._show()
            self.changed.emit()

    def _show(self) -> None:
        self.chosen.clear()
        for code in self._codes:
            option = self.search.options.get(code)
            item = QListWidgetItem(f"{option.name} ({code})" if option else code)
            item.setData(CODE_ROLE, code)
            self.chosen.addItem(item)
        self.chosen.setVisible(bool(self._codes))
        self.remove.setVisible(bool(self._codes))
        self.chosen.fit_height()


class SinglePicker(_SearchLine):
    """One code, or none: the field shows the chosen name; emptying it clears the choice unless one is required."""

    changed = Signal()

    def __init__(self, options: Sequence[Option], lang: Lang, accessible_name: str, required: bool = False) -> None:
        super().__init__(options)
        self._code: str | None = None
        self._required = required
        self.setPlaceholderText(_("Type a name to choose…", lang))
        self.setAccessibleName(accessible_name)
        self.setClearButtonEnabled(not required)
        for button in self.findChildren(QToolButton):  # the clear button Qt adds
            button.setAccessibleName(_("Clear {field}", lang, field=accessible_name))
        self.picked.connect(self._choose)
        self.editingFinished.connect(self._settle)

    def code(self) -> str | None:
        return self._code

    def set_code(self, code: str | None) -> None:
        self._code = code
        self._show()

    def _choose(self, code: str) -> None:
        changed = code != self._code
        self._code = code
        self._show()
        if changed:
            self.changed.emit()

    def _settle(self) -> None:
        """Leaving the field: a name typed in full chooses it; empty clears the choice; anything else (a part of
        a name) names nothing and shows the choice again."""
        named = self.named()
        if named is not None:
            self._choose(named)
            return
        if not self.text().strip() and self._code is not None and not self._required:
            self._code = None
            self.changed.emit()
        self._show()

    def _show(self) -> None:
        option = self.options.get(self._code or "")
        text = option.name if option else (self._code or "")
        if self.text() != text:
            self.setText(text)
            self.setCursorPosition(0)
