"""An assessment's scores as the command line prints them: overall, per step, per reason, and what is open."""

from __future__ import annotations

from readiness.core.assessment import Assessment
from readiness.core.i18n import _
from readiness.core.lang import Lang
from readiness.core.names import DIMENSION_NAMES, name
from readiness.core.questionnaire import Questionnaire
from readiness.core.scoring import DimensionScore, ScoreReport, Status


def score_summary(report: ScoreReport, questionnaire: Questionnaire, assessment: Assessment) -> str:
    lang = assessment.language
    lines = [
        f"{assessment.profile.organisation} — {questionnaire.title.get(lang)} {questionnaire.version}",
        _score_line(_("Overall", lang), report.overall, questionnaire, lang),
        _("Steps:", lang),
        *(_score_line(name(DIMENSION_NAMES, s, lang), d, questionnaire, lang, "  ") for s, d in report.steps.items()),
        _("Reasons:", lang),
        *(_score_line(name(DIMENSION_NAMES, r, lang), d, questionnaire, lang, "  ") for r, d in report.reasons.items()),
        _("Unanswered: {count}", lang, count=len(report.unanswered))
        + (f" ({', '.join(report.unanswered)})" if report.unanswered else ""),
        _("Flagged for review: {count}", lang, count=len(report.flagged))
        + (f" ({', '.join(report.flagged)})" if report.flagged else ""),
    ]
    return "\n".join(lines)


def _score_line(label: str, score: DimensionScore, questionnaire: Questionnaire, lang: Lang, indent: str = "") -> str:
    counts = _(
        "{scored} scored, {na} N/A, {unanswered} unanswered",
        lang,
        scored=score.count(Status.SCORED),
        na=score.count(Status.NOT_APPLICABLE),
        unanswered=score.count(Status.UNANSWERED),
    )
    if score.score is None:
        not_scored = _("not scored yet", lang)
        return f"{indent}{label:<24} {'—':>5}  {not_scored}  ({counts})"
    band = questionnaire.band_for(score.score).label.get(lang)
    return f"{indent}{label:<24} {score.score:5.1f}  {band:<14} ({counts})"
