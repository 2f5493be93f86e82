"""The review panel: scores and open questions, then a real plan rendered, previewed, cancelled and saved."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from app_support import answer_next_modal
from icalendar import Calendar
from openpyxl import load_workbook
from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QLineEdit, QListWidget, QToolButton, QWidget
from pytestqt.qtbot import QtBot
from ui_support import (
    assert_mnemonics_are_free,
    panel_context,
    sample,
    shipped_content,
    shown,
    temporary_settings,
    unnamed_inputs,
    wait_for_library,
)

from readiness.core.assessment import Answer
from readiness.core.exchange import read_exchange_file
from readiness.core.i18n import _
from readiness.core.lang import Lang
from readiness.core.names import DIMENSION_NAMES, name
from readiness.core.plan.builder import build_plan
from readiness.core.plan.owners import owner_text
from readiness.core.scoring import Status, score_assessment
from readiness.report.bundle import file_stem
from readiness.report.edition import Edition
from readiness.report.fmt import Formatter
from readiness.report.outputs import PlanSettings, write_plan
from readiness.report.progress import RENDER_STEPS, render_step
from readiness.ui.library_jobs import library_rows
from readiness.ui.library_view import LibraryRow
from readiness.ui.pages.base import PageContext
from readiness.ui.pages.review import ReviewPanel
from readiness.ui.pages.review_cycle import CHART_URL
from readiness.ui.pages.review_plan import with_suffix
from readiness.ui.pages.review_scores import SCORE_COLUMNS

RENDER_TIMEOUT_MS = 60_000


def shown_scores(panel: ReviewPanel) -> dict[str, tuple[str, str]]:
    """Each scored row of the table: label -> (score as shown, band as shown)."""
    table = panel.scores
    rows = {}
    for row in range(table.rowCount()):
        name, score, band = (table.item(row, list(SCORE_COLUMNS).index(c)) for c in ("dimension", "score", "band"))
        if name is not None and score is not None and band is not None:
            rows[name.text()] = (score.text(), band.text())
    return rows


def list_texts(widget: QListWidget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def errors_shown(panel: ReviewPanel, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the error boxes instead of opening them (a modal box would block the test)."""
    shown: list[str] = []
    monkeypatch.setattr(panel, "_show_error", shown.append)
    return shown


def test_scores_and_bands_match_the_scoring(qtbot: QtBot, tmp_path: Path) -> None:
    assessment = sample()
    with panel_context(tmp_path, assessment) as context:
        panel = ReviewPanel(context)
        qtbot.addWidget(panel)
        assert panel.title() == "Review and generate"
        questionnaire = context.session.questionnaire
        report = score_assessment(questionnaire, assessment.answers)
        fmt = Formatter("en")
        expected = {"Overall": report.overall}
        expected |= {name(DIMENSION_NAMES, s, Lang.EN): report.steps[s] for s in questionnaire.steps}
        expected |= {name(DIMENSION_NAMES, r, Lang.EN): report.reasons[r] for r in questionnaire.reasons}
        shown = shown_scores(panel)
        assert set(shown) == set(expected)
        for label, score in expected.items():
            assert score.score is not None
            assert shown[label] == (fmt.score(score.score), questionnaire.band_for(score.score).label.en), label

        overall = report.overall
        explanation = panel.explanation.text()
        assert "weighted mean" in explanation
        assert f"{overall.count(Status.SCORED)} scored" in explanation
        assert f"= {fmt.score(overall.score)}." in explanation
        assert all(b.label.en in explanation for b in questionnaire.bands)
        assert unnamed_inputs(panel) == []


def test_the_running_cost_follows_the_answers_it_rests_on(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample(profile="br-services")) as context:
        panel = ReviewPanel(context)
        qtbot.addWidget(panel)
        assert panel.cost.text().startswith("Monthly running cost: $317–398 + R$11,250–22,500.")
        assert "Not estimated: WhatsApp: provider's fee and RCS: fees." in panel.cost.text()
        context.session.set_answer("open.staff_hour_cost", Answer(value=60.0))  # an hour dearer
        panel.refresh()  # as the wizard does on reaching the page
        assert "R$15,000–30,000" in panel.cost.text()
        context.session.set_answer("open.handling_time", None)
        panel.refresh()
        assert "Staff time" in panel.cost.text().split("Not estimated:")[1]


def test_unanswered_flagged_and_blockers_are_listed(qtbot: QtBot, tmp_path: Path) -> None:
    assessment = sample(Lang.ES)
    with panel_context(tmp_path, assessment) as context:
        panel = ReviewPanel(context)
        qtbot.addWidget(panel)
        questionnaire = context.session.questionnaire
        numbers = {q.id: n for n, q in enumerate(questionnaire.questions, start=1)}
        questions = {q.id: q for q in questionnaire.questions}
        first, second = questionnaire.questions[0], questionnaire.questions[1]
        context.session.set_answer(first.id, None)
        context.session.set_answer(second.id, assessment.answers[second.id].model_copy(update={"flagged": True}))
        panel.refresh()

        report = score_assessment(questionnaire, context.session.assessment.answers)
        assert first.id in report.unanswered
        assert list_texts(panel.unanswered) == [
            f"{numbers[q]}. {questions[q].text.get(Lang.ES)}" for q in report.unanswered
        ]
        assert list_texts(panel.flagged) == [f"{numbers[q]}. {questions[q].text.get(Lang.ES)}" for q in report.flagged]
        assert panel.lists.tabText(1) == f"&Marcadas ({len(report.flagged)})"

        plan = build_plan(context.session.assessment, context.session.content)
        assert [t.split("\n")[0] for t in list_texts(panel.blockers)] == [t.title for t in plan.launch_blockers]
        assert panel.lists.tabText(2) == f"Blo&queos ({len(plan.launch_blockers)})"

        panel.unanswered.setCurrentRow(0)
        with qtbot.waitSignal(panel.place_requested, timeout=1000) as activated:
            QTest.keyClick(panel.unanswered, Qt.Key.Key_Return)
        assert activated.args == [first.step.value, 0, first.id]


def test_empty_lists_say_why(qtbot: QtBot, tmp_path: Path) -> None:
    assessment = sample().model_copy(update={"channels": ()})
    answers = {q: a.model_copy(update={"flagged": False}) for q, a in assessment.answers.items()}
    with panel_context(tmp_path, assessment.model_copy(update={"answers": answers})) as context:
        panel = ReviewPanel(context)
        qtbot.addWidget(panel)
        assert list_texts(panel.flagged) == ["No question is flagged for follow-up."]
        assert not panel.flagged.item(0).flags() & Qt.ItemFlag.ItemIsSelectable
        assert panel.lists.tabText(1) == "Flagg&ed (0)"
        assert list_texts(panel.blockers)[0].startswith("No channels chosen yet")


def generate_and_wait(qtbot: QtBot, panel: ReviewPanel, context: PageContext) -> list[str]:
    """Render for real; the render steps the panel showed while it worked (seen as each step was reported)."""
    steps: list[str] = []
    buttons: list[tuple[bool, bool]] = []

    def step_shown(_message: str) -> None:
        buttons.append((panel.generate_button.isEnabled(), panel.cancel_button.isEnabled()))
        if panel.busy and panel.progress.maximum() == RENDER_STEPS:
            steps.append(panel.status.text())

    context.renderer.progress.connect(step_shown)
    with qtbot.waitSignal(context.renderer.finished, timeout=RENDER_TIMEOUT_MS):
        panel.generate()
    context.renderer.progress.disconnect(step_shown)
    assert buttons and all(b == (False, True) for b in buttons), "Generate is disabled and Cancel enabled meanwhile"
    assert not panel.busy
    return steps


def save(qtbot: QtBot, signal: SignalInstance, write: Callable[[Path], None], path: Path) -> Path:
    """Save through the panel and wait for the writer thread; the path written, extension included."""
    with qtbot.waitSignal(signal, timeout=10_000) as saved:
        write(path)
    written = Path(saved.args[0])
    assert written.parent == path.parent
    return written


def test_a_real_plan_is_generated_previewed_and_saved(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample(Lang.ES)) as context:
        panel = ReviewPanel(context)
        qtbot.addWidget(panel)
        assert not panel.save_buttons["pdf"].isEnabled()
        assert panel.edition.currentData() == "brief", "the brief is offered first"
        panel.edition.setCurrentIndex(panel.edition.findData("full"))
        steps = generate_and_wait(qtbot, panel, context)
        assert steps, "the render steps are shown"
        assert steps[0].endswith("…") and not steps[0].startswith("Step"), "in the panel's language"

        assert panel.rendered is not None
        qtbot.waitUntil(lambda: panel.document.pageCount() > 10, timeout=5000)
        assert panel.document.pageCount() == panel.rendered.pages
        assert panel.stack.currentWidget() is panel.viewer
        assert panel.status.text().startswith(f"Plan listo: {panel.rendered.pages} páginas")
        letter = panel.document.pagePointSize(0)
        assert (round(letter.width()), round(letter.height())) == (612, 792), "a Mexican business prints on Letter"
        assert panel.generate_button.isEnabled()
        assert panel.save_buttons["pdf"].isEnabled()

        pdf = save(qtbot, panel.saved, panel.save_pdf_to, tmp_path / "plan.pdf")
        assert pdf.read_bytes().startswith(b"%PDF")
        workbook = save(qtbot, panel.saved, panel.save_task_list_to, tmp_path / "tareas")
        assert workbook.name == "tareas.xlsx", "a workbook unless asked otherwise; the extension is added"
        assert [c.value for c in load_workbook(workbook).worksheets[0][1]][:3] == ["ID", "Paso", "Línea de trabajo"]
        tasks = save(qtbot, panel.saved, panel.save_task_list_to, tmp_path / "tareas.csv")
        header = next(csv.reader(tasks.read_text(encoding="utf-8-sig").splitlines()))
        assert header[:3] == ["ID", "Paso", "Tipo"]
        calendar = save(qtbot, panel.saved, panel.save_ics_to, tmp_path / "calendario.ics")
        assert calendar.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
        exchange = save(qtbot, panel.saved, panel.save_exchange_to, tmp_path / "casa.readiness.yaml")
        assert read_exchange_file(exchange, context.session.content) == context.session.assessment
        assert panel.status.text() == f"Guardado: casa.readiness.yaml en {tmp_path}."
        assert panel.open_saved.isVisibleTo(panel) and panel.show_saved.isVisibleTo(panel)
        assert panel.saved_path == exchange
        assert context.settings.save_folder("tasks") == tmp_path, "the next task list is offered in the same folder"

        context.session.set_answer("identify.frt_support", None)
        assert panel.status.text().startswith("Las respuestas cambiaron después de generar este plan")


def test_the_brief_is_generated_first_and_fits_six_pages(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample(Lang.ES)) as context:
        panel = ReviewPanel(context)
        qtbot.addWidget(panel)
        assert [panel.edition.itemData(i) for i in range(panel.edition.count())] == ["brief", "full"]
        generate_and_wait(qtbot, panel, context)
        assert panel.rendered is not None and panel.rendered.edition == "brief"
        qtbot.waitUntil(lambda: panel.document.pageCount() > 0, timeout=5000)
        assert panel.document.pageCount() == panel.rendered.pages <= 6
        pdf = save(qtbot, panel.saved, panel.save_pdf_to, tmp_path / "resumen")
        assert pdf.name == "resumen.pdf" and pdf.read_bytes().startswith(b"%PDF")


def reading(pdf: bytes) -> tuple[list[str], list[str | None], list[str], str]:
    """What a reader meets in a PDF: each page's text, the bookmarks, the links' targets, the document language."""
    import io

    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    texts = [" ".join(page.extract_text().split()) for page in reader.pages]
    bookmarks = [item.title for item in reader.outline if not isinstance(item, list)]
    links = [
        str(annotation.get_object().get("/A", {}).get("/URI", annotation.get_object().get("/Dest", "")))
        for page in reader.pages
        for annotation in page.get("/Annots", [])
    ]
    return texts, bookmarks, links, str(reader.root_object.get("/Lang"))


def test_the_brief_kept_ready_in_the_background_is_the_preview_and_generating_it_is_instant(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The brief of the answers as they are renders on a background child of its own; Review shows it when it is
    shown, Generate (brief) presents it without rendering, and an edit makes it out of date until the next one."""
    with panel_context(tmp_path, sample(Lang.EN)) as context:
        ahead = context.ahead
        with qtbot.waitSignal(ahead.ready, timeout=RENDER_TIMEOUT_MS):
            ahead.catch_up()
        brief = ahead.current()
        assert brief is not None and brief.edition == "brief" and brief.pdf.startswith(b"%PDF")
        assert ahead.renderer.background and not context.renderer.background
        single = tmp_path / "brief.pdf"
        session = context.session
        write_plan(single, session.assessment, session.content, PlanSettings(edition=Edition.BRIEF))
        texts, bookmarks, links, lang = reading(brief.pdf)
        assert len(texts) == brief.pages and len(bookmarks) == 6 and lang == "en"  # the brief has no links
        assert reading(single.read_bytes()) == (texts, bookmarks, links, lang), "what the CLI writes, read the same"

        panel = shown(qtbot, ReviewPanel(context))
        assert panel.rendered is brief and panel.stack.currentWidget() is panel.viewer, "the preview is there at once"
        assert panel.status.text().startswith("A preview of the brief")
        qtbot.waitUntil(lambda: panel.document.pageCount() == brief.pages, timeout=5000)

        panel.generate()
        assert not panel.busy and not context.renderer.busy, "nothing is rendered: the brief is current"
        assert panel.status.text().startswith(f"Plan ready: {brief.pages} pages, prepared while you edited")

        context.session.set_answer("identify.frt_support", None)
        assert ahead.current() is None, "an edit makes the brief kept ready out of date"
        generate_and_wait(qtbot, panel, context)  # so Generate renders it in the foreground, as before
        assert panel.rendered is not None and panel.rendered is not brief
        assert panel.rendered.request == context.plan_request(Edition.BRIEF)

        context.session.undo_stack.undo()
        assert ahead.current() is brief, "undone, the answers are those it was rendered from again"


def test_everything_is_saved_in_one_zip(qtbot: QtBot, tmp_path: Path) -> None:
    """The close-out bundle renders both editions itself, in the background, and names its parts."""
    import zipfile

    with panel_context(tmp_path, sample(Lang.PT_BR)) as context:
        panel = ReviewPanel(context)
        qtbot.addWidget(panel)
        assert panel.save_buttons["bundle"].isEnabled(), "nothing to generate first"
        with qtbot.waitSignal(panel.saved, timeout=RENDER_TIMEOUT_MS * 2) as saved:
            panel.save_bundle_to(tmp_path / "entrega")
        bundle = Path(saved.args[0])
        assert bundle.name == "entrega.zip"
        with zipfile.ZipFile(bundle) as archive:
            parts = [name.rsplit("-", 1)[-1] for name in archive.namelist()]
        assert parts == ["brief.pdf", "plan.pdf", "tasks.xlsx", "plan.docx", "calendar.ics", "readiness.yaml"]
        assert context.settings.save_folder("bundle") == tmp_path


@pytest.mark.parametrize("with_tasks", [False, True], ids=["milestones", "tasks"])
def test_the_calendar_file_type_chosen_decides_whether_it_holds_every_task(
    qtbot: QtBot, tmp_path: Path, with_tasks: bool
) -> None:
    """One Save calendar button; its dialog offers the calendar with the milestones and reviews, or with every task
    too, as two file types."""
    with panel_context(tmp_path, sample(Lang.PT_BR)) as context:
        panel = ReviewPanel(context)
        qtbot.addWidget(panel)
        context.settings.set_save_folder("ics", tmp_path)
        offered: list[str] = []

        def choose(dialog: QWidget) -> None:
            assert isinstance(dialog, QFileDialog)
            offered.extend(dialog.nameFilters())
            dialog.selectNameFilter(offered[1 if with_tasks else 0])
            dialog.accept()

        answer_next_modal(choose)
        with qtbot.waitSignal(panel.saved, timeout=10_000) as saved:
            panel.save_buttons["ics"].click()
        assert offered == [
            "Calendário: marcos e revisões (*.ics)",
            "Calendário: marcos, revisões e todas as tarefas (*.ics)",
        ]
        written = Path(saved.args[0])
        assert written.parent == tmp_path and written.suffix == ".ics"
        uids = [str(event["UID"]) for event in Calendar.from_ical(written.read_bytes()).walk("VEVENT")]
        plan = build_plan(context.session.assessment, context.session.content)
        tasks = [uid for uid in uids if uid.startswith("task.")]
        assert len(tasks) == (len(plan.all_tasks()) if with_tasks else 0)
        assert len(uids) == len(tasks) + len(plan.milestones) + 2


def test_cancelling_a_render_says_so_and_keeps_the_panel_usable(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample()) as context:
        panel = ReviewPanel(context)
        qtbot.addWidget(panel)
        context.renderer.progress.connect(lambda _message: panel.cancel())  # the user cancels once work shows
        with qtbot.waitSignal(context.renderer.failed, timeout=RENDER_TIMEOUT_MS):
            panel.generate()
        assert not panel.busy and not context.renderer.busy
        assert panel.status.text() == "Generation cancelled."
        assert panel.rendered is None
        assert panel.stack.currentWidget() is panel.placeholder
        assert panel.generate_button.isEnabled()
        assert not panel.cancel_button.isEnabled()
        assert not panel.save_buttons["pdf"].isEnabled()


def test_a_failed_render_and_a_failed_save_are_reported(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with panel_context(tmp_path, sample()) as context:
        panel = ReviewPanel(context)
        qtbot.addWidget(panel)
        shown = errors_shown(panel, monkeypatch)
        context.settings.theme = tmp_path / "missing-theme.yaml"
        with qtbot.waitSignal(context.renderer.failed, timeout=RENDER_TIMEOUT_MS):
            panel.generate()
        qtbot.waitUntil(lambda: not panel.busy, timeout=5000)
        assert len(shown) == 1
        assert "missing-theme.yaml" in shown[0]
        assert panel.status.text().startswith("The plan could not be generated:")
        assert panel.generate_button.isEnabled()

        with qtbot.waitSignal(panel.save_failed, timeout=10_000) as failed:
            panel.save_exchange_to(tmp_path / "no-such-folder" / "x.readiness.yaml")
        assert "cannot write file" in failed.args[0]
        assert "\n" not in failed.args[0]
        assert shown[1] == failed.args[0]


def test_file_names_suggested_and_completed() -> None:
    assert file_stem("Casa Jacaranda") == "casa-jacaranda"
    assert file_stem("Ñandú & Cía.") == "nandu-cia"
    assert file_stem("東京") == "readiness"
    assert with_suffix(Path("a/plan"), "pdf") == Path("a/plan.pdf")
    assert with_suffix(Path("a/PLAN.PDF"), "pdf") == Path("a/PLAN.PDF")
    assert with_suffix(Path("a/casa"), "exchange") == Path("a/casa.readiness.yaml")
    assert with_suffix(Path("a/casa.yml"), "exchange") == Path("a/casa.yml")
    assert with_suffix(Path("a/tareas"), "tasks") == Path("a/tareas.xlsx")
    assert with_suffix(Path("a/tareas"), "tasks", 1) == Path("a/tareas.csv")
    assert with_suffix(Path("a/tareas.CSV"), "tasks", 0) == Path("a/tareas.CSV"), "the extension typed wins"
    assert with_suffix(Path("a/tareas.txt"), "tasks", 1) == Path("a/tareas.txt.csv")


@pytest.mark.parametrize(
    ("file_type", "typed", "written"),
    [
        (0, None, "casa-jacaranda-tareas.xlsx"),
        (1, None, "casa-jacaranda-tareas.csv"),
        (1, "lista", "lista.csv"),
        (0, "lista", "lista.xlsx"),
        (0, "lista.csv", "lista.csv"),
        (1, "lista.xlsx", "lista.xlsx"),
    ],
)
def test_save_task_list_offers_a_workbook_first_and_csv_second(
    qtbot: QtBot, tmp_path: Path, file_type: int, typed: str | None, written: str
) -> None:
    """The file type chosen in the dialog, or the extension typed, decides what is written."""
    assessment = sample(Lang.ES)
    assessment = assessment.model_copy(
        update={"profile": assessment.profile.model_copy(update={"organisation": "Casa Jacaranda"})}
    )
    with panel_context(tmp_path, assessment) as context:
        context.settings.set_save_folder("tasks", tmp_path)
        panel = ReviewPanel(context)
        qtbot.addWidget(panel)
        button = panel.save_buttons["tasks"]
        assert button.text() == "Guardar &tareas…"
        seen: dict[str, object] = {}

        def choose(dialog: QWidget) -> None:
            assert isinstance(dialog, QFileDialog)
            seen["types"] = dialog.nameFilters()
            seen["offered"] = dialog.selectedNameFilter()
            seen["name"] = name_edit(dialog).text()
            dialog.selectNameFilter(dialog.nameFilters()[file_type])
            seen["renamed"] = name_edit(dialog).text()
            if typed is not None:
                name_edit(dialog).setText(typed)
            dialog.accept()

        answer_next_modal(choose)
        with qtbot.waitSignal(panel.saved, timeout=10_000) as saved:
            button.click()
        assert seen["types"] == ["Libros de Excel (*.xlsx)", "Archivos CSV (*.csv)"]
        assert (seen["offered"], seen["name"]) == ("Libros de Excel (*.xlsx)", "casa-jacaranda-tareas.xlsx")
        path = Path(saved.args[0])
        assert path == tmp_path / written
        if path.suffix == ".xlsx":
            assert load_workbook(path).sheetnames == ["Tareas", "Objetivos de KPI", "Registro de brechas"]
        else:
            assert next(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))[:3] == ["ID", "Paso", "Tipo"]
        offered = ("casa-jacaranda-tareas.xlsx", "casa-jacaranda-tareas.csv")[file_type]
        assert seen["renamed"] == offered, "choosing a file type changes the suggested name's extension"


def name_edit(dialog: QFileDialog) -> QLineEdit:
    edit = dialog.findChild(QLineEdit, "fileNameEdit")
    assert isinstance(edit, QLineEdit)
    return edit


@pytest.mark.parametrize(
    ("message", "lang", "shown"),
    [
        ("Step 1 - Fetching and parsing HTML - HTML string", Lang.ES, (1, "Leyendo el plan…")),
        ("Step 5 - Creating layout - Page 12", Lang.ES, (5, "Maquetando la página 12…")),
        ("Step 5 - Creating layout - Repagination #1", Lang.EN, (5, "Laying out the pages again…")),
        ("Step 7 - Adding PDF metadata", Lang.EN, (7, "Adding the document details…")),
        ("Step 9 - Something new", Lang.EN, None),
        ("a line that is not a step", Lang.EN, None),
    ],
)
def test_render_steps_are_put_in_words(message: str, lang: Lang, shown: tuple[int, str] | None) -> None:
    assert render_step(message, lang) == shown


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        (Lang.EN, "Andrés Vega (Bot owner, IT; task role: Channel owner)"),
        (Lang.ES, "Andrés Vega (Responsable del bot, Sistemas (TI); función de la tarea: Responsable del canal)"),
    ],
)
def test_an_owner_shows_their_own_roles_and_the_task_role_apart(lang: Lang, shown: str) -> None:
    plan = build_plan(sample(lang), shipped_content())
    verification = next(t for t in plan.launch_blockers if t.id == "blk.wa_business_verification@whatsapp_platform")
    assert owner_text(verification, lang) == shown


def test_the_plan_viewer_pages_zooms_finds_and_prints(qtbot: QtBot, tmp_path: Path) -> None:
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    from readiness.store import AssessmentSummary, list_assessments

    with panel_context(tmp_path, sample()) as context:
        panel = ReviewPanel(context)
        qtbot.addWidget(panel)
        panel.resize(1200, 700)
        panel.show()
        generate_and_wait(qtbot, panel, context)
        viewer = panel.viewer
        qtbot.waitUntil(lambda: viewer.page_count() >= 5, timeout=5000)  # the brief, generated by default
        assert viewer.pages.text() == f"of {viewer.page_count()}"
        viewer.next_page.click()
        qtbot.waitUntil(lambda: viewer.page.value() == 2)
        viewer.page.setValue(5)
        qtbot.waitUntil(lambda: viewer.current_page() == 4)
        before = viewer.view.zoomFactor()
        viewer.zoom_in.click()
        assert viewer.view.zoomFactor() > before and viewer.view.zoomMode() is viewer.view.ZoomMode.Custom
        viewer.fit_width.click()
        assert viewer.view.zoomMode() is viewer.view.ZoomMode.FitToWidth

        viewer.search.setText("WhatsApp")
        qtbot.waitUntil(lambda: viewer.search_model.count() > 0, timeout=5000)
        viewer.show_next_match()
        assert viewer.matches.text() == f"1 of {viewer.search_model.count()}"
        viewer.search.setText("zzqqxx")
        qtbot.waitUntil(lambda: viewer.matches.text() == "not found", timeout=5000)

        viewer.wide.click()
        assert not panel.scores.isVisible(), "the wide preview takes the whole page"
        viewer.wide.click()
        assert panel.scores.isVisible()

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        printer.setFromTo(2, 3)
        viewer.print_to(printer)
        assert len(PdfReader(tmp_path / "printed.pdf").pages) == 2

        found: list[list[AssessmentSummary]] = []
        context.session.service.submit(lambda db: list_assessments(session=db), found.append)
        wait_for_library(context.session.service)
        assert found[0][0].plan_generated_at is not None, "the library says a plan was generated"
        listed: list[list[tuple[LibraryRow, float | None]]] = []
        service = context.session.service
        service.submit(lambda db: library_rows(db, "", Lang.EN), listed.append)
        wait_for_library(service)
        [(row, _score)] = listed[-1]
        assert row.plan_generated and not row.changed_since_plan
        context.session.set_answer("identify.frt_support", None)
        context.session.save_now()
        service.submit(lambda db: library_rows(db, "", Lang.EN), listed.append)
        wait_for_library(service)
        assert listed[-1][0][0].changed_since_plan, "edited after the plan: the library says so"


def test_the_open_items_tabs_show_every_label_whole_even_in_a_narrow_window(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample(Lang.ES)) as context:
        panel = ReviewPanel(context)
        qtbot.addWidget(panel)
        panel.resize(850, 640)
        panel.show()
        qtbot.waitExposed(panel)
        bar = panel.lists.tabBar()
        assert [bar.tabText(t) for t in range(bar.count())][-1].startswith("Blo&queos (")
        assert not [b for b in bar.findChildren(QToolButton) if b.isVisible()], "no arrows hide a tab"
        assert all(bar.rect().contains(bar.tabRect(t)) for t in range(bar.count()))


@pytest.mark.parametrize("has_documents", [True, False])
def test_the_first_save_is_offered_in_documents_or_else_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, has_documents: bool
) -> None:
    """Seen on a desktop without a Documents folder: the dialog opened in the folder the app was started from."""
    home = tmp_path / "home"
    home.mkdir()
    if has_documents:
        (home / "Documents").mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.chdir(tmp_path)
    settings = temporary_settings(tmp_path)
    assert settings.save_folder("pdf") == (home / "Documents" if has_documents else home)


@pytest.mark.parametrize("lang", [Lang.EN, Lang.ES])
def test_a_reassessment_opens_on_its_comparison_with_the_baseline(qtbot: QtBot, tmp_path: Path, lang: Lang) -> None:
    from conftest import reassessment

    from readiness.core.plan.cycle import cycle_tables

    baseline = sample(lang)
    again = reassessment(baseline, shipped_content())
    with panel_context(tmp_path, again, baseline) as context:
        panel = ReviewPanel(context)
        qtbot.addWidget(panel)
        panel.resize(1000, 700)
        panel.show()
        view = panel.lists.cycle
        assert view is not None and panel.lists.currentWidget() is view, "the first thing a re-assessment shows"
        assert panel.lists.tabText(0) == _("&Since the baseline", lang)
        cycle = build_plan(again, context.session.content, baseline=baseline).cycle
        assert cycle is not None
        text = view.toPlainText().replace("\u00a0", " ")
        assert cycle.summary.replace("\u00a0", " ") in text
        for table in cycle_tables(cycle, lang):
            cells = [cell.replace("\u00a0", " ") for row in table.rows for cell in row]
            assert table.heading in text and [cell for cell in cells if cell not in text] == []
        chart = view.document().resource(QTextDocument.ResourceType.ImageResource, CHART_URL)
        assert isinstance(chart, QImage) and not chart.isNull()
        assert chart.deviceIndependentSize().width() < view.viewport().width(), "the chart fits beside the scroll bar"
        assert_mnemonics_are_free(panel, lang)


def test_an_assessment_without_a_baseline_has_no_comparison(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample(Lang.EN)) as context:
        panel = ReviewPanel(context)
        qtbot.addWidget(panel)
        assert panel.lists.cycle is None and panel.lists.count() == 3


def test_the_comparison_speaks_the_plans_language_in_a_window_of_another(qtbot: QtBot, tmp_path: Path) -> None:
    """A Spanish window over an English plan: the tab is named in Spanish; its sentence, tables and figures are the
    plan's, as the scores table, the running cost and the explanation beside it are, and the preview, so no figure
    reads 56,5 beside a sentence saying 56.5."""
    from conftest import reassessment

    baseline = sample(Lang.EN)
    again = reassessment(baseline, shipped_content())
    with panel_context(tmp_path, again, baseline) as context:
        context.settings.language = Lang.ES
        panel = ReviewPanel(context)
        qtbot.addWidget(panel)
        assert panel.lists.tabText(0) == _("&Since the baseline", Lang.ES)
        view = panel.lists.cycle
        assert view is not None
        text = view.toPlainText()
        assert text.startswith("Since the assessment of") and "Scores then and now" in text
        assert "Puntuaciones" not in text and not re.search(r"\d,\d", text.split("Gaps then")[0])
        headers = [panel.scores.horizontalHeaderItem(c) for c in range(panel.scores.columnCount())]
        assert [h.text() if h else None for h in headers] == ["Dimension", "Score", "", "Band"]
        overall = shown_scores(panel)["Overall"][0]
        assert re.fullmatch(r"\d+\.\d", overall) and overall in text, "the same figure on both tabs"
        assert panel.cost.text().startswith("Monthly running cost:")
        assert "How the scores are computed" in panel.explanation.text()
