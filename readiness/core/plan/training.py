"""Training: the sessions the team plans, or, when it planned none, the ones the answers suggest."""

from __future__ import annotations

from collections.abc import Iterable

from readiness.core.assessment import Assessment, TrainingSession
from readiness.core.content import Catalogs
from readiness.core.i18n import _
from readiness.core.plan.facts import chosen_channels
from readiness.core.plan.model import Task, TaskKind
from readiness.core.plan.tasks import TaskContext
from readiness.core.text import Role, Step


def suggested_training(assessment: Assessment, catalogs: Catalogs) -> tuple[tuple[str, TrainingSession], ...]:
    """Sessions that follow the answers: the basics for everyone, the tools of each chosen channel for the people
    who answer it, and a hand-off drill when a bot answers. Each with the id its plan task takes."""
    lang = assessment.language
    suggested = [
        (
            "training.basics",
            TrainingSession(
                title=_("Channel basics, tone and response-time promise for the whole team", lang), offset_days=-14
            ),
        )
    ]
    for channel_id in chosen_channels(assessment, catalogs):
        channel = catalogs.channels[channel_id]
        title = _("{channel}: the inbox, labels and saved replies", lang, channel=channel.name.get(lang))
        audience = (Role.SUPPORT, Role.SALES)
        suggested.append((f"training.{channel_id}", TrainingSession(title=title, audience=audience, offset_days=-10)))
    if assessment.team.bot.enabled:
        drill = _("Bot hand-off drill: from bot to a person without losing context", lang)
        audience = (Role.BOT_OWNER, Role.SUPPORT)
        suggested.append(("training.bot", TrainingSession(title=drill, audience=audience, offset_days=-7)))
    return tuple(suggested)


def training_tasks(assessment: Assessment, context: TaskContext) -> tuple[Task, ...]:
    """The team's own sessions; none planned, the suggested ones."""
    planned = [(f"training.{index}", s) for index, s in enumerate(assessment.team.training, start=1)]
    tasks = [
        context.task(
            id=task_id,
            kind=TaskKind.TRAINING,
            title=session.title,
            detail=_audience_line(session.audience, context),
            step=Step.OPEN.value,
            owner_role=Role.CHANNEL_OWNER,
            due=context.from_launch(session.offset_days),
        )
        for task_id, session in planned or suggested_training(assessment, context.catalogs)
    ]
    return tuple(sorted(tasks, key=lambda t: (t.due, t.id)))


def _audience_line(audience: Iterable[Role], context: TaskContext) -> str:
    names = ", ".join(context.role_label(r) for r in audience)
    return _("Audience: {audience}.", context.lang, audience=names) if names else ""
