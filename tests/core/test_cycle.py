"""Closing the cycle: a re-assessment compared with its baseline, score by score, gap by gap and KPI by KPI."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import reassessment
from conftest import transcript_evidence as evidence

from readiness.core.assessment import Assessment
from readiness.core.content import Content
from readiness.core.lang import Lang
from readiness.core.plan.builder import build_plan
from readiness.core.plan.cycle import CycleComparison, GapState
from readiness.core.plan.launch import launch_date
from readiness.core.plan.model import KpiActual
from readiness.core.scoring import score_assessment

ISSUED = dt.date(2027, 6, 20)


@pytest.fixture
def baseline(samples: dict[str, Assessment]) -> Assessment:
    return samples["mx-retail.en"]


def compared(baseline: Assessment, again: Assessment, content: Content) -> CycleComparison:
    cycle = build_plan(again, content, ISSUED, baseline=baseline).cycle
    assert cycle is not None
    return cycle


def test_each_step_and_reason_is_scored_then_and_now(baseline: Assessment, shipped: Content) -> None:
    again = reassessment(baseline, shipped)
    cycle = compared(baseline, again, shipped)
    questionnaire = shipped.assessment_questionnaire(baseline)
    then, now = score_assessment(questionnaire, baseline.answers), score_assessment(questionnaire, again.answers)
    assert [(c.dimension, c.before, c.after) for c in cycle.steps] == [
        (step.value, then.steps[step].score, now.steps[step].score) for step in questionnaire.steps
    ]
    assert [(c.dimension, c.before, c.after) for c in cycle.reasons] == [
        (reason.value, then.reasons[reason].score, now.reasons[reason].score) for reason in questionnaire.reasons
    ]
    identify = cycle.steps[0]
    assert identify.change is not None and identify.change > 0, "the better answers raise Identify"
    assert identify.change == round(identify.after - identify.before, 1)  # type: ignore[operator]
    assert cycle.overall.before == then.overall.score and cycle.overall.after == now.overall.score


def test_gaps_are_matched_by_kind_and_touchpoint(baseline: Assessment, shipped: Content) -> None:
    again = reassessment(baseline, shipped)
    cycle = compared(baseline, again, shipped)
    first = baseline.gaps[0]
    assert (first.type, "billing") not in {(g.type, g.touchpoint.value) for g in baseline.gaps}
    (closed,) = cycle.gaps_in(GapState.CLOSED)
    (new,) = cycle.gaps_in(GapState.NEW)
    assert (closed.touchpoint, closed.before, closed.after) == ("support", first.measured_value, None)
    assert new.touchpoint == "billing" and new.type_name == closed.type_name
    assert len(cycle.gaps_in(GapState.OPEN)) == len(baseline.gaps) - 1
    assert [g.state for g in cycle.gaps] == sorted((g.state for g in cycle.gaps), key=list(GapState).index)


def test_the_baselines_kpi_targets_meet_what_was_measured_since_its_launch(
    baseline: Assessment, shipped: Content
) -> None:
    again = reassessment(baseline, shipped)
    kpis = {k.kpi: k for k in compared(baseline, again, shipped).kpis}
    assert set(kpis) == {line.kpi for line in build_plan(baseline, shipped, ISSUED).kpis}
    reply = kpis["frt_messaging"]
    assert (reply.actual and reply.actual.value, reply.target, reply.met) == (12.5, 15.0, True), "lower is better"
    within = kpis["within_promise"]
    assert (within.actual and within.actual.value, within.target, within.met) == (88.0, 90.0, False)
    assert kpis["csat"].actual is None and kpis["csat"].met is None, "no transcript measures satisfaction"


def test_the_latest_figure_wins_and_a_figure_typed_into_the_reassessment_counts(
    baseline: Assessment, shipped: Content
) -> None:
    launch, _ = launch_date(baseline)
    again = reassessment(baseline, shipped)
    later = evidence(launch + dt.timedelta(days=60), launch + dt.timedelta(days=115), 20.0, 0.95)
    typed = tuple(k.model_copy(update={"baseline": 91.0}) if k.kpi == "csat" else k for k in again.kpis)
    again = again.model_copy(update={"transcripts": (*again.transcripts, later), "kpis": typed})
    kpis = {k.kpi: k for k in compared(baseline, again, shipped).kpis}
    assert kpis["frt_messaging"].actual == KpiActual(later.last, 20.0) and kpis["frt_messaging"].met is False
    assert kpis["csat"].actual == KpiActual(again.created, 91.0), "today's figure, typed where the baseline had none"
    assert kpis["csat"].met is True
    assert kpis["optin_growth"].actual is None, "a figure left as the baseline had it is no new measurement"


def test_transcripts_from_before_the_launch_are_no_actual(baseline: Assessment, shipped: Content) -> None:
    launch, _ = launch_date(baseline)
    early = evidence(launch - dt.timedelta(days=60), launch - dt.timedelta(days=30), 5.0, 0.99)
    again = baseline.model_copy(update={"created": launch + dt.timedelta(days=90), "transcripts": (early,)})
    cycle = compared(baseline, again, shipped)
    assert all(k.actual is None for k in cycle.kpis)
    assert cycle.summary.endswith(f"KPI targets not measured yet: {len(cycle.kpis)}.")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            Lang.EN,
            "Since the assessment of {day}, the overall score went from {before} to {after}. Gaps closed: 1; new: 1. "
            "KPI targets met since the launch: {met} of the 3 measured. KPI targets not measured yet: {rest}.",
        ),
        (
            Lang.ES,
            "Desde la evaluación del {day}, la puntuación global pasó de {before} a {after}. Brechas cerradas: 1; "
            "nuevas: 1. Objetivos de KPI cumplidos desde el lanzamiento: {met} de los 3 medidos. Objetivos de KPI aún "
            "sin medir: {rest}.",
        ),
    ],
)
def test_one_sentence_sums_the_cycle_up(
    lang: Lang, expected: str, samples: dict[str, Assessment], shipped: Content
) -> None:
    from readiness.core.plan.figures import date_text, score_text

    baseline = samples[f"mx-retail.{lang.value}"]
    cycle = compared(baseline, reassessment(baseline, shipped), shipped)
    met = sum(1 for k in cycle.kpis if k.met)
    assert cycle.summary == expected.format(
        day=date_text(baseline.created, lang),
        before=score_text(cycle.overall.before, lang),
        after=score_text(cycle.overall.after, lang),
        met=met,
        rest=len(cycle.kpis) - 3,
    )


def test_a_plan_without_a_baseline_compares_nothing(baseline: Assessment, shipped: Content) -> None:
    assert build_plan(baseline, shipped, ISSUED).cycle is None


def test_a_gap_still_open_says_whether_its_figure_moved_the_better_way(baseline: Assessment, shipped: Content) -> None:
    from readiness.core.catalog import Direction

    again = reassessment(baseline, shipped)
    measured = next(
        g
        for g in again.gaps
        if g.measured_value and (t := shipped.catalogs.gap_types[g.type]).benchmark and t.benchmark.direction
    )
    lower_is_better = shipped.catalogs.gap_types[measured.type].benchmark.direction is Direction.LOWER_IS_BETTER
    for factor, said in ((0.5, "Still open, measured better"), (2.0, "Still open, measured worse")):
        value = measured.measured_value * (factor if lower_is_better else 1 / factor)  # type: ignore[operator]
        gaps = tuple(g.model_copy(update={"measured_value": value}) if g is measured else g for g in again.gaps)
        cycle = compared(baseline, again.model_copy(update={"gaps": gaps}), shipped)
        (moved,) = [g for g in cycle.gaps if g.before is not None and g.after == value]
        assert moved.said == said
    unchanged = compared(baseline, again, shipped)
    assert {g.said for g in unchanged.gaps_in(GapState.OPEN)} == {"Still open"}
    assert [g.said for g in unchanged.gaps_in(GapState.CLOSED)] == ["Closed"]
