"""Catalogs of facts the plan builder reads: channels, gap types, promotion, KPIs."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import Field, model_validator

from readiness.core.lang import LANGUAGE_TAG, Lang
from readiness.core.placeholders import ANY_ITEM, NONE, ONE_CHANNEL, require_fillable, uses_link
from readiness.core.quantities import TimeUnit
from readiness.core.rates import MarketRate
from readiness.core.text import DONE_IF_ANSWERED, AnsweredAs, Id, LocalText, Model, Role, Step


class SourceKind(StrEnum):
    """How far a source can be trusted in a client deliverable; the plan marks anything below primary."""

    PRIMARY = "primary"
    """The platform's, regulator's or legislator's own page, or the statute."""
    STUDY = "study"
    """A published study or benchmark report with a stated method."""
    SECONDARY = "secondary"
    """Law-firm alerts, press coverage of official announcements, industry bodies."""
    VENDOR = "vendor"
    """A vendor's own page or data: used only where nothing primary exists."""


HISTORIC_BEFORE = 2020
"""Figures from before this year are printed as historic."""


class Source(Model):
    title: str = Field(min_length=1)
    url: str = Field(pattern=r"^https?://\S+$")
    as_of: dt.date
    kind: SourceKind
    published: int | None = Field(
        default=None, ge=1990, le=2100, description="The year the figures describe, when older than the page."
    )
    language: str = Field(
        default="en", pattern=LANGUAGE_TAG, description="The language of the title, so a screen reader voices it right."
    )

    @property
    def historic(self) -> bool:
        return self.published is not None and self.published < HISTORIC_BEFORE


class ChannelNote(Model):
    """Text that is true or useful only when one of these channels is chosen, with the sources behind it."""

    channels: tuple[Id, ...] = Field(min_length=1)
    text: LocalText
    sources: tuple[Source, ...] = Field(default=(), description="Printed only with the note.")


class Sourced(Model):
    """A fact-bearing entry: at least one source and the date the facts were checked."""

    sources: tuple[Source, ...] = Field(min_length=1)
    as_of: dt.date


class Audience(StrEnum):
    B2C = "b2c"
    B2B = "b2b"


class CostModel(StrEnum):
    FREE = "free"
    PER_MESSAGE = "per_message"
    PER_CONVERSATION = "per_conversation"
    SUBSCRIPTION = "subscription"
    PER_SEAT = "per_seat"
    MIXED = "mixed"


class Direction(StrEnum):
    LOWER_IS_BETTER = "lower_is_better"
    HIGHER_IS_BETTER = "higher_is_better"


class ChecklistItem(Model):
    """A task tied to a channel: a launch blocker or a day-one item."""

    id: Id
    title: LocalText
    detail: LocalText | None = None
    owner_role: Role
    lead_time_days: int = Field(default=0, ge=0, le=365, description="Working days the item takes to complete.")
    countries: tuple[str, ...] = Field(default=(), description="Only for these ISO countries (empty: everywhere).")
    channels: tuple[Id, ...] = Field(
        default=(), description="Only when one of these channels is chosen (regulation items; empty: any)."
    )
    only_with_bot: bool = Field(default=False, description="Only when a bot answers customers.")
    customers_there: bool = Field(
        default=False,
        description="Only when customers are served in its markets, not merely because the business is based there.",
    )
    done_if_answered: tuple[AnsweredAs, ...] = DONE_IF_ANSWERED
    done_if_in_use: bool = Field(
        default=False,
        description="Already in place when the business runs this channel today (an account, a tool, a registration).",
    )
    after: tuple[Id, ...] = Field(
        default=(), description="Launch blockers of the same channel that must be done before this one starts."
    )


class RegionGroup(Model):
    id: Id
    name: LocalText
    countries: tuple[str, ...] = Field(min_length=1)


class Channel(Sourced):
    id: Id
    name: LocalText
    short_name: LocalText | None = Field(
        default=None, description="The name customers know it by, for copy they will read (default: name)."
    )
    mentions: tuple[str, ...] = Field(
        default=(), description="Words and link hosts that name this channel in text (brand names, 'wa.me')."
    )
    link: LocalText | None = Field(default=None, description="The channel's own deep-link format, if it has one.")
    status: Literal["active", "discontinued"]
    discontinued_on: dt.date | None = None
    replacement: LocalText | None = None
    strong_in: tuple[str, ...] = Field(
        default=(), description="Markets (ISO codes or region groups) where consumers use it widely."
    )
    strong_in_b2b: tuple[str, ...] = Field(
        default=(), description="Markets where business buyers use it widely to deal with suppliers."
    )
    not_suited_in: tuple[str, ...] = Field(default=(), description="Markets where the channel is a poor fit.")
    global_reach: bool = False
    by_invitation: bool = Field(
        default=False, description="Reached only by invitation (a shared workspace): never offered in public copy."
    )
    audience: tuple[Audience, ...] = Field(min_length=1)
    initiation: LocalText
    service_window: LocalText
    opt_in: LocalText
    opt_out: LocalText
    onboarding: tuple[LocalText, ...] = ()
    lead_time_days: int = Field(
        ge=0, le=365, description="Working days from deciding to going live: at least its longest launch blocker."
    )
    cost_model: CostModel
    pricing: LocalText
    rates: tuple[MarketRate, ...] = Field(default=(), description="Price points per market; printed for those served.")
    free_service_messages: int | None = Field(
        default=None,
        ge=0,
        description="Replies inside the service window free each month per business number; beyond, the utility rate.",
    )
    free_entry: LocalText | None = Field(
        default=None, description="Entry points that make messages free for a while; the cost estimate notes them."
    )
    entry_points: tuple[LocalText, ...] = ()
    use_cases: tuple[LocalText, ...] = ()
    closes_gaps: tuple[Id, ...] = ()
    requires_live_agents: bool = False
    contact_only: bool = Field(
        default=False, description="A contact channel a business may already have (phone), never recommended."
    )
    blockers: tuple[ChecklistItem, ...] = ()
    day_one: tuple[ChecklistItem, ...] = ()

    @property
    def recommendable(self) -> bool:
        return self.status == "active" and not self.contact_only

    def customer_name(self, lang: Lang) -> str:
        return (self.short_name or self.name).get(lang)

    @model_validator(mode="after")
    def _check_status(self) -> Channel:
        if (self.status == "discontinued") != (self.discontinued_on is not None):
            raise ValueError("discontinued_on is required for, and only for, a discontinued channel")
        return self

    @model_validator(mode="after")
    def _check_wording(self) -> Channel:
        items = (*self.blockers, *self.day_one)
        require_fillable((t for item in items for t in (item.title, item.detail)), ONE_CHANNEL)
        if self.link is None and any(uses_link(item.title, item.detail) for item in items):
            raise ValueError("an item uses {link}, but the channel has no link")
        return self

    @model_validator(mode="after")
    def _set_up_time_covers_its_blockers(self) -> Channel:
        longest = max(self.blockers, key=lambda b: b.lead_time_days, default=None)
        if longest is not None and longest.lead_time_days > self.lead_time_days:
            raise ValueError(
                f"lead_time_days {self.lead_time_days} is shorter than blocker {longest.id} "
                f"({longest.lead_time_days}): the plan would print two set-up times"
            )
        return self


class Benchmark(Model):
    """What good looks like for a gap: the unit its measured figure is in, and thresholds where published."""

    text: LocalText
    unit: LocalText | None = None
    time_unit: TimeUnit | None = Field(
        default=None, description="The figure is a time kept in this unit: it may be typed as '2 h' or '1 day'."
    )
    direction: Direction | None = None
    good: float | None = None
    poor: float | None = None

    @model_validator(mode="after")
    def _thresholds_together_with_a_unit(self) -> Benchmark:
        thresholds = (self.direction, self.good, self.poor)
        if any(n is not None for n in thresholds) and (any(n is None for n in thresholds) or self.unit is None):
            raise ValueError("give direction, good and poor together, with a unit, or none of them")
        return self

    @property
    def comparable(self) -> bool:
        """A measured figure can be judged good or poor against published thresholds."""
        return self.direction is not None

    def is_poor(self, value: float) -> bool:
        """Worse than the poor threshold; the threshold itself still counts as acceptable."""
        if self.direction is Direction.LOWER_IS_BETTER:
            return self.poor is not None and value > self.poor
        return self.poor is not None and value < self.poor

    def is_good(self, value: float) -> bool:
        if self.direction is Direction.LOWER_IS_BETTER:
            return self.good is not None and value <= self.good
        return self.good is not None and value >= self.good


class GapType(Sourced):
    id: Id
    name: LocalText
    step: Step
    symptoms: tuple[LocalText, ...] = Field(min_length=1)
    measure: LocalText
    data_needed: LocalText
    closing_actions: tuple[LocalText, ...] = ()
    benchmark: Benchmark
    channel_notes: tuple[ChannelNote, ...] = ()

    @model_validator(mode="after")
    def _check_wording(self) -> GapType:
        require_fillable((self.benchmark.text, *self.closing_actions, *(n.text for n in self.channel_notes)), NONE)
        return self


class Surface(Model):
    id: Id
    name: LocalText
    description: LocalText


class PromotionAction(Model):
    id: Id
    surface: Id
    title: LocalText
    detail: LocalText | None = None
    channels: tuple[Id, ...] = Field(min_length=1, description="Channel ids, or 'all'.")
    countries: tuple[str, ...] = Field(default=(), description="Only for these countries or region groups.")
    audience: tuple[Audience, ...] = Field(default=(), description="Only for these audiences (empty: all).")
    only_if_using: tuple[Id, ...] = Field(default=(), description="Only when one of these is a current channel.")
    only_with_bot: bool = Field(default=False, description="Only when a bot answers customers.")
    owner_role: Role
    offset_days: int = Field(ge=-180, le=365)
    done_if_answered: tuple[AnsweredAs, ...] = DONE_IF_ANSWERED
    skip_if_planned: tuple[Id, ...] = Field(
        default=(),
        description="Left out when the plan has one of these (questionnaire actions, channel or compliance "
        "checklist items, other promotion items): the same work.",
    )

    @property
    def per_channel(self) -> bool:
        """Repeated for each chosen channel it names, rather than written once for all of them."""
        return "all" not in self.channels

    @model_validator(mode="after")
    def _check_wording(self) -> PromotionAction:
        require_fillable((self.title, self.detail), ONE_CHANNEL if self.per_channel else ANY_ITEM)
        return self


class Cadence(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"


class Kpi(Sourced):
    id: Id
    name: LocalText
    definition: LocalText
    formula: LocalText
    unit: LocalText
    time_unit: TimeUnit | None = Field(
        default=None, description="The figure is a time kept in this unit: it may be typed as '2 h' or '1 day'."
    )
    direction: Direction
    default_target: float
    benchmark: LocalText
    data_source: LocalText
    cadence: Cadence
    channels: tuple[Id, ...] = Field(default=("all",), description="Channel ids it suits, or 'all'.")
    channel_notes: tuple[ChannelNote, ...] = ()

    @model_validator(mode="after")
    def _check_wording(self) -> Kpi:
        texts = (self.name, self.definition, self.formula, self.benchmark, *(n.text for n in self.channel_notes))
        require_fillable(texts, NONE)
        return self

    def applies_to(self, channel_id: str) -> bool:
        return "all" in self.channels or channel_id in self.channels


class Regulation(Sourced):
    """A law or rule as guidance (not legal advice): where and to which channels it applies, and what to do."""

    id: Id
    name: LocalText
    jurisdiction: LocalText
    applies_in: tuple[str, ...] = Field(default=(), description="Country codes or region-group ids.")
    channels: tuple[Id, ...] = Field(default=("all",), description="Channel ids it concerns, or 'all'.")
    summary: LocalText
    penalties: LocalText | None = None
    only_with_bot: bool = Field(default=False, description="Applies only when a bot answers customers.")
    applies_if: tuple[AnsweredAs, ...] = Field(
        default=(),
        description="Applies only when the assessment answers every one of these so (a sector law: health data).",
    )
    fallback: bool = Field(
        default=False,
        description="Applies instead in every market served that no other regulation covers (applies_in stays empty).",
    )
    checklist: tuple[ChecklistItem, ...] = Field(min_length=1)

    def concerns(self, channel_id: str) -> bool:
        return "all" in self.channels or channel_id in self.channels

    @model_validator(mode="after")
    def _check_wording(self) -> Regulation:
        require_fillable((self.summary, *(t for i in self.checklist for t in (i.title, i.detail))), ANY_ITEM)
        return self

    @model_validator(mode="after")
    def _markets_or_fallback(self) -> Regulation:
        if self.fallback == bool(self.applies_in):
            raise ValueError("give applies_in, or set fallback: true, not both")
        return self

    @model_validator(mode="after")
    def _no_channel_of_its_own(self) -> Regulation:
        marked = [i.id for i in self.checklist if i.done_if_in_use]
        if marked:
            raise ValueError(f"done_if_in_use is for a channel's own set-up steps, not a law's: {', '.join(marked)}")
        return self


class MarketNote(Model):
    """A market this catalog has no regulation entry for: the laws to check there, and where to read about them."""

    country: str = Field(pattern=r"^[A-Z]{2}$")
    name: LocalText
    laws: LocalText
    sources: tuple[Source, ...] = Field(min_length=1)

    @property
    def id(self) -> str:
        return self.country


class Catalog(Model):
    """Every catalog section; a content folder may split them over several files."""

    kind: Literal["catalog"]
    id: Id
    version: str = Field(pattern=r"^\d+\.\d+(\.\d+)?$")
    as_of: dt.date
    region_groups: tuple[RegionGroup, ...] = ()
    channels: tuple[Channel, ...] = ()
    gap_types: tuple[GapType, ...] = ()
    surfaces: tuple[Surface, ...] = ()
    promotion_actions: tuple[PromotionAction, ...] = ()
    kpis: tuple[Kpi, ...] = ()
    regulations: tuple[Regulation, ...] = ()
    market_notes: tuple[MarketNote, ...] = ()
    roles: dict[Role, LocalText] = Field(default_factory=dict)
