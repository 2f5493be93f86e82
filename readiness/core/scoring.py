"""Readiness scores per step, per reason and overall, each with the trace behind it.

A question's score comes from the chosen choice (a multiple choice adds its
choices' scores, capped at 100) or from the threshold a number falls in. A
dimension's score is the weighted mean of the scores of its answered, visible,
scored questions: N/A and skipped questions leave the denominator, and an
unanswered question is listed as unanswered rather than counted as zero.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from readiness.core.assessment import Answer
from readiness.core.questionnaire import (
    CHOICE_TYPES,
    NUMERIC_TYPES,
    Choice,
    Question,
    Questionnaire,
    QuestionType,
    ScoringMethod,
    Threshold,
)
from readiness.core.text import Reason, Step


class Status(StrEnum):
    SCORED = "scored"
    NOT_APPLICABLE = "na"
    UNANSWERED = "unanswered"
    SKIPPED = "skipped"
    UNSCORED = "unscored"


@dataclass(frozen=True)
class ItemTrace:
    question: str
    status: Status
    weight: float
    score: float | None = None
    basis: tuple[str, ...] = ()
    """The choice or threshold ids that produced the score."""


@dataclass(frozen=True)
class DimensionScore:
    dimension: str
    score: float | None
    band: str | None
    weighted_sum: float
    total_weight: float
    formula: str
    items: tuple[ItemTrace, ...]

    def count(self, status: Status) -> int:
        return sum(1 for item in self.items if item.status is status)


@dataclass(frozen=True)
class ScoreReport:
    questionnaire: str
    version: str
    method: ScoringMethod
    steps: dict[Step, DimensionScore]
    reasons: dict[Reason, DimensionScore]
    overall: DimensionScore
    unanswered: tuple[str, ...]
    flagged: tuple[str, ...]


def visible_questions(questionnaire: Questionnaire, answers: Mapping[str, Answer]) -> set[str]:
    """Ids of the questions that skip logic keeps, given the answers so far."""
    visible: set[str] = set()
    for question in questionnaire.questions:
        rule = question.depends_on
        if rule is None:
            visible.add(question.id)
            continue
        results = [c.question in visible and _chosen(answers.get(c.question)) & set(c.answer_in) for c in rule.when]
        if (any if rule.match == "any" else all)(bool(r) for r in results):
            visible.add(question.id)
    return visible


def _chosen(answer: Answer | None) -> set[str]:
    if answer is None or not answer.is_answered:
        return set()
    value = answer.value
    if isinstance(value, str):
        return {value}
    if isinstance(value, tuple):
        return set(value)
    return set()


def chosen_options(question: Question, answer: Answer) -> tuple[Choice | Threshold, ...]:
    """The choices picked, or the threshold a number falls in; empty when the answer does not fit."""
    value = answer.value
    if question.type in CHOICE_TYPES:
        picked = [question.choice(c) for c in _chosen(answer)]
        choices = tuple(sorted((c for c in picked if c is not None), key=lambda c: c.id))
        if question.type is not QuestionType.MULTIPLE_CHOICE and len(choices) > 1:
            return ()
        return choices
    if question.type in NUMERIC_TYPES and isinstance(value, int | float) and not isinstance(value, bool):
        for threshold in question.thresholds:
            if threshold.upto is None or value <= threshold.upto:
                return (threshold,)
    return ()


def question_score(question: Question, answer: Answer) -> tuple[float, tuple[str, ...]] | None:
    """The 0-100 score of one answer and the options that produced it, or None if it cannot score."""
    options = chosen_options(question, answer)
    if not options:
        return None
    return min(100.0, sum(o.score for o in options)), tuple(o.id for o in options)


def trace_question(question: Question, answer: Answer | None, visible: bool) -> ItemTrace:
    if not visible:
        return ItemTrace(question.id, Status.SKIPPED, question.weight)
    if answer is not None and answer.na and question.allow_na:
        return ItemTrace(question.id, Status.NOT_APPLICABLE, question.weight)
    if answer is None or not answer.is_answered:
        return ItemTrace(question.id, Status.UNANSWERED, question.weight)
    if not question.scored:
        return ItemTrace(question.id, Status.UNSCORED, question.weight)
    result = question_score(question, answer)
    if result is None:
        return ItemTrace(question.id, Status.UNANSWERED, question.weight)
    return ItemTrace(question.id, Status.SCORED, question.weight, result[0], result[1])


def score_assessment(questionnaire: Questionnaire, answers: Mapping[str, Answer]) -> ScoreReport:
    visible = visible_questions(questionnaire, answers)
    traces = {q.id: trace_question(q, answers.get(q.id), q.id in visible) for q in questionnaire.questions}
    steps = {
        step: _dimension(questionnaire, step.value, [traces[q.id] for q in questionnaire.questions if q.step is step])
        for step in Step
    }
    reasons = {
        reason: _dimension(
            questionnaire, reason.value, [traces[q.id] for q in questionnaire.questions if reason in q.reasons]
        )
        for reason in Reason
    }
    if questionnaire.scoring is ScoringMethod.MEAN_OF_STEPS:
        overall = _mean_of(questionnaire, "overall", steps.values(), list(traces.values()))
    else:
        overall = _dimension(questionnaire, "overall", list(traces.values()))
    return ScoreReport(
        questionnaire=questionnaire.id,
        version=questionnaire.version,
        method=questionnaire.scoring,
        steps=steps,
        reasons=reasons,
        overall=overall,
        unanswered=tuple(t.question for t in traces.values() if t.status is Status.UNANSWERED),
        flagged=tuple(q for q, a in answers.items() if a.flagged and q in traces),
    )


def _dimension(questionnaire: Questionnaire, name: str, items: list[ItemTrace]) -> DimensionScore:
    scored = [i for i in items if i.status is Status.SCORED and i.weight > 0]
    weighted_sum = sum(i.weight * (i.score or 0.0) for i in scored)
    total_weight = sum(i.weight for i in scored)
    if total_weight == 0:
        return DimensionScore(name, None, None, 0.0, 0.0, "no scored answers yet", tuple(items))
    score = weighted_sum / total_weight
    formula = f"Σ(weight × score) ÷ Σ weight = {weighted_sum:g} ÷ {total_weight:g} = {score:.1f}"
    band = questionnaire.band_for(score).id
    return DimensionScore(name, score, band, weighted_sum, total_weight, formula, tuple(items))


def _mean_of(
    questionnaire: Questionnaire, name: str, parts: Iterable[DimensionScore], items: list[ItemTrace]
) -> DimensionScore:
    scores = [p.score for p in parts if p.score is not None]
    if not scores:
        return DimensionScore(name, None, None, 0.0, 0.0, "no scored answers yet", tuple(items))
    score = sum(scores) / len(scores)
    formula = f"mean of step scores = {sum(scores):g} ÷ {len(scores)} = {score:.1f}"
    band = questionnaire.band_for(score).id
    return DimensionScore(name, score, band, sum(scores), float(len(scores)), formula, tuple(items))
