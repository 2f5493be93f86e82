"""Moving assessments in and out of the open library: import a file or plan PDF, export an exchange file, copy
into another library (such as a team library). Each is a job on the library thread; a failure is one message."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMainWindow

from readiness.core.i18n import _
from readiness.core.lang import Lang
from readiness.report.bundle import file_stem
from readiness.ui.busy import Busy
from readiness.ui.file_dialogs import ask_open_file, ask_save_file
from readiness.ui.jobs import Progress
from readiness.ui.library_place import library_description
from readiness.ui.library_view import LibraryView
from readiness.ui.messages import show_error

if TYPE_CHECKING:
    from readiness.core.content import Content
    from readiness.ui.service import LibraryJobWithProgress, LibraryService
    from readiness.ui.settings import Settings
    from readiness.ui.state import AssessmentSession


class LibraryTransfers(QMainWindow):
    """What the main window does to move assessments; the window provides the fields named here."""

    service: LibraryService | None
    content: Content | None
    session: AssessmentSession | None
    library: LibraryView
    library_location: str
    settings: Settings

    @property
    def lang(self) -> Lang:
        raise NotImplementedError

    def refresh_library(self) -> None:
        raise NotImplementedError

    def import_file(self) -> None:
        path = ask_open_file(
            self,
            self.lang,
            _("Import an assessment", self.lang),
            self.settings.save_folder("import"),
            _("Assessment files or plan PDFs (*.yaml *.yml *.pdf)", self.lang),
        )
        if path is not None:
            self.settings.set_save_folder("import", path.parent)
            self.import_path(path)

    def import_path(self, path: Path) -> None:
        """Add an exchange file, or the assessment inside a plan PDF; a bad file gets one message."""
        from readiness.store import create_assessment

        if self.service is None or self.content is None:
            return
        content, lang = self.content, self.lang

        def job(session: object, progress: Progress) -> str:
            from readiness.report.attachment import read_assessment_file

            progress.report(0, 2, _("Reading {name}…", lang, name=path.name))
            assessment = read_assessment_file(path, content)
            progress.check()  # cancelled before anything is written: the library is as it was
            progress.report(1, 2, _("Adding it to the library…", lang))
            create_assessment(session=session, assessment=assessment, content=content)  # type: ignore[arg-type]
            return assessment.profile.organisation

        def done(organisation: str) -> None:
            self.statusBar().showMessage(_("Imported {organisation}.", self.lang, organisation=organisation), 5000)
            self.refresh_library()

        self._tracked(_("Importing {name}…", lang, name=path.name), job, done)

    def _tracked(self, text: str, job: LibraryJobWithProgress, done: Callable[[Any], None]) -> None:
        """Run a library job with a progress window (shown after a second, with Cancel) and one message if it
        fails."""
        if self.service is None:
            return
        busy = Busy(self, text, self.lang)

        def finished(result: object) -> None:
            busy.finish()
            done(result)

        def failed(message: str) -> None:
            busy.finish()
            show_error(self, message)

        busy.follow(self.service.submit_with_progress(job, finished, failed, busy.progress))

    def _export_current(self) -> None:
        if self.session is not None:
            self.session.save_now()
            self.export_assessment(self.session.assessment_id)
        elif (selected := self.library.selected_id()) is not None:
            self.export_assessment(selected)

    def export_assessment(self, assessment_id: int) -> None:
        organisation = next((r.organisation for r in self.library.rows if r.id == assessment_id), "assessment")
        suggested = self.settings.save_folder("exchange") / f"{file_stem(organisation)}.yaml"
        path = ask_save_file(
            self, self.lang, _("Export the assessment", self.lang), suggested, _("Assessment files (*.yaml)", self.lang)
        )
        if path is not None:
            self.settings.set_save_folder("exchange", path.parent)
            self.export_to(assessment_id, path)

    def export_to(self, assessment_id: int, path: Path) -> None:
        from readiness.core.exchange import write_exchange_file
        from readiness.store import load_assessment

        def job(session: object, progress: Progress) -> None:
            assessment = load_assessment(session=session, assessment_id=assessment_id)  # type: ignore[arg-type]
            progress.check()
            write_exchange_file(assessment, path)

        self._tracked(
            _("Exporting to {name}…", self.lang, name=path.name),
            job,
            lambda _value: self.statusBar().showMessage(_("Exported to {path}.", self.lang, path=str(path)), 5000),
        )

    def copy_assessment(self, assessment_id: int) -> None:
        """Copy one assessment into another library, such as the team library, asking which."""
        from PySide6.QtWidgets import QInputDialog  # here, not at start-up: see messages.py

        target, accepted = QInputDialog.getText(
            self,
            _("Copy to another library", self.lang),
            _("Library file, or team library URL (postgresql+psycopg://user@host/database):", self.lang),
        )
        if accepted and target.strip():
            self.copy_to(assessment_id, target.strip())

    def copy_to(self, assessment_id: int, target: str) -> None:
        from readiness.core.problems import ReadinessError
        from readiness.store import create_assessment, load_assessment, open_library
        from readiness.store.engine import library_url

        if self.service is None or self.content is None:
            return
        content = self.content

        source = self.library_location

        def job(session: object) -> int:
            if library_url(target) == library_url(source or None):
                raise ReadinessError.single(target, _("the assessment is already in this library", self.lang))
            assessment = load_assessment(session=session, assessment_id=assessment_id)  # type: ignore[arg-type]
            with open_library(target) as other, other.session() as theirs:
                return create_assessment(session=theirs, assessment=assessment, content=content)

        def done(new_id: int) -> None:
            where = library_description(target, self.lang)
            self.statusBar().showMessage(_("Copied. {library} (assessment {id})", self.lang, library=where, id=new_id))

        self.service.submit(job, done, lambda message: show_error(self, message))
