"""What the chosen channels bill a month, from the catalog's dated market rates or the provider's quote typed in the
wizard: WhatsApp's template categories and free replies, SMS on every message, LINE's monthly plans, a partner's
minimum. A market without verified figures is "not estimated", never guessed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from readiness.core.catalog import Channel, CostModel
from readiness.core.content import Catalogs
from readiness.core.i18n import _
from readiness.core.lang import Lang
from readiness.core.plan.cost_lines import (
    QUOTED_CURRENCY,
    REPLIES_PER_CONVERSATION,
    CostLine,
    LineKind,
    Money,
    Volumes,
    not_estimated,
)
from readiness.core.plan.figures import countries_text, date_text, money_text, number_text, range_text
from readiness.core.rates import Prices, QuotaPlan


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


def pricing_of(channel: Channel, markets: frozenset[str], catalogs: Catalogs) -> Pricing:
    found: dict[str, Prices | None] = dict.fromkeys(sorted(markets))
    read: dict[str, dt.date] = {}
    for rate in channel.rates:
        for market in markets & catalogs.expand(rate.countries):
            if found[market] is None and rate.prices is not None:
                found[market], read[market] = rate.prices, rate.as_of
    return Pricing(found, read)


# ---------------------------------------------------------------- message and plan fees


def message_fee_lines(
    channel: Channel, primary: bool, volumes: Volumes, pricing: Pricing, lang: Lang
) -> list[CostLine]:
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
        return [not_estimated(fees, counted)]
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
        return [_minimum_line(name, known, lang), not_estimated(fees, channel.pricing.get(lang))]
    priced_somewhere = channel.rates and pricing.missing
    quotable = channel.cost_model is CostModel.PER_MESSAGE
    reason = _unpriced(pricing.missing, lang, quotable=quotable) if priced_somewhere else channel.pricing.get(lang)
    return [not_estimated(fees, reason)]


def _item_name(channel: Channel, lang: Lang) -> str:
    """The name customers know, to head a line; the full name where that one reads inside a sentence only."""
    short = channel.customer_name(lang)
    return short if short[:1].isupper() else channel.name.get(lang)


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
        lines = [not_estimated(_("{channel}: message fees", lang, channel=name), lines[0].basis)]
    provider = _(
        "the catalog holds no provider prices: ask the chosen provider for its monthly and per-message fees", lang
    )
    lines.append(not_estimated(_("{channel}: provider's fee", lang, channel=name), provider))
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
            markets=countries_text(pricing.markets, lang),
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
            markets=countries_text(markets, lang),
        )
    return _(
        "no verified prices for {markets}: read the provider's current plans",
        lang,
        markets=countries_text(markets, lang),
    )


def _category_line(item: str, count: float | None, rate: Rate, lang: Lang) -> CostLine:
    if count is None:
        return not_estimated(item, _("the number of these messages a month is not given (Open step)", lang))
    if rate.range is None:
        return not_estimated(item, rate.basis)
    return CostLine(
        item,
        LineKind.ESTIMATED,
        Money(count * rate.range[0], count * rate.range[1], rate.currency),
        _("{count} a month, at {rate}", lang, count=number_text(count, lang, 0), rate=rate.basis),
    )


def _replies_line(name: str, free: int, volumes: Volumes, rate: Rate, lang: Lang) -> CostLine:
    item = _("{channel}: replies beyond the free {free} a month", lang, channel=name, free=number_text(free, lang, 0))
    if volumes.conversations is None:
        return not_estimated(item, volumes.conversations_basis)
    if rate.range is None:
        return not_estimated(item, rate.basis)
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
        return not_estimated(item, volumes.conversations_basis)
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
        lines.append(not_estimated(_("{channel}: fees", lang, channel=name), _unpriced(others, lang, quotable=False)))
    return lines


def _quota_line(name: str, market: str, prices: Prices, volumes: Volumes, lang: Lang) -> CostLine:
    item = _("{channel}: monthly plan in {market}", lang, channel=name, market=countries_text([market], lang))
    started = (volumes.marketing or 0) + (volumes.updates or 0)
    if volumes.marketing is None and volumes.updates is None:
        return not_estimated(
            item, _("the number of messages the business starts a month is not given (Open step)", lang)
        )
    replies = volumes.conversations[1] * REPLIES_PER_CONVERSATION[1] if volumes.conversations else 0
    low, high = _plan_fee(prices.plans, started), _plan_fee(prices.plans, started + replies)
    if low is None or high is None:
        return not_estimated(item, _("more messages than the largest plan allows", lang))
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
