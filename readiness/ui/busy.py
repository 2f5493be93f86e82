"""A progress window for a job that takes longer than a second, with Cancel: shown only once the second has
passed, so quick work never flashes a dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from readiness.core.i18n import _
from readiness.core.lang import Lang
from readiness.ui.jobs import Job

SHOWN_AFTER_MS = 1000


class Busy:
    def __init__(self, parent: QWidget, text: str, lang: Lang) -> None:
        from PySide6.QtCore import Qt  # here, not at start-up: see readiness.ui
        from PySide6.QtWidgets import QProgressDialog

        self.dialog = QProgressDialog(text, _("Cancel", lang), 0, 0, parent)
        self.dialog.setWindowTitle("Readiness")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOWN_AFTER_MS)
        self.dialog.setAutoReset(False)
        self.finished = False

    def follow(self, job: Job) -> Job:
        """Cancel stops ``job`` (at its next check: nothing half-written is kept). A job that already answered
        (quick, or run at once in tests) has nothing left to cancel."""
        if not self.finished:
            self.dialog.canceled.connect(job.cancel)
        return job

    def progress(self, done: int, total: int, text: str) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        if text:
            self.dialog.setLabelText(text)

    def finish(self) -> None:
        self.finished = True
        self.dialog.reset()
        self.dialog.deleteLater()
