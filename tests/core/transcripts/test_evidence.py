"""From evidence to the assessment: the figures proposed for recorded gaps and KPI targets, the gaps the register
lacks, and the assessment once the user accepted some."""

from __future__ import annotations

import datetime as dt

from conftest import transcript_evidence

from readiness.core.assessment import Assessment
from readiness.core.content import Content
from readiness.core.lang import Lang
from readiness.core.samples import load_sample
from readiness.core.transcripts.evidence import proposals, with_evidence
from readiness.resources import questionnaires

MEASURED = transcript_evidence(dt.date(2026, 10, 1), dt.date(2026, 10, 31), 190, 0.42)


def without_gaps(shipped: Content, *types: str) -> Assessment:
    base = load_sample("mx-retail", Lang.EN, shipped, questionnaires())
    return base.model_copy(update={"gaps": tuple(g for g in base.gaps if g.type not in types)})


def test_recorded_gaps_and_targets_get_figures_and_missing_gaps_are_proposed(shipped: Content) -> None:
    assessment = without_gaps(shipped, "after_hours", "forced_channel_switch")
    offered = {(p.kind, p.type): p for p in proposals(MEASURED, assessment, Lang.EN)}
    assert offered["gap", "slow_first_response"].value == 190
    assert offered["kpi", "within_promise"].value == 42.0 and offered["kpi", "within_promise"].unit == "%"
    added = [offered["new_gap", "forced_channel_switch"], offered["new_gap", "after_hours"]]
    assert [(p.value, p.id) for p in added] == [(18.0, "gap-7"), (31.0, "gap-8")], "the next ids no gap has"
    assert all(p.provenance == "from 1,240 WhatsApp conversations, Oct 1\u2009–\u200931, 2026" for p in added)


def test_only_what_the_user_accepts_changes_and_the_evidence_is_kept(shipped: Content) -> None:
    assessment = without_gaps(shipped, "after_hours")
    offered = proposals(MEASURED, assessment, Lang.EN)
    accepted = [p for p in offered if p.kind == "new_gap" or p.type == "within_promise"]
    updated = with_evidence(assessment, MEASURED, accepted)
    assert updated.transcripts == (MEASURED,)
    new = updated.gaps[-1]
    assert (new.type, new.measured_value, new.id) == ("after_hours", 31.0, "gap-7")
    assert new.evidence.startswith("from 1,240 WhatsApp conversations")
    first = {g.type: g for g in updated.gaps}["slow_first_response"]
    assert first == {g.type: g for g in assessment.gaps}["slow_first_response"], "not accepted: left as it was"
    assert {k.kpi: k for k in updated.kpis}["within_promise"].baseline == 42.0
    assert Assessment.model_validate(updated.model_dump()) == updated, "still a valid assessment"


def test_transcripts_from_after_the_launch_are_actuals_not_baselines(shipped: Content) -> None:
    from readiness.core.plan.builder import build_plan
    from readiness.core.plan.launch import launch_date
    from readiness.core.transcripts.evidence import actuals_sentence

    assessment = without_gaps(shipped)
    launch, _ = launch_date(assessment)
    later = transcript_evidence(launch + dt.timedelta(days=30), launch + dt.timedelta(days=60), 12.5, 0.88)
    offered = proposals(later, assessment, Lang.EN)
    assert {p.kind for p in offered} == {"gap"}, "the gap register takes today's figures; the KPI baselines stay"
    assert actuals_sentence(later, assessment, Lang.EN).startswith("These transcripts are from after the launch")
    assert actuals_sentence(MEASURED, assessment, Lang.EN) == "", "October 2026 is before the February launch"
    updated = with_evidence(assessment, later, offered)
    kpis = {k.kpi: k for k in build_plan(updated, shipped).kpis}
    reply = kpis["frt_messaging"]
    assert (reply.baseline, [a.value for a in reply.actuals]) == (None, [12.5]), "the figure is the actual"
