"""The assessment's facts that the plan repeats in many places, each read from one place.

Staffed hours, the reply-time promise, the chosen channels and the people who own the work
appear on the team page, in copy the client will publish, in checklists and in the summary.
They are all taken from here, so no two pages can disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from readiness.core.assessment import Assessment, BusinessHours, Profile
from readiness.core.content import Catalogs
from readiness.core.i18n import _, ngettext
from readiness.core.lang import Lang, babel_locale
from readiness.core.placeholders import Placeholder
from readiness.core.plan.figures import day_name, list_text
from readiness.core.questionnaire import Settled
from readiness.core.text import Role

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MINUTES_PER_HOUR = 60
HOURS_FROM_MINUTES = 120


@dataclass(frozen=True)
class PlanFacts:
    organisation: str
    chosen: tuple[str, ...]
    """Chosen channel ids the catalog knows, the primary first."""
    public: tuple[str, ...]
    """The chosen channels anyone can reach: copy for the public names only these (not a by-invitation channel)."""
    countries: frozenset[str]
    """The markets served and the home country: the laws and tips of each apply."""
    served: frozenset[str]
    """The markets where the business has customers."""
    in_use: frozenset[str]
    """The channels the business runs today: what they need to exist is in place."""
    owners: dict[Role, str]
    """Who owns each role's tasks by default."""
    people: dict[str, tuple[Role, ...]]
    """Each named person and the roles they hold in the team."""
    staffed_hours: BusinessHours
    """When a person answers the chosen channels: the team's coverage, else the business hours."""
    promises: dict[str, int | None]
    """Each chosen channel's reply-time promise in minutes: its own, else the team's."""
    bot_answers: bool
    """Whether a bot answers customers: bot rules and bot items apply only then."""

    @classmethod
    def of(cls, assessment: Assessment, catalogs: Catalogs) -> PlanFacts:
        profile, team = assessment.profile, assessment.team
        chosen = chosen_channels(assessment, catalogs)
        own = {c.channel: c.promise_minutes for c in assessment.channels}
        public = tuple(c for c in chosen if not catalogs.channels[c].by_invitation)
        return cls(
            organisation=profile.organisation,
            chosen=chosen,
            public=public or chosen,
            countries=markets_and_home(profile),
            served=frozenset(profile.countries),
            in_use=frozenset(c.channel for c in profile.current_channels),
            owners=owners_by_role(assessment),
            people=_people(assessment),
            staffed_hours=team.coverage or profile.business_hours,
            promises={c: own.get(c) or team.response_promise_minutes for c in chosen},
            bot_answers=team.bot.enabled,
        )

    def wording(
        self, catalogs: Catalogs, lang: Lang, channel: str | None = None, concerns: tuple[str, ...] = ()
    ) -> dict[Placeholder, str]:
        """The values of every placeholder for one item: ``channel`` for a per-channel item.

        Without ``concerns``, an item speaks to the public: it names the channels anyone can reach.
        """
        concerned = concerns or ((channel,) if channel else self.public)
        values = {
            Placeholder.ORGANISATION: self.organisation,
            Placeholder.HOURS: hours_text(self.staffed_hours, lang),
            Placeholder.PROMISE: self.promise_text(concerned, catalogs, lang),
            Placeholder.CHANNELS: list_text((catalogs.channels[c].customer_name(lang) for c in concerned), lang),
        }
        if channel is not None:
            found = catalogs.channels[channel]
            values[Placeholder.CHANNEL] = found.customer_name(lang)
            values[Placeholder.LINK] = found.link.get(lang) if found.link else ""
        return values

    def promise_text(self, channels: tuple[str, ...], catalogs: Catalogs, lang: Lang) -> str:
        """One promise when these channels share it; else each with its channel ("2 minutes on the website chat")."""
        minutes = [self.promises.get(c) for c in channels]
        if len(set(minutes)) <= 1:
            return promise_text(minutes[0] if minutes else None, lang)
        return list_text(
            (
                _(
                    "{promise} on {channel}",
                    lang,
                    promise=promise_text(m, lang),
                    channel=catalogs.channels[c].customer_name(lang),
                )
                for c, m in zip(channels, minutes, strict=True)
            ),
            lang,
        )


def markets_and_home(profile: Profile) -> frozenset[str]:
    """The markets served and the business's own country: the laws and tips of each apply."""
    home = frozenset({profile.home_country}) if profile.home_country else frozenset()
    return frozenset(profile.countries) | home


def chosen_channels(assessment: Assessment, catalogs: Catalogs) -> tuple[str, ...]:
    """The chosen channels the catalog knows, the primary first."""
    ordered = sorted(assessment.channels, key=lambda c: c.role != "primary")
    return tuple(c.channel for c in ordered if c.channel in catalogs.channels)


def owners_by_role(assessment: Assessment) -> dict[Role, str]:
    owners = {r.role: r.name for r in assessment.team.roles if r.name}
    if assessment.team.executive_sponsor:
        owners.setdefault(Role.EXECUTIVE_SPONSOR, assessment.team.executive_sponsor)
    if assessment.team.channel_owner:
        owners.setdefault(Role.CHANNEL_OWNER, assessment.team.channel_owner)
    return owners


def _people(assessment: Assessment) -> dict[str, tuple[Role, ...]]:
    team = assessment.team
    held = [(team.executive_sponsor, Role.EXECUTIVE_SPONSOR), (team.channel_owner, Role.CHANNEL_OWNER)]
    held += [(r.name, r.role) for r in team.roles]
    people: dict[str, list[Role]] = {}
    for name, role in held:
        if name and role not in people.setdefault(name, []):
            people[name].append(role)
    return {name: tuple(roles) for name, roles in people.items()}


def hours_text(hours: BusinessHours, lang: Lang) -> str:
    """ "09:00–21:00 Mexico City time, Monday to Saturday": consecutive days as a range, the zone by its city."""
    return _(
        "{opens}–{closes} {zone} time, {days}",
        lang,
        days=_days_text(hours.days, lang),
        opens=hours.opens.strftime("%H:%M"),
        closes=hours.closes.strftime("%H:%M"),
        zone=zone_name(hours.timezone, lang),
    )


@cache
def zone_name(timezone: str, lang: Lang) -> str:
    """The time zone as customers read it ("Mexico City", "Ciudad de México"); an unknown id stays as written."""
    from babel.dates import get_timezone_location  # Babel's time-zone data loads only when a plan is built

    try:
        return str(get_timezone_location(timezone, locale=babel_locale(lang), return_city=True))
    except (LookupError, ValueError):
        return timezone


def _days_text(days: tuple[str, ...], lang: Lang) -> str:
    chosen = [d for d in DAYS if d in days]
    if len(chosen) == len(DAYS):
        return _("every day", lang)
    runs: list[list[str]] = []
    for day in chosen:
        if runs and DAYS.index(runs[-1][-1]) == DAYS.index(day) - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return list_text((_run_text(run, lang) for run in runs), lang)


def _run_text(run: list[str], lang: Lang) -> str:
    if len(run) < 3:
        return list_text((day_name(d, lang, "wide") for d in run), lang)
    return _("{first} to {last}", lang, first=day_name(run[0], lang, "wide"), last=day_name(run[-1], lang, "wide"))


def promise_text(minutes: int | None, lang: Lang) -> str:
    """ "45 minutes", "60 minutes", "2 hours"; a bracketed notice when the team has not set a promise yet.

    Up to 90 minutes the promise stays in minutes, as the team states it in the assessment.
    """
    if minutes is None:
        return _("[reply time not set yet]", lang)
    if (hours := whole_hours(minutes)) is not None:
        return ngettext("{count} hour", "{count} hours", hours, lang)
    return ngettext("{count} minute", "{count} minutes", minutes, lang)


def whole_hours(minutes: int) -> int | None:
    """The promise in hours where it reads in hours (whole hours, from HOURS_FROM_MINUTES on); else None."""
    if minutes >= HOURS_FROM_MINUTES and minutes % MINUTES_PER_HOUR == 0:
        return minutes // MINUTES_PER_HOUR
    return None


def settled_facts(assessment: Assessment) -> frozenset[Settled]:
    """What the assessment already records, so actions asking for it are not planned again."""
    team = assessment.team
    checks = {
        Settled.GAPS_RECORDED: bool(assessment.gaps),
        Settled.SPONSOR_NAMED: bool(team.executive_sponsor),
        Settled.CHANNEL_OWNER_NAMED: bool(team.channel_owner),
        Settled.CHANNELS_CHOSEN: any(c.role == "primary" for c in assessment.channels),
        Settled.COVERAGE_SET: team.coverage is not None,
        Settled.PROMISE_SET: team.response_promise_minutes is not None
        or bool(assessment.channels and all(c.promise_minutes for c in assessment.channels)),
        Settled.BOT_SCOPE_WRITTEN: team.bot.enabled and bool(team.bot.scope.strip()),
        Settled.KPI_TARGETS_SET: bool(assessment.kpis),
        Settled.KPI_BASELINES_RECORDED: bool(assessment.kpis) and all(k.baseline is not None for k in assessment.kpis),
        Settled.TRAINING_PLANNED: bool(team.training),
    }
    return frozenset(fact for fact, holds in checks.items() if holds)
