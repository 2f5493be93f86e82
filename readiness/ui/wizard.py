"""The wizard: a step navigator on the left, each step's panels as tabs, Back and Next, and the saved state."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from readiness.core.i18n import N_, _
from readiness.core.names import STEP_NAMES
from readiness.core.text import Step
from readiness.ui.pages.base import PageContext, Panel
from readiness.ui.state import SaveState

PAGE_NAMES = {"profile": N_("Profile"), **STEP_NAMES, "review": N_("Review and generate")}
"""The navigator's pages: the profile, the method's four steps, and the review."""


@dataclass(frozen=True)
class StepPage:
    key: str
    panels: tuple[Callable[[PageContext], Panel], ...]


def step_pages() -> tuple[StepPage, ...]:
    """The wizard's pages in order, each with the panels (tabs) it shows."""
    from readiness.ui.pages.channels import ChannelsPanel
    from readiness.ui.pages.gaps import GapRegisterPanel
    from readiness.ui.pages.kpis import KpiPanel
    from readiness.ui.pages.profile import ProfilePanel
    from readiness.ui.pages.promotion import PromotionPanel
    from readiness.ui.pages.questions import QuestionsPanel
    from readiness.ui.pages.review import ReviewPanel
    from readiness.ui.pages.team import TeamPanel

    def questions(step: Step) -> Callable[[PageContext], Panel]:
        return lambda context: QuestionsPanel(context, step)

    return (
        StepPage("profile", (ProfilePanel,)),
        StepPage("identify", (questions(Step.IDENTIFY), GapRegisterPanel)),
        StepPage("open", (questions(Step.OPEN), ChannelsPanel, TeamPanel)),
        StepPage("promote", (questions(Step.PROMOTE), PromotionPanel)),
        StepPage("refine", (questions(Step.REFINE), KpiPanel)),
        StepPage("review", (ReviewPanel,)),
    )


class WizardView(QWidget):
    library_requested = Signal()

    def __init__(self, context: PageContext, start_page: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        lang = context.lang
        self.pages = step_pages()
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.title.setFont(font)
        self.save_label = QLabel()
        self.save_label.setAccessibleName(_("All changes saved", lang))
        self.navigator = QListWidget()
        self.navigator.setAccessibleName(_("Wizard steps", lang))
        self.navigator.setMaximumWidth(230)
        self.navigator.setSpacing(3)
        font = self.navigator.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.navigator.setFont(font)
        self.stack = QStackedWidget()
        self.tabs: list[QTabWidget] = []
        for number, page in enumerate(self.pages, start=1):
            self.navigator.addItem(f"{number}  {_(PAGE_NAMES[page.key], lang)}")
            self.stack.addWidget(self._page_widget(page))
        self.library_button = QPushButton(_("&Library", lang))
        self.back_button = QPushButton(_("< Back", lang))
        self.next_button = QPushButton(_("Next >", lang))
        # Back and Next take Alt+Left / Alt+Right rather than letters: panels need every free letter.
        self.back_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Back))
        self.next_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Forward))
        self.back_button.setToolTip(_("Previous step (Alt+Left)", lang))
        self.next_button.setToolTip(_("Next step (Alt+Right)", lang))
        for number in range(1, len(self.pages) + 1):
            shortcut = QShortcut(QKeySequence(f"Alt+{number}"), self)
            shortcut.activated.connect(lambda index=number - 1: self.go(index))
        self._lay_out()
        self.navigator.currentRowChanged.connect(self._show_page)
        self.library_button.clicked.connect(self.library_requested)
        self.back_button.clicked.connect(lambda: self.go(self.navigator.currentRow() - 1))
        self.next_button.clicked.connect(lambda: self.go(self.navigator.currentRow() + 1))
        context.session.save_state_changed.connect(self._show_save_state)
        context.session.changed.connect(self._show_title)
        self._show_title()
        self._show_save_state(context.session.save_state.value)
        keys = [p.key for p in self.pages]
        self.go(keys.index(start_page) if start_page in keys else 0)

    def go(self, index: int) -> None:
        if 0 <= index < len(self.pages):
            self.navigator.setCurrentRow(index)

    def current_key(self) -> str:
        return self.pages[self.navigator.currentRow()].key

    def panels(self) -> list[Panel]:
        return [tabs.widget(i) for tabs in self.tabs for i in range(tabs.count())]  # type: ignore[misc]

    def _page_widget(self, page: StepPage) -> QWidget:
        tabs = QTabWidget()
        tabs.setDocumentMode(True)
        for make in page.panels:
            panel = make(self.context)
            tabs.addTab(panel, panel.title().replace("&", "&&"))  # a lone & would mark a shortcut
        tabs.currentChanged.connect(lambda index, tabs=tabs: self._refresh(tabs.widget(index)))
        self.tabs.append(tabs)
        return tabs

    def _lay_out(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.save_label)
        body = QHBoxLayout()
        body.addWidget(self.navigator)
        body.addWidget(self.stack, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.library_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)

    def _show_page(self, index: int) -> None:
        if index < 0:
            return
        self.stack.setCurrentIndex(index)
        tabs = self.tabs[index]
        self._refresh(tabs.currentWidget())
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.pages) - 1)
        self.context.session.remember_page(self.pages[index].key)

    def _refresh(self, widget: QWidget | None) -> None:
        if isinstance(widget, Panel):
            widget.refresh()

    def _show_title(self) -> None:
        self.title.setText(self.context.session.assessment.profile.organisation)

    def _show_save_state(self, state: str) -> None:
        lang = self.context.lang
        if state == SaveState.FAILED.value:
            text = _("Not saved: {error}", lang, error=self.context.session.last_error)
        elif state == SaveState.CONFLICT.value:
            text = _("Not saved: someone else saved a newer version", lang)
        else:
            text = _("All changes saved", lang) if state == SaveState.SAVED.value else _("Saving…", lang)
        self.save_label.setText(text)
        self.save_label.setToolTip(text)
