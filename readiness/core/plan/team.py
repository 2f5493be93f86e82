"""The team, coverage and bot plan."""

from __future__ import annotations

from readiness.core.assessment import Assessment, BusinessHours
from readiness.core.plan.messages import label, message
from readiness.core.plan.model import RoleLine, Task, TeamPlan
from readiness.core.plan.tasks import TaskContext
from readiness.core.text import Lang, Role

ALWAYS_STAFFED = (Role.EXECUTIVE_SPONSOR, Role.CHANNEL_OWNER, Role.SUPPORT)


def team_plan(
    assessment: Assessment, chosen: tuple[str, ...], training: tuple[Task, ...], context: TaskContext
) -> TeamPlan:
    lang = assessment.language
    team = assessment.team
    live_agents = tuple(
        context.catalogs.channels[c].name.get(lang) for c in chosen if context.catalogs.channels[c].requires_live_agents
    )
    bot = team.bot
    return TeamPlan(
        executive_sponsor=team.executive_sponsor,
        channel_owner=team.channel_owner,
        roles=_roles(assessment, context),
        coverage=coverage_text(team.coverage or assessment.profile.business_hours, lang),
        response_promise_minutes=team.response_promise_minutes,
        live_agents_required_by=live_agents,
        bot_enabled=bot.enabled,
        bot_scope=bot.scope,
        bot_handoff=bot.handoff,
        bot_rules=tuple(message(k, lang) for k in ("bot.disclose", "bot.handoff", "bot.no_dead_end"))
        if bot.enabled
        else (),
        training=training,
    )


def _roles(assessment: Assessment, context: TaskContext) -> tuple[RoleLine, ...]:
    team = assessment.team
    lines = [RoleLine(r.role.value, context.role_label(r.role), r.name, r.responsibilities) for r in team.roles]
    named = {Role(line.role) for line in lines}
    wanted = [*ALWAYS_STAFFED, *((Role.BOT_OWNER,) if team.bot.enabled else ())]
    lines += [RoleLine(r.value, context.role_label(r), context.owners.get(r, ""), "") for r in wanted if r not in named]
    return tuple(lines)


def owners_by_role(assessment: Assessment) -> dict[Role, str]:
    owners = {r.role: r.name for r in assessment.team.roles if r.name}
    if assessment.team.executive_sponsor:
        owners.setdefault(Role.EXECUTIVE_SPONSOR, assessment.team.executive_sponsor)
    if assessment.team.channel_owner:
        owners.setdefault(Role.CHANNEL_OWNER, assessment.team.channel_owner)
    return owners


def coverage_text(hours: BusinessHours, lang: Lang) -> str:
    days = ", ".join(label("day", d, lang) for d in hours.days)
    return message(
        "team.coverage",
        lang,
        days=days,
        opens=hours.opens.strftime("%H:%M"),
        closes=hours.closes.strftime("%H:%M"),
        timezone=hours.timezone,
    )
