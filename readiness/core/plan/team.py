"""The team, coverage and bot plan."""

from __future__ import annotations

from readiness.core.assessment import Assessment
from readiness.core.i18n import N_, _
from readiness.core.plan.facts import hours_text
from readiness.core.plan.model import RoleLine, Task, TeamPlan
from readiness.core.plan.tasks import TaskContext
from readiness.core.text import Role

BOT_RULES = (
    N_("Tell people they are talking to a bot at the start of every conversation."),
    N_(
        "Always offer the way to reach a person that you set up (a keyword or a button), and hand over the "
        "conversation history."
    ),
    N_("At every transcript review, read the bot's conversations for loops and dead ends."),
)

ALWAYS_STAFFED = (Role.SUPPORT,)
"""Roles listed even when nobody is named; the sponsor and the channel owner have their own lines above the table."""


def team_plan(assessment: Assessment, training: tuple[Task, ...], context: TaskContext) -> TeamPlan:
    lang = assessment.language
    team = assessment.team
    facts = context.facts
    channels = context.catalogs.channels
    live_agents = tuple(channels[c].name.get(lang) for c in facts.chosen if channels[c].requires_live_agents)
    bot = team.bot
    return TeamPlan(
        executive_sponsor=team.executive_sponsor,
        channel_owner=team.channel_owner,
        roles=_roles(assessment, context),
        coverage=hours_text(facts.staffed_hours, lang),
        business_hours=hours_text(assessment.profile.business_hours, lang),
        response_promise_minutes=team.response_promise_minutes,
        response_promise=facts.promise_text(facts.chosen, context.catalogs, lang),
        live_agents_required_by=live_agents,
        bot_enabled=bot.enabled,
        bot_scope=bot.scope,
        bot_handoff=bot.handoff,
        bot_rules=tuple(_(rule, lang) for rule in BOT_RULES) if bot.enabled else (),
        training=training,
    )


def _roles(assessment: Assessment, context: TaskContext) -> tuple[RoleLine, ...]:
    team = assessment.team
    lines = [RoleLine(r.role.value, context.role_label(r.role), r.name, r.responsibilities) for r in team.roles]
    named = {Role(line.role) for line in lines}
    wanted = [*ALWAYS_STAFFED, *((Role.BOT_OWNER,) if team.bot.enabled else ())]
    owners = context.facts.owners
    lines += [RoleLine(r.value, context.role_label(r), owners.get(r, ""), "") for r in wanted if r not in named]
    return tuple(lines)
