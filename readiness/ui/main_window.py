"""The main window: the library, the wizard for one assessment, menus, settings and dialogs.

The window appears before anything heavy happens: the content and the library
are loaded on background threads, and every library job (list, open, import,
export, delete, save) runs on the library thread.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QMessageBox, QStackedWidget, QWidget

from readiness.core.assessment import Assessment, Profile
from readiness.core.content import Content
from readiness.core.i18n import N_, _, language_name
from readiness.core.text import Lang
from readiness.ui.dialogs import SettingsDialog, show_about, show_error
from readiness.ui.library_jobs import library_rows
from readiness.ui.library_view import LibraryRow, LibraryView
from readiness.ui.pages.base import PageContext
from readiness.ui.pages.formatting import file_stem, qt_locale
from readiness.ui.render import PlanRenderer
from readiness.ui.service import LibraryService
from readiness.ui.settings import Settings
from readiness.ui.state import AssessmentSession
from readiness.ui.wizard import WizardView

LANGUAGE_CODES = frozenset(lang.value for lang in Lang)

MENU_ACTIONS = {
    "new": N_("&New assessment…"),
    "open": N_("&Open"),
    "import": N_("&Import…"),
    "export": N_("&Export…"),
    "settings": N_("&Settings…"),
    "quit": N_("&Quit"),
    "about": N_("&About Readiness"),
}


class MainWindow(QMainWindow):
    _content_loaded = Signal(object)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.content: Content | None = None
        self.service: LibraryService | None = None
        self.renderer = PlanRenderer()
        self.session: AssessmentSession | None = None
        self.wizard: WizardView | None = None
        self._content_loaded.connect(self._on_content)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self._build()
        if settings.geometry is not None:
            self.restoreGeometry(settings.geometry)
        else:
            self.resize(1180, 800)
        QTimer.singleShot(0, self._start)

    @property
    def lang(self) -> Lang:
        return self.settings.language

    # ---------------------------------------------------------------- building

    def _build(self) -> None:
        lang = self.lang
        self.setWindowTitle("Readiness")
        self.library = LibraryView(lang)
        self._connect_library()
        while (old := self.stack.widget(0)) is not None:
            self.stack.removeWidget(old)
        self.stack.addWidget(self.library)
        self._build_menus()

    def _build_menus(self) -> None:
        lang = self.lang
        self.menuBar().clear()
        file_menu = self.menuBar().addMenu(_("&File", lang))
        self.actions_by_name: dict[str, QAction] = {}
        for name, shortcut, slot in (
            ("new", QKeySequence.StandardKey.New, self.new_assessment),
            ("open", QKeySequence.StandardKey.Open, self._open_selected),
            ("import", QKeySequence("Ctrl+I"), self.import_file),
            ("export", QKeySequence("Ctrl+E"), self._export_current),
            ("settings", QKeySequence.StandardKey.Preferences, self.edit_settings),
            ("quit", QKeySequence.StandardKey.Quit, self.close),
        ):
            action = QAction(_(MENU_ACTIONS[name], lang), self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            file_menu.addAction(action)
            self.actions_by_name[name] = action
            if name in ("export", "settings"):
                file_menu.addSeparator()
        help_menu = self.menuBar().addMenu(_("&Help", lang))
        about = QAction(_("&About Readiness", lang), self)
        about.triggered.connect(lambda: show_about(self, self.lang))
        help_menu.addAction(about)
        self.actions_by_name["about"] = about

    def _connect_library(self) -> None:
        view = self.library
        view.new_requested.connect(self.new_assessment)
        view.open_requested.connect(self.open_assessment)
        view.duplicate_requested.connect(self.duplicate_assessment)
        view.import_requested.connect(self.import_file)
        view.export_requested.connect(self.export_assessment)
        view.delete_requested.connect(self.delete_assessment)
        view.search_changed.connect(lambda _value: self.refresh_library())

    # ---------------------------------------------------------------- start-up

    def _start(self) -> None:
        """After the first paint: the library thread, the content (read on a thread), the warm renderer."""
        self.service = LibraryService(self.settings.library or None)
        self.service.failed.connect(lambda message: show_error(self, message))
        self.service.warned.connect(self.statusBar().showMessage)
        threading.Thread(target=self._load_content, name="readiness-content", daemon=True).start()
        self.renderer.warm_up()

    def _load_content(self) -> None:
        from readiness.core.content import load_content
        from readiness.core.problems import ReadinessError
        from readiness.resources import questionnaires

        try:
            self._content_loaded.emit(load_content(questionnaires()))
        except ReadinessError as error:
            self._content_loaded.emit(str(error))

    def _on_content(self, content: object) -> None:
        if isinstance(content, str):
            show_error(self, _("The questionnaires could not be loaded: {error}", self.lang, error=content))
            return
        if isinstance(content, Content):
            self.content = content
            self.refresh_library()

    # ---------------------------------------------------------------- library

    def refresh_library(self) -> None:
        if self.service is None or self.content is None:
            return
        content, search = self.content, self.library.search.text()
        self.service.submit(lambda session: library_rows(session, content, search), self._show_rows)

    def _show_rows(self, rows: list[tuple[LibraryRow, float | None]]) -> None:
        locale = qt_locale(self.lang)
        shown = [
            LibraryRow(
                **{
                    **row.__dict__,
                    "score": "—" if score is None else locale.toString(score, "f", 1),
                    "status": self.library.status_label(row.status),
                    "language": language_name(row.language) if row.language in LANGUAGE_CODES else row.language,
                    "created": locale.toString(
                        QDate.fromString(row.created, "yyyy-MM-dd"), QLocale.FormatType.ShortFormat
                    ),
                }
            )
            for row, score in rows
        ]
        self.library.show_rows(shown)

    def new_assessment(self) -> None:
        if self.service is None or self.content is None:
            return
        name, accepted = QInputDialog.getText(self, _("New assessment", self.lang), _("Organisation name:", self.lang))
        if not accepted or not name.strip():
            return
        questionnaire = max(self.content.questionnaires.values(), key=lambda q: (q.id == "readiness-core", q.version))
        assessment = Assessment(
            questionnaire_id=questionnaire.id,
            questionnaire_version=questionnaire.version,
            language=self.lang,
            created=dt.date.today(),
            profile=Profile(organisation=name.strip(), facilitator=self.settings.facilitator),
        )
        self._create_and_open(assessment, None)

    def duplicate_assessment(self, assessment_id: int) -> None:
        from readiness.store import create_assessment, load_assessment

        def job(session: object) -> tuple[int, Assessment]:
            baseline = load_assessment(session=session, assessment_id=assessment_id)  # type: ignore[arg-type]
            again = baseline.model_copy(update={"created": dt.date.today()})
            return create_assessment(session=session, assessment=again, baseline_id=assessment_id), again  # type: ignore[arg-type]

        if self.service is not None:
            self.service.submit(job, lambda result: self._opened(result[0], result[1], "profile"))

    def _create_and_open(self, assessment: Assessment, baseline_id: int | None) -> None:
        from readiness.store import create_assessment

        if self.service is not None:
            self.service.submit(
                lambda session: create_assessment(session=session, assessment=assessment, baseline_id=baseline_id),
                lambda new_id: self._opened(new_id, assessment, "profile"),
            )

    def open_assessment(self, assessment_id: int) -> None:
        from readiness.store import load_assessment

        page = next((r.last_page for r in self.library.rows if r.id == assessment_id), None)
        if self.service is not None:
            self.service.submit(
                lambda session: load_assessment(session=session, assessment_id=assessment_id),
                lambda assessment: self._opened(assessment_id, assessment, page),
            )

    def _open_selected(self) -> None:
        selected = self.library.selected_id()
        if selected is not None and self.wizard is None:
            self.open_assessment(selected)

    def _opened(self, assessment_id: int, assessment: Assessment, page: str | None) -> None:
        if self.service is None or self.content is None:
            return
        self.close_wizard()
        self.session = AssessmentSession(self.service, self.content, assessment_id, assessment)
        context = PageContext(self.session, self.settings, self.renderer)
        self.wizard = WizardView(context, page)
        self.wizard.library_requested.connect(self.close_wizard)
        self.stack.addWidget(self.wizard)
        self.stack.setCurrentWidget(self.wizard)

    def close_wizard(self) -> None:
        if self.session is not None:
            self.session.save_now()
        if self.wizard is not None:
            self.stack.removeWidget(self.wizard)
            self.wizard.deleteLater()
        self.wizard = None
        self.session = None
        self.stack.setCurrentWidget(self.library)
        self.refresh_library()

    def import_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            _("Import an assessment", self.lang),
            "",
            _("Assessment files or plan PDFs (*.yaml *.yml *.pdf)", self.lang),
        )
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> None:
        """Add an exchange file, or the assessment inside a plan PDF; a bad file gets one message."""
        from readiness.store import create_assessment

        if self.service is None or self.content is None:
            return
        content = self.content

        def job(session: object) -> str:
            from readiness.report.attachment import read_assessment_file

            assessment = read_assessment_file(path, content)
            create_assessment(session=session, assessment=assessment)  # type: ignore[arg-type]
            return assessment.profile.organisation

        def done(organisation: str) -> None:
            self.statusBar().showMessage(_("Imported {organisation}.", self.lang, organisation=organisation), 5000)
            self.refresh_library()

        self.service.submit(job, done, lambda message: show_error(self, message))

    def _export_current(self) -> None:
        if self.session is not None:
            self.session.save_now()
            self.export_assessment(self.session.assessment_id)
        elif (selected := self.library.selected_id()) is not None:
            self.export_assessment(selected)

    def export_assessment(self, assessment_id: int) -> None:
        organisation = next((r.organisation for r in self.library.rows if r.id == assessment_id), "assessment")
        suggested = f"{file_stem(organisation)}.yaml"
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Export the assessment", self.lang), suggested, _("Assessment files (*.yaml)", self.lang)
        )
        if path:
            self.export_to(assessment_id, Path(path))

    def export_to(self, assessment_id: int, path: Path) -> None:
        from readiness.core.exchange import write_exchange_file
        from readiness.store import load_assessment

        if self.service is not None:
            self.service.submit(
                lambda session: write_exchange_file(
                    load_assessment(session=session, assessment_id=assessment_id), path
                ),
                lambda _value: self.statusBar().showMessage(_("Exported to {path}.", self.lang, path=str(path)), 5000),
                lambda message: show_error(self, message),
            )

    def delete_assessment(self, assessment_id: int, confirm: bool = True) -> None:
        from readiness.store import delete_assessment

        organisation = next((r.organisation for r in self.library.rows if r.id == assessment_id), "")
        if confirm:
            answer = QMessageBox.question(
                self,
                _("Delete assessment", self.lang),
                _(
                    "Delete the assessment of {organisation}? Its answers and plan choices are removed from the "
                    "library.",
                    self.lang,
                    organisation=organisation,
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        if self.service is not None:
            self.service.submit(
                lambda session: delete_assessment(session=session, assessment_id=assessment_id),
                lambda _value: self.refresh_library(),
            )

    # ---------------------------------------------------------------- settings and closing

    def edit_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self.lang, self)
        before = (self.settings.language, self.settings.library)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        dialog.apply()
        if (self.settings.language, self.settings.library) == before:
            return
        reopen = (self.session.assessment_id, self.wizard.current_key()) if self.session and self.wizard else None
        self.close_wizard()
        if self.settings.library != before[1]:
            self._restart_library()
        from readiness.ui.app import install_translations

        install_translations(self.settings.language)
        self._build()
        self.refresh_library()
        if reopen is not None and self.settings.library == before[1]:
            self.open_assessment(reopen[0])

    def _restart_library(self) -> None:
        if self.service is not None:
            self.service.close()
        self.service = LibraryService(self.settings.library or None)
        self.service.failed.connect(lambda message: show_error(self, message))
        self.service.warned.connect(self.statusBar().showMessage)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session is not None:
            self.session.save_now()
        self.settings.geometry = self.saveGeometry()
        self.settings.sync()
        if self.service is not None:
            self.service.close()
        self.renderer.close()
        event.accept()
