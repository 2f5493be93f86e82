"""The other outputs of ``readiness plan``: CSV task list, stand-alone HTML, JSON, and themes (the calendar has
tests/report/test_calendar.py).

The XLSX task list has its own module, ``test_workbook``.

Written through ``write_plan`` or the real command line, and read back with the csv module, and with pypdf for the
themed PDF.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import io
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from conftest import MINI_CONTENT, line_containing, mini_assessment
from report_support import (
    PAGE_SIZES,
    hostile_assessment,
    mini_catalogue,
    pdf_reader,
    pdf_text,
    shared_worker,
    shipped_content,
)

from readiness.core.assessment import ActionOverride, ActionStatus, Assessment
from readiness.core.exchange import exchange_text
from readiness.core.i18n import _
from readiness.core.lang import LANGUAGES, Lang
from readiness.core.names import STEP_NAMES, TASK_KIND_NAMES, TASK_STATUS_NAMES, name
from readiness.core.plan.model import Plan
from readiness.core.problems import ReadinessError
from readiness.core.samples import load_sample
from readiness.report.calendar import plan_calendar
from readiness.report.html import FONTS
from readiness.report.job import RenderJob
from readiness.report.outputs import PlanSettings, plan_in, write_plan
from readiness.report.paper import Paper
from readiness.report.tasklist import COLUMNS, task_list_csv
from readiness.report.theme import load_theme
from readiness.resources import Folder, questionnaires, resource

FORMULA_OWNERS = {
    "act.train": '=HYPERLINK("http://evil.example","click")',
    "blk.verify@wa": "+1+2",
    "blk.us_only@wa": "-3+4",
    "blk.10dlc@sms": "@SUM(A1:A9)",
    "act.sponsor": "\t=1+1",
}
QUOTED_OWNER = 'Ana "la jefa", Sol\nLuna'
ORGANISATION = "Sol, Luna; Mar\\Tierra\nNorte " + "Ñandú 日本語 " * 8
NOON = dt.datetime(2026, 11, 2, 12, tzinfo=dt.UTC)


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "readiness", *map(str, args)], capture_output=True, text=True, timeout=60
    )


def tricky_assessment(lang: Lang = Lang.EN) -> Assessment:
    overrides = (
        *(ActionOverride(action=action, owner=owner) for action, owner in FORMULA_OWNERS.items()),
        ActionOverride(action="act.measure", owner=QUOTED_OWNER, status=ActionStatus.DONE),
    )
    assessment = mini_assessment(lang, overrides=overrides)
    return assessment.model_copy(
        update={"profile": assessment.profile.model_copy(update={"organisation": ORGANISATION})}
    )


def _plan(lang: Lang) -> Plan:
    return plan_in(tricky_assessment(lang), mini_catalogue(), None)


# ------------------------------------------------------------------ CSV task list


def _read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(raw.decode("utf-8")[1:], newline="")))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_csv_has_one_row_per_task_in_the_plan_language(tmp_path: Path, lang: Lang) -> None:
    out = tmp_path / "tasks.csv"
    write_plan(out, tricky_assessment(lang), mini_catalogue(), PlanSettings())
    plan = _plan(lang)
    header, *rows = _read_csv(out)
    assert header == [_(text, lang) for text in COLUMNS.values()]
    tasks = plan.all_tasks()
    assert len(rows) == len(tasks) >= 8
    for row, task in zip(rows, tasks, strict=True):
        cells = dict(zip(COLUMNS, row, strict=True))
        assert cells["id"] == task.id
        assert (cells["title"], cells["description"]) == (task.title, task.detail)
        assert dt.date.fromisoformat(cells["due"]) == task.due
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", cells["due"])
        assert (cells["step"], cells["kind"], cells["status"]) == (
            name(STEP_NAMES, task.step, lang),
            name(TASK_KIND_NAMES, task.kind, lang),
            name(TASK_STATUS_NAMES, task.status, lang),
        )
        assert cells["late_start"] in ("", _("yes", lang))
    assert b"\r\n" in out.read_bytes()


def test_the_csv_headers_are_translated() -> None:
    assert [_(text, Lang.EN) for text in COLUMNS.values()] == [
        "ID",
        "Step",
        "Type",
        "Channel",
        "Task",
        "Description",
        "Owner",
        "Owner's role",
        "Task role",
        "Start by",
        "Due date",
        "Status",
        "Late start",
    ], "the columns it always had, and the description after the task"
    shipped = (Lang.EN, Lang.ES, Lang.PT_BR)
    headers = {lang: [_(text, lang) for text in COLUMNS.values()] for lang in shipped}
    assert len({tuple(h) for h in headers.values()}) == len(shipped)


def test_cells_a_spreadsheet_would_run_as_formulas_are_neutralised(tmp_path: Path) -> None:
    out = tmp_path / "tasks.csv"
    write_plan(out, tricky_assessment(), mini_catalogue(), PlanSettings())
    owners = {row[0]: row[list(COLUMNS).index("owner")] for row in _read_csv(out)[1:]}
    for action, owner in FORMULA_OWNERS.items():
        assert owners[action] == "'" + owner.lstrip("\t"), action
    assert owners["act.measure"] == QUOTED_OWNER  # commas, quotes and line breaks survive the round trip
    assert not any(owner.startswith(("=", "+", "-", "@")) for owner in owners.values())


def test_the_hostile_csv_parses_and_carries_no_c0_controls() -> None:
    text = task_list_csv(plan_in(hostile_assessment(), mini_catalogue(), None))
    rows = list(csv.reader(io.StringIO(text[1:], newline="")))
    assert len({len(row) for row in rows}) == 1
    assert not {c for row in rows for cell in row for c in cell if c < " " and c != "\n"}


@pytest.mark.parametrize("output", ["csv", "ics"])
def test_csv_and_ics_drop_every_control_character(output: str) -> None:
    plan = plan_in(hostile_assessment(), mini_catalogue(), None)
    text = task_list_csv(plan) if output == "csv" else plan_calendar(plan, NOON, with_tasks=True)
    bad = {c for c in text if (unicodedata.category(c) == "Cc" and c not in "\r\n") or c in "\u202a\u202b\u202d\u202e"}
    assert bad == set()


# ------------------------------------------------------------------ stand-alone HTML and JSON


def test_the_html_file_stands_alone(tmp_path: Path) -> None:
    out = tmp_path / "plan.html"
    write_plan(out, mini_assessment(), mini_catalogue(), PlanSettings(lang=Lang.ES))
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="es">' in html
    assert "app:" not in html
    references = re.findall(r'(?<!<a )(?:src|href)="([^"]*)"', html) + re.findall(r'url\(\s*"?([^")]*)', html)
    assert len(references) >= len(FONTS) + 1
    assert all(ref.startswith("data:") for ref in references), [r[:40] for r in references]
    links = re.findall(r'<a href="([^"]*)"', html)  # the sources, and the contents' links to the chapters
    assert links and all(link.startswith(("https://", "#")) for link in links)
    fonts = re.findall(r'url\("data:font/otf;base64,([A-Za-z0-9+/=]+)"\)', html)
    assert len(fonts) == len(FONTS)
    assert base64.b64decode(fonts[0]) == resource(Folder.ASSETS, "fonts/Inter-Regular.otf").read_bytes()
    assert re.search(r'<img class="logo" src="data:image/svg\+xml;base64,', html)
    assert _("Executive summary", Lang.ES) == "Resumen ejecutivo" in html


def test_the_json_plan_still_works(tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    write_plan(out, tricky_assessment(), mini_catalogue(), PlanSettings())
    text = out.read_text(encoding="utf-8")
    data = json.loads(text)
    plan = _plan(Lang.EN)
    assert text.endswith("}\n")
    assert data["header"]["organisation"] == ORGANISATION
    assert [t["id"] for t in data["launch_blockers"]] == [t.id for t in plan.launch_blockers]
    assert [m["date"] for m in data["milestones"]] == [m.date.isoformat() for m in plan.milestones]


# ------------------------------------------------------------------ the command line: formats and themes


@pytest.fixture
def mini_file(tmp_path: Path) -> Path:
    path = tmp_path / "tienda.yaml"
    path.write_text(exchange_text(mini_assessment()), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["plan.txt", "plan"])
def test_an_unsupported_output_is_refused_and_nothing_written(mini_file: Path, tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    before = sorted(tmp_path.iterdir())
    result = run("--content", MINI_CONTENT, "plan", mini_file, "-o", out)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith(f"{out}: unsupported output format")
    assert sorted(tmp_path.iterdir()) == before


COLOURS = 'colours: {primary: "#123456", accent: "#AA3300", ink: "#111111", muted: "#555555", surface: "#F4F1EA"}\n'


def _theme(folder: Path, *, logo: str | None = None, word_logo: str | None = None, colours: str = COLOURS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "theme.yaml"
    logo_line = (f"logo: {logo}\n" if logo else "") + (f"word_logo: {word_logo}\n" if word_logo else "")
    path.write_text(
        "kind: theme\nname: Acme\nconsultancy: Acme Consulting Partners\ntagline: Messages that land\n"
        + logo_line
        + colours,
        encoding="utf-8",
    )
    return path


def test_a_bad_theme_colour_is_one_line_with_its_place(mini_file: Path, tmp_path: Path) -> None:
    colours = (
        'colours:\n  primary: "red"\n  accent: "#AA3300"\n  ink: "#111111"\n  muted: "#555555"\n  surface: "#FFFFFF"\n'
    )
    theme = _theme(tmp_path / "theme", colours=colours)
    out = tmp_path / "plan.pdf"
    result = run("--content", MINI_CONTENT, "plan", mini_file, "--theme", theme, "-o", out)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith(f"{theme}:{line_containing(theme, 'primary')}: colours.primary: ")
    assert not out.exists()


@pytest.mark.parametrize("where", ["parent", "absolute"])
def test_a_theme_logo_must_stay_in_the_theme_folder(tmp_path: Path, where: str) -> None:
    outside = tmp_path / "x.png"
    outside.write_bytes(b"\x89PNG\r\n\x1a\n")
    theme = _theme(tmp_path / "theme", logo="../x.png" if where == "parent" else str(outside))
    with pytest.raises(ReadinessError) as caught:
        load_theme(theme)
    (problem,) = caught.value.problems
    assert problem.file == str(theme) and problem.field == ("logo",)
    assert "the logo must be a file in the theme's folder" in problem.message


def test_the_word_plan_carries_the_themes_logo_with_its_name_as_alternative_text(
    mini_file: Path, tmp_path: Path
) -> None:
    from docx import Document

    out = tmp_path / "plan.docx"
    result = run("--content", MINI_CONTENT, "plan", mini_file, "-o", out)  # the default theme: an SVG and its PNG
    assert result.returncode == 0, result.stderr
    (picture,) = Document(str(out)).inline_shapes
    assert picture._inline.docPr.get("descr") == "Readiness default"
    assert picture._inline.graphic.graphicData.pic.blipFill.blip.embed  # the PNG itself, embedded


def test_a_word_logo_must_be_a_picture_word_shows(tmp_path: Path) -> None:
    (tmp_path / "theme").mkdir()
    (tmp_path / "theme" / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    theme = _theme(tmp_path / "theme", logo="logo.svg", word_logo="logo.svg")
    with pytest.raises(ReadinessError) as caught:
        load_theme(theme)
    (problem,) = caught.value.problems
    assert problem.field == ("word_logo",) and "the word_logo must be one of .jpeg, .jpg, .png" in problem.message


def test_a_theme_logo_escape_is_one_line_on_the_command_line(mini_file: Path, tmp_path: Path) -> None:
    (tmp_path / "x.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    theme = _theme(tmp_path / "theme", logo="../x.svg")
    result = run("--content", MINI_CONTENT, "plan", mini_file, "--theme", theme, "-o", tmp_path / "plan.pdf")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert "logo" in result.stderr and not (tmp_path / "plan.pdf").exists()


LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="48" viewBox="0 0 240 48">'
    '<rect width="240" height="48" fill="#123456"/>'
    '<text x="12" y="32" font-size="22" fill="#FFFFFF">ACMELOGO</text></svg>'
)


def test_a_custom_theme_brands_the_pdf(mini_file: Path, tmp_path: Path) -> None:
    """Through the command line, with its own worker: also covers --paper and --lang."""
    theme = _theme(tmp_path / "theme", logo="logo.svg")
    (tmp_path / "theme" / "logo.svg").write_text(LOGO, encoding="utf-8")
    out = tmp_path / "plan.pdf"
    result = run(
        "--content", MINI_CONTENT, "plan", mini_file, "--theme", theme, "--paper", "letter", "--lang", "es", "-o", out
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    pdf = out.read_bytes()
    reader = pdf_reader(pdf)
    pages = len(reader.pages)
    assert result.stdout.strip() == f"wrote {out} ({pages} pages)"
    text = pdf_text(pdf)
    assert "ACMELOGO" in text and "Messages that land" in text
    assert text.count("Acme Consulting Partners") >= pages  # the cover and every running footer
    assert reader.metadata.author == "Acme Consulting Partners"
    assert reader.trailer["/Root"]["/Lang"] == "es"
    assert _("Executive summary", Lang.ES) in text
    width, height = PAGE_SIZES[Paper.LETTER]
    assert (float(reader.pages[1].mediabox.width), float(reader.pages[1].mediabox.height)) == pytest.approx(
        (width, height), abs=0.5
    )
    streams = " ".join(page.get_contents().get_data().decode("latin-1") for page in reader.pages[1:3])
    assert _fill(load_theme(theme).colours.primary) in streams
    assert _fill(load_theme().colours.primary) not in streams  # the default theme's primary colour


def _fill(colour: str) -> str:
    """The PDF operator that sets a #RRGGBB fill colour, as WeasyPrint writes it."""
    channels = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return " ".join(f"{c:.6f}".rstrip("0").rstrip(".") for c in channels) + " rg"


def test_a_warm_worker_shows_the_logo_of_the_theme_it_is_given(tmp_path: Path) -> None:
    default_logo = resource(Folder.ASSETS, "theme/logo.svg").read_bytes()
    worker = shared_worker()
    worker.render(
        RenderJob('<img src="app:theme/logo.svg">', {"app:theme/logo.svg": (default_logo, "image/svg+xml")}, b"", "")
    )
    theme = _theme(tmp_path / "theme", logo="logo.svg")
    (tmp_path / "theme" / "logo.svg").write_text(LOGO, encoding="utf-8")
    out = tmp_path / "plan.pdf"
    write_plan(out, mini_assessment(), mini_catalogue(), PlanSettings(theme=load_theme(theme)), worker=worker)
    assert "ACMELOGO" in pdf_text(out.read_bytes())


@pytest.mark.parametrize("where", ["missing folder", "a folder in the way"])
def test_an_output_that_cannot_be_written_is_refused_before_anything_is_rendered(tmp_path: Path, where: str) -> None:
    out = tmp_path / "no" / "such" / "plan.pdf" if where == "missing folder" else tmp_path / "plan.pdf"
    if where == "a folder in the way":
        out.mkdir()
    steps: list[str] = []
    content = shipped_content()
    assessment = load_sample("mx-retail", Lang.EN, content, questionnaires())
    with pytest.raises(ReadinessError) as caught:
        write_plan(out, assessment, content, PlanSettings(), worker=shared_worker(), on_progress=steps.append)
    (problem,) = caught.value.problems
    assert problem.file == str(out) and problem.message.startswith("cannot write file")
    assert steps == [], "the render never started"
    assert out.is_dir() is (where == "a folder in the way")
    assert not list(tmp_path.rglob(".*.tmp")), "the probe leaves nothing behind"
