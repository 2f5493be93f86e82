"""KPI targets: the user's, completed from the catalog, or sourced defaults when none were set."""

from __future__ import annotations

import datetime as dt

from readiness.core.assessment import Assessment, KpiTarget
from readiness.core.catalog import Kpi
from readiness.core.content import Catalogs
from readiness.core.names import label
from readiness.core.plan.model import KpiLine
from readiness.core.plan.schedule import on_a_working_day
from readiness.core.plan.sources import note_texts, printed_notes, with_note_sources

DEFAULT_DEADLINE_DAYS = 90
MAX_SUGGESTED = 6


def kpi_lines(
    assessment: Assessment, chosen: tuple[str, ...], catalogs: Catalogs, launch: dt.date
) -> tuple[KpiLine, ...]:
    targets = list(assessment.kpis)
    suggested = not targets
    if suggested:
        targets = [
            KpiTarget(kpi=k.id, target=k.default_target, deadline_days=DEFAULT_DEADLINE_DAYS)
            for k in suggested_kpis(chosen, catalogs)
        ]
    return tuple(_line(t, catalogs.kpis[t.kpi], assessment, chosen, launch, suggested) for t in targets)


def suggested_kpis(chosen: tuple[str, ...], catalogs: Catalogs) -> list[Kpi]:
    """Catalog KPIs that suit the chosen channels, channel-specific ones first."""
    fitting = [k for k in catalogs.kpis.values() if any(k.applies_to(c) for c in chosen)]
    fitting.sort(key=lambda k: ("all" in k.channels, k.id))
    return fitting[:MAX_SUGGESTED]


def _line(
    target: KpiTarget, kpi: Kpi, assessment: Assessment, chosen: tuple[str, ...], launch: dt.date, suggested: bool
) -> KpiLine:
    """A baseline is printed only with the measurement it came from; without one it is still to be measured."""
    lang = assessment.language
    notes = printed_notes(kpi.channel_notes, chosen)
    return KpiLine(
        kpi=kpi.id,
        name=kpi.name.get(lang),
        definition=kpi.definition.get(lang),
        formula=kpi.formula.get(lang),
        unit=kpi.unit.get(lang),
        direction=kpi.direction.value,
        baseline=target.baseline,
        baseline_source=target.baseline_source if target.baseline is not None else "",
        target=target.target,
        deadline=on_a_working_day(launch + dt.timedelta(days=target.deadline_days)),
        owner=target.owner,
        data_source=target.data_source or kpi.data_source.get(lang),
        cadence=label("cadence", target.cadence or kpi.cadence, lang),
        benchmark=kpi.benchmark.get(lang),
        benchmark_notes=note_texts(notes, lang),
        sources=with_note_sources(kpi.sources, notes),
        suggested=suggested,
    )
