"""What the plan's calendar holds, in the plan's language: one entry per milestone, per review series and, when
asked for, per dated task, each saying what it is, who owns it and where the printed plan covers it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from readiness.core.assessment import ActionStatus
from readiness.core.catalog import Cadence
from readiness.core.i18n import N_, _, ngettext
from readiness.core.names import label
from readiness.core.plan.model import Milestone, Plan, Task
from readiness.core.plan.owners import owner_text
from readiness.report.fmt import Formatter
from readiness.report.recurrence import reviews_after
from readiness.report.safetext import plain_line, without_controls
from readiness.report.sections import PlanPlace, milestone_place, task_place

MILESTONE_MEANINGS = {
    "start": N_("The plan starts: work on the first tasks begins."),
    "blockers": N_("Every launch blocker is cleared: nothing stops the channel from going live."),
    "training": N_("Everyone who answers the channel has been trained."),
    "launch": N_("The channel goes live for customers."),
    "promotion": N_("Every surface the business controls tells customers about the channel."),
    "first_review": N_("The first review of the conversations since launch, following the refine routine."),
    "kpi_review": N_("The first comparison of the KPIs with their targets."),
    "kpi_deadline": N_("The KPI targets are due: each KPI should have reached its target."),
    "reassessment": N_("Run the assessment again to measure progress and start the next cycle."),
}
"""What each milestone means, for its event's description."""
KPI_REVIEW_CADENCE = Cadence.MONTHLY
"""How often the KPIs are compared with their targets after the first time."""
SUMMARY_LIMIT = 250
"""Characters of an event's one-line title, organisation included."""
REMINDER_DAYS = 7
"""A reminder comes this many days before the launch, and before a launch blocker with no start date."""


@dataclass(frozen=True)
class CalendarEntry:
    """One all-day event, or a series of them."""

    key: str
    """Names the entry within its plan, the same each time the plan is generated."""
    day: dt.date
    summary: str
    description: str
    remind_days_before: int | None = None
    """None: no reminder; 0: on the day."""
    repeat: dict[str, object] | None = None
    """The RRULE of a series."""
    skipped: tuple[dt.date, ...] = ()
    """Days the series leaves out (EXDATE): public holidays."""
    cancelled: bool = False


def calendar_name(plan: Plan) -> str:
    header = plan.header
    name = _("{organisation}: messaging rollout", header.language, organisation=header.organisation)
    return plain_line(name, SUMMARY_LIMIT)


def calendar_entries(plan: Plan, *, with_tasks: bool) -> tuple[CalendarEntry, ...]:
    """The milestones and the review series; with ``with_tasks``, every task of the plan too."""
    maker = _EntryMaker(plan)
    milestones = tuple(maker.milestone(m) for m in plan.milestones)
    tasks = tuple(maker.task(t) for t in plan.all_tasks()) if with_tasks else ()
    return (*milestones, *maker.review_series(), *tasks)


class _EntryMaker:
    """The calendar's entries for one plan, in the plan's language."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.lang = plan.header.language
        self.fmt = Formatter(self.lang)
        self.open_blockers = frozenset(plan.open_launch_blockers)

    def milestone(self, milestone: Milestone) -> CalendarEntry:
        meaning = _(MILESTONE_MEANINGS[milestone.id], self.lang)
        routine = self._routine() if milestone.id == "first_review" else ()
        return CalendarEntry(
            key=milestone.id,
            day=milestone.date,
            summary=self._summary(milestone.title),
            description=self._description(
                meaning, *routine, owner=self._rollout_owner(), place=milestone_place(milestone.id)
            ),
            remind_days_before=REMINDER_DAYS if milestone.id == "launch" else None,
        )

    def review_series(self) -> tuple[CalendarEntry, ...]:
        """The transcript reviews at the routine's cadence and the monthly KPI reviews, each from the one after
        its first-review milestone until the re-assessment."""
        refine = self.plan.refine
        transcripts = self._series(
            "transcript_reviews", N_("Transcript review"), refine.first_review, refine.review_cadence, "first_review"
        )
        kpis = self._series("kpi_reviews", N_("KPI review"), refine.first_kpi_review, KPI_REVIEW_CADENCE, "kpi_review")
        return tuple(entry for entry in (transcripts, kpis) if entry is not None)

    def task(self, task: Task) -> CalendarEntry:
        return CalendarEntry(
            key=f"task.{task.id}",
            day=task.due,
            summary=self._summary(task.title),
            description=self._description(
                task.detail, *self._schedule(task), owner=owner_text(task, self.lang), place=task_place(task)
            ),
            remind_days_before=self._blocker_reminder(task) if task in self.open_blockers else None,
            cancelled=task.status is ActionStatus.DROPPED,
        )

    def _series(
        self, key: str, title: str, first: dt.date, cadence: Cadence, milestone_id: str
    ) -> CalendarEntry | None:
        """The reviews that follow the milestone ``milestone_id`` on ``first``; None when none comes before the
        re-assessment."""
        reassessment = self.plan.refine.reassessment
        country = self.plan.header.home_country
        series = reviews_after(first, cadence, reassessment, country, not_before=self.plan.header.created)
        if series is None:
            return None
        repeats = _(
            "Cadence: {cadence}, until the re-assessment on {date}.",
            self.lang,
            cadence=label("cadence", cadence, self.lang),
            date=self.fmt.date(reassessment, "long"),
        )
        routine = self._routine() if milestone_id == "first_review" else ()
        return CalendarEntry(
            key=key,
            day=series.start,
            summary=self._summary(_(title, self.lang)),
            description=self._description(
                repeats, *routine, owner=self._rollout_owner(), place=milestone_place(milestone_id)
            ),
            repeat=series.rule,
            skipped=series.skipped,
        )

    def _summary(self, title: str) -> str:
        return plain_line(f"{title} — {self.plan.header.organisation}", SUMMARY_LIMIT)

    def _description(self, *lines: str, owner: str, place: PlanPlace) -> str:
        facts = (
            _("Owner: {owner}", self.lang, owner=owner),
            _(
                "In the plan: section {number}, {title}",
                self.lang,
                number=place.section.number,
                title=self._part(place),
            ),
        )
        said = [line for line in lines if line]
        return without_controls("\n".join([*said, "", *facts] if said else facts))

    def _part(self, place: PlanPlace) -> str:
        title = _(place.section.title, self.lang)
        return f"{title} › {_(place.part, self.lang)}" if place.part else title

    def _routine(self) -> tuple[str, ...]:
        return tuple(f"{number}. {step}" for number, step in enumerate(self.plan.refine.steps, start=1))

    def _rollout_owner(self) -> str:
        """The channel owner answers for the rollout: its milestones and reviews are theirs."""
        role = _("Channel owner", self.lang)
        person = self.plan.team.channel_owner
        return f"{person} ({role})" if person else role

    def _schedule(self, task: Task) -> tuple[str, ...]:
        """When to start work that takes time, as the printed checklist says it."""
        if not (task.start and task.lead_time_days and task.status is ActionStatus.TODO):
            return ()
        duration = ngettext("{count} working day", "{count} working days", task.lead_time_days, self.lang)
        return (_("Start by {date} · takes {duration}.", self.lang, date=self.fmt.date(task.start), duration=duration),)

    @staticmethod
    def _blocker_reminder(task: Task) -> int:
        """On the last day to start it when it takes time and that day is still ahead, else a week before it is due."""
        if task.start and task.lead_time_days and not task.late_start:
            return max(0, (task.due - task.start).days)
        return REMINDER_DAYS
