"""The XLSX task list: written through ``write_plan`` (the command line's path) and read back with openpyxl.

Every shipped sample in every language; then text that a spreadsheet would run, empty sheets, hostile text, and
the CSV and the workbook agreeing cell for cell.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import mini_assessment
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from report_support import hostile_assessment, mini_catalogue, shipped_content

from readiness.core.assessment import ActionOverride, Assessment, TrainingSession
from readiness.core.i18n import _
from readiness.core.lang import Lang
from readiness.core.names import STEP_NAMES, TASK_STATUS_NAMES, WORKSTREAM_NAMES, name
from readiness.core.plan.model import Plan
from readiness.core.samples import SAMPLE_PROFILES, load_sample
from readiness.report.outputs import PlanSettings, plan_in, write_plan
from readiness.report.tasklist import COLUMNS
from readiness.report.workbook import MAX_CELL_CHARACTERS, MAX_COLUMN_WIDTH, TASK_SHEET_COLUMNS, sheet_title
from readiness.resources import questionnaires

SHIPPED = (Lang.EN, Lang.ES, Lang.PT_BR)
SHEETS = {
    Lang.EN: ["Tasks", "KPI targets", "Gap register"],
    Lang.ES: ["Tareas", "Objetivos de KPI", "Registro de brechas"],
    Lang.PT_BR: ["Tarefas", "Metas de KPI", "Registro de lacunas"],
}
TASK_HEADERS = {
    Lang.EN: ["ID", "Step", "Workstream", "Channel", "Task", "Description", "Owner", "Owner's role", "Task role"],
    Lang.ES: ["ID", "Paso", "Línea de trabajo", "Canal", "Tarea", "Descripción", "Responsable"],
    Lang.PT_BR: ["ID", "Etapa", "Frente de trabalho", "Canal", "Tarefa", "Descrição", "Responsável"],
}
"""The first headers of the task sheet, as a reader of each language sees them."""
KPI_HEADERS = {
    Lang.EN: ["KPI", "Baseline", "Target", "Unit", "Deadline", "Owner", "Review cadence", "Data source"],
    Lang.ES: ["Indicador", "Punto de partida", "Objetivo", "Unidad", "Plazo", "Responsable"],
    Lang.PT_BR: ["KPI", "Linha de base", "Meta", "Unidade", "Prazo", "Responsável"],
}
GAP_HEADERS = {
    Lang.EN: ["Rank", "Gap", "Touchpoint", "Current channel", "Frequency", "Severity", "Measured value", "Unit"],
    Lang.ES: ["Puesto", "Brecha", "Punto de contacto", "Canal actual", "Frecuencia", "Gravedad", "Valor medido"],
    Lang.PT_BR: ["Posição", "Lacuna", "Ponto de contato", "Canal atual", "Frequência", "Gravidade", "Valor medido"],
}
FORMULA_TITLES = ("=1+1", "@cmd", "+SUM(A1:A3)", '=HYPERLINK("http://evil.example","click")')


def written(tmp_path: Path, assessment: Assessment, lang: Lang | None = None) -> tuple[Plan, Path]:
    """The plan, and its workbook written as ``readiness plan FILE -o tasks.xlsx`` writes it."""
    content = shipped_content() if assessment.questionnaire_id != "mini" else mini_catalogue()
    out = tmp_path / "tasks.xlsx"
    result = write_plan(out, assessment, content, PlanSettings(lang=lang))
    assert result.path == out and result.pages is None
    return plan_in(assessment, content, lang), out


def header(sheet: Worksheet) -> list[Any]:
    return [cell.value for cell in sheet[1]]


def body(sheet: Worksheet) -> list[dict[str, Any]]:
    """Each row after the header as {header: cell}."""
    titles = header(sheet)
    return [dict(zip(titles, row, strict=True)) for row in sheet.iter_rows(min_row=2)]


def text(value: str | None) -> str | None:
    """What a text field shows in its cell: an empty text leaves the cell empty."""
    return value or None


def is_date(cell: Any, expected: dt.date) -> bool:
    return bool(
        cell.is_date and cell.value == dt.datetime.combine(expected, dt.time()) and cell.number_format == "yyyy-mm-dd"
    )


def shown_length(value: object) -> int:
    """The characters of a cell's longest line; a date shows as yyyy-mm-dd."""
    if isinstance(value, dt.datetime):
        return len("yyyy-mm-dd")
    return 0 if value is None else max(len(line) for line in str(value).split("\n"))


def check_table(sheet: Worksheet, rows: int) -> None:
    """Header frozen, the filter over the whole table, and every column as wide as its text up to the cap."""
    columns = len(header(sheet))
    assert sheet.max_row == rows + 1
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{get_column_letter(columns)}{rows + 1}"
    assert all(cell.font.bold for cell in sheet[1])
    for number in range(1, columns + 1):
        letter = get_column_letter(number)
        cells = [row[0] for row in sheet.iter_rows(min_col=number, max_col=number)]
        longest = max(shown_length(cell.value) for cell in cells)
        width = sheet.column_dimensions[letter].width
        assert min(longest, MAX_COLUMN_WIDTH) < width <= MAX_COLUMN_WIDTH + 3, (sheet.title, letter, width)
        if longest > MAX_COLUMN_WIDTH:
            assert all(cell.alignment.wrap_text for cell in cells[1:]), (sheet.title, letter)


@pytest.mark.parametrize("lang", SHIPPED)
@pytest.mark.parametrize("profile", SAMPLE_PROFILES)
def test_a_samples_workbook_holds_its_tasks_kpis_and_gaps_in_its_language(
    tmp_path: Path, profile: str, lang: Lang
) -> None:
    plan, out = written(tmp_path, load_sample(profile, lang, shipped_content(), questionnaires()))
    workbook = load_workbook(out)
    assert workbook.sheetnames == SHEETS[lang]
    tasks, kpis, gaps = workbook.worksheets
    assert (workbook.properties.creator, workbook.properties.language) == ("Readiness", lang.value)
    assert plan.header.organisation in (workbook.properties.title or "")

    assert header(tasks)[: len(TASK_HEADERS[lang])] == TASK_HEADERS[lang]
    assert len(header(tasks)) == len(TASK_SHEET_COLUMNS)
    rows = body(tasks)
    all_tasks = plan.all_tasks()
    assert len(rows) == len(all_tasks) >= 20
    labels = dict(zip(TASK_SHEET_COLUMNS, header(tasks), strict=True))
    for row, task in zip(rows, all_tasks, strict=True):
        cells = {key: row[label] for key, label in labels.items()}
        assert (cells["id"].value, cells["title"].value, cells["owner"].value) == (
            task.id,
            task.title,
            text(task.owner),
        )
        assert cells["description"].value == text(task.detail)
        assert is_date(cells["due"], task.due), task.id
        if task.start and task.lead_time_days:
            assert is_date(cells["start"], task.start), task.id
        else:
            assert cells["start"].value is None
        assert cells["step"].value == name(STEP_NAMES, task.step, lang)
        assert cells["workstream"].value == name(WORKSTREAM_NAMES, task.workstream, lang)
        assert cells["status"].value == name(TASK_STATUS_NAMES, task.status, lang)
        assert cells["late_start"].value == (_("yes", lang) if task.late_start else None)
        assert all(cell.data_type != "f" for cell in cells.values())
    assert {cells[labels["workstream"]].value for cells in rows} >= {name(WORKSTREAM_NAMES, "set_up", lang)}
    check_table(tasks, len(all_tasks))

    assert header(kpis)[: len(KPI_HEADERS[lang])] == KPI_HEADERS[lang]
    assert len(plan.kpis) >= 3
    for row, kpi in zip(body(kpis), plan.kpis, strict=True):
        shown = [cell.value for cell in row.values()]
        assert shown[:4] == [kpi.name, kpi.baseline, kpi.target, text(kpi.unit)]
        assert is_date(list(row.values())[4], kpi.deadline)
        assert shown[5:] == [text(kpi.owner), text(kpi.cadence), text(kpi.data_source)]
    check_table(kpis, len(plan.kpis))

    assert header(gaps)[: len(GAP_HEADERS[lang])] == GAP_HEADERS[lang]
    assert len(plan.gaps) >= 3
    for row, gap in zip(body(gaps), plan.gaps, strict=True):
        shown = [cell.value for cell in row.values()]
        assert shown[:6] == [gap.rank, gap.type_name, gap.touchpoint, gap.current_channel, gap.frequency, gap.severity]
        assert shown[6:9] == [gap.measured_value, text(gap.unit), gap.priority]
        assert shown[9:] == [text(", ".join(gap.closing_channels)), text(gap.evidence), text(gap.notes)]
    check_table(gaps, len(plan.gaps))


def test_the_plan_language_wins_over_the_assessments(tmp_path: Path) -> None:
    plan, out = written(tmp_path, load_sample("br-services", Lang.EN, shipped_content(), questionnaires()), Lang.PT_BR)
    workbook = load_workbook(out)
    assert workbook.sheetnames == SHEETS[Lang.PT_BR]
    assert workbook.properties.title == f"Plano de implantação de mensageria para {plan.header.organisation}"
    late = [task for task in plan.all_tasks() if task.late_start]
    rows = body(workbook.worksheets[0])
    flags = {row["ID"].value: row["Início atrasado"].value for row in rows}
    assert all(flags[task.id] == "sim" for task in late)
    assert {row["Status"].value for row in rows} <= {"a fazer", "em andamento", "concluída", "descartada"}


def formula_assessment() -> Assessment:
    """Training sessions and owners whose text a spreadsheet would run as a formula."""
    assessment = mini_assessment()
    sessions = tuple(TrainingSession(title=title) for title in FORMULA_TITLES)
    overrides = (ActionOverride(action="act.train", owner="=cmd|' /C calc'!A0"),)
    return assessment.model_copy(
        update={"team": assessment.team.model_copy(update={"training": sessions}), "overrides": overrides}
    )


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    plan, out = written(tmp_path, formula_assessment())
    tasks = load_workbook(out).worksheets[0]
    titles = {row["Task"].value: row["Task"] for row in body(tasks)}
    assert set(FORMULA_TITLES) <= set(titles)
    for title in FORMULA_TITLES:
        assert titles[title].data_type == "s", title
    owners = {row["ID"].value: row["Owner"] for row in body(tasks)}
    assert (owners["act.train"].value, owners["act.train"].data_type) == ("=cmd|' /C calc'!A0", "s")
    with zipfile.ZipFile(out) as package:
        sheets = [n for n in package.namelist() if n.startswith("xl/worksheets/sheet")]
        assert len(sheets) == 3
        assert not any(b"<f>" in package.read(n) or b"<f " in package.read(n) for n in sheets), "no formula at all"
    computed = load_workbook(out, data_only=True).worksheets[0]
    assert "=1+1" in {row["Task"].value for row in body(computed)}, "nothing to compute: the text is the value"
    assert len(plan.team.training) == len(FORMULA_TITLES)


def test_sheets_without_rows_keep_their_header(tmp_path: Path) -> None:
    """No channel chosen: no KPI is suggested either."""
    plan, out = written(tmp_path, mini_assessment(Lang.ES, kpis=(), gaps=(), channels=()))
    assert (plan.kpis, plan.gaps) == ((), ())
    _tasks, kpis, gaps = load_workbook(out).worksheets
    assert header(kpis)[: len(KPI_HEADERS[Lang.ES])] == KPI_HEADERS[Lang.ES]
    assert header(gaps)[: len(GAP_HEADERS[Lang.ES])] == GAP_HEADERS[Lang.ES]
    for sheet, columns in ((kpis, 8), (gaps, 12)):
        assert (sheet.max_row, len(header(sheet))) == (1, columns)
        assert sheet.auto_filter.ref == f"A1:{get_column_letter(columns)}1"
        assert sheet.freeze_panes == "A2"


def test_every_sheet_prints_landscape_as_wide_as_the_page_with_its_header_on_each_page(tmp_path: Path) -> None:
    """Printed as it stood, the 13-column task sheet ran to 81 strips of pages in LibreOffice."""
    _plan, out = written(tmp_path, mini_assessment(Lang.EN))
    for sheet in load_workbook(out).worksheets:
        setup = sheet.page_setup
        assert (setup.orientation, setup.fitToWidth, setup.fitToHeight) == ("landscape", 1, 0)
        assert sheet.sheet_properties.pageSetUpPr is not None and sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$1:$1"


def test_hostile_text_is_written_within_excels_limits(tmp_path: Path) -> None:
    _plan, out = written(tmp_path, hostile_assessment())
    workbook = load_workbook(out)
    values = [cell.value for sheet in workbook for row in sheet.iter_rows() for cell in row]
    texts = [value for value in values if isinstance(value, str)]
    assert max(len(t) for t in texts) == MAX_CELL_CHARACTERS, "the 100,000-character word is cut to fit a cell"
    assert any(t.endswith(" […]") for t in texts)
    assert not {c for t in texts for c in t if c < " " and c not in "\n\t"}
    assert all(len(title) <= 31 for title in workbook.sheetnames)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Tasks", "Tasks"),
        ("KPI: targets [2027] / Q1 * ? \\ done", "KPI  targets  2027    Q1"),
        ("'Quoted'", "Quoted"),
        ("A name far longer than Excel's thirty-one characters", "A name far longer than Excel's"),
        ("[]", "-"),
    ],
)
def test_sheet_titles_are_ones_excel_accepts(text: str, title: str) -> None:
    assert sheet_title(text) == title
    assert len(sheet_title(text)) <= 31


def test_the_csv_and_the_workbook_say_the_same(tmp_path: Path) -> None:
    assessment = load_sample("mx-retail", Lang.ES, shipped_content(), questionnaires())
    write_plan(tmp_path / "tasks.csv", assessment, shipped_content(), PlanSettings())
    _plan, out = written(tmp_path, assessment)
    csv_rows = list(csv.reader(io.StringIO((tmp_path / "tasks.csv").read_text(encoding="utf-8-sig"), newline="")))
    sheet: Workbook = load_workbook(out)
    xlsx_rows = [[cell.value for cell in row] for row in sheet.worksheets[0].iter_rows()]
    shared = [key for key in COLUMNS if key in TASK_SHEET_COLUMNS]
    assert len(shared) == len(COLUMNS) - 1, "all but the type (the CSV) and the workstream (the workbook)"

    def pick(rows: list[list[Any]], keys: tuple[str, ...]) -> list[list[str]]:
        return [
            [v.date().isoformat() if isinstance(v, dt.datetime) else "" if v is None else str(v) for v in row]
            for row in ([row[keys.index(key)] for key in shared] for row in rows)
        ]

    assert pick(csv_rows, tuple(COLUMNS)) == pick(xlsx_rows, TASK_SHEET_COLUMNS)
