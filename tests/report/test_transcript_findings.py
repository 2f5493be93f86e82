"""Chat-transcript evidence in the plan: what was measured before and after the launch, what was redacted, the KPI
actuals beside their baselines, and the gaps the transcripts show for the next cycle; in the model and in the PDF."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from conftest import transcript_evidence as evidence
from report_support import normalise, render, sample, shipped_content

from readiness.core.assessment import Assessment
from readiness.core.i18n import _
from readiness.core.lang import Lang
from readiness.core.plan.builder import build_plan
from readiness.report.outputs import PlanSettings, write_plan

ISSUED = dt.date(2026, 11, 2)


def with_transcripts(lang: Lang) -> Assessment:
    """The Mexican sample (launch Feb 15, 2027) measured in October 2026 and again in March 2027, with no
    after-hours or switch gap recorded, so the transcripts suggest both for the next cycle."""
    base = sample(lang)
    gaps = tuple(g for g in base.gaps if g.type not in {"after_hours", "forced_channel_switch"})
    before = evidence(dt.date(2026, 10, 1), dt.date(2026, 10, 31), 190, 0.42)
    after = evidence(dt.date(2027, 3, 1), dt.date(2027, 3, 31), 12.5, 0.88)
    return base.model_copy(update={"gaps": gaps, "transcripts": (before, after)})


def test_the_plan_model_reports_findings_actuals_and_the_next_cycle() -> None:
    plan = build_plan(with_transcripts(Lang.EN), shipped_content(), ISSUED)
    before, after = plan.transcripts
    assert before.source == "From 1,240 WhatsApp conversations, Oct 1\u2009–\u200931, 2026" and not before.after_launch
    assert after.after_launch
    assert before.findings[0] == "First response: median 190 min, 9 in 10 within 1,140 min."
    assert "42% answered within the 60-minute promise." in before.findings
    assert before.redacted == (
        "Redacted before anything was measured: 2 card numbers, 31 e-mail addresses, 95 mentions of customers' "
        "names, 212 phone numbers; only these figures were kept."
    )
    kpis = {k.kpi: k for k in plan.kpis}
    assert [(a.measured, a.value) for a in kpis["frt_messaging"].actuals] == [(dt.date(2027, 3, 31), 12.5)]
    assert (kpis["frt_messaging"].baseline, kpis["frt_messaging"].baseline_source) == (190, f"from {before.source[5:]}")
    assert kpis["csat"].baseline is None, "what no transcript measures is still to be measured"
    assert [a.value for a in kpis["within_promise"].actuals] == [88.0]
    assert not kpis["csat"].actuals, "no transcript measures satisfaction"
    assert plan.next_cycle == (
        "18% of conversations end with the customer sent elsewhere (most often: to call): record the gap "
        "\u201cForced channel switch\u201d for the next cycle.",
        "31% of conversations start outside business hours: record the gap \u201cAfter-hours coverage gap\u201d for "
        "the next cycle.",
    )


@pytest.mark.parametrize("lang", [Lang.EN, Lang.ES])
def test_the_pdf_says_what_was_measured_and_redacted_and_never_more(lang: Lang, tmp_path: Path) -> None:
    import pdfua

    rendered = render(with_transcripts(lang), shipped_content())
    path = tmp_path / "plan.pdf"
    path.write_bytes(rendered.result.pdf)
    assert [f"{f.rule_id} p{f.location.page}: {f.message}" for f in pdfua.validate(str(path)).findings] == []
    text = rendered.text
    plan = rendered.plan
    for findings in plan.transcripts:
        assert normalise(findings.source) in text and normalise(findings.redacted) in text
    for line in plan.next_cycle:
        assert normalise(line) in text
    assert _("Latest actual", lang).upper() in text, "the KPI table's column, in capitals as it is printed"


def test_a_kpi_measured_after_the_launch_draws_its_course_with_alt_text() -> None:
    rendered = render(with_transcripts(Lang.EN), shipped_content())
    title = "First response time: messaging: 190\u00a0min → 12.5\u00a0min; target 15\u00a0min"
    assert f'<svg class="trend" role="img" aria-label="{title}"' in rendered.page.html
    assert rendered.page.html.count('<svg class="trend"') == 3, "each KPI with a baseline and an actual"


def test_the_word_plan_carries_the_same_findings_and_actuals(tmp_path: Path) -> None:
    import docx

    assessment = with_transcripts(Lang.EN)
    out = tmp_path / "plan.docx"
    write_plan(out, assessment, shipped_content(), PlanSettings())
    document = docx.Document(str(out))
    paragraphs = [p.text for p in document.paragraphs]
    plan = build_plan(assessment, shipped_content())
    for found in plan.transcripts:
        assert found.redacted in paragraphs
        assert any(p.startswith(found.source) for p in paragraphs)
    headers = [[cell.text for cell in table.rows[0].cells] for table in document.tables]
    assert ["KPI", "Baseline", "Latest actual", "Target", "By", "Owner", "Review"] in headers


def test_a_typed_baseline_the_transcripts_contradict_is_pointed_out() -> None:
    measured = with_transcripts(Lang.EN)
    typed = tuple(
        k.model_copy(update={"baseline": 120.0, "baseline_source": "the team's estimate"})
        if k.kpi == "frt_messaging"
        else k.model_copy(update={"baseline": 42.0, "baseline_source": "the inbox report"})
        if k.kpi == "within_promise"
        else k
        for k in measured.kpis
    )
    rendered = render(measured.model_copy(update={"kpis": typed}), shipped_content())
    kpis = {k.kpi: k for k in rendered.plan.kpis}
    reply = kpis["frt_messaging"]
    assert (reply.baseline, reply.baseline_source) == (120.0, "the team's estimate"), "the team's figure stays"
    assert reply.baseline_check == (
        "The chat transcripts measured 190\u00a0min (from 1,240 WhatsApp conversations, Oct 1\u2009–\u200931, 2026): "
        "check which baseline is right."
    )
    assert normalise(reply.baseline_check) in rendered.text
    assert kpis["within_promise"].baseline_check == "", "the same figure: nothing to check"
    assert kpis["csat"].baseline_check == "", "no transcript measures satisfaction"


def test_the_word_plan_draws_each_measured_kpis_course_with_its_alt_text(tmp_path: Path) -> None:
    import docx
    from PIL import Image

    word = write_plan(tmp_path / "plan.docx", with_transcripts(Lang.EN), shipped_content(), PlanSettings())
    document = docx.Document(str(word.path))
    described = [
        shape.get("descr")
        for table in document.tables
        for shape in table._tbl.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")
    ]
    title = "First response time: messaging: 190 min → 12.5 min; target 15 min"
    assert title in described and len(described) == 3, "each KPI with a baseline and an actual, as in the PDF"
    pictures = [
        Image.open(io.BytesIO(part.blob)) for part in document.part.package.parts if part.content_type == "image/png"
    ]
    lines = [picture for picture in pictures if picture.size == (224, 72)]
    assert len(lines) == 3, "four times the PDF's 56 × 18"
    assert all(len(line.getcolors(4096) or ()) > 2 for line in lines), "a drawn line, not a blank"
