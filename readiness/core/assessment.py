"""One client's assessment: profile, answers, gaps and the choices that shape the plan."""

from __future__ import annotations

import datetime as dt
import math
import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, PlainSerializer, WithJsonSchema, field_validator

from readiness.core.catalog import Audience, Cadence
from readiness.core.lang import Lang
from readiness.core.text import Id, LangCode, Model, Role, TaskId
from readiness.core.transcripts.model import Platform
from readiness.core.transcripts.phrases import SwitchReason

Country = str
"""ISO 3166-1 alpha-2 code, upper case."""

EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2200, 12, 31)
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""NUL and the other control characters but tab and line breaks, lone surrogates and non-characters: no
library, file or PDF should hold them, and PostgreSQL refuses NUL outright."""


def storable_text(value: str) -> str:
    found = _UNSTORABLE.search(value)
    if found:
        raise ValueError(f"text contains a character that cannot be stored (U+{ord(found.group()):04X})")
    return value


def sane_date(value: dt.date) -> dt.date:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValueError(f"expected a date between {EARLIEST_DATE.year} and {LATEST_DATE.year}")
    return value


ShortText = Annotated[str, AfterValidator(storable_text)]
LongText = Annotated[str, AfterValidator(storable_text)]
PlanDate = Annotated[dt.date, AfterValidator(sane_date)]
"""A date a plan can be built from: every format the plan is written in can hold it."""


def _whole_minute(value: dt.time) -> dt.time:
    if value.second or value.microsecond or value.tzinfo is not None:
        raise ValueError("expected a time of day as HH:MM, without seconds or a time zone")
    return value


ClockTime = Annotated[
    dt.time,
    AfterValidator(_whole_minute),
    PlainSerializer(lambda value: value.strftime("%H:%M"), return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9]$", "description": "HH:MM, 24-hour"}),
]
"""A time of day, written HH:MM in files (JSON Schema's 'time' format would demand seconds and an offset)."""


class Size(StrEnum):
    MICRO = "micro"  # 1-9 people
    SMALL = "small"  # 10-49
    MEDIUM = "medium"  # 50-249
    LARGE = "large"  # 250+


class ChannelUse(Model):
    channel: Id
    monthly_volume: int | None = Field(default=None, ge=0)


class BusinessHours(Model):
    days: tuple[Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"], ...] = ("mon", "tue", "wed", "thu", "fri")
    opens: ClockTime = Field(default=dt.time(9, 0), json_schema_extra={"default": "09:00"})
    closes: ClockTime = Field(default=dt.time(18, 0), json_schema_extra={"default": "18:00"})
    timezone: str = "UTC"


class TeamSizes(Model):
    sales: int = Field(default=0, ge=0)
    support: int = Field(default=0, ge=0)
    marketing: int = Field(default=0, ge=0)


class Participant(Model):
    name: ShortText = Field(min_length=1)
    role: ShortText = ""


class Profile(Model):
    organisation: ShortText = Field(min_length=1)
    industry: ShortText = ""
    size: Size = Size.SMALL
    countries: tuple[Country, ...] = Field(default=(), description="ISO country codes served.")
    home_country: Country | None = Field(default=None, description="Where the business itself operates.")
    audience: tuple[Audience, ...] = (Audience.B2C,)
    current_channels: tuple[ChannelUse, ...] = ()
    business_hours: BusinessHours = BusinessHours()
    team: TeamSizes = TeamSizes()
    languages: tuple[LangCode | str, ...] = ()
    facilitator: ShortText = ""
    participants: tuple[Participant, ...] = ()
    launch_date: PlanDate | None = None


AnswerValue = str | tuple[str, ...] | float | dt.date | None


class Answer(Model):
    value: AnswerValue = None
    na: bool = False
    na_reason: LongText = ""
    note: LongText = ""
    flagged: bool = False
    answered_by: ShortText = ""

    @field_validator("value", mode="before")
    @classmethod
    def _one_of_the_answer_shapes(cls, value: object) -> object:
        """One clear message instead of one per union member; the question's type is checked later."""
        if isinstance(value, bool | dt.datetime):
            raise ValueError("expected text, a list of choices, a number or a date")
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError("expected a finite number")
        if isinstance(value, str):
            return storable_text(value)
        if isinstance(value, dt.date):
            return sane_date(value)
        if value is None or isinstance(value, int | float):
            return value
        if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            return tuple(storable_text(v) for v in value)
        raise ValueError("expected text, a list of choices, a number or a date")

    @property
    def is_answered(self) -> bool:
        return not self.na and self.value not in (None, "", ())


class Touchpoint(StrEnum):
    SALES = "sales"
    SUPPORT = "support"
    BILLING = "billing"
    DELIVERY = "delivery"
    MARKETING = "marketing"


class Frequency(StrEnum):
    RARE = "rare"
    MONTHLY = "monthly"
    WEEKLY = "weekly"
    DAILY = "daily"
    CONSTANT = "constant"


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class Gap(Model):
    id: Id
    type: Id
    touchpoint: Touchpoint
    current_channel: Id | None = None
    frequency: Frequency
    severity: Severity
    measured_value: float | None = None
    evidence: LongText = ""
    notes: LongText = ""


class ChannelChoice(Model):
    channel: Id
    role: Literal["primary", "secondary"]
    reason: LongText = Field(default="", description="Why this channel, when it is not the one ranked first.")
    promise_minutes: int | None = Field(
        default=None, gt=0, description="The reply-time promise on this channel, when it differs from the team's."
    )


class TeamRole(Model):
    role: Role
    name: ShortText = ""
    responsibilities: LongText = ""


class TrainingSession(Model):
    title: ShortText = Field(min_length=1)
    audience: tuple[Role, ...] = ()
    offset_days: int = Field(default=-14, ge=-365, le=365)


class BotPlan(Model):
    enabled: bool = False
    scope: LongText = ""
    handoff: LongText = ""


class Team(Model):
    executive_sponsor: ShortText = ""
    channel_owner: ShortText = ""
    roles: tuple[TeamRole, ...] = ()
    coverage: BusinessHours | None = None
    response_promise_minutes: int | None = Field(default=None, gt=0)
    training: tuple[TrainingSession, ...] = ()
    bot: BotPlan = BotPlan()


class PromotionChoice(Model):
    surface: Id
    owner: ShortText = ""


class KpiTarget(Model):
    kpi: Id
    baseline: float | None = None
    baseline_source: LongText = Field(
        default="", description="Where the baseline was measured: this KPI's own channel and touchpoint."
    )
    target: float
    deadline_days: int = Field(default=90, ge=1, le=730)
    owner: ShortText = ""
    data_source: LongText = ""
    cadence: Cadence | None = None


class ActionStatus(StrEnum):
    TODO = "todo"
    DOING = "doing"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def is_open(self) -> bool:
        """Still to do or under way: neither done nor dropped."""
        return self in (ActionStatus.TODO, ActionStatus.DOING)


class ActionOverride(Model):
    """The user's changes to one plan task; an override of a task no longer in the plan is kept but unused."""

    action: TaskId
    owner: ShortText = ""
    due: PlanDate | None = None
    status: ActionStatus = ActionStatus.TODO


REASSESS_DAYS = (30, 730)
"""The re-assessment falls this many days after launch at the soonest and the latest."""


class Refine(Model):
    transcript_review: Cadence = Cadence.WEEKLY
    reassess_after_days: int = Field(default=180, ge=REASSESS_DAYS[0], le=REASSESS_DAYS[1])


Share = Annotated[float, Field(ge=0, le=1)]
Count = Annotated[int, Field(ge=0)]
Minutes = Annotated[float, Field(ge=0)]


class TranscriptEvidence(Model):
    """What one import of chat transcripts measured (docs/transcript-measures.md): aggregates only, never a message,
    a name or a file name (a WhatsApp export is named after the customer)."""

    measured_on: PlanDate
    platforms: tuple[Platform, ...]
    first: PlanDate
    last: PlanDate
    messages: Count
    conversations: Count
    customer_started: Count
    answered: Count
    first_response_median_minutes: Minutes | None = None
    first_response_p90_minutes: Minutes | None = None
    promise_minutes: Minutes
    answered_within_promise_share: Share | None = None
    after_hours_share: Share | None = None
    channel_switch_share: Share | None = None
    repeat_contact_share: Share | None = None
    resolved_in_channel_share: Share | None = None
    business_messages_per_resolved: Minutes | None = None
    switch_reasons: dict[SwitchReason, Count] = Field(default_factory=dict)
    redacted: dict[Literal["phone", "email", "card", "cpf", "curp", "name"], Count] = Field(default_factory=dict)


class Assessment(Model):
    questionnaire_id: Id
    questionnaire_version: str
    language: LangCode = Lang.EN
    created: PlanDate
    profile: Profile
    answers: dict[Id, Answer] = Field(default_factory=dict)
    gaps: tuple[Gap, ...] = ()
    channels: tuple[ChannelChoice, ...] = ()
    team: Team = Team()
    promotion: tuple[PromotionChoice, ...] = ()
    kpis: tuple[KpiTarget, ...] = ()
    overrides: tuple[ActionOverride, ...] = ()
    refine: Refine = Refine()
    transcripts: tuple[TranscriptEvidence, ...] = ()
    """Each import of chat transcripts, oldest first: the baseline, then the actuals measured after the launch."""

    @field_validator("overrides")
    @classmethod
    def _one_override_per_task(cls, overrides: tuple[ActionOverride, ...]) -> tuple[ActionOverride, ...]:
        seen: set[str] = set()
        for override in overrides:
            if override.action in seen:
                raise ValueError(f"the task {override.action} is listed twice")
            seen.add(override.action)
        return overrides
