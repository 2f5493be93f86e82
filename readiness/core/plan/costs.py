"""The monthly running cost of the chosen channels: message fees, plan fees and staff time, each with its basis.

Volumes come from the Open step's questions, or else from the monthly contacts in the profile; prices from the
catalog's dated rates for the markets served, or from the provider's quote the user typed. Every figure is a
low–high range in one currency, and amounts in different currencies are never added up: the plan shows one total
per currency. A figure the inputs cannot support is "not estimated", with the reason, never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass

from readiness.core import clock
from readiness.core.assessment import Assessment
from readiness.core.content import Catalogs
from readiness.core.i18n import _
from readiness.core.lang import Lang
from readiness.core.plan.cost_lines import REPLIES_PER_CONVERSATION, CostLine, LineKind, Money, Volumes, not_estimated
from readiness.core.plan.facts import PlanFacts
from readiness.core.plan.figures import list_text, money_text, number_text, range_text
from readiness.core.plan.message_fees import message_fee_lines, pricing_of

EXPECTED_CONVERSATIONS = "open.expected_conversations"
MARKETING_MESSAGES = "open.marketing_messages"
UPDATE_MESSAGES = "open.update_messages"
HANDLING_TIME = "open.handling_time"
STAFF_HOUR_COST = "open.staff_hour_cost"
MARKETING_PRICE = "open.marketing_price"
UPDATE_PRICE = "open.update_price"
READINESS_TARGET = "refine.readiness_target"

PEOPLE_SHARE_WITH_BOT = (0.5, 1.0)
"""The share of conversations a person still handles when a bot answers first: well-tuned assistants resolve about
half (the questionnaire's bot guidance), a new one may resolve none."""


@dataclass(frozen=True)
class RunningCost:
    volume: str
    """The conversations a month the estimate counts, and where the figure comes from."""
    assumptions: tuple[str, ...]
    lines: tuple[CostLine, ...]
    totals: tuple[Money, ...]
    """One total per currency, of the lines estimated."""
    staff_hours: tuple[float, float] | None


def running_cost(assessment: Assessment, facts: PlanFacts, catalogs: Catalogs) -> RunningCost:
    lang = assessment.language
    volumes = _volumes(assessment, facts, catalogs, lang)
    lines: list[CostLine] = []
    for index, channel_id in enumerate(facts.chosen):
        channel = catalogs.channels[channel_id]
        markets = facts.served or facts.countries
        lines += message_fee_lines(channel, index == 0, volumes, pricing_of(channel, markets, catalogs), lang)
    hours = _staff_hours(volumes)
    lines.append(_staff_line(assessment, volumes, hours, lang))
    free_entries = tuple(e.get(lang) for c in facts.chosen if (e := catalogs.channels[c].free_entry) is not None)
    return RunningCost(
        volumes.conversations_basis,
        (*_assumptions(volumes, lang), *free_entries),
        tuple(lines),
        _totals(lines),
        hours,
    )


def _assumptions(volumes: Volumes, lang: Lang) -> tuple[str, ...]:
    found = [
        _(
            "The business sends {low} to {high} messages in each conversation a customer starts.",
            lang,
            low=REPLIES_PER_CONVERSATION[0],
            high=REPLIES_PER_CONVERSATION[1],
        )
    ]
    if volumes.people_share != (1.0, 1.0):
        found.append(_("With the bot answering first, people still handle half to all of the conversations.", lang))
    found.append(_("Amounts in different currencies are not added up; taxes are not included.", lang))
    return tuple(found)


def totals_text(cost: RunningCost, lang: Lang) -> str:
    """The totals, one per currency, joined: "$317–398 + R$11,250–22,500"; empty when nothing is estimated."""
    return " + ".join(money_text(t.low, t.high, t.currency, lang) for t in cost.totals)


def cost_summary(cost: RunningCost, lang: Lang) -> str:
    """One or two sentences for the window: the estimate, and what it leaves out."""
    totals = totals_text(cost, lang)
    said = (
        _("Monthly running cost: {totals}.", lang, totals=totals)
        if totals
        else _("Monthly running cost: not estimated yet.", lang)
    )
    missing = [line.item for line in cost.lines if line.kind is LineKind.NOT_ESTIMATED]
    if missing:
        said += " " + _("Not estimated: {items}.", lang, items=list_text(missing, lang))
    return said


# ---------------------------------------------------------------- inputs


def numeric_answer(assessment: Assessment, question: str) -> float | None:
    """A number the assessment holds for a question; None when unanswered or not applicable."""
    answer = assessment.answers.get(question)
    if answer is None or answer.na or not isinstance(answer.value, int | float):
        return None
    return float(answer.value)


def _volumes(assessment: Assessment, facts: PlanFacts, catalogs: Catalogs, lang: Lang) -> Volumes:
    conversations, basis = _conversations(assessment, facts, catalogs, lang)
    return Volumes(
        conversations=conversations,
        conversations_basis=basis,
        marketing=numeric_answer(assessment, MARKETING_MESSAGES),
        updates=numeric_answer(assessment, UPDATE_MESSAGES),
        handling_minutes=numeric_answer(assessment, HANDLING_TIME),
        hour_cost=numeric_answer(assessment, STAFF_HOUR_COST),
        marketing_price=numeric_answer(assessment, MARKETING_PRICE),
        update_price=numeric_answer(assessment, UPDATE_PRICE),
        people_share=PEOPLE_SHARE_WITH_BOT if facts.bot_answers else (1.0, 1.0),
    )


def _conversations(
    assessment: Assessment, facts: PlanFacts, catalogs: Catalogs, lang: Lang
) -> tuple[tuple[float, float] | None, str]:
    expected = numeric_answer(assessment, EXPECTED_CONVERSATIONS)
    if expected is not None:
        return (expected, expected), _(
            "{count} conversations a month, as the team expects", lang, count=number_text(expected, lang, 0)
        )
    uses = [u for u in assessment.profile.current_channels if u.monthly_volume is not None]
    everything = sum(u.monthly_volume or 0 for u in uses)
    if not everything:
        return None, _(
            "the conversations a month are not known: answer the Open step's question, or give today's monthly "
            "contacts in the profile",
            lang,
        )
    chosen_names = {catalogs.channels[c].customer_name(lang) for c in facts.chosen}
    already = sum(
        u.monthly_volume or 0
        for u in uses
        if u.channel in catalogs.channels and catalogs.channels[u.channel].customer_name(lang) in chosen_names
    )
    names = list_text(
        (catalogs.channels[u.channel].name.get(lang) for u in uses if u.channel in catalogs.channels), lang
    )
    return (float(already), float(everything)), _(
        "{conversations} conversations a month: today's contacts on {chosen} at the low end, all of today's contacts "
        "({channels}) at the high end",
        lang,
        conversations=range_text(already, everything, lang),
        chosen=list_text(sorted(chosen_names), lang),
        channels=names,
    )


# ---------------------------------------------------------------- staff time


def _staff_hours(volumes: Volumes) -> tuple[float, float] | None:
    if volumes.conversations is None or volumes.handling_minutes is None:
        return None
    share = volumes.people_share
    return (
        volumes.conversations[0] * share[0] * volumes.handling_minutes / 60,
        volumes.conversations[1] * share[1] * volumes.handling_minutes / 60,
    )


def _staff_line(assessment: Assessment, volumes: Volumes, hours: tuple[float, float] | None, lang: Lang) -> CostLine:
    item = _("Staff time", lang)
    if volumes.conversations is None:
        return not_estimated(item, volumes.conversations_basis)
    if hours is None:
        return not_estimated(item, _("the time one conversation takes is not given (Open step)", lang))
    basis = _(
        "{minutes} min of a person's time a conversation: {hours} h a month",
        lang,
        minutes=number_text(volumes.handling_minutes, lang, 1),
        hours=range_text(*hours, lang),
    )
    currency = home_currency(assessment)
    if volumes.hour_cost is None or currency is None:
        reason = (
            _("the cost of an hour is not given (Open step)", lang)
            if currency
            else _("the business's home country is not set, so its currency is not known", lang)
        )
        return not_estimated(item, f"{basis}; {reason}")
    cost = volumes.hour_cost
    return CostLine(
        item,
        LineKind.ESTIMATED,
        Money(hours[0] * cost, hours[1] * cost, currency),
        _("{basis}, at {cost} an hour", lang, basis=basis, cost=money_text(cost, cost, currency, lang)),
    )


def home_currency(assessment: Assessment) -> str | None:
    """The currency of the business's home country today, by CLDR."""
    from babel.numbers import get_territory_currencies

    country = assessment.profile.home_country
    if not country:
        return None
    found = get_territory_currencies(country, start_date=clock.today(), tender=True)
    return found[0] if found else None


def _totals(lines: list[CostLine]) -> tuple[Money, ...]:
    totals: dict[str, Money] = {}
    for line in lines:
        if line.amount is None:
            continue
        found = totals.get(line.amount.currency, Money(0, 0, line.amount.currency))
        totals[line.amount.currency] = Money(found.low + line.amount.low, found.high + line.amount.high, found.currency)
    return tuple(totals.values())
