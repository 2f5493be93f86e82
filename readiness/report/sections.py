"""The printed plan's numbered sections, and where in them each task and milestone appears.

The templates head every chapter from this table, and the calendar tells where in the plan an event comes from,
so the two always agree. Titles and parts are msgids, translated where the plan's language is known.
"""

from __future__ import annotations

from dataclasses import dataclass

from readiness.core.i18n import N_
from readiness.core.names import STEP_NAMES
from readiness.core.plan.model import Task, TaskKind

SECTION_TITLES = {
    "summary": N_("Executive summary"),
    "readiness": N_("Readiness"),
    "gaps": N_("Gap register"),
    "channels": N_("Channel decision"),
    "team": N_("Team, training and bot"),
    "launch": N_("Launch checklist"),
    "promotion": N_("Promotion checklists"),
    "kpis": N_("KPI targets"),
    "timeline": N_("Timeline and refine routine"),
    "actions": N_("Action plan"),
    "appendix": N_("Appendix: answers and scoring"),
}
"""The chapters in the order the plan prints them; a chapter's number is its place here."""


@dataclass(frozen=True)
class PlanSection:
    number: int
    key: str
    """The chapter's anchor in the HTML."""
    title: str


PLAN_SECTIONS = {
    key: PlanSection(number, key, title) for number, (key, title) in enumerate(SECTION_TITLES.items(), start=1)
}

BRIEF_TITLES = {
    "dashboard": N_("Dashboard"),
    "schedule": N_("Schedule"),
    "launch": N_("Launch blockers and compliance"),
    "promotion": N_("Promotion"),
    "kpis": N_("KPI targets and reviews"),
    "costs": N_("Monthly running cost"),
}
"""The brief's six parts in the order it prints them, numbered as its templates number them."""
BRIEF_SECTIONS = {
    key: PlanSection(number, key, title) for number, (key, title) in enumerate(BRIEF_TITLES.items(), start=1)
}


@dataclass(frozen=True)
class PlanPlace:
    """A chapter, and the heading inside it (a msgid) when the chapter has several."""

    section: PlanSection
    part: str | None = None


_KIND_PLACES = {
    TaskKind.BLOCKER: PlanPlace(PLAN_SECTIONS["launch"], N_("Launch blockers")),
    TaskKind.COMPLIANCE: PlanPlace(PLAN_SECTIONS["launch"], N_("Rules that apply")),
    TaskKind.DAY_ONE: PlanPlace(PLAN_SECTIONS["launch"], N_("Day one")),
    TaskKind.TRAINING: PlanPlace(PLAN_SECTIONS["team"], N_("Training")),
    TaskKind.PROMOTION: PlanPlace(PLAN_SECTIONS["promotion"]),
}
_MILESTONE_PLACES = {
    "blockers": PlanPlace(PLAN_SECTIONS["launch"], N_("Launch blockers")),
    "training": PlanPlace(PLAN_SECTIONS["team"], N_("Training")),
    "promotion": PlanPlace(PLAN_SECTIONS["promotion"]),
    "first_review": PlanPlace(PLAN_SECTIONS["timeline"], N_("Refine routine")),
    "kpi_review": PlanPlace(PLAN_SECTIONS["kpis"]),
    "kpi_deadline": PlanPlace(PLAN_SECTIONS["kpis"]),
}


def task_place(task: Task) -> PlanPlace:
    """Where the plan lists the task: its checklist, or the action plan under the task's step."""
    if task.kind in _KIND_PLACES:
        return _KIND_PLACES[task.kind]
    return PlanPlace(PLAN_SECTIONS["actions"], STEP_NAMES.get(task.step))


def milestone_place(milestone_id: str) -> PlanPlace:
    """Where the plan says what the milestone is about; the timeline for the others."""
    return _MILESTONE_PLACES.get(milestone_id, PlanPlace(PLAN_SECTIONS["timeline"]))
