"""Saving what the Review page generated: the plan, the task list, the calendar, the bundle or the assessment file,
written off the UI thread, then offered to open or show in its folder."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton

from readiness.core.i18n import _
from readiness.report.edition import Edition
from readiness.ui.jobs import Lane
from readiness.ui.pages.base import Panel
from readiness.ui.pages.review_plan import (
    CALENDAR_WITH_TASKS,
    SUFFIXES,
    ask_save_path,
    saving,
    with_suffix,
    write_plan_file,
)

if TYPE_CHECKING:
    from readiness.ui.render import RenderedPlan


class PlanSaving(Panel):
    """The Review page's saving; the page builds the widgets named here."""

    saved = Signal(str)
    """A file was written: its path."""
    save_failed = Signal(str)
    """From the writer thread: the path, and the error ('' when it worked)."""
    rendered: RenderedPlan | None
    saved_path: Path | None
    status: QLabel
    open_saved: QPushButton
    show_saved: QPushButton
    _files: Lane

    def _show_error(self, message: str) -> None:
        QMessageBox.critical(self, "Readiness", message)

    def _ask_and_save(self, kind: str) -> None:
        organisation = self.context.session.assessment.profile.organisation
        brief = kind == "pdf" and self.rendered is not None and self.rendered.edition is Edition.BRIEF
        folder = self.context.settings.save_folder(kind)
        chosen = ask_save_path(self, "brief" if brief else kind, folder, organisation, self.context.lang)
        if chosen is None:
            return
        path, file_type = chosen
        savers: dict[str, Callable[[Path], None]] = {
            "pdf": self.save_pdf_to,
            "tasks": self.save_task_list_to,
            "ics": partial(self.save_ics_to, with_tasks=file_type == CALENDAR_WITH_TASKS),
            "exchange": self.save_exchange_to,
            "bundle": self.save_bundle_to,
        }
        savers[kind](path)

    def save_pdf_to(self, path: Path) -> None:
        """Write the generated PDF; ``saved`` or ``save_failed`` tells when it is done."""
        from readiness.core.atomic import write_bytes_atomically

        if self.rendered is None:
            return
        pdf, path = self.rendered.pdf, with_suffix(path, "pdf")
        self._write_in_background(path, lambda: write_bytes_atomically(path, pdf))

    def save_task_list_to(self, path: Path) -> None:
        """An Excel workbook, or CSV when the path ends in .csv."""
        self._save_plan_file(with_suffix(path, "tasks"))

    def save_ics_to(self, path: Path, *, with_tasks: bool = False) -> None:
        """The calendar: the milestones and the reviews, and every task ``with_tasks``."""
        self._save_plan_file(with_suffix(path, "ics"), ics_tasks=with_tasks)

    def save_bundle_to(self, path: Path) -> None:
        """Both editions are rendered afresh for the zip: it takes some seconds, said in the status line."""
        self.status.setText(_("Saving everything: rendering both editions of the plan…", self.context.lang))
        self._save_plan_file(with_suffix(path, "bundle"))

    def _save_plan_file(self, path: Path, *, ics_tasks: bool = False) -> None:
        """XLSX, CSV or ICS, chosen by the extension, built from the current assessment."""
        session = self.context.session
        assessment, content, baseline = session.assessment, session.content, session.baseline
        self._write_in_background(
            path, lambda: write_plan_file(path, assessment, content, baseline, ics_tasks=ics_tasks)
        )

    def save_exchange_to(self, path: Path) -> None:
        from readiness.core.exchange import write_exchange_file

        assessment, path = self.context.session.assessment, with_suffix(path, "exchange")
        self._write_in_background(path, lambda: write_exchange_file(assessment, path))

    def _write_in_background(self, path: Path, write: Callable[[], None]) -> None:
        self._files.run(saving(path, write), self._on_written, self._on_write_failed)

    def _on_write_failed(self, error: str) -> None:
        self.status.setText(error)
        self.save_failed.emit(error)
        self._show_error(error)

    def _on_written(self, path: str) -> None:
        self.saved_path = saved = Path(path)
        self.status.setText(_("Saved {name} in {folder}.", self.context.lang, name=saved.name, folder=saved.parent))
        kind = next(kind for kind, suffixes in SUFFIXES.items() if saved.name.lower().endswith(suffixes))
        self.context.settings.set_save_folder(kind, saved.parent)
        for button in (self.open_saved, self.show_saved):
            button.show()
        self.saved.emit(path)

    def _open_saved(self, *, folder: bool) -> None:
        """The file just saved, in the program the system opens it with; or the folder that holds it."""
        if self.saved_path is not None:
            shown = self.saved_path.parent if folder else self.saved_path
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(shown)))
