"""Every checklist item of the plan, with its owner, due date and status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from readiness.core.assessment import ActionOverride, ActionStatus, Assessment
from readiness.core.catalog import ChecklistItem, PromotionAction
from readiness.core.content import Catalogs
from readiness.core.i18n import _
from readiness.core.lang import Lang
from readiness.core.placeholders import fill, for_bot
from readiness.core.plan.facts import PlanFacts, settled_facts
from readiness.core.plan.model import PromotionChecklist, Task, TaskKind
from readiness.core.plan.schedule import (
    DAY_ONE_READY_WORKING_DAYS,
    LAUNCH_BUFFER_WORKING_DAYS,
    WorkingDays,
    team_calendar,
)
from readiness.core.plan.timeline import first_review
from readiness.core.questionnaire import ActionDef, Questionnaire, Settled
from readiness.core.scoring import chosen_options, visible_questions
from readiness.core.text import AnsweredAs, LocalText, Role, Step


@dataclass(frozen=True)
class TaskContext:
    """What every task needs: dates, language, people, the user's overrides and the facts copy is filled with."""

    lang: Lang
    today: dt.date
    """The day the plan is issued (never before the assessment): what falls due earlier is brought forward to it."""
    launch: dt.date
    first_review: dt.date
    """The refine routine's first transcript review, which some actions are due on."""
    catalogs: Catalogs
    overrides: dict[str, ActionOverride]
    facts: PlanFacts
    calendar: WorkingDays
    """The working days of the team: due dates fall on them."""
    answered: frozenset[tuple[str, str]] = frozenset()
    """Every (question, choice) the assessment answers with."""

    @property
    def countries(self) -> frozenset[str]:
        return self.facts.countries

    def serves(self, limited_to: Iterable[str]) -> bool:
        """True for an item meant for everywhere, or for one of the countries the business serves."""
        limits = tuple(limited_to)
        return not limits or bool(self.countries & self.catalogs.expand(limits))

    def applies(self, item: ChecklistItem, markets: Iterable[str] = ()) -> bool:
        """A checklist item for the markets served, and for a bot only when a bot answers.

        An item about customers in its markets (``markets``: those of its regulation) needs customers there.
        """
        if item.customers_there and not self.facts.served & self.catalogs.expand(item.countries or markets):
            return False
        return self.serves(item.countries) and (self.facts.bot_answers or not item.only_with_bot)

    def answered_as(self, conditions: Iterable[AnsweredAs]) -> ActionStatus:
        """Done when there are conditions and the answers meet every one; to do otherwise."""
        listed = tuple(conditions)
        return ActionStatus.DONE if listed and self.answers_meet(listed) else ActionStatus.TODO

    def answers_meet(self, conditions: Iterable[AnsweredAs]) -> bool:
        """Whether the assessment answers every condition with one of its choices (true when there are none)."""
        return all(any((c.question, choice) in self.answered for choice in c.choices) for c in conditions)

    def role_label(self, role: Role) -> str:
        text = self.catalogs.roles.get(role)
        return text.get(self.lang) if text else role.value.replace("_", " ")

    def text(self, text: LocalText | None, channel: str | None = None, concerns: Iterable[str] = ()) -> str:
        """Content text in the plan's language, its placeholders filled with this assessment's facts.

        ``channel`` is the one channel an item is printed for; ``concerns`` narrows ``{channels}`` to the
        chosen channels an item is about (default: every chosen channel).
        """
        if text is None:
            return ""
        values = self.facts.wording(self.catalogs, self.lang, channel, tuple(concerns))
        return fill(for_bot(text.get(self.lang), self.facts.bot_answers), values, self.lang)

    def task(
        self,
        *,
        due: dt.date,
        owner_role: Role,
        owner: str = "",
        status: ActionStatus = ActionStatus.TODO,
        start: dt.date | None = None,
        **fields: object,
    ) -> Task:
        """A task due on ``due`` (brought forward to the first working day from today when that has passed and the
        task is still to do), with the user's override.

        Nobody holding the task's role: the channel owner, who answers for the rollout, holds it (the role is
        printed beside the name)."""
        person = owner or self.facts.owners.get(owner_role) or self.facts.owners.get(Role.CHANNEL_OWNER, "")
        override = self.overrides.get(str(fields["id"]))
        if override is not None:
            status = override.status
        settled = not status.is_open
        task = Task(
            owner_role=owner_role.value,
            owner_role_label=self.role_label(owner_role),
            owner=person,
            owner_title=self._title_of(person),
            owner_holds_role=owner_role in self.facts.people.get(person, ()),
            due=due if settled else max(due, self.today),
            start=start,
            late_start=not settled and (start or due) < self.today,
            status=status,
            **fields,  # type: ignore[arg-type]
        )
        if override is None:
            return task
        owner = override.owner or task.owner
        due = override.due or task.due
        return replace(
            task,
            owner=owner,
            owner_title=self._title_of(owner),
            owner_holds_role=owner_role in self.facts.people.get(owner, ()),
            due=due,
            start=self.calendar.before(due, task.lead_time_days) if task.start and override.due else task.start,
            late_start=task.late_start and override.due is None,
        )

    def from_launch(self, days: int) -> dt.date:
        """``days`` from launch, on a working day."""
        return self.calendar.on_or_before(self.launch + dt.timedelta(days=days))

    def action_due(self, action: ActionDef) -> dt.date:
        return self.first_review if action.offset_days is None else self.from_launch(action.offset_days)

    def before_launch(self, lead_time_days: int) -> tuple[dt.date, dt.date]:
        """(due, latest start) of a task that must be finished a working-day buffer before launch."""
        due = self.calendar.before(self.launch, LAUNCH_BUFFER_WORKING_DAYS)
        return due, self.calendar.before(due, lead_time_days)

    def checklist_task(
        self,
        kind: TaskKind,
        item: ChecklistItem,
        task_id: str,
        channel: str | None = None,
        concerns: Iterable[str] = (),
        due_by: dt.date | None = None,
    ) -> Task:
        """A catalog checklist item as a task: a day-one item is ready for the rehearsal just before launch (started
        its lead time earlier), anything else a buffer before it (or by ``due_by``, when a later item waits for it)."""
        if kind is TaskKind.DAY_ONE:
            due = self.calendar.before(self.launch, DAY_ONE_READY_WORKING_DAYS)
            start = self.calendar.before(due, item.lead_time_days)
        else:
            due, start = self.before_launch(item.lead_time_days)
            if due_by is not None and due_by < due:
                due, start = due_by, self.calendar.before(due_by, item.lead_time_days)
        return self.task(
            id=task_id,
            kind=kind,
            title=self.text(item.title, channel, concerns),
            detail=self.text(item.detail, channel, concerns),
            step=Step.OPEN.value,
            owner_role=item.owner_role,
            due=due,
            start=start,
            lead_time_days=item.lead_time_days,
            channel=channel,
            status=self.checklist_status(item, channel),
        )

    def checklist_status(self, item: ChecklistItem, channel: str | None) -> ActionStatus:
        if item.done_if_in_use and channel in self.facts.in_use:
            return ActionStatus.DONE
        return self.answered_for(channel, item.done_if_answered)

    def answered_for(self, channel: str | None, conditions: Iterable[AnsweredAs]) -> ActionStatus:
        """As ``answered_as``; an item for one channel is in place only where that channel already runs: the
        answers describe today's channels, not one still to be set up."""
        if channel is not None and channel not in self.facts.in_use:
            return ActionStatus.TODO
        return self.answered_as(conditions)

    def _title_of(self, person: str) -> str:
        return ", ".join(self.role_label(role) for role in self.facts.people.get(person, ()))


def task_context(assessment: Assessment, catalogs: Catalogs, launch: dt.date, issued: dt.date) -> TaskContext:
    """The one context the plan builder and the app's previews give their tasks, as of the day the plan is issued."""
    calendar = team_calendar(assessment)
    return TaskContext(
        lang=assessment.language,
        today=calendar.on_or_after(max(assessment.created, issued)),
        launch=launch,
        first_review=first_review(assessment, launch),
        catalogs=catalogs,
        overrides={o.action: o for o in assessment.overrides},
        facts=PlanFacts.of(assessment, catalogs),
        calendar=calendar,
        answered=answered_choices(assessment),
    )


def answered_choices(assessment: Assessment) -> frozenset[tuple[str, str]]:
    """(question, choice) for every choice answered; numbers, dates and questions marked N/A give none."""
    pairs = set()
    for question_id, answer in assessment.answers.items():
        if answer.na:
            continue
        if isinstance(answer.value, str):
            pairs.add((question_id, answer.value))
        elif isinstance(answer.value, tuple):
            pairs.update((question_id, choice) for choice in answer.value)
    return frozenset(pairs)


def triggered_actions(
    questionnaire: Questionnaire,
    assessment: Assessment,
    context: TaskContext,
    catalog_work: Iterable[Task] = (),
) -> tuple[Task, ...]:
    """The actions that answers add, for the chosen channels, de-duplicated and ordered so dependencies come first;
    an action whose work a catalog item in the plan (``catalog_work``: checklists and promotion) does is left out."""
    sources: dict[str, list[str]] = {}
    visible = visible_questions(questionnaire, assessment.answers)
    for question in questionnaire.questions:
        answer = assessment.answers.get(question.id)
        if question.id not in visible or answer is None or not answer.is_answered:
            continue
        for option in chosen_options(question, answer):
            for action_id in option.actions:
                sources.setdefault(action_id, []).append(question.id)
    chosen = set(context.facts.chosen)
    settled = settled_facts(assessment)
    planned = {task.id.partition("@")[0] for task in catalog_work}
    definitions = {
        a: d
        for a in sources
        if (d := questionnaire.action(a)) is not None
        and (not d.channels or chosen & set(d.channels))
        and not (d.skip_when and settled.issuperset(d.skip_when))
        and not set(d.skip_if_planned) & planned
    }
    return tuple(
        _action_task(definitions[a], tuple(sources[a]), definitions, settled, context)
        for a in _dependency_order(definitions, context)
    )


def _dependency_order(definitions: dict[str, ActionDef], context: TaskContext) -> list[str]:
    """Topological order (dependencies first); among ready actions, earliest due first."""
    remaining = dict(definitions)
    ordered: list[str] = []
    while remaining:
        ready = [d for d in remaining.values() if all(dep in ordered or dep not in definitions for dep in d.depends_on)]
        chosen = min(ready, key=lambda d: (context.action_due(d), d.id))
        ordered.append(chosen.id)
        del remaining[chosen.id]
    return ordered


def _action_task(
    action: ActionDef,
    sources: tuple[str, ...],
    definitions: dict[str, ActionDef],
    settled: frozenset[Settled],
    context: TaskContext,
) -> Task:
    done = bool(action.done_when) and settled.issuperset(action.done_when)
    done = done or context.answered_as(action.done_if_answered) is ActionStatus.DONE
    concerns = tuple(c for c in context.facts.chosen if c in action.channels) if action.channels else ()
    return context.task(
        id=action.id,
        kind=TaskKind.ACTION,
        title=context.text(action.title, concerns=concerns),
        detail=context.text(action.detail, concerns=concerns),
        step=action.step.value,
        owner_role=action.owner_role,
        due=context.action_due(action),
        status=ActionStatus.DONE if done else ActionStatus.TODO,
        effort=action.effort.value,
        depends_on=tuple(d for d in action.depends_on if d in definitions),
        triggered_by=sources,
    )


def channel_items(kind: TaskKind, channel_ids: Iterable[str], context: TaskContext) -> tuple[Task, ...]:
    """Launch blockers or day-one items of the chosen channels that apply in the profile's markets; a blocker that
    another waits for (``after``) is due the working day before that one starts."""
    tasks = []
    for channel_id in channel_ids:
        channel = context.catalogs.channels[channel_id]
        items = [i for i in (channel.blockers if kind is TaskKind.BLOCKER else channel.day_one) if context.applies(i)]
        tasks += _in_sequence(kind, channel_id, items, context)
    return tuple(sorted(tasks, key=lambda t: (t.start or t.due, t.due, t.channel or "", t.id)))


def _in_sequence(kind: TaskKind, channel_id: str, items: list[ChecklistItem], context: TaskContext) -> list[Task]:
    """The items as tasks, the ones waited for scheduled backwards from those that wait (content has no cycles)."""
    planned: dict[str, Task] = {}

    def schedule(item: ChecklistItem) -> Task:
        if item.id not in planned:
            waiting = [schedule(i) for i in items if item.id in i.after]
            starts = [t.start or t.due for t in waiting]
            due_by = context.calendar.before(min(starts), 1) if starts else None
            task_id = f"{item.id}@{channel_id}"
            planned[item.id] = context.checklist_task(kind, item, task_id, channel=channel_id, due_by=due_by)
        return planned[item.id]

    return [schedule(item) for item in items]


def promotion_checklists(
    channel_ids: tuple[str, ...],
    assessment: Assessment,
    context: TaskContext,
    planned_work: Iterable[Task] = (),
) -> tuple[PromotionChecklist, ...]:
    """Per selected surface: the actions meant for every channel, then those of each chosen channel; an item whose
    work other planned work already does (``planned``: actions, checklist items, other promotion items) is left out."""
    fitting = [
        a
        for choice in assessment.promotion
        for a in context.catalogs.promotion_actions.values()
        if a.surface == choice.surface
        and _fits(a, assessment, context)
        and ("all" in a.channels or bool(set(a.channels) & set(channel_ids)))
    ]
    planned = {task.id.partition("@")[0] for task in planned_work} | {a.id for a in fitting}
    checklists = []
    for choice in assessment.promotion:
        surface = context.catalogs.surfaces[choice.surface]
        actions = [a for a in fitting if a.surface == surface.id and not set(a.skip_if_planned) & planned]
        for channel_id in (None, *channel_ids):
            key = channel_id or "all"
            picked = [a for a in actions if key in a.channels]
            if not picked:
                continue
            tasks = sorted(
                (_promotion_task(a, channel_id, choice.owner, context) for a in picked), key=lambda t: (t.due, t.id)
            )
            channel_name = (
                context.catalogs.channels[channel_id].name.get(context.lang)
                if channel_id
                else _("All channels", context.lang)
            )
            checklists.append(
                PromotionChecklist(surface.id, surface.name.get(context.lang), channel_id, channel_name, tuple(tasks))
            )
    return tuple(checklists)


def _fits(action: PromotionAction, assessment: Assessment, context: TaskContext) -> bool:
    """Right market, right audience, a bot if it is about one, and (for clean-up tasks) a channel really in use."""
    profile = assessment.profile
    return (
        context.serves(action.countries)
        and (context.facts.bot_answers or not action.only_with_bot)
        and (not action.audience or bool(set(action.audience) & set(profile.audience)))
        and (not action.only_if_using or bool(context.facts.in_use.intersection(action.only_if_using)))
    )


def _promotion_task(action: PromotionAction, channel_id: str | None, owner: str, context: TaskContext) -> Task:
    return context.task(
        id=action.id if channel_id is None else f"{action.id}@{channel_id}",
        kind=TaskKind.PROMOTION,
        title=context.text(action.title, channel_id),
        detail=context.text(action.detail, channel_id),
        step=Step.PROMOTE.value,
        owner_role=action.owner_role,
        owner=owner,
        due=context.from_launch(action.offset_days),
        channel=channel_id,
        surface=action.surface,
        status=context.answered_for(channel_id, action.done_if_answered),
    )
