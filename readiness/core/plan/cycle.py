"""Closing the cycle: a re-assessment set beside the assessment it follows (its baseline).

Both are read through their own plans, so the comparison says what the baseline's plan said and what the new one
says: each step's and reason's score, the gaps closed, new and still open (the same kind of break at the same
touchpoint is the same gap), and each of the baseline's KPI targets against the latest figure measured since its
launch.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from readiness.core.assessment import Assessment
from readiness.core.catalog import Direction
from readiness.core.content import Catalogs
from readiness.core.i18n import N_, _
from readiness.core.lang import Lang
from readiness.core.names import GAP_STATE_NAMES, name
from readiness.core.plan.figures import date_text, quantity_text, score_text
from readiness.core.plan.model import KpiActual, KpiLine, Plan, PlanGap
from readiness.core.plan.readiness import ScoreLine
from readiness.core.plan.transcripts import kpi_actuals


@dataclass(frozen=True)
class ScoreChange:
    dimension: str
    label: str
    before: float | None
    after: float | None
    change: float | None = field(init=False)
    """Now less than then, to the tenth the scores are printed to; None where one of the two was not scored."""

    def __post_init__(self) -> None:
        both = self.before is not None and self.after is not None
        object.__setattr__(self, "change", round(self.after - self.before, 1) if both else None)  # type: ignore[operator]


class GapState(StrEnum):
    CLOSED = "closed"
    NEW = "new"
    OPEN = "open"


@dataclass(frozen=True)
class GapOutcome:
    state: GapState
    type_name: str
    touchpoint: str
    unit: str
    before: float | None
    """The measured figure in the baseline's register (None: not measured, or not in it)."""
    after: float | None
    said: str
    """The state in words; for a gap still open, whether its figure moved the better or the worse way."""


@dataclass(frozen=True)
class KpiOutcome:
    kpi: str
    name: str
    unit: str
    direction: str
    baseline: float | None
    target: float
    deadline: dt.date
    actual: KpiActual | None
    """The latest figure measured since the baseline's launch; None when nothing was measured."""
    met: bool | None = field(init=False)
    """Whether the actual reaches the target, the way the KPI's direction says; None without an actual."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "met", _reaches(self.actual, self.target, self.direction))


@dataclass(frozen=True)
class CycleComparison:
    baseline_created: dt.date
    """The day of the baseline assessment."""
    overall: ScoreChange
    steps: tuple[ScoreChange, ...]
    reasons: tuple[ScoreChange, ...]
    gaps: tuple[GapOutcome, ...]
    """Closed first, then new, then still open."""
    kpis: tuple[KpiOutcome, ...]
    summary: str
    """One sentence: the overall score's change, the gaps closed and new, the KPI targets met."""

    @property
    def scores(self) -> tuple[ScoreChange, ...]:
        return (self.overall, *self.steps, *self.reasons)

    def gaps_in(self, state: GapState) -> tuple[GapOutcome, ...]:
        return tuple(g for g in self.gaps if g.state is state)


def _reaches(actual: KpiActual | None, target: float, direction: str) -> bool | None:
    if actual is None:
        return None
    if direction == Direction.LOWER_IS_BETTER:
        return actual.value <= target
    return actual.value >= target


def compare_cycle(
    before: Plan, after: Plan, baseline: Assessment, current: Assessment, catalogs: Catalogs
) -> CycleComparison:
    """``before`` is the baseline's plan in the current plan's language, ``after`` the current plan."""
    old, new = before.readiness, after.readiness
    overall = _change(old.overall, new.overall)
    directions = {key: t.benchmark.direction if t.benchmark else None for key, t in catalogs.gap_types.items()}
    gaps = _gap_outcomes(before.gaps, after.gaps, directions, Lang(after.header.language))
    kpis = tuple(_kpi_outcome(line, baseline, current, before.header.launch_date) for line in before.kpis)
    return CycleComparison(
        baseline_created=baseline.created,
        overall=overall,
        steps=_changes(old.steps, new.steps),
        reasons=_changes(old.reasons, new.reasons),
        gaps=gaps,
        kpis=kpis,
        summary=_summary(baseline.created, overall, gaps, kpis, Lang(after.header.language)),
    )


def _change(old: ScoreLine, new: ScoreLine) -> ScoreChange:
    return ScoreChange(new.dimension, new.label, old.score, new.score)


def _changes(old: tuple[ScoreLine, ...], new: tuple[ScoreLine, ...]) -> tuple[ScoreChange, ...]:
    """Dimensions matched by id; one that only one questionnaire version has is compared with nothing."""
    before = {line.dimension: line for line in old}
    changes = [
        ScoreChange(
            line.dimension, line.label, before[line.dimension].score if line.dimension in before else None, line.score
        )
        for line in new
    ]
    kept = {line.dimension for line in new}
    changes.extend(
        ScoreChange(line.dimension, line.label, line.score, None) for line in old if line.dimension not in kept
    )
    return tuple(changes)


def _gap_key(gap: PlanGap) -> tuple[str, str]:
    return gap.type, gap.touchpoint


def _gap_outcomes(
    old: tuple[PlanGap, ...], new: tuple[PlanGap, ...], directions: Mapping[str, Direction | None], lang: Lang
) -> tuple[GapOutcome, ...]:
    before = {_gap_key(gap): gap for gap in old}
    after = {_gap_key(gap): gap for gap in new}

    def outcome(state: GapState, gap: PlanGap, then: float | None, now: float | None) -> GapOutcome:
        said = _moved(then, now, directions.get(gap.type)) if state is GapState.OPEN else state.value
        return GapOutcome(state, gap.type_name, gap.touchpoint, gap.unit, then, now, name(GAP_STATE_NAMES, said, lang))

    closed = [
        outcome(GapState.CLOSED, gap, gap.measured_value, None) for key, gap in before.items() if key not in after
    ]
    fresh = [outcome(GapState.NEW, gap, None, gap.measured_value) for key, gap in after.items() if key not in before]
    still = [
        outcome(GapState.OPEN, gap, before[key].measured_value, gap.measured_value)
        for key, gap in after.items()
        if key in before
    ]
    return (*closed, *fresh, *still)


def _moved(then: float | None, now: float | None, direction: Direction | None) -> str:
    """ "improved" or "worsened" when both figures were measured and the benchmark says which way is better."""
    if then is None or now is None or direction is None or then == now:
        return "open"
    lower = now < then
    return "improved" if lower == (direction is Direction.LOWER_IS_BETTER) else "worsened"


def _kpi_outcome(line: KpiLine, baseline: Assessment, current: Assessment, launch: dt.date) -> KpiOutcome:
    return KpiOutcome(
        kpi=line.kpi,
        name=line.name,
        unit=line.unit,
        direction=line.direction,
        baseline=line.baseline,
        target=line.target,
        deadline=line.deadline,
        actual=_latest_actual(line, baseline, current, launch),
    )


def _latest_actual(line: KpiLine, baseline: Assessment, current: Assessment, launch: dt.date) -> KpiActual | None:
    """The newest of: transcripts measured after the baseline's launch (in either assessment: a re-assessment starts
    as a copy of its baseline), and today's figure typed into the re-assessment where it differs from the
    baseline's own."""
    measured = [*kpi_actuals(baseline, line.kpi, launch), *kpi_actuals(current, line.kpi, launch)]
    typed = _typed_figure(line.kpi, baseline, current)
    if typed is not None:
        measured.append(KpiActual(current.created, typed))
    return max(measured, key=lambda actual: actual.measured, default=None)


def _typed_figure(kpi: str, baseline: Assessment, current: Assessment) -> float | None:
    old = next((t.baseline for t in baseline.kpis if t.kpi == kpi), None)
    new = next((t.baseline for t in current.kpis if t.kpi == kpi), None)
    return new if new is not None and new != old else None


def _summary(
    day: dt.date, overall: ScoreChange, gaps: tuple[GapOutcome, ...], kpis: tuple[KpiOutcome, ...], lang: Lang
) -> str:
    said = [
        _(
            "Since the assessment of {day}, the overall score went from {before} to {after}.",
            lang,
            day=date_text(day, lang),
            before=score_text(overall.before, lang),
            after=score_text(overall.after, lang),
        ),
        _(
            "Gaps closed: {closed}; new: {new}.",
            lang,
            closed=sum(g.state is GapState.CLOSED for g in gaps),
            new=sum(g.state is GapState.NEW for g in gaps),
        ),
    ]
    measured = [k for k in kpis if k.met is not None]
    if measured:
        met = sum(1 for k in measured if k.met)
        said.append(
            _("KPI targets met since the launch: {met} of the {count} measured.", lang, met=met, count=len(measured))
        )
    if len(measured) < len(kpis):
        said.append(_("KPI targets not measured yet: {count}.", lang, count=len(kpis) - len(measured)))
    return " ".join(said)


@dataclass(frozen=True)
class TextTable:
    """One of the comparison's tables as words, for the window and the Word plan (the PDF lays out its own)."""

    heading: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    figures: int
    """How many of the last columns hold figures, aligned right."""


SCORE_HEADERS = (N_("Dimension"), N_("Baseline"), N_("Now"), N_("Change"))
GAP_HEADERS = (N_("Gap"), N_("Since the baseline"), N_("Measured then"), N_("Measured now"))
KPI_HEADERS = (N_("KPI"), N_("Target"), N_("Latest actual"), N_("Verdict"))
VERDICTS = {None: N_("not measured yet"), True: N_("met"), False: N_("not met")}


def cycle_tables(cycle: CycleComparison, lang: Lang) -> tuple[TextTable, ...]:
    """The scores then and now, the gaps then and now, and the baseline's KPI targets against what was measured."""
    return (
        TextTable(
            _("Scores then and now", lang),
            _headers(SCORE_HEADERS, lang),
            tuple(_score_row(row, lang, overall=i == 0) for i, row in enumerate(cycle.scores)),
            figures=3,
        ),
        TextTable(
            _("Gaps then and now", lang),
            _headers(GAP_HEADERS, lang),
            tuple(
                (
                    f"{g.type_name} — {g.touchpoint}",
                    g.said,
                    _figure(g.before, g.unit, lang),
                    _figure(g.after, g.unit, lang),
                )
                for g in cycle.gaps
            ),
            figures=2,
        ),
        TextTable(
            _("The baseline's KPI targets against what was measured", lang),
            _headers(KPI_HEADERS, lang),
            tuple(_kpi_row(k, lang) for k in cycle.kpis),
            figures=0,
        ),
    )


def change_text(change: float | None, lang: Lang) -> str:
    """ "+38.1", "−2.0", "0.0"; a dash where one of the two was not scored."""
    if change is None:
        return "—"
    sign = "+" if change > 0 else "−" if change < 0 else ""
    return sign + score_text(abs(change), lang)


def _headers(headers: tuple[str, ...], lang: Lang) -> tuple[str, ...]:
    return tuple(_(header, lang) for header in headers)


def _score_row(row: ScoreChange, lang: Lang, *, overall: bool) -> tuple[str, ...]:
    label = _("Overall", lang) if overall else row.label
    return label, score_text(row.before, lang), score_text(row.after, lang), change_text(row.change, lang)


def _kpi_row(kpi: KpiOutcome, lang: Lang) -> tuple[str, ...]:
    actual = kpi.actual
    measured = (
        "—" if actual is None else f"{quantity_text(actual.value, kpi.unit, lang)} ({date_text(actual.measured, lang)})"
    )
    return kpi.name, quantity_text(kpi.target, kpi.unit, lang), measured, _(VERDICTS[kpi.met], lang)


def _figure(value: float | None, unit: str, lang: Lang) -> str:
    return "—" if value is None else quantity_text(value, unit, lang)
