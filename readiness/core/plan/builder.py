"""Assemble the plan from an assessment and the installed content."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from readiness.core import clock
from readiness.core.assessment import Assessment
from readiness.core.content import Content
from readiness.core.i18n import _
from readiness.core.linked import reassessment_date_of_routine
from readiness.core.plan.appendix import answer_lines, skipped_questions
from readiness.core.plan.channels import rank_channels, retired_in_use
from readiness.core.plan.compliance import compliance_checklists
from readiness.core.plan.costs import READINESS_TARGET, numeric_answer, running_cost
from readiness.core.plan.cycle import CycleComparison, compare_cycle
from readiness.core.plan.gaps import rank_gaps
from readiness.core.plan.kpis import kpi_lines
from readiness.core.plan.launch import launch_date
from readiness.core.plan.model import Plan, PlanHeader, TaskKind
from readiness.core.plan.readiness import readiness
from readiness.core.plan.tasks import (
    channel_items,
    promotion_checklists,
    task_context,
    triggered_actions,
)
from readiness.core.plan.team import team_plan
from readiness.core.plan.timeline import milestones, refine_routine
from readiness.core.plan.training import training_tasks
from readiness.core.plan.transcripts import findings as transcript_findings
from readiness.core.plan.transcripts import next_cycle
from readiness.core.scoring import score_assessment


def build_plan(
    assessment: Assessment, content: Content, issued: dt.date | None = None, baseline: Assessment | None = None
) -> Plan:
    """The plan as of ``issued`` (default: today): tasks due earlier and not done are brought forward to it. A
    re-assessment's plan compares it with ``baseline``, the assessment it follows."""
    assessment = reassessment_date_of_routine(assessment)
    questionnaire = content.assessment_questionnaire(assessment)
    catalogs = content.catalogs
    lang = assessment.language
    issued = issued or clock.today()
    launch, assumed = launch_date(assessment)
    context = task_context(assessment, catalogs, launch, issued)
    chosen = context.facts.chosen
    gaps = rank_gaps(assessment, catalogs, lang)
    training = training_tasks(assessment, context)
    blockers = channel_items(TaskKind.BLOCKER, chosen, context)
    compliance = compliance_checklists(context)
    day_one = channel_items(TaskKind.DAY_ONE, chosen, context)
    checklist_work = (*blockers, *(t for c in compliance for t in c.tasks), *day_one)
    catalog_work = (
        *checklist_work,
        *(t for c in promotion_checklists(chosen, assessment, context, checklist_work) for t in c.tasks),
    )
    actions = triggered_actions(questionnaire, assessment, context, catalog_work)
    promotion = promotion_checklists(chosen, assessment, context, (*checklist_work, *actions))
    kpis = kpi_lines(assessment, context.facts, catalogs, launch)
    refine = refine_routine(assessment, launch)
    scores = score_assessment(questionnaire, assessment.answers)
    plan = Plan(
        header=_header(assessment, questionnaire.title.get(lang), launch, assumed, issued),
        scores=scores,
        readiness=readiness(questionnaire, scores, lang),
        gaps=gaps,
        channels=rank_channels(assessment, gaps, catalogs, launch),
        retired_channels_in_use=retired_in_use(assessment, catalogs),
        team=team_plan(assessment, training, context),
        launch_blockers=blockers,
        compliance=compliance,
        compliance_notice=_(
            "These checklists are guidance drawn from public sources, not legal advice. Confirm what applies to "
            "your business with counsel in each market before launch.",
            lang,
        ),
        day_one=day_one,
        promotion=promotion,
        kpis=kpis,
        actions=actions,
        milestones=milestones(assessment, launch, blockers, training, promotion, kpis, refine),
        refine=refine,
        answers=answer_lines(questionnaire, assessment.answers, scores, lang),
        skipped_questions=skipped_questions(questionnaire, assessment.answers),
        running_cost=running_cost(assessment, context.facts, catalogs),
        readiness_target=numeric_answer(assessment, READINESS_TARGET),
        transcripts=transcript_findings(assessment, launch, lang),
        next_cycle=next_cycle(assessment, catalogs, lang),
    )
    return plan if baseline is None else replace(plan, cycle=_cycle(plan, assessment, baseline, content, issued))


def _cycle(
    plan: Plan, assessment: Assessment, baseline: Assessment, content: Content, issued: dt.date
) -> CycleComparison:
    """The baseline read through its own plan, in this plan's language."""
    before = build_plan(baseline.model_copy(update={"language": assessment.language}), content, issued)
    return compare_cycle(before, plan, baseline, assessment, content.catalogs)


def _header(
    assessment: Assessment, questionnaire_title: str, launch: dt.date, assumed: bool, issued: dt.date
) -> PlanHeader:
    profile = assessment.profile
    return PlanHeader(
        organisation=profile.organisation,
        industry=profile.industry,
        countries=profile.countries,
        audience=tuple(a.value for a in profile.audience),
        facilitator=profile.facilitator,
        participants=tuple(p.name for p in profile.participants),
        language=assessment.language.value,
        created=assessment.created,
        issued=issued,
        launch_date=launch,
        launch_date_assumed=assumed,
        home_country=profile.home_country,
        questionnaire=questionnaire_title,
        questionnaire_version=assessment.questionnaire_version,
    )
