"""A re-assessment's plan, read as the consultant hands it over: the one-sentence summary up front, the scores then
and now overlaid in the charts and set side by side, the gaps closed and new, the baseline's KPI targets against what
was measured; in the PDF (accessible), the Word plan and from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import reassessment
from report_support import normalise, render, sample, shipped_content

from readiness.core.assessment import Assessment
from readiness.core.exchange import exchange_text
from readiness.core.i18n import _
from readiness.core.lang import Lang
from readiness.core.plan.cycle import GapState, cycle_tables
from readiness.core.plan.figures import score_text
from readiness.report.edition import Edition
from readiness.report.outputs import PlanSettings, write_plan


def pair(lang: Lang) -> tuple[Assessment, Assessment]:
    baseline = sample(lang)
    return baseline, reassessment(baseline, shipped_content())


@pytest.mark.parametrize("lang", [Lang.EN, Lang.PT_BR])
def test_the_pdf_compares_the_reassessment_with_its_baseline(lang: Lang, tmp_path: Path) -> None:
    import pdfua

    baseline, again = pair(lang)
    rendered = render(again, shipped_content(), baseline=baseline)
    cycle = rendered.plan.cycle
    assert cycle is not None
    path = tmp_path / "plan.pdf"
    path.write_bytes(rendered.result.pdf)
    assert [f"{f.rule_id} p{f.location.page}: {f.message}" for f in pdfua.validate(str(path)).findings] == []
    text = rendered.text
    assert text.count(normalise(cycle.summary)) == 2, "in the executive summary and in the readiness chapter"
    assert _("Since the baseline assessment", lang) in text
    for table in cycle_tables(cycle, lang):
        assert table.heading.upper() in text, "each table's heading, in capitals as it is printed"
    (closed,) = cycle.gaps_in(GapState.CLOSED)
    assert normalise(f"{closed.type_name} — {closed.touchpoint} {_('Closed', lang)}") in text


def test_the_charts_overlay_the_baseline_and_say_so_in_their_alt_text() -> None:
    baseline, again = pair(Lang.EN)
    rendered = render(again, shipped_content(), baseline=baseline)
    cycle = rendered.plan.cycle
    assert cycle is not None
    identify = cycle.steps[0]
    html = rendered.page.html
    said = f"Identify {score_text(identify.after, Lang.EN)} (baseline {score_text(identify.before, Lang.EN)})"
    assert said in html
    bars = len(cycle.steps) + len(cycle.reasons)
    assert html.count('stroke-width="1.6"/>') - html.count('<line x1="0"') >= bars, "one baseline mark per bar"
    assert "The thin dark bar across each bar is the score of the baseline assessment of" in rendered.text


def test_a_plan_that_is_no_reassessment_says_nothing_of_a_cycle() -> None:
    rendered = render(sample(Lang.EN), shipped_content())
    assert rendered.plan.cycle is None
    assert "Since the baseline assessment" not in rendered.text and "(baseline " not in rendered.page.html


def test_the_word_plan_and_the_brief_carry_the_comparison(tmp_path: Path) -> None:
    import docx

    baseline, again = pair(Lang.EN)
    word = write_plan(tmp_path / "plan.docx", again, shipped_content(), PlanSettings(), baseline=baseline)
    document = docx.Document(str(word.path))
    paragraphs = [p.text for p in document.paragraphs]
    at = paragraphs.index("Since the baseline assessment")
    summary = paragraphs[at + 1]
    assert summary.startswith("Since the assessment of ") and summary in paragraphs[:at], "also up front"
    headers = [[cell.text for cell in table.rows[0].cells] for table in document.tables]
    assert ["Gap", "Since the baseline", "Measured then", "Measured now"] in headers
    settings = PlanSettings(edition=Edition.BRIEF)
    brief = write_plan(tmp_path / "brief.pdf", again, shipped_content(), settings, baseline=baseline)
    assert brief.pages is not None and brief.pages <= 6


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "readiness", *map(str, args)], capture_output=True, text=True, timeout=120
    )


def test_the_command_line_compares_a_file_with_its_baseline_file(tmp_path: Path) -> None:
    baseline, again = pair(Lang.EN)
    (tmp_path / "then.yaml").write_text(exchange_text(baseline), encoding="utf-8")
    (tmp_path / "now.yaml").write_text(exchange_text(again), encoding="utf-8")
    result = run("plan", tmp_path / "now.yaml", "--baseline", tmp_path / "then.yaml", "-o", tmp_path / "plan.json")
    assert result.returncode == 0, result.stderr
    cycle = json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))["cycle"]
    assert cycle["baseline_created"] == baseline.created.isoformat()
    assert [g["state"] for g in cycle["gaps"]][:2] == ["closed", "new"]
    assert cycle["steps"][0]["change"] > 0 and {k["met"] for k in cycle["kpis"]} == {True, False, None}
    alone = run("plan", tmp_path / "now.yaml", "-o", tmp_path / "alone.json")
    assert json.loads((tmp_path / "alone.json").read_text(encoding="utf-8"))["cycle"] is None, alone.stderr


def test_the_command_line_finds_a_stored_reassessments_baseline(tmp_path: Path) -> None:
    from readiness.store import create_assessment, library_session

    baseline, again = pair(Lang.EN)
    library = tmp_path / "library.sqlite"
    with library_session(str(library), print) as session:
        first = create_assessment(session=session, assessment=baseline, content=shipped_content())
        second = create_assessment(session=session, assessment=again, content=shipped_content(), baseline_id=first)
    result = run("plan", "--db", library, "--id", str(second), "-o", tmp_path / "plan.json")
    assert result.returncode == 0, result.stderr
    assert json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))["cycle"]["gaps"]


def test_a_baseline_file_that_is_no_assessment_is_one_line_and_exit_2(tmp_path: Path) -> None:
    again = pair(Lang.EN)[1]
    (tmp_path / "now.yaml").write_text(exchange_text(again), encoding="utf-8")
    (tmp_path / "then.yaml").write_text("profile: [unclosed\n", encoding="utf-8")
    result = run("plan", tmp_path / "now.yaml", "--baseline", tmp_path / "then.yaml", "-o", tmp_path / "plan.pdf")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "then.yaml" in result.stderr
    assert not (tmp_path / "plan.pdf").exists()


def test_a_reassessments_bundle_carries_its_baseline_so_the_comparison_can_be_made_again(tmp_path: Path) -> None:
    import zipfile

    from readiness.core.exchange import read_exchange_file

    baseline, again = pair(Lang.ES)
    bundle = write_plan(tmp_path / "entrega.zip", again, shipped_content(), PlanSettings(), baseline=baseline).path
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
        assert [name.rsplit("-", 1)[-1] for name in names][-2:] == ["readiness.yaml", "baseline.readiness.yaml"]
        archive.extractall(tmp_path / "out")
    assert read_exchange_file(tmp_path / "out" / names[-1], shipped_content()) == baseline
    alone = write_plan(tmp_path / "sola.zip", baseline, shipped_content(), PlanSettings()).path
    with zipfile.ZipFile(alone) as archive:
        assert not any(name.endswith("baseline.readiness.yaml") for name in archive.namelist())


def test_a_baseline_dated_after_the_assessment_is_refused_and_another_organisations_is_named(tmp_path: Path) -> None:
    baseline, again = pair(Lang.EN)
    (tmp_path / "then.yaml").write_text(exchange_text(baseline), encoding="utf-8")
    (tmp_path / "now.yaml").write_text(exchange_text(again), encoding="utf-8")
    swapped = run("plan", tmp_path / "then.yaml", "--baseline", tmp_path / "now.yaml", "-o", tmp_path / "plan.json")
    assert swapped.returncode == 2 and len(swapped.stderr.strip().splitlines()) == 1
    assert "now.yaml" in swapped.stderr and "after the assessment" in swapped.stderr
    assert not (tmp_path / "plan.json").exists()
    other = again.model_copy(update={"profile": again.profile.model_copy(update={"organisation": "Tienda Sur"})})
    (tmp_path / "other.yaml").write_text(exchange_text(other), encoding="utf-8")
    named = run("plan", tmp_path / "other.yaml", "--baseline", tmp_path / "then.yaml", "-o", tmp_path / "plan.json")
    assert named.returncode == 0, named.stderr
    assert f"the baseline is an assessment of {baseline.profile.organisation}, not of Tienda Sur" in named.stderr


def test_a_kpi_nobody_measured_is_no_longer_to_measure_in_the_first_weeks_once_the_launch_is_past() -> None:
    import datetime as dt

    from readiness.core.plan.launch import launch_date
    from readiness.report.html import render_plan_html
    from readiness.report.outputs import plan_in
    from readiness.report.paper import Paper
    from readiness.report.theme import load_theme

    baseline = sample(Lang.EN)
    launch, _assumed = launch_date(baseline)
    for issued, said, unsaid in (
        (launch - dt.timedelta(days=30), "to measure in the first weeks", "not measured before the launch"),
        (launch + dt.timedelta(days=90), "not measured before the launch", "to measure in the first weeks"),
    ):
        plan = plan_in(baseline, shipped_content(), None, issued=issued)
        assert any(k.baseline is None for k in plan.kpis)
        for edition in Edition:
            html = render_plan_html(plan, load_theme(), Paper.A4, edition=edition).html
            assert said in html and f">{unsaid}<" not in html, (issued, edition)
