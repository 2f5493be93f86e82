"""A re-assessment made after the launch: the launch tasks the team never ticked are found, and can be marked done
without losing the owner or the date the team gave them."""

from __future__ import annotations

import datetime as dt

from readiness.core.assessment import ActionOverride, ActionStatus, Assessment
from readiness.core.content import Content
from readiness.core.plan.builder import build_plan
from readiness.core.plan.reassess import launch_tasks_left_open, marked_done


def launched(samples: dict[str, Assessment]) -> tuple[Assessment, dt.date]:
    baseline = samples["us-dental.en"]
    assert baseline.profile.launch_date is not None
    return baseline, baseline.profile.launch_date


def test_the_tasks_due_by_a_past_launch_and_not_ticked_are_found(
    samples: dict[str, Assessment], shipped: Content
) -> None:
    baseline, launch = launched(samples)
    left = launch_tasks_left_open(baseline, shipped, launch + dt.timedelta(days=100))
    due_by_launch = [t for t in build_plan(baseline, shipped, issued=baseline.created).all_tasks() if t.due <= launch]
    assert left and len(left) < len(due_by_launch), "some were ticked in the sample"
    assert all(t.due <= launch and t.status in (ActionStatus.TODO, ActionStatus.DOING) for t in left)
    assert launch_tasks_left_open(baseline, shipped, launch) == (), "launch day: not behind yet"
    no_date = baseline.model_copy(update={"profile": baseline.profile.model_copy(update={"launch_date": None})})
    assert launch_tasks_left_open(no_date, shipped, launch + dt.timedelta(days=365)) == (), "an assumed launch"


def test_marking_them_done_keeps_what_the_team_gave_them(samples: dict[str, Assessment], shipped: Content) -> None:
    baseline, launch = launched(samples)
    later = launch + dt.timedelta(days=100)
    left = launch_tasks_left_open(baseline, shipped, later)
    owned = ActionOverride(action=left[0].id, owner="Dr. Ortiz", due=launch - dt.timedelta(days=3))
    baseline = baseline.model_copy(update={"overrides": (*baseline.overrides, owned)})
    done = marked_done(baseline, [t.id for t in left])
    assert launch_tasks_left_open(done, shipped, later) == ()
    kept = next(o for o in done.overrides if o.action == owned.action)
    assert (kept.owner, kept.due, kept.status) == ("Dr. Ortiz", owned.due, ActionStatus.DONE)
    untouched = {o.action: o for o in baseline.overrides if o.action not in {t.id for t in left}}
    assert untouched == {o.action: o for o in done.overrides if o.action in untouched}
