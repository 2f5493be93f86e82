"""Milestones and the refine routine that closes the cycle."""

from __future__ import annotations

import datetime as dt

from readiness.core.assessment import Assessment
from readiness.core.catalog import Cadence
from readiness.core.i18n import N_, _
from readiness.core.lang import Lang
from readiness.core.names import MILESTONE_NAMES, label, name
from readiness.core.plan.launch import next_reassessment
from readiness.core.plan.model import KpiLine, Milestone, PromotionChecklist, RefineRoutine, Task
from readiness.core.plan.schedule import team_calendar

REVIEW_INTERVAL_DAYS = {Cadence.DAILY: 1, Cadence.WEEKLY: 7, Cadence.MONTHLY: 30, Cadence.QUARTERLY: 90}
FIRST_KPI_REVIEW_DAYS = 30
REFINE_STEPS = (
    N_("Pull the transcripts of the period from every chosen channel."),
    N_("Check whether each question was resolved inside the channel, without sending the customer elsewhere."),
    N_("Note every step the conversation added (forms, call-backs, 'email us') and remove it where possible."),
    N_("Compare the KPIs with their targets and agree one change for the next period."),
    N_("Listen for new customer pain points and restart the cycle with the next gap."),
)


def first_review(assessment: Assessment, launch: dt.date) -> dt.date:
    """The first transcript review: one review interval after launch, on a working day."""
    return team_calendar(assessment).on_or_before(
        launch + dt.timedelta(days=REVIEW_INTERVAL_DAYS[assessment.refine.transcript_review])
    )


def refine_routine(assessment: Assessment, launch: dt.date) -> RefineRoutine:
    lang = assessment.language
    return RefineRoutine(
        transcript_review=label("cadence", assessment.refine.transcript_review, lang),
        review_cadence=assessment.refine.transcript_review,
        steps=tuple(_(step, lang) for step in REFINE_STEPS),
        first_review=first_review(assessment, launch),
        first_kpi_review=team_calendar(assessment).on_or_before(launch + dt.timedelta(days=FIRST_KPI_REVIEW_DAYS)),
        reassessment=next_reassessment(assessment),
    )


def milestones(
    assessment: Assessment,
    launch: dt.date,
    blockers: tuple[Task, ...],
    training: tuple[Task, ...],
    promotion: tuple[PromotionChecklist, ...],
    kpis: tuple[KpiLine, ...],
    refine: RefineRoutine,
) -> tuple[Milestone, ...]:
    """The milestones from the assessment's day on: a re-assessment, made after the launch, leaves out the launch
    and the first reviews, which are behind it."""
    lang = assessment.language
    dates: dict[str, dt.date | None] = {
        "start": assessment.created,
        "blockers": max((t.due for t in blockers), default=None),
        "training": max((t.due for t in training), default=None),
        "launch": launch,
        "promotion": max((t.due for c in promotion for t in c.tasks), default=None),
        "first_review": refine.first_review,
        "kpi_review": refine.first_kpi_review,
        "kpi_deadline": max((k.deadline for k in kpis), default=None),
        "reassessment": refine.reassessment,
    }
    found = [
        Milestone(key, _title(key, lang), day)
        for key, day in dates.items()
        if day is not None and day >= assessment.created
    ]
    return tuple(sorted(found, key=lambda m: m.date))


def _title(key: str, lang: Lang) -> str:
    return name(MILESTONE_NAMES, key, lang)
