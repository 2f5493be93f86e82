"""What the brief edition reads off the plan: the decisions asked of the sponsor, and the work that comes next.

Every decision is one this business faces, from its own plan: the channels it chose, the hours and the reply time
it promises, the bot it plans, the laws its markets bring, and the tasks its sponsor owns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from readiness.core.i18n import N_, _, ngettext
from readiness.core.lang import Lang
from readiness.core.plan.figures import date_text, list_text, quantity_text
from readiness.core.plan.model import KpiLine, Plan, Task

NEXT_ACTIONS = 5
WORST_GAPS = 3
SPONSOR = "executive_sponsor"


@dataclass(frozen=True)
class Decision:
    text: str
    task: Task | None = None
    """The sponsor's own task behind the decision, with its due date."""


@dataclass(frozen=True)
class Brief:
    worst_gaps: tuple[str, ...]
    """The top gaps, each with where it happens and its measured figure when there is one."""
    decisions: tuple[Decision, ...]
    next_actions: tuple[Task, ...]
    """The open tasks to start first: any already late, then by the last day to start, then by due date."""
    in_short: tuple[str, ...]
    """This business in four sentences: its worst gaps as measured, the channels and who runs them, what blocks the
    launch and until when, and the first target."""


def brief_of(plan: Plan) -> Brief:
    worst = _worst_gaps(plan)
    return Brief(worst, _decisions(plan), _next_actions(plan), _in_short(plan, worst))


def _in_short(plan: Plan, worst_gaps: tuple[str, ...]) -> tuple[str, ...]:
    """The summary's sentences. A plan issued after its launch date (a re-assessment's) speaks of the launch and of
    targets already due in the past tense, rather than as what is still to come."""
    lang, org = Lang(plan.header.language), plan.header.organisation
    launched = plan.header.issued_after_launch
    said = []
    if worst_gaps:
        gaps = list_text(worst_gaps, lang)
        said.append(_("The gaps that cost {organisation} most: {gaps}.", lang, organisation=org, gaps=gaps))
    if plan.chosen_channels:
        channels = (
            N_("Its channels are {channels}, run by {owner} with {sponsor} as executive sponsor.")
            if launched
            else N_("It will open {channels}, run by {owner} with {sponsor} as executive sponsor.")
        )
        said.append(
            _(
                channels,
                lang,
                channels=list_text((c.name for c in plan.chosen_channels), lang),
                owner=plan.team.channel_owner or _("a channel owner still to be named", lang),
                sponsor=plan.team.executive_sponsor or _("a sponsor still to be named", lang),
            )
        )
    said.append(_launch_sentence(plan, lang, launched))
    if plan.kpis:
        said.append(_first_target(plan.kpis[0], lang, plan.header.issued))
    return tuple(said)


def _launch_sentence(plan: Plan, lang: Lang, launched: bool) -> str:
    launch = date_text(plan.header.launch_date, lang, "long")
    blockers = plan.open_launch_blockers
    if not blockers:
        if launched:
            return _("The launch was set for {launch}; no launch blocker is left open.", lang, launch=launch)
        return _("Nothing blocks the launch on {launch}.", lang, launch=launch)
    last_due = date_text(max(t.due for t in blockers), lang, "long")
    if launched:
        return ngettext(
            "{count} launch blocker is still open, though the launch was set for {launch}; it is due by {date}.",
            "{count} launch blockers are still open, though the launch was set for {launch}; the last is due by "
            "{date}.",
            len(blockers),
            lang,
            launch=launch,
            date=last_due,
        )
    return ngettext(
        "{count} launch blocker stands before the launch on {launch}; it is due by {date}.",
        "{count} launch blockers stand before the launch on {launch}; the last is due by {date}.",
        len(blockers),
        lang,
        launch=launch,
        date=last_due,
    )


def _first_target(kpi: KpiLine, lang: Lang, issued: dt.date) -> str:
    """The first KPI target; one whose deadline has passed is told in the past, beside its latest measure."""
    fields = {
        "kpi": kpi.name,
        "target": quantity_text(kpi.target, kpi.unit, lang),
        "date": date_text(kpi.deadline, lang, "long"),
    }
    if kpi.deadline >= issued:
        target = _("The first target: “{kpi}” at {target} by {date}.", lang, **fields)
        if kpi.baseline is None:
            return target
        return target + " " + _("Today it is {baseline}.", lang, baseline=quantity_text(kpi.baseline, kpi.unit, lang))
    target = _("The first target was “{kpi}” at {target} by {date}.", lang, **fields)
    if not kpi.actuals:
        return target + " " + _("It has not been measured since the launch.", lang)
    latest = kpi.actuals[-1]
    return target + " " + _("Last measured: {value}.", lang, value=quantity_text(latest.value, kpi.unit, lang))


def _worst_gaps(plan: Plan) -> tuple[str, ...]:
    lang = plan.header.language
    return tuple(
        _("{gap} ({touchpoint}, measured: {value})", lang, gap=g.type_name, touchpoint=g.touchpoint, value=measured)
        if (measured := _measured(g.measured_value, g.unit, lang))
        else _("{gap} ({touchpoint})", lang, gap=g.type_name, touchpoint=g.touchpoint)
        for g in plan.gaps[:WORST_GAPS]
    )


def _measured(value: float | None, unit: str, lang: str) -> str:
    return "" if value is None else quantity_text(value, unit, Lang(lang))


def _next_actions(plan: Plan) -> tuple[Task, ...]:
    open_tasks = [t for t in plan.all_tasks() if t.status.is_open]
    open_tasks.sort(key=lambda t: (not t.late_start, t.start or t.due, t.due, t.id))
    return tuple(open_tasks[:NEXT_ACTIONS])


def _decisions(plan: Plan) -> tuple[Decision, ...]:
    lang = plan.header.language
    found = [Decision(_channels(plan)), Decision(_service(plan))]
    if plan.team.bot_enabled:
        found.append(Decision(_("Let a bot answer customers, within the scope and hand-off the team set.", lang)))
    laws = sum(1 for checklist in plan.compliance if any(t.status.is_open for t in checklist.tasks))
    if laws and plan.header.issued_after_launch:
        found.append(
            Decision(
                ngettext(
                    "Have counsel confirm the {count} legal checklist still open.",
                    "Have counsel confirm the {count} legal checklists still open.",
                    laws,
                    lang,
                )
            )
        )
    elif laws:
        found.append(
            Decision(
                ngettext(
                    "Have counsel confirm {count} legal checklist before launch.",
                    "Have counsel confirm {count} legal checklists before launch.",
                    laws,
                    lang,
                )
            )
        )
    found += [Decision(t.title, t) for t in plan.all_tasks() if t.owner_role == SPONSOR and t.status.is_open]
    return tuple(found)


def _channels(plan: Plan) -> str:
    lang = plan.header.language
    chosen = plan.chosen_channels
    if not chosen:
        return _("Choose the channel to open: none is chosen yet.", lang)
    primary, others = chosen[0].name, [c.name for c in chosen[1:]]
    if not others:
        return _("Open {primary} as the primary channel.", lang, primary=primary)
    return _(
        "Open {primary} as the primary channel, with {secondary} as secondary.",
        lang,
        primary=primary,
        secondary=list_text(others, lang),
    )


def _service(plan: Plan) -> str:
    lang = plan.header.language
    team = plan.team
    if team.response_promise_minutes is None:
        return _(
            "Set the reply time customers are promised, and the hours a person answers: {hours}.",
            lang,
            hours=team.coverage,
        )
    return _(
        "Staff the channels {hours}, and promise a reply within {promise}.",
        lang,
        hours=team.coverage,
        promise=team.response_promise,
    )
