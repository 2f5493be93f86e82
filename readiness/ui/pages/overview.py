"""The overview: each step's sub-pages with what is done and what is left, one click from each, and a button to
carry on where the work stops. The same panel can stand alone on a second screen while presenting."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from readiness.core.i18n import N_, _, ngettext
from readiness.core.lang import Lang
from readiness.core.plan.figures import list_text
from readiness.core.progress import ESSENTIALS, Progress, sub_page_counts, sub_page_progress
from readiness.ui.pages.base import PageContext, Panel
from readiness.ui.pages.widgets import scrolling
from readiness.ui.zoom import scaled_font

MARKS = {Progress.DONE: "✓", Progress.PARTLY: "◐", Progress.NOT_STARTED: "○"}
MARK_NAMES = {Progress.DONE: N_("done"), Progress.PARTLY: N_("partly done"), Progress.NOT_STARTED: N_("not started")}


@dataclass(frozen=True)
class Place:
    """One sub-page of the wizard, as the overview lists it."""

    page: str
    page_title: str
    tab: int
    title: str
    part: str
    """Its progress key (core.progress)."""

    @property
    def label(self) -> str:
        """The page and the tab, or the page alone when it has one tab (its title is then the page's name)."""
        return self.page_title if self.page_title.endswith(self.title) else f"{self.page_title}: {self.title}"


def mark_text(mark: Progress, lang: Lang) -> str:
    return f"{MARKS[mark]} {_(MARK_NAMES[mark], lang)}"


class OverviewPanel(Panel):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        lang = context.lang
        self.places: tuple[Place, ...] = ()
        self.rows: dict[str, tuple[QLabel, QLabel]] = {}
        intro = QLabel(_("What is done and what is left in each step. Go to any part from here.", lang))
        intro.setWordWrap(True)
        self.carry_on = QPushButton()
        self.carry_on.setDefault(True)
        scaled_font(self.carry_on, 1.15, bold=True)
        self.carry_on.clicked.connect(self._carry_on)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(2, 1)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(intro)
        column.addLayout(self.grid)
        column.addStretch(1)
        scroll = scrolling(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.carry_on, 0, Qt.AlignmentFlag.AlignLeft)

    def title(self) -> str:
        return _("Overview", self.context.lang)

    def follow_every_edit(self) -> None:
        """Standing alone (on a second screen), the overview re-reads the assessment after every edit."""
        self.context.session.changed.connect(self.refresh)

    def set_places(self, places: tuple[Place, ...]) -> None:
        """The sub-pages to list, grouped under their page's title."""
        self.places = places
        lang, row, page = self.context.lang, 0, ""
        for place in places:
            if place.page != page:
                page = place.page
                heading = QLabel(place.page_title)
                scaled_font(heading, 1.15, bold=True)
                self.grid.addWidget(heading, row, 0, 1, 4)
                row += 1
            mark, status = QLabel(), QLabel()
            status.setWordWrap(True)
            go = QPushButton(place.title)
            go.setAccessibleName(_("Go to {place}", lang, place=place.label))
            go.clicked.connect(lambda _checked=False, p=place: self.place_requested.emit(p.page, p.tab, ""))
            self.grid.addWidget(mark, row, 0)
            self.grid.addWidget(go, row, 1)
            self.grid.addWidget(status, row, 2)
            self.rows[place.part] = (mark, status)
            row += 1
        self.refresh()

    def refresh(self) -> None:
        session, lang = self.context.session, self.context.lang
        marks = sub_page_progress(session.questionnaire, session.assessment)
        counts = sub_page_counts(session.questionnaire, session.assessment)
        for part, (mark, status) in self.rows.items():
            mark.setText(mark_text(marks[part], lang))
            status.setText(self._status(part, *counts[part]))
        left = self._first_left(marks)
        self.carry_on.setText(
            _("Carry on: {place}", lang, place=left.label)
            if left
            else _("Everything is filled in: review and generate the plan", lang)
        )

    def _first_left(self, marks: dict[str, Progress]) -> Place | None:
        return next((p for p in self.places if marks[p.part] is not Progress.DONE), None)

    def _carry_on(self) -> None:
        session = self.context.session
        left = self._first_left(sub_page_progress(session.questionnaire, session.assessment))
        if left is None:
            self.place_requested.emit("review", -1, "")
        else:
            self.place_requested.emit(left.page, left.tab, "")

    def _status(self, part: str, filled: int, wanted: int) -> str:
        lang = self.context.lang
        if part.endswith(".questions"):
            return ngettext(
                "{filled} of {count} question answered",
                "{filled} of {count} questions answered",
                wanted,
                lang,
                filled=filled,
            )
        if part in ESSENTIALS:
            assessment = self.context.session.assessment
            missing = [_(name, lang) for name, present in ESSENTIALS[part](assessment) if not present]
            if not missing:
                return _("{filled} of {count} essentials", lang, filled=filled, count=wanted)
            return _(
                "{filled} of {count} essentials; missing: {names}",
                lang,
                filled=filled,
                count=wanted,
                names=list_text(missing, lang),
            )
        if part == "open.channels":
            return self._channels_status()
        assessment = self.context.session.assessment
        if part == "identify.gaps":
            count = len(assessment.gaps)
            return (
                ngettext("{count} gap recorded", "{count} gaps recorded", count, lang)
                if count
                else _("No gap recorded yet", lang)
            )
        if part == "promote.surfaces":
            count = len(assessment.promotion)
            return (
                ngettext("{count} surface chosen", "{count} surfaces chosen", count, lang)
                if count
                else _("No surface chosen yet", lang)
            )
        count = len(assessment.kpis)
        return (
            ngettext("{count} KPI target set", "{count} KPI targets set", count, lang)
            if count
            else _("No KPI target yet", lang)
        )

    def _channels_status(self) -> str:
        lang = self.context.lang
        channels = self.context.session.content.catalogs.channels
        chosen = self.context.session.assessment.channels
        if not chosen:
            return _("No channel chosen yet", lang)
        names = {
            role: [channels[c.channel].name.get(lang) for c in chosen if c.role == role and c.channel in channels]
            for role in ("primary", "secondary")
        }
        text = (
            _("Primary: {names}", lang, names=", ".join(names["primary"]))
            if names["primary"]
            else _("No primary channel yet", lang)
        )
        if names["secondary"]:
            text += " · " + _("secondary: {names}", lang, names=", ".join(names["secondary"]))
        return text
