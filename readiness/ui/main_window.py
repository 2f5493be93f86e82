"""The main window: the library, the wizard for one assessment, settings and dialogs (its menus are in
``window_menus``).

The window appears before anything heavy happens: the content and the library
are loaded on background threads, and every library job (list, open, import,
export, delete, save) runs on the library thread.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QDateTime, QLocale, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from readiness.core.i18n import _, language_name
from readiness.core.lang import Lang
from readiness.ui.jobs import Lane, Progress
from readiness.ui.library_jobs import library_rows
from readiness.ui.library_place import is_team_library, library_description
from readiness.ui.library_view import LibraryRow, LibraryView
from readiness.ui.messages import ask_yes, show_error
from readiness.ui.opening import AssessmentOpening
from readiness.ui.pages.formatting import qt_locale
from readiness.ui.render import PlanRenderer
from readiness.ui.service import LibraryService
from readiness.ui.settings import Settings
from readiness.ui.view_menu import apply_contrast
from readiness.ui.view_options import ViewOptions
from readiness.ui.zoom import apply_zoom

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from readiness.core.content import Content
    from readiness.store import StoredAssessment
    from readiness.ui.brief_ahead import BriefAhead
    from readiness.ui.pages.overview import OverviewPanel
    from readiness.ui.state import AssessmentSession
    from readiness.ui.wizard import WizardView

LANGUAGE_CODES = frozenset(lang.value for lang in Lang)
PREFERRED_SIZE = (1180, 800)
SCREEN_SHARE = 0.94
"""At most this share of the screen's free area, leaving room for the window's frame and title."""
SEARCH_PAUSE_MS = 200
"""Search runs once typing pauses this long, not on every keystroke."""


class MainWindow(AssessmentOpening):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.content: Content | None = None
        self.service: LibraryService | None = None
        self.renderer = PlanRenderer()
        self.brief_ahead: BriefAhead | None = None
        self.view = ViewOptions(settings, self)
        self.view.changed.connect(self._overview_on_second_screen)
        self._second_screen: OverviewPanel | None = None
        apply_zoom(settings.zoom)
        apply_contrast(settings.high_contrast)
        self.session: AssessmentSession | None = None
        self.wizard: WizardView | None = None
        self._conflict_open = False
        self._search_pause = QTimer(self)
        self._search_pause.setSingleShot(True)
        self._search_pause.setInterval(SEARCH_PAUSE_MS)
        self._search_pause.timeout.connect(self.refresh_library)
        self._content_lane = Lane("content", self)
        self.sample_chosen.connect(self.open_sample)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.library_label = QLabel()
        self.statusBar().addPermanentWidget(self.library_label)
        self._build()
        self._place(settings.geometry)
        QTimer.singleShot(0, self._start)

    @property
    def lang(self) -> Lang:
        return self.settings.language

    def _place(self, remembered: QByteArray | None) -> None:
        """The remembered size and place when they still fit the screen (a laptop after a big monitor may not);
        otherwise the preferred size, shrunk to the screen's free area, centred on it."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        if remembered is not None and self.restoreGeometry(remembered) and available.contains(self.geometry()):
            return
        width = min(PREFERRED_SIZE[0], round(available.width() * SCREEN_SHARE))
        height = min(PREFERRED_SIZE[1], round(available.height() * SCREEN_SHARE))
        self.setGeometry(
            available.x() + (available.width() - width) // 2,
            available.y() + (available.height() - height) // 2,
            width,
            height,
        )

    # ---------------------------------------------------------------- building

    def _build(self) -> None:
        lang = self.lang
        self.setWindowTitle("Readiness")
        old = getattr(self, "library", None)
        self.library = LibraryView(lang)
        self._connect_library()
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        self.stack.insertWidget(0, self.library)
        self._build_menus()
        self.library_label.setText(library_description(getattr(self, "library_location", ""), lang))

    def _connect_library(self) -> None:
        view = self.library
        view.new_requested.connect(self.new_assessment)
        view.open_requested.connect(self.open_assessment)
        view.duplicate_requested.connect(self.duplicate_assessment)
        view.import_requested.connect(self.import_file)
        view.export_requested.connect(self.export_assessment)
        view.copy_requested.connect(self.copy_assessment)
        view.delete_requested.connect(self.delete_assessment)
        view.search_changed.connect(lambda _value: self._search_pause.start())
        view.sample_requested.connect(self.open_sample)

    # ---------------------------------------------------------------- start-up

    def _start(self) -> None:
        """After the first paint: the library's lane, the content (read on a lane of its own), the warm renderer."""
        self._open_library(self.settings.library)
        self._content_lane.run(_load_content, self._on_content, self._content_failed)
        self.renderer.warm_up()

    def _on_content(self, content: Content) -> None:
        self.content = content
        self.refresh_library()

    def _content_failed(self, message: str) -> None:
        show_error(self, _("The questionnaires could not be loaded: {error}", self.lang, error=message))

    # ---------------------------------------------------------------- library

    def refresh_library(self) -> None:
        if self.service is None or self.content is None:
            return
        self._search_pause.stop()
        search = self.library.search.text()
        lang = self.lang
        self.service.submit(lambda session: library_rows(session, search, lang), self._show_rows)

    def _show_rows(self, rows: list[tuple[LibraryRow, float | None]]) -> None:
        locale = qt_locale(self.lang)
        shown = [
            LibraryRow(
                **{
                    **row.__dict__,
                    "score": "—" if score is None else locale.toString(score, "f", 1),
                    "status": self._status_text(row),
                    "language": language_name(row.language) if row.language in LANGUAGE_CODES else row.language,
                }
            )
            for row, score in rows
        ]
        self.library.show_rows(shown)

    def _status_text(self, row: LibraryRow) -> str:
        """In progress or complete; once a plan was generated, that and its date, and whether it is out of date."""
        if not row.plan_generated:
            return self.library.status_label(row.status)
        if row.changed_since_plan:
            return _("Changed since the plan of {date}", self.lang, date=row.plan_generated)
        return _("Plan generated {date}", self.lang, date=row.plan_generated)

    def _opened(self, assessment_id: int, stored: StoredAssessment) -> None:
        if self.service is None or self.content is None:
            return
        from readiness.ui.state import AssessmentSession

        self.close_wizard()
        organisation = stored.assessment.profile.organisation
        self.settings.remember_recent(self.library_location, assessment_id, organisation)
        self.view.use_assessment(self.library_location, assessment_id)
        self.session = AssessmentSession(self.service, self.content, assessment_id, stored)
        self.session.conflict.connect(self._resolve_conflict)
        self._show_wizard(stored.last_page)

    def _show_wizard(self, page: str | None, tab: int | None = None) -> None:
        """A wizard over the open session, in the window's language, replacing any wizard shown."""
        from readiness.ui.pages.base import PageContext
        from readiness.ui.wizard import WizardView

        if self.session is None:
            return
        if self.wizard is not None:
            self.stack.removeWidget(self.wizard)
            self.wizard.deleteLater()
        context = PageContext(self.session, self.settings, self.renderer, self.view, self._brief_ahead())
        context.ahead.follow(context)
        self.wizard = WizardView(context, page, tab)
        self.undo_actions.bind(self.session)
        self.wizard.library_requested.connect(self.close_wizard)
        self.stack.addWidget(self.wizard)
        self.stack.setCurrentWidget(self.wizard)
        self._close_second_screen()
        self._overview_on_second_screen()

    def _overview_on_second_screen(self) -> None:
        """While presenting, a second screen (the facilitator's laptop) shows the overview of the steps."""
        screens = QGuiApplication.screens()
        wanted = self.view.presenting and self.session is not None and self.wizard is not None and len(screens) > 1
        if not wanted:
            self._close_second_screen()
            return
        if self._second_screen is not None or self.session is None or self.wizard is None:
            return
        from readiness.ui.pages.base import PageContext
        from readiness.ui.pages.overview import OverviewPanel

        context = PageContext(self.session, self.settings, self.renderer, self.view, self._brief_ahead())
        overview = OverviewPanel(context)
        overview.setWindowTitle(_("Overview", self.lang) + " — Readiness")
        overview.set_places(self.wizard.places())
        overview.follow_every_edit()
        overview.place_requested.connect(self.wizard.go_to)
        other = next(screen for screen in screens if screen is not (self.screen() or screens[0]))
        overview.setGeometry(other.availableGeometry())
        overview.show()
        self._second_screen = overview

    def _close_second_screen(self) -> None:
        if self._second_screen is not None:
            self._second_screen.close()
            self._second_screen.deleteLater()
            self._second_screen = None

    def _resolve_conflict(self, who: str, when: dt.datetime) -> None:
        """Someone saved a newer version: reload theirs, or keep this version as a new assessment (the default, so
        that closing the dialog loses nothing)."""
        session = self.session
        if session is None or self._conflict_open:
            return
        self._conflict_open = True
        moment = QDateTime.fromSecsSinceEpoch(round(when.timestamp()))
        at = qt_locale(self.lang).toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)
        from readiness.ui.dialogs import ConflictChoice, ask_about_conflict

        choice = ask_about_conflict(self, self.lang, who, at)
        self._conflict_open = False
        if self.session is not session:
            return
        assessment_id, mine = session.assessment_id, session.assessment
        self.session = None  # nothing more of this session is saved over theirs
        if choice is ConflictChoice.RELOAD_THEIRS:
            self.open_assessment(assessment_id)
        else:
            renamed = _("{organisation} (my copy)", self.lang, organisation=mine.profile.organisation)
            profile = mine.profile.model_copy(update={"organisation": renamed})
            self._create_and_open(mine.model_copy(update={"profile": profile}))

    def _brief_ahead(self) -> BriefAhead:
        """The brief kept rendered for the open assessment: made with the first one, not at start-up."""
        if self.brief_ahead is None:
            from readiness.ui.brief_ahead import BriefAhead

            self.brief_ahead = BriefAhead(self)
        return self.brief_ahead

    def close_wizard(self) -> None:
        if self.brief_ahead is not None:
            self.brief_ahead.follow(None)
        if self.session is not None:
            self.session.save_now()
        if self.wizard is not None:
            self.stack.removeWidget(self.wizard)
            self.wizard.deleteLater()
        self.wizard = None
        self.session = None
        self.view.use_assessment(None)
        self.undo_actions.bind(None)
        self._close_second_screen()
        self.stack.setCurrentWidget(self.library)
        self.refresh_library()

    def delete_assessment(self, assessment_id: int, confirm: bool = True) -> None:
        from readiness.store import delete_assessment

        organisation = next((r.organisation for r in self.library.rows if r.id == assessment_id), "")
        if confirm:
            question = _(
                "Delete the assessment of {organisation}? Its answers and plan choices are removed from the library.",
                self.lang,
                organisation=organisation,
            )
            if not ask_yes(self, _("Delete assessment", self.lang), question):
                return
        self.settings.forget_recent(self.library_location, assessment_id)
        if self.service is not None:
            self.service.submit(
                lambda session: delete_assessment(session=session, assessment_id=assessment_id),
                lambda _value: self.refresh_library(),
            )

    # ---------------------------------------------------------------- settings and closing

    def edit_settings(self) -> None:
        from readiness.ui.dialogs import SettingsDialog

        dialog = SettingsDialog(self.settings, self.lang, self)
        before = (self.settings.language, self.settings.library)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        dialog.apply()
        if self.settings.library != before[1]:
            self.close_wizard()
            self._restart_library()
        if self.settings.language != before[0]:
            self.retranslate()

    def retranslate(self) -> None:
        """Show the whole window in the app's language at once: menus, the library and the open wizard, which stays
        on the page and tab it was on, with nothing of the assessment reloaded."""
        from readiness.ui.app import install_translations

        install_translations(self.settings.language)
        self._build()
        self.refresh_library()
        if self.wizard is not None:
            page, tab = self.wizard.current_key(), self.wizard.current_tab()
            self._show_wizard(page, tab)

    def _restart_library(self) -> None:
        if self.service is not None:
            self.service.close()
        self._open_library(self.settings.library)

    def _open_library(self, location: str) -> None:
        """Start the library thread on ``location`` (a file, a team library URL, or "" for the default)."""
        self.library_location = location
        self.service = LibraryService(location or None)
        self.service.failed.connect(lambda message: show_error(self, message))
        self.service.warned.connect(self.statusBar().showMessage)
        self.service.unavailable.connect(self._library_unavailable)
        self.library_label.setText(library_description(location, self.lang))

    def _library_unavailable(self, message: str) -> None:
        """The library could not be opened. A team library's server may be down: offer the local library for
        this session (the setting stays, so the next start tries the team library again)."""
        self.library.status.setText(message)
        if not is_team_library(self.library_location):
            show_error(self, message)
            return
        question = message + "\n\n" + _("Work in the local library for now?", self.lang)
        if ask_yes(self, _("The team library cannot be opened", self.lang), question) and self.service is not None:
            self.service.close()
            self._open_library("")
            self.refresh_library()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.undo_actions.bind(None)
        if self.session is not None:
            self.session.save_now()
        self.settings.geometry = self.saveGeometry()
        self.settings.sync()
        if self.service is not None:
            self.service.close()
        self.renderer.close()
        if self.brief_ahead is not None:
            self.brief_ahead.close()
        event.accept()


def _load_content(_progress: Progress) -> Content:
    from readiness.core.content import load_content
    from readiness.resources import questionnaires

    return load_content(questionnaires())
