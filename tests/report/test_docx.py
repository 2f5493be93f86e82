"""The plan as a Word document: written through ``write_plan`` (the command line's path) and read back with
python-docx. Every shipped sample in one language each in turn, both editions; then one document through
LibreOffice, to check that a word processor other than python-docx reads every task."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from report_support import shipped_content

from readiness.core.assessment import Assessment
from readiness.core.i18n import _
from readiness.core.lang import Lang
from readiness.core.plan.model import Plan
from readiness.core.samples import SAMPLE_PROFILES, load_sample
from readiness.report.docx_writer import CHECKBOXES
from readiness.report.edition import Edition
from readiness.report.fmt import Formatter
from readiness.report.outputs import PlanSettings, plan_in, write_plan
from readiness.report.sections import BRIEF_SECTIONS, PLAN_SECTIONS
from readiness.resources import questionnaires

SHIPPED = (Lang.EN, Lang.ES, Lang.PT_BR)
CASES = [(profile, SHIPPED[i % len(SHIPPED)]) for i, profile in enumerate(SAMPLE_PROFILES)]
"""Each sample in one language, the languages in turn."""
CHAPTERS = {Edition.FULL: PLAN_SECTIONS, Edition.BRIEF: BRIEF_SECTIONS}


def written(tmp_path: Path, assessment: Assessment, edition: Edition) -> tuple[Plan, object]:
    out = tmp_path / f"plan-{edition}.docx"
    result = write_plan(out, assessment, shipped_content(), PlanSettings(edition=edition))
    assert result.path == out and result.pages is None
    return plan_in(assessment, shipped_content(), None), Document(str(out))


def headings(document: object, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]  # type: ignore[attr-defined]


def rows(document: object) -> list[list[str]]:
    """Every row of every table, each cell's text."""
    return [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]  # type: ignore[attr-defined]


def sample(profile: str, lang: Lang) -> Assessment:
    return load_sample(profile, lang, shipped_content(), questionnaires())


@pytest.mark.parametrize("edition", list(Edition))
@pytest.mark.parametrize(("profile", "lang"), CASES)
def test_a_samples_document_has_the_pdfs_chapters_in_word_headings(
    tmp_path: Path, profile: str, lang: Lang, edition: Edition
) -> None:
    plan, document = written(tmp_path, sample(profile, lang), edition)
    expected = [f"{s.number} {_(s.title, lang)}" for s in CHAPTERS[edition].values()]
    assert headings(document, 1) == expected
    assert headings(document, 2), "the chapters have parts in Heading 2"
    first = next(p for p in document.paragraphs if p.text)  # type: ignore[attr-defined]  # after the logo
    assert first.style.name == "Title"
    properties = document.core_properties  # type: ignore[attr-defined]
    assert properties.language == lang.value
    assert plan.header.organisation in properties.title
    all_text = "\n".join(p.text for p in document.paragraphs)  # type: ignore[attr-defined]
    assert plan.header.organisation in all_text
    assert Formatter(lang).date(plan.header.issued, "long") in all_text
    for table in document.tables:  # type: ignore[attr-defined]
        header = table.rows[0]._tr.trPr
        if header is not None and header.find(qn("w:tblHeader")) is not None:
            assert all(run.bold for cell in table.rows[0].cells for p in cell.paragraphs for run in p.runs)
    marked = [t for t in document.tables if t.rows[0]._tr.trPr is not None]  # type: ignore[attr-defined]
    assert marked, "the tables mark their header row to repeat"
    # Every KPI in the KPI table, with its target as the PDF formats it.
    kpi_header = [_(h, lang) for h in ("KPI", "Baseline", "Target", "By", "Owner", "Review")]
    kpi_rows = [r for t in document.tables if [c.text for c in t.rows[0].cells] == kpi_header for r in t.rows[1:]]  # type: ignore[attr-defined]
    assert len(kpi_rows) == len(plan.kpis) > 0
    for row, kpi in zip(kpi_rows, plan.kpis, strict=True):
        cells = row.cells
        assert cells[0].paragraphs[0].text.startswith(kpi.name)
        assert cells[2].text == Formatter(lang).quantity(kpi.target, kpi.unit)
        assert cells[3].text == Formatter(lang).date(kpi.deadline)


@pytest.mark.parametrize(("profile", "lang"), CASES)
def test_every_task_of_the_full_plan_is_a_checklist_row_with_its_owner_due_date_and_checkbox(
    tmp_path: Path, profile: str, lang: Lang
) -> None:
    plan, document = written(tmp_path, sample(profile, lang), Edition.FULL)
    fmt = Formatter(lang)
    checklist_header = [_(h, lang) for h in ("Done", "Task", "Owner", "Due")]
    task_rows: dict[str, list[Any]] = {}
    for table in document.tables:  # type: ignore[attr-defined]
        if [c.text for c in table.rows[0].cells] != checklist_header:
            continue
        for row in table.rows[1:]:
            cells = row.cells
            task_rows.setdefault(cells[1].paragraphs[0].text, []).append(cells)
    tasks = plan.all_tasks()
    assert len(tasks) >= 20
    for task in tasks:
        assert task.id not in task.title
        found = task_rows.get(task.title)
        assert found, (task.id, task.title)
        box, _what, owner, due = found[0]
        assert box.text == CHECKBOXES[task.status], task.id
        assert owner.paragraphs[0].text == (task.owner or _("to be assigned", lang))
        assert due.text == fmt.date(task.due)


@pytest.mark.parametrize(("profile", "lang"), CASES[:3])
def test_the_words_are_in_the_plans_language(tmp_path: Path, profile: str, lang: Lang) -> None:
    _plan, document = written(tmp_path, sample(profile, lang), Edition.BRIEF)
    texts = {p.text for p in document.paragraphs}  # type: ignore[attr-defined]
    for msgid in ("Decisions for the sponsor", "Next five actions", "Refine routine", "Milestones"):
        assert _(msgid, lang) in texts
        if lang is not Lang.EN:
            assert msgid not in texts
    table_text = {c for row in rows(document) for c in row}
    assert {_("Transcript review", lang), _("Overall readiness", lang)} <= table_text


def test_the_brief_lists_the_milestones_and_promotion_with_checkboxes(tmp_path: Path) -> None:
    plan, document = written(tmp_path, sample("mx-retail", Lang.ES), Edition.BRIEF)
    fmt = Formatter("es")
    table_rows = rows(document)
    for milestone in plan.milestones:
        assert [fmt.date(milestone.date), milestone.title] in table_rows
    promoted = "\n".join(row[1] for row in table_rows)
    for checklist in plan.promotion:
        for task in checklist.tasks:
            assert f"{CHECKBOXES[task.status]} {task.title}" in promoted


@pytest.mark.parametrize("edition", list(Edition))
def test_the_full_plan_opens_with_words_own_table_of_contents(tmp_path: Path, edition: Edition) -> None:
    _plan, document = written(tmp_path, sample("mx-retail", Lang.EN), edition)
    body = document.element.body  # type: ignore[attr-defined]
    fields = [text.text for text in body.iter(qn("w:instrText"))]
    update = document.settings.element.find(qn("w:updateFields"))  # type: ignore[attr-defined]
    if edition is Edition.BRIEF:
        assert fields == [] and update is None
        return
    assert fields == [' TOC \\o "1-2" \\h \\z \\u ']
    assert update is not None and update.get(qn("w:val")) == "true"
    contents = next(p for p in document.paragraphs if p.text == "Contents")  # type: ignore[attr-defined]
    assert contents.style.name != "Heading 1", "the contents' title is not a chapter of its own"
    _spanish_plan, spanish = written(tmp_path, sample("mx-retail", Lang.ES), edition)
    texts = [p.text for p in spanish.paragraphs]  # type: ignore[attr-defined]
    placeholder = "Word fills in this table of contents when it opens the file; elsewhere, update the fields."
    assert _("Contents", Lang.ES) in texts and _(placeholder, Lang.ES) in texts and placeholder not in texts


@pytest.mark.parametrize("edition", list(Edition))
def test_every_running_cost_is_a_row_with_its_amount_and_basis(tmp_path: Path, edition: Edition) -> None:
    plan, document = written(tmp_path, sample("br-services", Lang.ES), edition)
    fmt, table = Formatter("es"), rows(document)
    for line in plan.running_cost.lines:
        amount = (
            fmt.money(line.amount)
            if line.amount
            else _("not estimated" if line.kind == "not_estimated" else "no fee", Lang.ES)
        )
        assert [line.item, amount, line.basis[:1].upper() + line.basis[1:]] in table, line.item
    total = [_("Estimated in all", Lang.ES), fmt.cost_totals(plan.running_cost)]
    assert (total in [row[:2] for row in table]) is (edition is Edition.FULL), (
        "the brief prints its total on the dashboard"
    )


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None, reason="no LibreOffice")
def test_libreoffice_reads_every_task(tmp_path: Path) -> None:
    assessment = sample("br-services", Lang.PT_BR)
    out = tmp_path / "plan.docx"
    write_plan(out, assessment, shipped_content(), PlanSettings())
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    text = subprocess.run(
        ["pdftotext", "-raw", str(tmp_path / "plan.pdf"), "-"], check=True, capture_output=True, text=True
    ).stdout
    # PDF text comes out in layout order: a title wrapped in its cell interleaves with the cells beside it, and a
    # long word may break; so each word of every title must be in the text, not the title in one piece.
    joined = "".join(text.split())
    plan = plan_in(assessment, shipped_content(), None)
    missing = [(t.title, word) for t in plan.all_tasks() for word in t.title.split() if word not in joined]
    assert not missing
    assert plan.header.organisation in " ".join(text.split())


def test_a_source_title_in_another_language_is_marked_for_proofing_and_reading(tmp_path: Path) -> None:
    _plan, document = written(tmp_path, sample("de-b2b-software", Lang.ES), Edition.FULL)
    marked = {
        (run.text, run._r.rPr.find(qn("w:lang")).get(qn("w:val")))
        for paragraph in document.paragraphs  # type: ignore[attr-defined]
        for run in paragraph.runs
        if run._r.rPr is not None and run._r.rPr.find(qn("w:lang")) is not None
    }
    assert ("Gesetze im Internet: §7 UWG, unzumutbare Belästigungen", "de") in marked
    assert {language for _text, language in marked} == {"de", "en"}


def test_a_plan_with_every_launch_blocker_done_says_so_in_words(tmp_path: Path) -> None:
    """Not "0 launch blockers still open": in the PDF's headline figures and in the Word plan's."""
    from readiness.core.assessment import ActionOverride, ActionStatus
    from readiness.report.html import render_plan_html
    from readiness.report.paper import Paper
    from readiness.report.theme import load_theme

    assessment = sample("us-dental", Lang.ES)
    blockers = plan_in(assessment, shipped_content(), None).launch_blockers
    done = tuple(ActionOverride(action=t.id, status=ActionStatus.DONE) for t in blockers)
    assessment = assessment.model_copy(update={"overrides": done})
    plan, document = written(tmp_path, assessment, Edition.BRIEF)
    said = _("No launch blocker left open", Lang.ES)
    assert blockers and plan.open_launch_blockers == ()
    assert any(said in cell for row in rows(document) for cell in row)
    for edition in Edition:
        html = render_plan_html(plan, load_theme(), Paper.A4, edition=edition).html
        assert said in html and "0 bloqueos" not in html, edition
