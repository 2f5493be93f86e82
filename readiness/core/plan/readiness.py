"""Readiness per step, per reason and overall, labelled in the plan's language, and the fit verdict.

The fit for messaging is read from the four reasons (speed, familiarity,
convenience, industry forces): their mean sets the level, and the strongest and
weakest reasons explain it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from readiness.core.i18n import _
from readiness.core.lang import Lang
from readiness.core.names import DIMENSION_NAMES, FIT_NAMES, name
from readiness.core.questionnaire import Dimension, Questionnaire
from readiness.core.scoring import DimensionScore, ScoreReport, Status

FIT_LEVELS: tuple[tuple[float, str], ...] = ((75.0, "strong"), (55.0, "good"), (35.0, "partial"), (0.0, "weak"))
"""Lowest mean reason score for each fit level, best first."""


BAND_RAMP = ("#C8453A", "#D9822B", "#2874A6", "#2E8B57")
"""Band colours from the lowest to the highest, the same in the window and in the plan: the lowest band is red, the
highest green, and the bands between take the colours between."""


def band_colour(band: str, bands: Sequence[str]) -> str | None:
    """The colour of ``band`` among ``bands`` (lowest first); None for a band the questionnaire does not have."""
    if band not in bands:
        return None
    index, last = bands.index(band), len(bands) - 1
    if index == last:
        return BAND_RAMP[-1]
    if index == 0:
        return BAND_RAMP[0]
    inner = len(BAND_RAMP) - 3
    return BAND_RAMP[1 + round((index - 1) * inner / max(last - 2, 1))]


@dataclass(frozen=True)
class BandLine:
    id: str
    label: str
    min: float


@dataclass(frozen=True)
class ScoreLine:
    dimension: str
    label: str
    description: str
    score: float | None
    band: str | None
    band_label: str
    band_description: str
    weighted_sum: float
    total_weight: float
    scored: int
    not_applicable: int
    unanswered: int
    skipped: int


@dataclass(frozen=True)
class Fit:
    level: str
    label: str
    summary: str
    score: float | None


@dataclass(frozen=True)
class Readiness:
    overall: ScoreLine
    steps: tuple[ScoreLine, ...]
    reasons: tuple[ScoreLine, ...]
    bands: tuple[BandLine, ...]
    fit: Fit


def readiness(questionnaire: Questionnaire, scores: ScoreReport, lang: Lang) -> Readiness:
    def line(score: DimensionScore, dimension: Dimension | None) -> ScoreLine:
        return _score_line(questionnaire, score, dimension, lang)

    reasons = tuple(line(scores.reasons[r], questionnaire.reasons[r]) for r in questionnaire.reasons)
    return Readiness(
        overall=line(scores.overall, None),
        steps=tuple(line(scores.steps[s], questionnaire.steps[s]) for s in questionnaire.steps),
        reasons=reasons,
        bands=tuple(BandLine(b.id, b.label.get(lang), b.min) for b in questionnaire.bands),
        fit=_fit(reasons, lang),
    )


def _score_line(
    questionnaire: Questionnaire, score: DimensionScore, dimension: Dimension | None, lang: Lang
) -> ScoreLine:
    band = questionnaire.band_for(score.score) if score.score is not None else None
    return ScoreLine(
        dimension=score.dimension,
        label=name(DIMENSION_NAMES, score.dimension, lang) if dimension else questionnaire.title.get(lang),
        description=dimension.description.get(lang) if dimension else questionnaire.description.get(lang),
        score=score.score,
        band=band.id if band else None,
        band_label=band.label.get(lang) if band else _("Not scored yet", lang),
        band_description=band.description.get(lang) if band else "",
        weighted_sum=score.weighted_sum,
        total_weight=score.total_weight,
        scored=score.count(Status.SCORED),
        not_applicable=score.count(Status.NOT_APPLICABLE),
        unanswered=score.count(Status.UNANSWERED),
        skipped=score.count(Status.SKIPPED),
    )


def _fit(reasons: tuple[ScoreLine, ...], lang: Lang) -> Fit:
    scored = [r for r in reasons if r.score is not None]
    if not scored:
        return Fit(
            "unknown",
            _("Fit not yet known", lang),
            _("Answer the questions tagged with the four reasons to see how well messaging fits.", lang),
            None,
        )
    mean = sum(r.score or 0.0 for r in scored) / len(scored)
    level = next(name for floor, name in FIT_LEVELS if mean >= floor)
    strongest = max(scored, key=lambda r: r.score or 0.0)
    weakest = min(scored, key=lambda r: r.score or 0.0)
    summary = _(
        "Strongest reason: {strongest} ({high}/100). Weakest: {weakest} ({low}/100).",
        lang,
        strongest=strongest.label,
        high=round(strongest.score or 0.0),
        weakest=weakest.label,
        low=round(weakest.score or 0.0),
    )
    return Fit(level, name(FIT_NAMES, level, lang), summary, mean)
