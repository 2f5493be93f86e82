"""The wizard: a navigator of steps and their sub-pages with progress marks, each step's panels as tabs, Back and
Next through every sub-page, and the saved state."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readiness.core.i18n import N_, _
from readiness.core.names import STEP_NAMES
from readiness.core.progress import Progress, sub_page_progress
from readiness.core.text import Step
from readiness.ui.pages.base import PageContext, Panel
from readiness.ui.pages.overview import MARK_NAMES, MARKS, OverviewPanel, Place
from readiness.ui.state import SaveState
from readiness.ui.zoom import scaled_font

PAGE_NAMES = {
    "overview": N_("Overview"),
    "profile": N_("Profile"),
    **STEP_NAMES,
    "review": N_("Review and generate"),
}
"""The navigator's pages: the overview, the profile, the method's four steps, and the review. All but the overview
are numbered (1 to 6, also their Alt+number shortcuts)."""


PLACE = Qt.ItemDataRole.UserRole
"""A navigator item's (page, tab) pair; tab -1 for a page's own item."""


@dataclass(frozen=True)
class StepPage:
    key: str
    panels: tuple[Callable[[PageContext], Panel], ...]
    parts: tuple[str, ...] = ()
    """The progress key of each panel (see core.progress); none for a page without marks."""


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
        StepPage("overview", (OverviewPanel,)),
        StepPage("profile", (ProfilePanel,), ("profile",)),
        StepPage("identify", (questions(Step.IDENTIFY), GapRegisterPanel), ("identify.questions", "identify.gaps")),
        StepPage(
            "open", (questions(Step.OPEN), ChannelsPanel, TeamPanel), ("open.questions", "open.channels", "open.team")
        ),
        StepPage("promote", (questions(Step.PROMOTE), PromotionPanel), ("promote.questions", "promote.surfaces")),
        StepPage("refine", (questions(Step.REFINE), KpiPanel), ("refine.questions", "refine.kpis")),
        StepPage("review", (ReviewPanel,)),
    )


def overall(marks: list[Progress]) -> Progress:
    """A page's mark from its parts' marks."""
    if all(mark is Progress.DONE for mark in marks):
        return Progress.DONE
    return Progress.NOT_STARTED if all(mark is Progress.NOT_STARTED for mark in marks) else Progress.PARTLY


class Navigator(QTreeWidget):
    """The steps and sub-pages at the left, as wide as about 34 characters of its font, so zoom widens it."""

    CHARACTERS = 34

    def __init__(self) -> None:
        super().__init__()
        self._fit_font()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fit_font()
        super().changeEvent(event)

    def _fit_font(self) -> None:
        self.setMaximumWidth(self.fontMetrics().averageCharWidth() * self.CHARACTERS)
        self.fit_entries()

    def fit_entries(self) -> None:
        """At least as wide as its longest entry (up to its maximum), so zoom and presentation never cut one."""
        widest = self.sizeHintForColumn(0) if self.topLevelItemCount() else 0
        frame = 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width()
        self.setMinimumWidth(min(widest + frame, self.maximumWidth()))


class WizardView(QWidget):
    library_requested = Signal()

    def __init__(
        self,
        context: PageContext,
        start_page: str | None = None,
        start_tab: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        lang = context.lang
        self.pages = step_pages()
        self._selecting = False
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        scaled_font(self.title, 1.25, bold=True)
        self.save_label = QLabel()
        self.save_label.setAccessibleName(_("All changes saved", lang))
        self.navigator = Navigator()
        self.navigator.setAccessibleName(_("Wizard steps", lang))
        self.navigator.setHeaderHidden(True)
        self.navigator.setRootIsDecorated(False)
        self.navigator.setIndentation(14)
        scaled_font(self.navigator, 1.1)
        self.stack = QStackedWidget()
        self.tabs: list[QTabWidget] = []
        for index, page in enumerate(self.pages):
            self.stack.addWidget(self._page_widget(page))
            self._add_to_navigator(index, page)
        self.navigator.expandAll()
        self._list_places_in_overview()
        self.library_button = QPushButton(_("&Library", lang))
        self.back_button = QPushButton(_("< Back", lang))
        self.next_button = QPushButton(_("Next >", lang))
        # Back and Next take Alt+Left / Alt+Right rather than letters: panels need every free letter.
        self.back_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Back))
        self.next_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Forward))
        self.back_button.setToolTip(_("Previous step (Alt+Left)", lang))
        self.next_button.setToolTip(_("Next step (Alt+Right)", lang))
        for number in range(len(self.pages)):
            shortcut = QShortcut(QKeySequence(f"Alt+{number}"), self)
            shortcut.activated.connect(lambda index=number: self.go(index))
        self._lay_out()
        self.navigator.currentItemChanged.connect(self._navigated)
        self.library_button.clicked.connect(self.library_requested)
        self.back_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(+1))
        context.session.save_state_changed.connect(self._show_save_state)
        context.session.changed.connect(self._show_title)
        context.session.changed.connect(self._show_progress)
        context.session.restored.connect(self._reread_current)
        context.view.changed.connect(lambda: self.navigator.setVisible(context.view.steps_shown))
        self.navigator.setVisible(context.view.steps_shown)
        self._show_title()
        self._show_progress()
        self._show_save_state(context.session.save_state.value)
        keys = [p.key for p in self.pages]
        self.go(keys.index(start_page) if start_page in keys else 0, start_tab)

    def go(self, index: int, tab: int | None = None) -> None:
        """Show page ``index``, on ``tab`` if given (else the tab it was last on)."""
        if not 0 <= index < len(self.pages):
            return
        tabs = self.tabs[index]
        if tab is not None and 0 <= tab < tabs.count():
            tabs.setCurrentIndex(tab)
        self.stack.setCurrentIndex(index)
        self._select_in_navigator(index, tabs.currentIndex())
        self._show_page(index)

    def go_to(self, key: str, tab: int = -1, question: str = "") -> None:
        """Show the page ``key`` (on ``tab`` unless -1), and bring ``question`` into view on it."""
        keys = [page.key for page in self.pages]
        if key not in keys:
            return
        index = keys.index(key)
        self.go(index, None if tab < 0 else tab)
        panel = self.tabs[index].currentWidget()
        if question and isinstance(panel, Panel):
            panel.bring_into_view(question)

    def current_key(self) -> str:
        return self.pages[self.stack.currentIndex()].key

    def current_tab(self) -> int:
        return self.tabs[self.stack.currentIndex()].currentIndex()

    def _place(self) -> tuple[int, int]:
        index = self.stack.currentIndex()
        return index, self.tabs[index].currentIndex()

    def _places(self) -> list[tuple[int, int]]:
        return [(index, tab) for index, tabs in enumerate(self.tabs) for tab in range(tabs.count())]

    def _step(self, direction: int) -> None:
        """Next and Back walk every sub-page in order: the questions, then each tab of the step, then the next step."""
        places = self._places()
        position = places.index(self._place()) + direction
        if 0 <= position < len(places):
            self.go(*places[position])

    def _page_title(self, index: int) -> str:
        """The page's name, numbered from the profile on."""
        name = _(PAGE_NAMES[self.pages[index].key], self.context.lang)
        return f"{index}  {name}" if index else name

    def _add_to_navigator(self, index: int, page: StepPage) -> None:
        item = QTreeWidgetItem([self._page_title(index)])
        item.setData(0, PLACE, (index, -1))
        self.navigator.addTopLevelItem(item)
        tabs = self.tabs[index]
        if tabs.count() > 1:
            for tab in range(tabs.count()):
                child = QTreeWidgetItem([tabs.tabText(tab).replace("&&", "&")])
                child.setData(0, PLACE, (index, tab))
                item.addChild(child)

    def places(self) -> tuple[Place, ...]:
        """Every sub-page with progress, as the overview lists them."""
        return tuple(
            Place(page.key, self._page_title(index), tab, self._tab_title(index, tab), part)
            for index, page in enumerate(self.pages)
            for tab, part in enumerate(page.parts)
        )

    def _tab_title(self, index: int, tab: int) -> str:
        """A tab's title; a page with one tab is called by the page's name."""
        tabs = self.tabs[index]
        if tabs.count() > 1:
            return tabs.tabText(tab).replace("&&", "&")
        return _(PAGE_NAMES[self.pages[index].key], self.context.lang)

    def _list_places_in_overview(self) -> None:
        for panel in self.panels():
            if isinstance(panel, OverviewPanel):
                panel.set_places(self.places())

    def _navigated(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if item is None or self._selecting:
            return
        index, tab = item.data(0, PLACE)
        self.go(index, None if tab < 0 else tab)

    def _select_in_navigator(self, index: int, tab: int) -> None:
        page_item = self.navigator.topLevelItem(index)
        if page_item is None:
            return
        item = page_item.child(tab) if page_item.childCount() else page_item
        self._selecting = True
        try:
            self.navigator.setCurrentItem(item or page_item)
        finally:
            self._selecting = False

    def _show_progress(self) -> None:
        """Marks beside every page and sub-page: ✓ done, ◐ partly done, ○ not started."""
        session = self.context.session
        progress = sub_page_progress(session.questionnaire, session.assessment)
        for index, page in enumerate(self.pages):
            item = self.navigator.topLevelItem(index)
            if item is None or not page.parts:
                continue
            marks = [progress[part] for part in page.parts]
            self._mark(item, overall(marks), self._page_title(index))
            for tab, mark in enumerate(marks if item.childCount() else []):
                child = item.child(tab)
                if child is not None:
                    self._mark(child, mark, self.tabs[index].tabText(tab).replace("&&", "&"))
        self.navigator.fit_entries()

    def _mark(self, item: QTreeWidgetItem, mark: Progress, text: str) -> None:
        item.setText(0, f"{text}  {MARKS[mark]}")
        state = _(MARK_NAMES[mark], self.context.lang)
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{text}, {state}")
        item.setToolTip(0, state)

    def panels(self) -> list[Panel]:
        return [tabs.widget(i) for tabs in self.tabs for i in range(tabs.count())]  # type: ignore[misc]

    def _page_widget(self, page: StepPage) -> QWidget:
        tabs = QTabWidget()
        tabs.setDocumentMode(True)
        for make in page.panels:
            panel = make(self.context)
            panel.place_requested.connect(self.go_to)
            tabs.addTab(panel, panel.title().replace("&", "&&"))  # a lone & would mark a shortcut
        tabs.currentChanged.connect(lambda index, tabs=tabs: self._tab_shown(tabs, index))
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
        tabs = self.tabs[index]
        self._refresh(tabs.currentWidget())
        self._update_buttons()
        self.context.session.remember_page(self.pages[index].key)

    def _tab_shown(self, tabs: QTabWidget, tab: int) -> None:
        self._refresh(tabs.widget(tab))
        if self.tabs.index(tabs) == self.stack.currentIndex():
            self._select_in_navigator(self.stack.currentIndex(), tab)
            self._update_buttons()

    def _update_buttons(self) -> None:
        places = self._places()
        position = places.index(self._place())
        self.back_button.setEnabled(position > 0)
        self.next_button.setEnabled(position < len(places) - 1)

    def _reread_current(self) -> None:
        """After Undo or Redo: the sub-page on screen shows the state put back (others re-read when shown)."""
        self._refresh(self.tabs[self.stack.currentIndex()].currentWidget())

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
