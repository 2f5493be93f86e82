"""From measured transcripts to the assessment: the evidence kept, and the figures it proposes for the gaps and the
KPI baselines, each with its provenance ("from 1,240 WhatsApp conversations, Oct 1 – 31, 2026")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from readiness.core.assessment import Assessment, Frequency, Gap, Severity, Touchpoint, TranscriptEvidence
from readiness.core.assessment import BusinessHours as OpeningHours
from readiness.core.content import Catalogs
from readiness.core.i18n import _, ngettext
from readiness.core.lang import Lang, babel_locale
from readiness.core.plan.figures import number_text
from readiness.core.plan.launch import launch_date
from readiness.core.transcripts.hours import BusinessHours
from readiness.core.transcripts.measures import DEFAULT_PROMISE_MINUTES, Settings
from readiness.core.transcripts.model import Platform

PLATFORM_NAMES = {
    Platform.WHATSAPP: "WhatsApp",
    Platform.MESSENGER: "Messenger",
    Platform.INSTAGRAM: "Instagram",
    Platform.TELEGRAM: "Telegram",
    Platform.LINE: "LINE",
    Platform.HELPDESK: "helpdesk",
}

Field = Literal[
    "first_response_median_minutes",
    "answered_within_promise_share",
    "after_hours_share",
    "channel_switch_share",
    "repeat_contact_share",
    "resolved_in_channel_share",
]
NEXT_CYCLE_SHARE = 0.1
"""A switch or after-hours share from which the transcripts propose a gap the register lacks."""
NEXT_CYCLE_GAPS = ("forced_channel_switch", "after_hours")
GAP_FIGURES: dict[str, tuple[Field, bool]] = {
    "slow_first_response": ("first_response_median_minutes", False),
    "forced_channel_switch": ("channel_switch_share", False),
    "after_hours": ("after_hours_share", False),
    "repeat_contacts": ("repeat_contact_share", True),
    "low_in_channel_resolution": ("resolved_in_channel_share", False),
}
"""Each gap type a measure gives a figure for, in the gap type's unit: minutes, or a percentage (of its complement
where the unit says so: repeat contacts are measured as first-contact resolution, "% FCR")."""
KPI_FIGURES: dict[str, tuple[Field, bool]] = {
    "frt_messaging": ("first_response_median_minutes", False),
    "frt_live_chat": ("first_response_median_minutes", False),
    "within_promise": ("answered_within_promise_share", False),
    "in_channel_resolution": ("resolved_in_channel_share", False),
    "channel_switch_rate": ("channel_switch_share", False),
    "fcr": ("repeat_contact_share", True),
}


@dataclass(frozen=True)
class Proposal:
    """A figure for one gap's measured value or one KPI's baseline, or a gap to add that the register lacks, which
    the user accepts or rejects."""

    kind: Literal["gap", "kpi", "new_gap"]
    id: str
    """The gap's id (a new one for a gap to add), or the KPI's."""
    type: str
    """The gap type or the KPI, as the catalog names it."""
    value: float
    unit: Literal["min", "%"]
    provenance: str


def figure(evidence: TranscriptEvidence, field: Field, complement: bool) -> float | None:
    """The measure in the unit the gaps and KPIs use: minutes as they are, shares as percentages."""
    value: float | None = getattr(evidence, field)
    if value is None or field.endswith("_minutes"):
        return value
    return round(100 * (1 - value if complement else value), 1)


def provenance(evidence: TranscriptEvidence, lang: Lang) -> str:
    """ "from 1,240 WhatsApp conversations, Oct 1 – 31, 2026", in the plan's language."""
    from babel.dates import format_interval

    platforms = " + ".join(PLATFORM_NAMES[p] for p in evidence.platforms)
    count = evidence.customer_started
    period = format_interval(evidence.first, evidence.last, skeleton="yMMMd", locale=babel_locale(lang))
    conversations = ngettext(
        "{number} {platforms} conversation",
        "{number} {platforms} conversations",
        count,
        lang,
        number=number_text(count, lang, 0),
        platforms=platforms,
    )
    return _("from {conversations}, {period}", lang, conversations=conversations, period=period)


def provenance_sentence(evidence: TranscriptEvidence, lang: Lang) -> str:
    """The provenance as a sentence starts: "From 1,240 WhatsApp conversations, Oct 1 – 31, 2026"."""
    source = provenance(evidence, lang)
    return source[:1].upper() + source[1:]


def figure_name(proposal: Proposal, catalogs: Catalogs, lang: Lang) -> str:
    """The KPI's or the gap type's name, as the catalog gives it in LANG."""
    entry = catalogs.kpis.get(proposal.type) if proposal.kind == "kpi" else catalogs.gap_types.get(proposal.type)
    return entry.name.get(lang) if entry is not None else proposal.type


def proposals(evidence: TranscriptEvidence, assessment: Assessment, lang: Lang) -> list[Proposal]:
    """A figure for each recorded gap and each KPI target the evidence measures. Transcripts from after the launch
    propose no KPI baseline: they are the KPIs' actuals, which the plan sets beside the baselines and targets."""
    source = provenance(evidence, lang)
    found: list[Proposal] = []
    for gap in assessment.gaps:
        if gap.type in GAP_FIGURES and (value := figure(evidence, *GAP_FIGURES[gap.type])) is not None:
            found.append(Proposal("gap", gap.id, gap.type, value, _unit(GAP_FIGURES[gap.type][0]), source))
    for kpi in () if after_launch(evidence, assessment) else assessment.kpis:
        if kpi.kpi in KPI_FIGURES and (value := figure(evidence, *KPI_FIGURES[kpi.kpi])) is not None:
            found.append(Proposal("kpi", kpi.kpi, kpi.kpi, value, _unit(KPI_FIGURES[kpi.kpi][0]), source))
    return found + _new_gaps(evidence, assessment, source)


def after_launch(evidence: TranscriptEvidence, assessment: Assessment) -> bool:
    """The transcripts were all written after the channel's launch."""
    return evidence.first >= launch_date(assessment)[0]


def actuals_sentence(evidence: TranscriptEvidence, assessment: Assessment, lang: Lang) -> str:
    """For transcripts from after the launch, where their KPI figures go; empty for earlier ones."""
    if not after_launch(evidence, assessment):
        return ""
    return _(
        "These transcripts are from after the launch: the KPIs they measure are kept as actuals beside their "
        "baselines and targets, not as new baselines.",
        lang,
    )


def _new_gaps(evidence: TranscriptEvidence, assessment: Assessment, source: str) -> list[Proposal]:
    """The gaps for the next cycle: customers sent elsewhere, or writing after hours, in at least NEXT_CYCLE_SHARE
    of the conversations, where the register records no gap of that type."""
    recorded = {gap.type for gap in assessment.gaps}
    taken = {gap.id for gap in assessment.gaps}
    found = []
    for gap_type in NEXT_CYCLE_GAPS:
        field, complement = GAP_FIGURES[gap_type]
        share = getattr(evidence, field)
        value = figure(evidence, field, complement)
        if gap_type not in recorded and share is not None and share >= NEXT_CYCLE_SHARE and value is not None:
            number = len(taken) + 1
            while f"gap-{number}" in taken:
                number += 1
            taken.add(f"gap-{number}")
            found.append(Proposal("new_gap", f"gap-{number}", gap_type, value, "%", source))
    return found


def _unit(field: Field) -> Literal["min", "%"]:
    return "min" if field.endswith("_minutes") else "%"


def with_evidence(assessment: Assessment, evidence: TranscriptEvidence, accepted: Iterable[Proposal]) -> Assessment:
    """The assessment with the evidence kept and the accepted figures in place, each with its provenance."""
    chosen = {(p.kind, p.id): p for p in accepted}
    gaps = tuple(
        gap.model_copy(update={"measured_value": p.value, "evidence": p.provenance})
        if (p := chosen.get(("gap", gap.id)))
        else gap
        for gap in assessment.gaps
    )
    kpis = tuple(
        kpi.model_copy(update={"baseline": p.value, "baseline_source": p.provenance})
        if (p := chosen.get(("kpi", kpi.kpi)))
        else kpi
        for kpi in assessment.kpis
    )
    added = tuple(
        Gap(
            id=p.id,
            type=p.type,
            touchpoint=Touchpoint.SUPPORT,
            frequency=Frequency.WEEKLY,
            severity=Severity.MEDIUM,
            measured_value=p.value,
            evidence=p.provenance,
        )
        for p in chosen.values()
        if p.kind == "new_gap"
    )
    transcripts = (*assessment.transcripts, evidence)
    return assessment.model_copy(update={"gaps": (*gaps, *added), "kpis": kpis, "transcripts": transcripts})


def settings_for(assessment: Assessment, business: str | None) -> Settings:
    """How the assessment's transcripts are measured: its team's hours (else the business's), its promise."""
    team = assessment.team
    hours = team.coverage or assessment.profile.business_hours
    promise = team.response_promise_minutes or DEFAULT_PROMISE_MINUTES
    return Settings(business, hours_of(hours), promise)


def hours_of(opening: OpeningHours) -> BusinessHours:
    """The assessment's opening hours as the measures take them."""
    interval = f"{opening.opens:%H:%M}-{opening.closes:%H:%M}"
    return BusinessHours.parse("; ".join(f"{day} {interval}" for day in opening.days))
