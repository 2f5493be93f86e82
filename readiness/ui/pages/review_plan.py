"""The generated plan: render progress, the PDF preview, and saving the plan's files in the background."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject
from PySide6.QtWidgets import QWidget

from readiness.core.assessment import Assessment
from readiness.core.content import Content
from readiness.core.i18n import N_, _
from readiness.core.lang import Lang
from readiness.core.problems import ReadinessError
from readiness.report.bundle import file_stem
from readiness.ui.file_dialogs import ask_save_file_of_type
from readiness.ui.jobs import Progress

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument

SUFFIXES = {
    "pdf": (".pdf",),
    "brief": (".pdf",),
    "tasks": (".xlsx", ".csv"),
    "ics": (".ics",),
    "exchange": (".yaml", ".yml"),
    "bundle": (".zip",),
}
"""Each kind of file's extensions, in the order of its save dialog's file types."""


SAVE_DIALOGS = {
    "pdf": (N_("{stem}-plan.pdf"), N_("Save the plan"), (N_("PDF documents (*.pdf)"),)),
    "brief": (N_("{stem}-brief.pdf"), N_("Save the brief"), (N_("PDF documents (*.pdf)"),)),
    "tasks": (
        N_("{stem}-tasks.xlsx"),
        N_("Save the task list"),
        (N_("Excel workbooks (*.xlsx)"), N_("CSV files (*.csv)")),
    ),
    "ics": (
        N_("{stem}-calendar.ics"),
        N_("Save the calendar"),
        (N_("Calendar: milestones and reviews (*.ics)"), N_("Calendar: milestones, reviews and every task (*.ics)")),
    ),
    "bundle": (N_("{stem}-everything.zip"), N_("Save everything"), (N_("Zip archives (*.zip)"),)),
    "exchange": (
        N_("{stem}.readiness.yaml"),
        N_("Save the assessment file"),
        (N_("Readiness assessments (*.yaml *.yml)"),),
    ),
}
"""Each file the review page saves: its suggested name, the dialog's title and its file types. The calendar's two
types say what it holds, and the one chosen decides."""
CALENDAR_WITH_TASKS = 1
"""The calendar's file type that holds every task too."""


SAVE_BUTTONS = {
    "pdf": (N_("Save &PDF…"), N_("Save the generated plan.")),
    "tasks": (
        N_("Save &task list…"),
        N_("Every task with owner and due date, as an Excel workbook or a CSV file, for spreadsheets and task tools."),
    ),
    "ics": (
        N_("Save cale&ndar (ICS)…"),
        N_("The plan's milestones and reviews, and every task if you choose, for any calendar app."),
    ),
    "exchange": (
        N_("Save &assessment file…"),
        N_("The whole assessment as one file, to share it or open it on another computer."),
    ),
    "bundle": (
        N_("Save ever&ything (ZIP)…"),
        N_(
            "Both editions of the plan, the task list, a Word copy to tailor, the calendar and the assessment file, "
            "in a zip."
        ),
    ),
}
"""Each file the page saves: its button and the button's tooltip."""


def with_suffix(path: Path, kind: str, file_type: int = 0) -> Path:
    """The path as typed when it has one of the kind's extensions; else with the chosen file type's added (the
    calendar's two types share one)."""
    suffixes = SUFFIXES[kind]
    if path.suffix.lower() in suffixes:
        return path
    added = ".readiness.yaml" if kind == "exchange" else suffixes[min(file_type, len(suffixes) - 1)]
    return path.with_name(path.name + added)


def write_plan_file(
    path: Path, assessment: Assessment, content: Content, baseline: Assessment | None, *, ics_tasks: bool = False
) -> None:
    """The task list (XLSX or CSV), the calendar (with every task too: ``ics_tasks``) or the bundle, by the path's
    extension, a re-assessment's compared with its ``baseline``; the report modules load on first save."""
    from readiness.report.outputs import PlanSettings, write_plan

    write_plan(path, assessment, content, PlanSettings(ics_tasks=ics_tasks), baseline=baseline)


def load_pdf(document: QPdfDocument, pdf: bytes, parent: QObject, previous: QBuffer | None) -> tuple[QBuffer, bool]:
    """Load PDF into the document from a new buffer, retiring the previous one; the buffer, and whether it loaded."""
    from PySide6.QtPdf import QPdfDocument

    document.close()
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if previous is not None:
        previous.close()
        previous.deleteLater()
    return buffer, document.status() is QPdfDocument.Status.Ready


def ask_save_path(parent: QWidget, kind: str, folder: Path, organisation: str, lang: Lang) -> tuple[Path, int] | None:
    """Where to save the kind of file, asked with a suggested name in FOLDER, and the file type chosen (its index
    in SAVE_DIALOGS); None when the user cancels."""
    stem = file_stem(organisation)
    name, caption, file_types = SAVE_DIALOGS[kind]
    suggested = folder / _(name, lang, stem=stem)
    chosen = ask_save_file_of_type(parent, lang, _(caption, lang), suggested, [_(t, lang) for t in file_types])
    return None if chosen is None else (with_suffix(chosen[0], kind, chosen[1]), chosen[1])


def saving(path: Path, write: Callable[[], None]) -> Callable[[Progress], str]:
    """A job for the files lane: WRITE, then the path written; a failure is one line naming the file."""

    def run(_progress: Progress) -> str:
        try:
            write()
        except ReadinessError as problem:
            raise ReadinessError.single(path, str(problem).splitlines()[0].removeprefix(f"{path}: ")) from None
        except OSError as problem:
            raise ReadinessError.single(path, problem.strerror or str(problem)) from None
        return str(path)

    return run
