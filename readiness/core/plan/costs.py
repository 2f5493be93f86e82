"""The monthly running cost of the chosen channels: message fees, plan fees and staff time, each with its basis.

Volumes come from the Open step's questions, or else from the monthly contacts in the profile; prices from the
catalog's dated rates for the markets served, or from the provider's quote the user typed. Every figure is a
low–high range in one currency, and amounts in different currencies are never added up: the plan shows one total
per currency. A figure the inputs cannot support is "not estimated", with the reason, never a guess.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from readiness.core import clock
from readiness.core.assessment import Assessment
from readiness.core.catalog import Channel, CostModel, Prices, QuotaPlan
from readiness.core.content import Catalogs
from readiness.core.i18n import _
from readiness.core.lang import Lang, babel_locale
from readiness.core.plan.facts import PlanFacts
from readiness.core.plan.figures import date_text, list_text, money_text, number_text, range_text

EXPECTED_CONVERSATIONS = "open.expected_conversations"
MARKETING_MESSAGES = "open.marketing_messages"
UPDATE_MESSAGES = "open.update_messages"
HANDLING_TIME = "open.handling_time"
STAFF_HOUR_COST = "open.staff_hour_cost"
MARKETING_PRICE = "open.marketing_price"
UPDATE_PRICE = "open.update_price"
READINESS_TARGET = "refine.readiness_target"
QUOTED_CURRENCY = "USD"
"""The currency the wizard asks a provider's quote in."""

REPLIES_PER_CONVERSATION = (2, 4)
"""Messages the business sends in one conversation, low and high: an assumption the plan prints."""
PEOPLE_SHARE_WITH_BOT = (0.5, 1.0)
"""The share of conversations a person still handles when a bot answers first: well-tuned assistants resolve about
half (the questionnaire's bot guidance), a new one may resolve none."""


class LineKind(StrEnum):
    ESTIMATED = "estimated"
    FREE = "free"
    """No fee of this kind: a channel that does not bill messages."""
    NOT_ESTIMATED = "not_estimated"


@dataclass(frozen=True)
class Money:
    """A monthly amount, low and high, in cents: sums of float products carry no binary noise into the JSON."""

    low: float
    high: float
    currency: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "low", round(self.low, 2))
        object.__setattr__(self, "high", round(self.high, 2))


@dataclass(frozen=True)
class CostLine:
    item: str
    kind: LineKind
    amount: Money | None
    basis: str
    """What the figure rests on; for a line not estimated, why not."""


@dataclass(frozen=True)
class RunningCost:
    volume: str
    """The conversations a month the estimate counts, and where the figure comes from."""
    assumptions: tuple[str, ...]
    lines: tuple[CostLine, ...]
    totals: tuple[Money, ...]
    """One total per currency, of the lines estimated."""
    staff_hours: tuple[float, float] | None


@dataclass(frozen=True)
class Volumes:
    conversations: tuple[float, float] | None
    conversations_basis: str
    marketing: float | None
    updates: float | None
    handling_minutes: float | None
    hour_cost: float | None
    marketing_price: float | None
    update_price: float | None
    people_share: tuple[float, float]


def running_cost(assessment: Assessment, facts: PlanFacts, catalogs: Catalogs) -> RunningCost:
    lang = assessment.language
    volumes = _volumes(assessment, facts, catalogs, lang)
    lines: list[CostLine] = []
    for index, channel_id in enumerate(facts.chosen):
        channel = catalogs.channels[channel_id]
        markets = facts.served or facts.countries
        lines += _channel_lines(channel, index == 0, volumes, _pricing(channel, markets, catalogs), lang)
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


@dataclass(frozen=True)
class Pricing:
    """What the catalog's rates give each market served: its prices (None: no verified figure), and when they
    were read."""

    markets: dict[str, Prices | None]
    read: dict[str, dt.date]

    @property
    def known(self) -> list[Prices]:
        return [p for p in self.markets.values() if p is not None]

    @property
    def missing(self) -> list[str]:
        return [m for m, p in self.markets.items() if p is None]


def _pricing(channel: Channel, markets: frozenset[str], catalogs: Catalogs) -> Pricing:
    found: dict[str, Prices | None] = dict.fromkeys(sorted(markets))
    read: dict[str, dt.date] = {}
    for rate in channel.rates:
        for market in markets & catalogs.expand(rate.countries):
            if found[market] is None and rate.prices is not None:
                found[market], read[market] = rate.prices, rate.as_of
    return Pricing(found, read)


# ---------------------------------------------------------------- message and plan fees


def _channel_lines(channel: Channel, primary: bool, volumes: Volumes, pricing: Pricing, lang: Lang) -> list[CostLine]:
    name = _item_name(channel, lang)
    fees = _("{channel}: fees", lang, channel=name)
    if channel.cost_model is CostModel.FREE:
        return [
            CostLine(_("{channel}: message fees", lang, channel=name), LineKind.FREE, None, channel.pricing.get(lang))
        ]
    if not primary:
        counted = _(
            "conversations are counted on the primary channel. {pricing}", lang, pricing=channel.pricing.get(lang)
        )
        return [_not_estimated(fees, counted)]
    known, every = pricing.known, bool(pricing.known) and not pricing.missing
    if channel.free_service_messages is not None or any(
        p.marketing is not None or p.utility is not None for p in known
    ):
        return _template_lines(channel, volumes, pricing, lang)
    if volumes.update_price is not None or (every and all(p.per_message is not None for p in known)):
        return [_per_message_line(name, volumes, pricing, lang)]
    if any(p.plans for p in known):
        return _quota_lines(channel, volumes, pricing, lang)
    if every and all(p.monthly_minimum is not None for p in known):
        return [_minimum_line(name, known, lang), _not_estimated(fees, channel.pricing.get(lang))]
    priced_somewhere = channel.rates and pricing.missing
    quotable = channel.cost_model is CostModel.PER_MESSAGE
    reason = _unpriced(pricing.missing, lang, quotable=quotable) if priced_somewhere else channel.pricing.get(lang)
    return [_not_estimated(fees, reason)]


def _item_name(channel: Channel, lang: Lang) -> str:
    """The name customers know, to head a line; the full name where that one reads inside a sentence only."""
    short = channel.customer_name(lang)
    return short if short[:1].isupper() else channel.name.get(lang)


def _markets(codes: Iterable[str], lang: Lang) -> str:
    from babel import Locale

    territories = Locale.parse(babel_locale(lang)).territories
    return list_text((territories.get(c, c) for c in codes), lang)


def _template_lines(channel: Channel, volumes: Volumes, pricing: Pricing, lang: Lang) -> list[CostLine]:
    """WhatsApp's model: marketing and utility messages the business starts, and replies beyond the free allowance."""
    name = _item_name(channel, lang)
    marketing = _rate(volumes.marketing_price, [p.marketing for p in pricing.known], pricing, lang)
    utility = _rate(volumes.update_price, [p.utility for p in pricing.known], pricing, lang)
    lines = [
        _category_line(_("{channel}: marketing messages", lang, channel=name), volumes.marketing, marketing, lang),
        _category_line(_("{channel}: update messages", lang, channel=name), volumes.updates, utility, lang),
    ]
    if channel.free_service_messages is not None:
        lines.append(_replies_line(name, channel.free_service_messages, volumes, utility, lang))
    if len({(line.kind, line.basis) for line in lines}) == 1 and lines[0].kind is LineKind.NOT_ESTIMATED:
        lines = [_not_estimated(_("{channel}: message fees", lang, channel=name), lines[0].basis)]
    provider = _(
        "the catalog holds no provider prices: ask the chosen provider for its monthly and per-message fees", lang
    )
    lines.append(_not_estimated(_("{channel}: provider's fee", lang, channel=name), provider))
    return lines


@dataclass(frozen=True)
class Rate:
    """A price per message, low and high across the markets served, and where it comes from; no range: unknown."""

    range: tuple[float, float] | None
    currency: str
    basis: str


def _rate(quoted: float | None, rates: list[float | None], pricing: Pricing, lang: Lang) -> Rate:
    if quoted is not None:
        price = money_text(quoted, quoted, QUOTED_CURRENCY, lang)
        return Rate(
            (quoted, quoted), QUOTED_CURRENCY, _("the provider's quote of {price} a message", lang, price=price)
        )
    known = [r for r in rates if r is not None]
    if pricing.missing or len(known) < len(rates) or not known:
        return Rate(None, "", _unpriced(pricing.missing or list(pricing.markets), lang, quotable=True))
    currency = pricing.known[0].currency
    return Rate(
        (min(known), max(known)),
        currency,
        _(
            "the catalog's rate for {markets}, read {date} ({price} a message)",
            lang,
            markets=_markets(pricing.markets, lang),
            date=date_text(min(pricing.read.values()), lang),
            price=money_text(min(known), max(known), currency, lang),
        ),
    )


def _unpriced(markets: list[str], lang: Lang, *, quotable: bool) -> str:
    """Why a market's fees are not estimated; ``quotable``: the Open step takes a provider's quote for this channel."""
    if quotable:
        return _(
            "no verified rate for {markets}: read the provider's current rate card, or type a quote in the Open step",
            lang,
            markets=_markets(markets, lang),
        )
    return _(
        "no verified prices for {markets}: read the provider's current plans", lang, markets=_markets(markets, lang)
    )


def _category_line(item: str, count: float | None, rate: Rate, lang: Lang) -> CostLine:
    if count is None:
        return _not_estimated(item, _("the number of these messages a month is not given (Open step)", lang))
    if rate.range is None:
        return _not_estimated(item, rate.basis)
    return CostLine(
        item,
        LineKind.ESTIMATED,
        Money(count * rate.range[0], count * rate.range[1], rate.currency),
        _("{count} a month, at {rate}", lang, count=number_text(count, lang, 0), rate=rate.basis),
    )


def _replies_line(name: str, free: int, volumes: Volumes, rate: Rate, lang: Lang) -> CostLine:
    item = _("{channel}: replies beyond the free {free} a month", lang, channel=name, free=number_text(free, lang, 0))
    if volumes.conversations is None:
        return _not_estimated(item, volumes.conversations_basis)
    if rate.range is None:
        return _not_estimated(item, rate.basis)
    low = max(0.0, volumes.conversations[0] * REPLIES_PER_CONVERSATION[0] - free)
    high = max(0.0, volumes.conversations[1] * REPLIES_PER_CONVERSATION[1] - free)
    return CostLine(
        item,
        LineKind.ESTIMATED,
        Money(low * rate.range[0], high * rate.range[1], rate.currency),
        _(
            "{replies} replies a month beyond the first {free}, at {rate}; providers report this charge since "
            "1 Oct 2026: confirm it on the platform's pricing page",
            lang,
            replies=range_text(low, high, lang),
            free=number_text(free, lang, 0),
            rate=rate.basis,
        ),
    )


def _per_message_line(name: str, volumes: Volumes, pricing: Pricing, lang: Lang) -> CostLine:
    """SMS: every message sent or received is billed, and carriers add a fee to each one sent."""
    item = _("{channel}: message fees", lang, channel=name)
    if volumes.conversations is None:
        return _not_estimated(item, volumes.conversations_basis)
    started = (volumes.marketing or 0) + (volumes.updates or 0)
    each_way = [c * r for c, r in zip(volumes.conversations, REPLIES_PER_CONVERSATION, strict=True)]
    if volumes.update_price is not None:
        price, carrier, currency = (volumes.update_price,) * 2, (0.0, 0.0), QUOTED_CURRENCY
        rate = _("the provider's quote of {price} a message", lang, price=money_text(*price, currency, lang))
    else:
        known = pricing.known
        price = (min(p.per_message or 0 for p in known), max(p.per_message or 0 for p in known))
        fees = [p.carrier_fee or (0.0, 0.0) for p in known]
        carrier, currency = (min(f[0] for f in fees), max(f[1] for f in fees)), known[0].currency
        rate = _(
            "{price} a message sent or received and {carrier} carrier fee a message sent (the catalog's rate, read "
            "{date})",
            lang,
            date=date_text(min(pricing.read.values()), lang),
            price=money_text(*price, currency, lang),
            carrier=money_text(*carrier, currency, lang),
        )
    low, high = ((2 * w + started) * p + (w + started) * c for w, p, c in zip(each_way, price, carrier, strict=True))
    return CostLine(
        item,
        LineKind.ESTIMATED,
        Money(low, high, currency),
        _(
            "{messages} messages a month each way, plus the {started} the business starts; {rate}",
            lang,
            messages=range_text(each_way[0], each_way[1], lang),
            started=number_text(started, lang, 0),
            rate=rate,
        ),
    )


def _quota_lines(channel: Channel, volumes: Volumes, pricing: Pricing, lang: Lang) -> list[CostLine]:
    """LINE: an account per market on a monthly plan, the cheapest whose quota covers the messages sent."""
    name = _item_name(channel, lang)
    planned = {m: p for m, p in pricing.markets.items() if p is not None and p.plans}
    lines = [_quota_line(name, market, prices, volumes, lang) for market, prices in planned.items()]
    others = [m for m in pricing.markets if m not in planned]
    if others:
        lines.append(_not_estimated(_("{channel}: fees", lang, channel=name), _unpriced(others, lang, quotable=False)))
    return lines


def _quota_line(name: str, market: str, prices: Prices, volumes: Volumes, lang: Lang) -> CostLine:
    item = _("{channel}: monthly plan in {market}", lang, channel=name, market=_markets([market], lang))
    started = (volumes.marketing or 0) + (volumes.updates or 0)
    if volumes.marketing is None and volumes.updates is None:
        return _not_estimated(
            item, _("the number of messages the business starts a month is not given (Open step)", lang)
        )
    replies = volumes.conversations[1] * REPLIES_PER_CONVERSATION[1] if volumes.conversations else 0
    low, high = _plan_fee(prices.plans, started), _plan_fee(prices.plans, started + replies)
    if low is None or high is None:
        return _not_estimated(item, _("more messages than the largest plan allows", lang))
    return CostLine(
        item,
        LineKind.ESTIMATED,
        Money(low, high, prices.currency),
        _(
            "the cheapest plan for the {started} messages the business starts a month, all counted on this "
            "account; the high end also counts replies against the quota, which the catalog could not verify",
            lang,
            started=number_text(started, lang, 0),
        ),
    )


def _plan_fee(plans: tuple[QuotaPlan, ...], messages: float) -> float | None:
    fees = [
        plan.fee + max(0.0, messages - plan.messages) * (plan.extra or 0)
        for plan in plans
        if messages <= plan.messages or plan.extra is not None
    ]
    return min(fees) if fees else None


def _minimum_line(name: str, known: list[Prices], lang: Lang) -> CostLine:
    minimums = [p.monthly_minimum or 0 for p in known]
    return CostLine(
        _("{channel}: partner's monthly minimum", lang, channel=name),
        LineKind.ESTIMATED,
        Money(min(minimums), max(minimums), known[0].currency),
        _("the minimum a partner charges per sender a month in the markets served, before message fees", lang),
    )


def _not_estimated(item: str, reason: str) -> CostLine:
    return CostLine(item, LineKind.NOT_ESTIMATED, None, reason)


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
        return _not_estimated(item, volumes.conversations_basis)
    if hours is None:
        return _not_estimated(item, _("the time one conversation takes is not given (Open step)", lang))
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
        return _not_estimated(item, f"{basis}; {reason}")
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
