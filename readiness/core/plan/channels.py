"""Rank the active channels for a profile, with the reasons and constraints behind each rank.

Points (out of 100): market fit up to 40 (consumer markets for a B2C profile, business-buyer
markets for a B2B one), audience 10, global reach 10, gaps
closed up to 30 (their share of the register's total priority), already in use
5, minus 20 × the share of markets where the channel is a poor fit and 10 when
its set-up cannot finish before launch. A channel that does not serve the
profile's audience scores 0. Discontinued and contact-only channels (phone) are never ranked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from readiness.core.assessment import Assessment
from readiness.core.catalog import Audience, Channel
from readiness.core.content import Catalogs
from readiness.core.i18n import _, ngettext
from readiness.core.lang import Lang
from readiness.core.names import label
from readiness.core.plan.facts import markets_and_home
from readiness.core.plan.model import PlanGap, PricePoint, RankedChannel, RetiredChannel

MARKET_POINTS = 40
AUDIENCE_POINTS = 10
GLOBAL_POINTS = 10
GAP_POINTS = 30
IN_USE_POINTS = 5
NOT_SUITED_PENALTY = 20
LATE_PENALTY = 10


@dataclass
class _Tally:
    points: float = 0.0
    reasons: list[str] = field(default_factory=list)
    constraints: list[str] = field(default_factory=list)


def rank_channels(
    assessment: Assessment, gaps: tuple[PlanGap, ...], catalogs: Catalogs, launch: dt.date
) -> tuple[RankedChannel, ...]:
    lang = assessment.language
    chosen = {c.channel: c.role for c in assessment.channels}
    rows = []
    for channel in catalogs.channels.values():
        if not channel.recommendable:
            continue
        tally = _score(channel, assessment, gaps, catalogs, launch)
        rows.append((max(0.0, min(100.0, tally.points)), channel, tally))
    rows.sort(key=lambda row: (-row[0], row[1].id))
    top = rows[0][1].name.get(lang) if rows else ""
    served = markets_and_home(assessment.profile)
    return tuple(
        _ranked(
            rank,
            points,
            channel,
            tally,
            chosen.get(channel.id),
            gaps,
            _prices(channel, served, catalogs, lang),
            _choice_note(assessment, channel, rank, top),
            lang,
        )
        for rank, (points, channel, tally) in enumerate(rows, start=1)
    )


def _prices(channel: Channel, served: frozenset[str], catalogs: Catalogs, lang: Lang) -> tuple[PricePoint, ...]:
    return tuple(PricePoint(r.text.get(lang), r.as_of) for r in channel.rates if served & catalogs.expand(r.countries))


def _choice_note(assessment: Assessment, channel: Channel, rank: int, top: str) -> str:
    """Says so when the primary channel is not the one ranked first, with the reason the team gave."""
    choice = next((c for c in assessment.channels if c.channel == channel.id), None)
    if choice is None or choice.role != "primary" or rank == 1:
        return ""
    lang = assessment.language
    if choice.reason.strip():
        return _(
            "Chosen as the primary channel although {top} ranks higher for this profile. The team's reason: {reason}",
            lang,
            top=top,
            reason=choice.reason.strip(),
        )
    return _(
        "Chosen as the primary channel although {top} ranks higher for this profile; no reason was recorded.",
        lang,
        top=top,
    )


def _score(
    channel: Channel, assessment: Assessment, gaps: tuple[PlanGap, ...], catalogs: Catalogs, launch: dt.date
) -> _Tally:
    tally = _Tally()
    lang = assessment.language
    if not _audience(channel, assessment, tally, lang):
        return _Tally(0.0, tally.reasons, tally.constraints)
    _markets(channel, assessment, catalogs, tally, lang)
    _gaps_closed(channel, gaps, tally, lang)
    if channel.id in {c.channel for c in assessment.profile.current_channels}:
        tally.points += IN_USE_POINTS
        tally.reasons.append(_("Your team already uses it, so there is little to learn.", lang))
    _lead_time(channel, assessment.created, launch, tally, lang)
    if channel.requires_live_agents:
        tally.constraints.append(
            _("Requires live agents during business hours; a bot-only service is not allowed.", lang)
        )
        if assessment.profile.team.support == 0:
            tally.constraints.append(_("Your profile lists no support staff to answer it.", lang))
    return tally


def _audience(channel: Channel, assessment: Assessment, tally: _Tally, lang: Lang) -> bool:
    wanted = set(assessment.profile.audience)
    names = ", ".join(label("audience", a, lang) for a in sorted(wanted))
    if not wanted & set(channel.audience):
        tally.constraints.append(_("Does not serve your audience: {audience}.", lang, audience=names))
        return False
    tally.points += AUDIENCE_POINTS
    tally.reasons.append(_("Serves your audience: {audience}.", lang, audience=names))
    return True


def _markets(channel: Channel, assessment: Assessment, catalogs: Catalogs, tally: _Tally, lang: Lang) -> None:
    """Market points for where the profile's audience (consumers, businesses) actually uses the channel."""
    countries = list(dict.fromkeys(assessment.profile.countries))
    if channel.global_reach:
        tally.points += GLOBAL_POINTS
        tally.reasons.append(_("Has global reach.", lang))
    if not countries:
        return
    audience = set(assessment.profile.audience)
    consumers = catalogs.expand(channel.strong_in) if Audience.B2C in audience else frozenset()
    businesses = catalogs.expand(channel.strong_in_b2b) if Audience.B2B in audience else frozenset()
    strong = [c for c in countries if c in consumers | businesses]
    if strong:
        tally.points += MARKET_POINTS * len(strong) / len(countries)
        for b2b, markets in ((False, consumers), (True, businesses)):
            matched = [c for c in countries if c in markets]
            if matched:
                everywhere = len(matched) == len(countries) > 1
                tally.reasons.append(_market_reason(b2b, everywhere, len(matched), len(countries), matched, lang))
    elif not channel.global_reach:
        tally.reasons.append(_("Not a leading channel in your markets.", lang))
    weak = [c for c in countries if c in catalogs.expand(channel.not_suited_in)]
    if weak:
        tally.points -= NOT_SUITED_PENALTY * len(weak) / len(countries)
        tally.constraints.append(_("A poor fit in {countries}.", lang, countries=", ".join(weak)))


def _gaps_closed(channel: Channel, gaps: tuple[PlanGap, ...], tally: _Tally, lang: Lang) -> None:
    total = sum(g.priority for g in gaps)
    closed = [g for g in gaps if g.type in channel.closes_gaps]
    if not closed or total <= 0:
        return
    tally.points += GAP_POINTS * sum(g.priority for g in closed) / total
    names = ", ".join(dict.fromkeys(g.type_name for g in closed))
    tally.reasons.append(_("Closes {count} of your gaps: {gaps}.", lang, count=len(closed), gaps=names))


def _lead_time(channel: Channel, created: dt.date, launch: dt.date, tally: _Tally, lang: Lang) -> None:
    """A channel that cannot be set up before the launch loses points and says so; an assessment dated on or after
    the launch (a re-assessment) has no launch ahead for a channel to miss."""
    days_left = (launch - created).days
    if 0 < days_left < channel.lead_time_days:
        tally.points -= LATE_PENALTY
        lead = ngettext("{count} day", "{count} days", channel.lead_time_days, lang)
        days = ngettext("{count} day", "{count} days", days_left, lang)
        tally.constraints.append(
            _("Needs about {lead} to set up, but launch is {days} away.", lang, lead=lead, days=days)
        )


def _ranked(
    rank: int,
    points: float,
    channel: Channel,
    tally: _Tally,
    chosen: str | None,
    gaps: tuple[PlanGap, ...],
    prices: tuple[PricePoint, ...],
    choice_note: str,
    lang: Lang,
) -> RankedChannel:
    return RankedChannel(
        channel=channel.id,
        name=channel.name.get(lang),
        short_name=channel.customer_name(lang),
        rank=rank,
        score=round(points, 1),
        chosen=chosen,
        reasons=tuple(tally.reasons),
        constraints=tuple(tally.constraints),
        closes_gaps=tuple(dict.fromkeys(g.type for g in gaps if g.type in channel.closes_gaps)),
        cost_model=channel.cost_model.value,
        pricing=channel.pricing.get(lang),
        prices=prices,
        choice_note=choice_note,
        lead_time_days=channel.lead_time_days,
        service_window=channel.service_window.get(lang),
        opt_in=channel.opt_in.get(lang),
        initiation=channel.initiation.get(lang),
    )


def retired_in_use(assessment: Assessment, catalogs: Catalogs) -> tuple[RetiredChannel, ...]:
    """Discontinued channels the business still lists among its current channels."""
    lang = assessment.language
    retired = []
    for use in assessment.profile.current_channels:
        channel = catalogs.channels.get(use.channel)
        if channel and channel.discontinued_on:
            replacement = channel.replacement.get(lang) if channel.replacement else ""
            retired.append(RetiredChannel(channel.id, channel.name.get(lang), channel.discontinued_on, replacement))
    return tuple(retired)


def _market_reason(b2b: bool, everywhere: bool, matched: int, total: int, countries: list[str], lang: Lang) -> str:
    listed = ", ".join(countries)
    if everywhere and total == 2:
        if b2b:
            return _("Business buyers use it widely in both of your markets ({countries}).", lang, countries=listed)
        return _("Strong in both of your markets ({countries}).", lang, countries=listed)
    if everywhere:
        if b2b:
            return _(
                "Business buyers use it widely in all {count} of your markets ({countries}).",
                lang,
                count=total,
                countries=listed,
            )
        return _("Strong in all {count} of your markets ({countries}).", lang, count=total, countries=listed)
    if b2b:
        return ngettext(
            "Business buyers use it widely in your market ({countries}).",
            "Business buyers use it widely in {matched} of your {count} markets ({countries}).",
            total,
            lang,
            matched=matched,
            countries=listed,
        )
    return ngettext(
        "Strong in your market ({countries}).",
        "Strong in {matched} of your {count} markets ({countries}).",
        total,
        lang,
        matched=matched,
        countries=listed,
    )
