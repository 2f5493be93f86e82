"""What the assessment's chat-transcript evidence adds to the plan: its findings in sentences, what was redacted,
the KPI actuals measured after the launch, and the gaps it shows that the register does not hold yet."""

from __future__ import annotations

import datetime as dt

from readiness.core.assessment import Assessment, TranscriptEvidence
from readiness.core.content import Catalogs
from readiness.core.i18n import N_, _, ngettext
from readiness.core.lang import Lang
from readiness.core.plan.figures import number_text, quantity_text
from readiness.core.plan.model import KpiActual, TranscriptFindings
from readiness.core.transcripts.evidence import KPI_FIGURES, NEXT_CYCLE_SHARE, figure, provenance, provenance_sentence


def findings(assessment: Assessment, launch: dt.date, lang: Lang) -> tuple[TranscriptFindings, ...]:
    return tuple(
        TranscriptFindings(
            provenance_sentence(e, lang), _sentences(e, lang), redacted_sentence(e, lang), e.first >= launch
        )
        for e in assessment.transcripts
    )


def kpi_actuals(assessment: Assessment, kpi: str, launch: dt.date) -> tuple[KpiActual, ...]:
    """The KPI as measured by each import of transcripts made after the launch."""
    if kpi not in KPI_FIGURES:
        return ()
    measured = ((e.last, figure(e, *KPI_FIGURES[kpi])) for e in assessment.transcripts if e.first >= launch)
    return tuple(KpiActual(day, value) for day, value in measured if value is not None)


def transcript_baseline(assessment: Assessment, kpi: str, launch: dt.date, lang: Lang) -> tuple[float, str] | None:
    """The KPI as the latest transcripts before the launch measured it, with where: the baseline a target without
    one of its own has (the plan does not call "to measure" what transcripts measured)."""
    if kpi not in KPI_FIGURES:
        return None
    for evidence in reversed(assessment.transcripts):
        value = figure(evidence, *KPI_FIGURES[kpi])
        if evidence.first < launch and value is not None:
            return value, provenance(evidence, lang)
    return None


def next_cycle(assessment: Assessment, catalogs: Catalogs, lang: Lang) -> tuple[str, ...]:
    """From the latest transcripts: customers sent elsewhere, or writing after hours, where no gap records it."""
    if not assessment.transcripts:
        return ()
    latest, recorded = assessment.transcripts[-1], {gap.type for gap in assessment.gaps}
    found = []
    switch = latest.channel_switch_share
    if switch is not None and switch >= NEXT_CYCLE_SHARE and "forced_channel_switch" not in recorded:
        reasons = sorted(latest.switch_reasons.items(), key=lambda item: -item[1])
        found.append(
            _(
                "{share} of conversations end with the customer sent elsewhere (most often: {reason}): record the "
                "gap \u201c{gap}\u201d for the next cycle.",
                lang,
                share=_percent(switch, lang),
                reason=_(SWITCH_REASONS[reasons[0][0]], lang) if reasons else "—",
                gap=_gap_name(catalogs, "forced_channel_switch", lang),
            )
        )
    after = latest.after_hours_share
    if after is not None and after >= NEXT_CYCLE_SHARE and "after_hours" not in recorded:
        found.append(
            _(
                "{share} of conversations start outside business hours: record the gap \u201c{gap}\u201d for the "
                "next cycle.",
                lang,
                share=_percent(after, lang),
                gap=_gap_name(catalogs, "after_hours", lang),
            )
        )
    return tuple(found)


SWITCH_REASONS = {
    "call": N_("to call"),
    "email": N_("to e-mail"),
    "form": N_("to fill in a form"),
    "visit": N_("to visit"),
    "other_channel": N_("to another channel"),
}


def _sentences(evidence: TranscriptEvidence, lang: Lang) -> tuple[str, ...]:
    said = []
    if evidence.first_response_median_minutes is not None and evidence.first_response_p90_minutes is not None:
        said.append(
            _(
                "First response: median {median} min, 9 in 10 within {p90} min.",
                lang,
                median=number_text(evidence.first_response_median_minutes, lang, 1),
                p90=number_text(evidence.first_response_p90_minutes, lang, 1),
            )
        )
    shares = (
        (evidence.answered_within_promise_share, N_("{share} answered within the {promise}-minute promise.")),
        (evidence.after_hours_share, N_("{share} started outside business hours.")),
        (evidence.channel_switch_share, N_("{share} sent to another channel.")),
        (evidence.resolved_in_channel_share, N_("{share} resolved in the channel.")),
    )
    promise = number_text(evidence.promise_minutes, lang, 0)
    said.extend(
        _(text, lang, share=_percent(share, lang), promise=promise) for share, text in shares if share is not None
    )
    return tuple(said)


def redacted_sentence(evidence: TranscriptEvidence, lang: Lang) -> str:
    """What was redacted, by kind and count, as the plan and the import dialog say it."""
    kinds = [_redacted_kind(kind, count, lang) for kind, count in sorted(evidence.redacted.items()) if count]
    if not kinds:
        return _("Nothing personal was found to redact; only these figures were kept.", lang)
    return _(
        "Redacted before anything was measured: {kinds}; only these figures were kept.", lang, kinds=", ".join(kinds)
    )


def _percent(share: float, lang: Lang) -> str:
    return quantity_text(round(100 * share), "%", lang)


def _gap_name(catalogs: Catalogs, gap_type: str, lang: Lang) -> str:
    entry = catalogs.gap_types.get(gap_type)
    return entry.name.get(lang) if entry is not None else gap_type


def _redacted_kind(kind: str, count: int, lang: Lang) -> str:
    """ "212 phone numbers": each kind's words written out, so the catalogs get each plural pair."""
    said = {
        "phone": lambda: ngettext("{count} phone number", "{count} phone numbers", count, lang),
        "email": lambda: ngettext("{count} e-mail address", "{count} e-mail addresses", count, lang),
        "card": lambda: ngettext("{count} card number", "{count} card numbers", count, lang),
        "cpf": lambda: ngettext("{count} CPF number", "{count} CPF numbers", count, lang),
        "curp": lambda: ngettext("{count} CURP code", "{count} CURP codes", count, lang),
        "name": lambda: ngettext(
            "{count} mention of a customer's name", "{count} mentions of customers' names", count, lang
        ),
    }
    return said[kind]()
