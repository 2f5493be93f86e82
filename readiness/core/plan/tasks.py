"""Every checklist item of the plan, with its owner, due date and status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from readiness.core.assessment import ActionOverride, ActionStatus, Assessment
from readiness.core.catalog import ChecklistItem, PromotionAction
from readiness.core.content import Catalogs
from readiness.core.plan.messages import message
from readiness.core.plan.model import PromotionChecklist, Task, TaskKind
from readiness.core.questionnaire import ActionDef, Questionnaire
from readiness.core.scoring import chosen_options, visible_questions
from readiness.core.text import Lang, Role, Step


@dataclass(frozen=True)
class TaskContext:
    """What every task needs: the dates, the language, role names and the user's overrides."""

    lang: Lang
    created: dt.date
    launch: dt.date
    catalogs: Catalogs
    overrides: dict[str, ActionOverride]
    owners: dict[Role, str]
    countries: frozenset[str]

    def serves(self, limited_to: Iterable[str]) -> bool:
        """True for an item meant for everywhere, or for one of the countries the business serves."""
        limits = tuple(limited_to)
        return not limits or bool(self.countries & self.catalogs.expand(limits))

    def role_label(self, role: Role) -> str:
        text = self.catalogs.roles.get(role)
        return text.get(self.lang) if text else role.value.replace("_", " ")

    def task(self, *, offset_days: int, owner_role: Role, owner: str = "", **fields: object) -> Task:
        """A task due ``offset_days`` from launch, with the user's override applied."""
        planned = self.launch + dt.timedelta(days=offset_days)
        task = Task(
            owner_role=owner_role.value,
            owner_role_label=self.role_label(owner_role),
            owner=owner or self.owners.get(owner_role, ""),
            due=max(planned, self.created),
            late_start=planned < self.created,
            status=ActionStatus.TODO,
            **fields,  # type: ignore[arg-type]
        )
        override = self.overrides.get(task.id)
        if override is None:
            return task
        return replace(
            task,
            owner=override.owner or task.owner,
            due=override.due or task.due,
            late_start=task.late_start and override.due is None,
            status=override.status,
        )


def triggered_actions(questionnaire: Questionnaire, assessment: Assessment, context: TaskContext) -> tuple[Task, ...]:
    """The actions that answers add, de-duplicated and ordered so dependencies come first."""
    sources: dict[str, list[str]] = {}
    visible = visible_questions(questionnaire, assessment.answers)
    for question in questionnaire.questions:
        answer = assessment.answers.get(question.id)
        if question.id not in visible or answer is None or not answer.is_answered:
            continue
        for option in chosen_options(question, answer):
            for action_id in option.actions:
                sources.setdefault(action_id, []).append(question.id)
    definitions = {a: d for a in sources if (d := questionnaire.action(a)) is not None}
    return tuple(
        _action_task(definitions[a], tuple(sources[a]), definitions, context) for a in _dependency_order(definitions)
    )


def _dependency_order(definitions: dict[str, ActionDef]) -> list[str]:
    """Topological order (dependencies first); among ready actions, earliest due first."""
    remaining = dict(definitions)
    ordered: list[str] = []
    while remaining:
        ready = [d for d in remaining.values() if all(dep in ordered or dep not in definitions for dep in d.depends_on)]
        chosen = min(ready, key=lambda d: (d.offset_days, d.id))
        ordered.append(chosen.id)
        del remaining[chosen.id]
    return ordered


def _action_task(
    action: ActionDef, sources: tuple[str, ...], definitions: dict[str, ActionDef], context: TaskContext
) -> Task:
    lang = context.lang
    return context.task(
        id=action.id,
        kind=TaskKind.ACTION,
        title=action.title.get(lang),
        detail=action.detail.get(lang) if action.detail else "",
        step=action.step.value,
        owner_role=action.owner_role,
        offset_days=action.offset_days,
        effort=action.effort.value,
        depends_on=tuple(d for d in action.depends_on if d in definitions),
        triggered_by=sources,
    )


def channel_items(kind: TaskKind, channel_ids: Iterable[str], context: TaskContext) -> tuple[Task, ...]:
    """Launch blockers or day-one items of the chosen channels that apply in the profile's markets."""
    tasks = []
    for channel_id in channel_ids:
        channel = context.catalogs.channels[channel_id]
        for item in channel.blockers if kind is TaskKind.BLOCKER else channel.day_one:
            if context.serves(item.countries):
                tasks.append(_channel_task(kind, channel_id, item, context))
    return tuple(sorted(tasks, key=lambda t: (t.due, t.channel or "", t.id)))


def _channel_task(kind: TaskKind, channel_id: str, item: ChecklistItem, context: TaskContext) -> Task:
    return context.task(
        id=f"{item.id}@{channel_id}",
        kind=kind,
        title=item.title.get(context.lang),
        detail=item.detail.get(context.lang) if item.detail else "",
        step=Step.OPEN.value,
        owner_role=item.owner_role,
        offset_days=-item.lead_time_days,
        channel=channel_id,
    )


def promotion_checklists(
    channel_ids: tuple[str, ...], assessment: Assessment, context: TaskContext
) -> tuple[PromotionChecklist, ...]:
    """Per selected surface: the actions meant for every channel, then those of each chosen channel."""
    checklists = []
    for choice in assessment.promotion:
        surface = context.catalogs.surfaces[choice.surface]
        actions = [
            a
            for a in context.catalogs.promotion_actions.values()
            if a.surface == surface.id and _fits(a, assessment, context)
        ]
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
                else message("channel.all", context.lang)
            )
            checklists.append(
                PromotionChecklist(surface.id, surface.name.get(context.lang), channel_id, channel_name, tuple(tasks))
            )
    return tuple(checklists)


def _fits(action: PromotionAction, assessment: Assessment, context: TaskContext) -> bool:
    """Right market, right audience, and (for clean-up tasks) a channel the business really uses."""
    profile = assessment.profile
    in_use = {c.channel for c in profile.current_channels}
    return (
        context.serves(action.countries)
        and (not action.audience or bool(set(action.audience) & set(profile.audience)))
        and (not action.only_if_using or bool(set(action.only_if_using) & in_use))
    )


def _promotion_task(action: PromotionAction, channel_id: str | None, owner: str, context: TaskContext) -> Task:
    return context.task(
        id=action.id if channel_id is None else f"{action.id}@{channel_id}",
        kind=TaskKind.PROMOTION,
        title=action.title.get(context.lang),
        detail=action.detail.get(context.lang) if action.detail else "",
        step=Step.PROMOTE.value,
        owner_role=action.owner_role,
        owner=owner,
        offset_days=action.offset_days,
        channel=channel_id,
        surface=action.surface,
    )


def training_tasks(assessment: Assessment, context: TaskContext) -> tuple[Task, ...]:
    sessions = [
        (f"training.{index}", s.title, s.offset_days, s.audience)
        for index, s in enumerate(assessment.team.training, start=1)
    ]
    if not sessions:
        sessions = [("training.basics", message("training.basics.title", context.lang), -14, ())]
        if assessment.team.bot.enabled:
            sessions.append(("training.bot", message("training.bot.title", context.lang), -7, (Role.BOT_OWNER,)))
    tasks = [
        context.task(
            id=task_id,
            kind=TaskKind.TRAINING,
            title=title,
            detail=_audience_line(audience, context),
            step=Step.OPEN.value,
            owner_role=Role.CHANNEL_OWNER,
            offset_days=offset,
        )
        for task_id, title, offset, audience in sessions
    ]
    return tuple(sorted(tasks, key=lambda t: (t.due, t.id)))


def _audience_line(audience: Iterable[Role], context: TaskContext) -> str:
    names = ", ".join(context.role_label(r) for r in audience)
    return message("training.detail", context.lang, audience=names) if names else ""
