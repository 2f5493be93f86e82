"""Help > Readiness guide: a short guide to the four steps in the window's language, followed by every keyboard
shortcut, listed from the menus themselves so the list is never out of date."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from readiness.core.files import read_bounded
from readiness.core.i18n import _
from readiness.core.lang import AUTHORING_LANGUAGE, Lang
from readiness.core.problems import ReadinessError
from readiness.resources import Folder, ResourceError, resource

GUIDE_BYTES = 256 * 1024
"""A guide is a few kilobytes; anything larger is not the guide that shipped."""


def guide_text(lang: Lang) -> str:
    """The guide in ``lang`` (English when it has none), as Markdown."""
    for wanted in (lang, AUTHORING_LANGUAGE):
        try:
            return read_bounded(resource(Folder.ASSETS, f"guide/{wanted.value}.md"), GUIDE_BYTES).decode("utf-8")
        except (ResourceError, ReadinessError, UnicodeDecodeError):
            continue
    return ""


def shortcut_rows(actions: list[QAction], lang: Lang) -> list[tuple[str, str]]:
    """(keys, what they do) for each action with a shortcut, plus the wizard's own keys."""
    rows = [
        (
            " / ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()),
            action.text().replace("&", ""),
        )
        for action in actions
        if action.shortcuts()
    ]
    rows += [
        ("Alt+← / Alt+→", _("Previous and next sub-page of the wizard", lang)),
        ("Alt+0 … Alt+6", _("Overview, then the numbered pages of the wizard", lang)),
    ]
    return rows


class GuideDialog(QDialog):
    def __init__(self, lang: Lang, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Readiness guide", lang))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setMarkdown(guide_text(lang))
        rows = "".join(
            f"<tr><td><b>{escape(keys)}</b>&nbsp;&nbsp;</td><td>{escape(what)}</td></tr>"
            for keys, what in shortcut_rows(actions, lang)
        )
        cursor = self.browser.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        heading = _("Keyboard shortcuts", lang)
        cursor.insertHtml(f"<h2>{escape(heading)}</h2><table>{rows}</table>")
        self.browser.moveCursor(cursor.MoveOperation.Start)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry()
        self.resize(min(760, round(screen.width() * 0.8)), min(820, round(screen.height() * 0.85)))
