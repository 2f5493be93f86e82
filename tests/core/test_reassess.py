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


def test_a_plan_issued_after_its_launch_tells_the_launch_and_the_first_target_in_the_past(
    samples: dict[str, Assessment], shipped: Content
) -> None:
    """Not "It will open…", "Nothing blocks the launch on…" or a target "by" a day long gone, in a re-assessment."""
    from conftest import reassessment

    from readiness.core.plan.brief import brief_of

    baseline, _launch = launched(samples)
    before = brief_of(build_plan(baseline, shipped, issued=baseline.created))
    assert before.in_short[1].startswith("It will open ")
    assert "stand before the launch on" in before.in_short[2] or "Nothing blocks the launch" in before.in_short[2]

    again = reassessment(baseline, shipped)
    plan = build_plan(again, shipped, issued=again.created)
    said = brief_of(plan).in_short
    assert said[1].startswith("Its channels are ")
    assert "though the launch was set for" in said[2]
    assert said[3].startswith("The first target was ") and plan.kpis[0].deadline < again.created
    assert said[3].endswith("It has not been measured since the launch.") or "Last measured:" in said[3]

    ticked = marked_done(again, [t.id for t in plan.all_tasks()])
    done = brief_of(build_plan(ticked, shipped, issued=again.created))
    assert done.in_short[2].endswith("no launch blocker is left open.")
    assert not any("legal checklist" in d.text for d in done.decisions), "no checklist left to confirm"
    assert any("legal checklists still open" in d.text for d in brief_of(plan).decisions)
