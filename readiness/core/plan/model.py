"""The plan: plain data built from one assessment, read by every output.

Text from content is already in the plan's language; numbers and dates stay
raw, so each output formats them for its locale.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from readiness.core.assessment import ActionStatus
from readiness.core.catalog import Cadence
from readiness.core.i18n import N_
from readiness.core.plan.appendix import AnswerLine
from readiness.core.plan.costs import RunningCost
from readiness.core.plan.readiness import Readiness
from readiness.core.scoring import ScoreReport

UNMEASURED_BEFORE_LAUNCH = N_("to measure in the first weeks")
UNMEASURED_AFTER_LAUNCH = N_("not measured before the launch")

if TYPE_CHECKING:
    from readiness.core.plan.cycle import CycleComparison


class TaskKind(StrEnum):
    ACTION = "action"
    BLOCKER = "blocker"
    DAY_ONE = "day_one"
    PROMOTION = "promotion"
    TRAINING = "training"
    COMPLIANCE = "compliance"


class Workstream(StrEnum):
    """The strands of work a schedule groups tasks by."""

    SET_UP = "set_up"
    TEAM = "team"
    """The team and the bot."""
    COMPLIANCE = "compliance"
    PROMOTION = "promotion"
    MEASUREMENT = "measurement"


_ACTION_WORKSTREAMS = {
    "identify": Workstream.MEASUREMENT,
    "open": Workstream.SET_UP,
    "promote": Workstream.PROMOTION,
    "refine": Workstream.MEASUREMENT,
}
_ROLE_WORKSTREAMS = {"bot_owner": Workstream.TEAM, "legal": Workstream.COMPLIANCE}
_KIND_WORKSTREAMS = {
    TaskKind.COMPLIANCE: Workstream.COMPLIANCE,
    TaskKind.PROMOTION: Workstream.PROMOTION,
    TaskKind.TRAINING: Workstream.TEAM,
}


@dataclass(frozen=True)
class SourceRef:
    title: str
    url: str
    as_of: dt.date
    kind: str
    """primary, study, secondary or vendor: the plan marks what is not primary."""
    historic_year: int | None = None
    """The year of figures printed as historic (older than 2020)."""
    language: str = "en"
    """The language of the title, which is printed as the source has it."""


@dataclass(frozen=True)
class Task:
    id: str
    kind: TaskKind
    title: str
    detail: str
    step: str
    owner_role: str
    owner_role_label: str
    """The role the task calls for."""
    owner: str
    owner_title: str
    """The roles the owner holds in the team (empty for someone outside it)."""
    owner_holds_role: bool
    """Whether the owner holds the role the task calls for."""
    due: dt.date
    status: ActionStatus
    start: dt.date | None = None
    """For work that takes time before launch: the last day to start it."""
    lead_time_days: int = 0
    """Working days the task takes, for launch blockers and compliance items."""
    channel: str | None = None
    surface: str | None = None
    effort: str | None = None
    depends_on: tuple[str, ...] = ()
    triggered_by: tuple[str, ...] = ()
    late_start: bool = False
    """It should have started before the plan's start date: start at once, and it may not fit before launch."""

    @property
    def workstream(self) -> Workstream:
        """Its kind's strand (compliance, promotion, training); else the bot's or the lawyer's work by its role;
        else a questionnaire action's step (measuring in Identify and Refine); else setting the channel up."""
        if self.kind in _KIND_WORKSTREAMS:
            return _KIND_WORKSTREAMS[self.kind]
        if self.owner_role in _ROLE_WORKSTREAMS:
            return _ROLE_WORKSTREAMS[self.owner_role]
        if self.kind is TaskKind.ACTION:
            return _ACTION_WORKSTREAMS.get(self.step, Workstream.SET_UP)
        return Workstream.SET_UP


@dataclass(frozen=True)
class PlanGap:
    id: str
    type: str
    type_name: str
    touchpoint: str
    current_channel: str | None
    """The name of the channel the gap happens on today."""
    frequency: str
    severity: str
    severity_level: str
    """The severity's id (low, medium, high, critical), for styling."""
    measured_value: float | None
    unit: str
    benchmark: str
    benchmark_notes: tuple[str, ...]
    """Benchmarks for the chosen channels only."""
    priority: float
    rank: int
    explanation: tuple[str, ...]
    closing_actions: tuple[str, ...]
    closing_channels: tuple[str, ...]
    """Names of the chosen channels that close this kind of gap."""
    evidence: str
    notes: str


@dataclass(frozen=True)
class PricePoint:
    """A channel's price in one of the markets served, with the date it was read."""

    text: str
    as_of: dt.date


@dataclass(frozen=True)
class RankedChannel:
    channel: str
    name: str
    short_name: str
    """The name customers know it by."""
    rank: int
    score: float
    chosen: str | None
    reasons: tuple[str, ...]
    constraints: tuple[str, ...]
    closes_gaps: tuple[str, ...]
    cost_model: str
    pricing: str
    prices: tuple[PricePoint, ...]
    """Price points for the markets served only."""
    choice_note: str
    """For a primary channel that is not ranked first: says so, with the team's reason."""
    lead_time_days: int
    service_window: str
    opt_in: str
    initiation: str


@dataclass(frozen=True)
class RetiredChannel:
    channel: str
    name: str
    discontinued_on: dt.date
    replacement: str


@dataclass(frozen=True)
class RoleLine:
    role: str
    label: str
    name: str
    responsibilities: str


@dataclass(frozen=True)
class TeamPlan:
    executive_sponsor: str
    channel_owner: str
    roles: tuple[RoleLine, ...]
    coverage: str
    """The hours a person answers the chosen channels."""
    business_hours: str
    """The business's own opening hours, from the profile."""
    response_promise_minutes: int | None
    response_promise: str
    """The promise as printed ("60 minutes", or per channel when they differ), or a notice that it is not set yet."""
    live_agents_required_by: tuple[str, ...]
    bot_enabled: bool
    bot_scope: str
    bot_handoff: str
    bot_rules: tuple[str, ...]
    training: tuple[Task, ...]


@dataclass(frozen=True)
class PromotionChecklist:
    surface: str
    surface_name: str
    channel: str | None
    channel_name: str
    tasks: tuple[Task, ...]


@dataclass(frozen=True)
class KpiActual:
    """A KPI measured from transcripts after the launch: the value, and the last day it was measured over."""

    measured: dt.date
    value: float


@dataclass(frozen=True)
class TranscriptFindings:
    """One import of chat transcripts, as the plan reports it: aggregates only."""

    source: str
    """ "From 1,240 WhatsApp conversations, Oct 1 – 31, 2026" """
    findings: tuple[str, ...]
    """The measures in sentences: first response, promise kept, after hours, sent elsewhere, resolved."""
    redacted: str
    """What was redacted before anything was measured, by kind and count."""
    after_launch: bool


@dataclass(frozen=True)
class KpiLine:
    kpi: str
    name: str
    definition: str
    formula: str
    unit: str
    direction: str
    baseline: float | None
    baseline_source: str
    """Where the baseline was measured; without a baseline, it is to be measured after launch."""
    target: float
    deadline: dt.date
    owner: str
    data_source: str
    cadence: str
    benchmark: str
    benchmark_notes: tuple[str, ...]
    """Benchmarks for the chosen channels only."""
    sources: tuple[SourceRef, ...]
    suggested: bool
    promise_warning: str
    """Set when the target is a median reply time slower than the reply time promised: the two contradict."""
    baseline_check: str = ""
    """Set when the baseline typed differs from what chat transcripts before the launch measured."""
    actuals: tuple[KpiActual, ...] = ()
    """Measured from transcripts after the launch, oldest first."""


@dataclass(frozen=True)
class Milestone:
    id: str
    title: str
    date: dt.date


@dataclass(frozen=True)
class RefineRoutine:
    transcript_review: str
    review_cadence: Cadence
    """How often the transcripts are reviewed, which ``transcript_review`` names in the plan's language."""
    steps: tuple[str, ...]
    first_review: dt.date
    first_kpi_review: dt.date
    reassessment: dt.date


@dataclass(frozen=True)
class MarketToCheck:
    """A served market this catalog has no regulation entry for."""

    country: str
    name: str
    laws: str
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class ComplianceChecklist:
    """One regulation that applies to the markets served and the chosen channels: guidance, not legal advice."""

    regulation: str
    name: str
    jurisdiction: str
    summary: str
    penalties: str
    tasks: tuple[Task, ...]
    sources: tuple[SourceRef, ...]
    as_of: dt.date
    """When the entry was last checked against its sources."""
    markets: tuple[MarketToCheck, ...] = ()
    """For the fallback entry: the served markets no regulation covers, and what to check in each."""


@dataclass(frozen=True)
class PlanHeader:
    organisation: str
    industry: str
    countries: tuple[str, ...]
    audience: tuple[str, ...]
    facilitator: str
    participants: tuple[str, ...]
    language: str
    created: dt.date
    issued: dt.date
    """The day the plan was issued: its dates are as of this day."""
    launch_date: dt.date
    launch_date_assumed: bool
    home_country: str | None
    """Where the team works: its public holidays are no working days."""

    @property
    def issued_after_launch(self) -> bool:
        """The plan speaks from after its launch date (a re-assessment's): the launch is told in the past."""
        return self.issued > self.launch_date

    questionnaire: str
    questionnaire_version: str


@dataclass(frozen=True)
class Plan:
    header: PlanHeader
    scores: ScoreReport
    readiness: Readiness
    gaps: tuple[PlanGap, ...]
    channels: tuple[RankedChannel, ...]
    retired_channels_in_use: tuple[RetiredChannel, ...]
    team: TeamPlan
    launch_blockers: tuple[Task, ...]
    compliance: tuple[ComplianceChecklist, ...]
    compliance_notice: str
    day_one: tuple[Task, ...]
    promotion: tuple[PromotionChecklist, ...]
    kpis: tuple[KpiLine, ...]
    actions: tuple[Task, ...]
    milestones: tuple[Milestone, ...]
    refine: RefineRoutine
    answers: tuple[AnswerLine, ...]
    """The questions that apply to this business, with their answers."""
    skipped_questions: tuple[int, ...]
    """Numbers of the questions skip logic left out for this business."""
    running_cost: RunningCost
    readiness_target: float | None
    """The overall score the business aims for by the re-assessment, when it set one."""
    transcripts: tuple[TranscriptFindings, ...] = ()
    """What each import of chat transcripts measured, oldest first."""
    next_cycle: tuple[str, ...] = ()
    """Gaps the transcripts show that the register does not hold yet: for the next cycle."""
    cycle: CycleComparison | None = None
    """A re-assessment set beside its baseline."""

    @property
    def chosen_channels(self) -> tuple[RankedChannel, ...]:
        chosen = [c for c in self.channels if c.chosen]
        return tuple(sorted(chosen, key=lambda c: (c.chosen != "primary", c.rank)))

    @property
    def unmeasured_baseline(self) -> str:
        """What a KPI without a baseline says in its place (a msgid): still to be measured in the first weeks, or,
        in a plan issued after the launch, that nobody measured it before."""
        return UNMEASURED_AFTER_LAUNCH if self.header.issued_after_launch else UNMEASURED_BEFORE_LAUNCH

    @property
    def open_launch_blockers(self) -> tuple[Task, ...]:
        """The blockers still to clear: neither done nor dropped."""
        return tuple(t for t in self.launch_blockers if t.status.is_open)

    def all_tasks(self) -> tuple[Task, ...]:
        promotion = tuple(t for checklist in self.promotion for t in checklist.tasks)
        compliance = tuple(t for checklist in self.compliance for t in checklist.tasks)
        return (*self.launch_blockers, *compliance, *self.team.training, *self.day_one, *self.actions, *promotion)
