"""A Portuguese-speaking user sees no English word: every page and tab of the wizard, and every section of the
plan, walked for texts that are the English of a message or of a content text that Portuguese translates."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from app_support import every_tab, main_window, open_sample
from babel.messages.pofile import read_po
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableWidget,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from ui_support import sample, shipped_content

from readiness.core.content import Content
from readiness.core.coverage import local_texts
from readiness.core.i18n import po_path
from readiness.core.lang import Lang
from readiness.report.html import render_plan_html
from readiness.report.outputs import plan_in
from readiness.report.paper import Paper
from readiness.report.theme import load_theme

LANG = Lang.PT_BR


def english_only(content: Content) -> set[str]:
    """Texts that must never show in Portuguese: English that the catalogs or the content translate otherwise."""
    with po_path(LANG).open("rb") as stream:
        catalog = read_po(stream)
    found, portuguese = set(), set()
    for message in catalog:
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string or ())
        found |= {_clean(english) for english in ids}
        portuguese |= {_clean(string) for string in strings}
    models = [*content.questionnaires.values(), *_catalog_entries(content)]
    texts = [t for m in models for t in local_texts(m)]
    found |= {_clean(t.en) for t in texts}
    portuguese |= {_clean(t.get(LANG)) for t in texts}
    # A word both languages spell alike ("Data", "Marketing") is not a missed translation.
    return {text for text in found - portuguese if re.search(r"[a-z]{3}", text) and "{" not in text}


def _catalog_entries(content: Content) -> list[object]:
    catalogs = content.catalogs
    return [
        *catalogs.channels.values(),
        *catalogs.gap_types.values(),
        *catalogs.surfaces.values(),
        *catalogs.promotion_actions.values(),
        *catalogs.kpis.values(),
        *catalogs.regulations.values(),
    ]


def _clean(text: str) -> str:
    return text.replace("&", "").strip().rstrip(":").strip()


def widget_texts(root: QWidget) -> set[str]:
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        texts += [widget.toolTip(), widget.accessibleName()]
        if isinstance(widget, QLabel):
            texts += _fragments(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
        if isinstance(widget, QTableWidget):
            headers = (widget.horizontalHeaderItem(c) for c in range(widget.columnCount()))
            texts += [h.text() for h in headers if h is not None]
    return {_clean(t) for text in texts for t in text.split("\n") if t.strip()}


def _fragments(html: str) -> list[str]:
    return [part for part in re.split(r"<[^>]+>", html) if part.strip()]


class _TextNodes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag in ("style", "script")
        self.texts += [value for name, value in attrs if name in ("alt", "aria-label", "title") and value]

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style", "script")

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.texts.append(data)


def test_the_wizard_shows_no_english_in_portuguese(qtbot: QtBot, tmp_path: Path) -> None:
    english = english_only(shipped_content())
    with main_window(qtbot, tmp_path, LANG) as window:
        seen = widget_texts(window)
        wizard = open_sample(qtbot, window, tmp_path, LANG)
        for _where, _panel in every_tab(wizard):
            seen |= widget_texts(wizard)
        seen |= widget_texts(window)
    assert len(seen) > 300
    assert sorted(seen & english) == []


def test_the_plan_shows_no_english_in_portuguese() -> None:
    content = shipped_content()
    plan = plan_in(sample(LANG), content, LANG)
    parser = _TextNodes()
    parser.feed(render_plan_html(plan, load_theme(), Paper.A4).html)
    seen = {_clean(text) for text in parser.texts}
    assert len(seen) > 300
    assert sorted(seen & english_only(content)) == []
