"""KPI targets: the user's, completed from the catalog, or sourced defaults when none were set."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from readiness.core.assessment import Assessment, KpiTarget
from readiness.core.catalog import Kpi
from readiness.core.content import Catalogs
from readiness.core.i18n import _
from readiness.core.lang import Lang
from readiness.core.names import label
from readiness.core.placeholders import for_bot
from readiness.core.plan.facts import PlanFacts, promise_text
from readiness.core.plan.figures import quantity_text
from readiness.core.plan.model import KpiLine
from readiness.core.plan.schedule import team_calendar
from readiness.core.plan.sources import note_texts, printed_notes, with_note_sources
from readiness.core.plan.transcripts import kpi_actuals, transcript_baseline

DEFAULT_DEADLINE_DAYS = 90
MAX_SUGGESTED = 6
TRACKED_QUESTION = "refine.kpis_tracked"
TRACKED_INDICATORS = {
    "frt": ("frt_live_chat", "frt_messaging", "frt_email"),
    "within_promise": ("within_promise",),
    "in_channel_resolution": ("in_channel_resolution",),
    "channel_switch": ("channel_switch_rate",),
    "csat": ("csat",),
    "fcr": ("fcr",),
    "bot_resolution": ("bot_resolution",),
    "optin_optout": ("optin_growth", "optout_rate"),
    "conversion": ("conversation_conversion",),
}
"""The indicators the Refine question offers, as the catalog's KPIs: what the team said it will track comes first."""
BOT_KPIS = frozenset({"bot_resolution"})
REPLY_TIME_KPIS = frozenset(TRACKED_INDICATORS["frt"])
"""Median reply times, comparable with the reply-time promise."""
MINUTES_PER_UNIT = {"min": 1, "h": 60}


def kpi_lines(assessment: Assessment, facts: PlanFacts, catalogs: Catalogs, launch: dt.date) -> tuple[KpiLine, ...]:
    targets = list(assessment.kpis)
    suggested = not targets
    if suggested:
        targets = [
            KpiTarget(kpi=k.id, target=k.default_target, deadline_days=DEFAULT_DEADLINE_DAYS)
            for k in suggested_kpis(assessment, facts.chosen, catalogs)
        ]
    return tuple(_line(t, catalogs.kpis[t.kpi], assessment, facts, launch, suggested) for t in targets)


def promise_warning(kpi: Kpi, target: float, promises: Mapping[str, int | None], lang: Lang) -> str:
    """A sentence when a median reply-time target is slower than the reply time promised on a channel it measures
    (with such a median, at least half of the customers wait longer than promised); otherwise empty."""
    per_unit = MINUTES_PER_UNIT.get(kpi.unit.en)
    promised = [m for channel, m in promises.items() if m and kpi.applies_to(channel)]
    if kpi.id not in REPLY_TIME_KPIS or per_unit is None or not promised or target * per_unit <= min(promised):
        return ""
    return _(
        "Slower than the promised reply within {promise}: with this median, at least half of the customers would "
        "wait longer than promised. Tighten the target or change the promise.",
        lang,
        promise=promise_text(min(promised), lang),
    )


def suggested_kpis(assessment: Assessment, chosen: tuple[str, ...], catalogs: Catalogs) -> list[Kpi]:
    """Catalog KPIs for this business: the indicators it said it will track first, then others that suit the chosen
    channels (channel-specific before general ones). Never a bot KPI without a bot, nor a cost in another currency
    than the business's own."""
    fitting = [k for k in catalogs.kpis.values() if any(k.applies_to(c) for c in chosen) and _suits(k, assessment)]
    tracked = set(tracked_kpis(assessment))
    fitting.sort(key=lambda k: (k.id not in tracked, "all" in k.channels, k.id))
    wanted = max(MAX_SUGGESTED, sum(k.id in tracked for k in fitting))
    return fitting[:wanted]


def tracked_kpis(assessment: Assessment) -> list[str]:
    """The catalog KPIs of the indicators the team said it will track (the Refine question)."""
    answer = assessment.answers.get(TRACKED_QUESTION)
    ticked = answer.value if answer is not None and isinstance(answer.value, tuple) else ()
    return [kpi for option in ticked for kpi in TRACKED_INDICATORS.get(option, ())]


def _suits(kpi: Kpi, assessment: Assessment) -> bool:
    if kpi.id in BOT_KPIS and not assessment.team.bot.enabled:
        return False
    currency = _unit_currency(kpi)
    return currency is None or currency in _home_currencies(assessment)


def _unit_currency(kpi: Kpi) -> str | None:
    """The ISO currency a KPI's unit is counted in ("USD per subscriber"), if any."""
    from babel.numbers import get_currency_name

    code = kpi.unit.en.split(" ", 1)[0]
    return code if len(code) == 3 and code.isupper() and get_currency_name(code, locale="en") != code else None


def _home_currencies(assessment: Assessment) -> set[str]:
    """The currencies of the business's home country on the assessment's date (none known without a home)."""
    from babel.numbers import get_territory_currencies

    home = assessment.profile.home_country
    return set(get_territory_currencies(home, start_date=assessment.created)) if home else set()


def _baseline_check(baseline: float | None, measured: tuple[float, str] | None, unit: str, lang: Lang) -> str:
    """A sentence when the baseline typed for a KPI differs from what chat transcripts before the launch measured;
    otherwise empty. Both stay as they are: which one is right is for the team to say."""
    if baseline is None or measured is None or round(measured[0], 1) == round(baseline, 1):
        return ""
    value, where = measured
    return _(
        "The chat transcripts measured {value} ({where}): check which baseline is right.",
        lang,
        value=quantity_text(value, unit, lang),
        where=where,
    )


def _line(
    target: KpiTarget, kpi: Kpi, assessment: Assessment, facts: PlanFacts, launch: dt.date, suggested: bool
) -> KpiLine:
    """A baseline is printed only with the measurement it came from; without one it is still to be measured."""
    lang = assessment.language
    notes = printed_notes(kpi.channel_notes, facts.chosen)
    baseline, source = target.baseline, target.baseline_source
    measured = transcript_baseline(assessment, kpi.id, launch, lang)
    if baseline is None and measured is not None:
        baseline, source = measured
    return KpiLine(
        kpi=kpi.id,
        name=kpi.name.get(lang),
        definition=for_bot(kpi.definition.get(lang), assessment.team.bot.enabled),
        formula=kpi.formula.get(lang),
        unit=kpi.unit.get(lang),
        direction=kpi.direction.value,
        baseline=baseline,
        baseline_source=source if baseline is not None else "",
        target=target.target,
        deadline=team_calendar(assessment).on_or_before(launch + dt.timedelta(days=target.deadline_days)),
        owner=target.owner,
        data_source=target.data_source or kpi.data_source.get(lang),
        cadence=label("cadence", target.cadence or kpi.cadence, lang),
        benchmark=kpi.benchmark.get(lang),
        benchmark_notes=note_texts(notes, lang),
        sources=with_note_sources(kpi.sources, notes),
        suggested=suggested,
        promise_warning=promise_warning(kpi, target.target, facts.promises, lang),
        baseline_check=_baseline_check(baseline, measured, kpi.unit.get(lang), lang),
        actuals=kpi_actuals(assessment, kpi.id, launch),
    )
