"""A re-assessment: the assessment it follows, carried over to a later day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from readiness.core.assessment import ActionOverride, ActionStatus, Assessment
from readiness.core.content import Content
from readiness.core.linked import reassessment_date_of_routine
from readiness.core.plan.builder import build_plan
from readiness.core.plan.launch import launch_date
from readiness.core.plan.model import Task


def reassessed(baseline: Assessment, today: dt.date) -> Assessment:
    """``baseline`` assessed again on ``today``: everything carried over, but a re-assessment date already answered
    moves to the routine's next one after today, so the new plan's appendix and timeline name the same day."""
    return reassessment_date_of_routine(baseline.model_copy(update={"created": today}))


def launch_tasks_left_open(baseline: Assessment, content: Content, today: dt.date) -> tuple[Task, ...]:
    """The baseline's tasks due by its launch and not marked done or dropped, once that launch is behind ``today``.
    Nothing while the launch is ahead or was only assumed: then nothing says the channel went live."""
    launch, assumed = launch_date(baseline)
    if assumed or launch >= today:
        return ()
    plan = build_plan(baseline, content, issued=baseline.created)
    return tuple(task for task in plan.all_tasks() if task.due <= launch and task.status.is_open)


def marked_done(assessment: Assessment, task_ids: Iterable[str]) -> Assessment:
    """``assessment`` with these tasks marked done; an owner or a date the team gave one is kept."""
    overrides = {override.action: override for override in assessment.overrides}
    for task in task_ids:
        kept = overrides.get(task, ActionOverride(action=task))
        overrides[task] = kept.model_copy(update={"status": ActionStatus.DONE})
    return assessment.model_copy(update={"overrides": tuple(overrides.values())})
