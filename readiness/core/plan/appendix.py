"""Every question with its answer, note and score, in questionnaire order, for the plan's appendix."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from readiness.core.assessment import Answer
from readiness.core.lang import Lang
from readiness.core.names import YES_NO_NAMES, name
from readiness.core.questionnaire import CHOICE_TYPES, Question, Questionnaire
from readiness.core.scoring import ItemTrace, ScoreReport, Status, chosen_options, visible_questions


@dataclass(frozen=True)
class AnswerLine:
    number: int
    question: str
    step: str
    text: str
    status: Status
    weight: float
    score: float | None
    choices: tuple[str, ...]
    """Labels of the choices picked, or of the threshold band a number falls in."""
    number_value: float | None
    unit: str
    date_value: dt.date | None
    text_value: str
    na_reason: str
    note: str
    flagged: bool
    answered_by: str


def answer_lines(
    questionnaire: Questionnaire, answers: Mapping[str, Answer], scores: ScoreReport, lang: Lang
) -> tuple[AnswerLine, ...]:
    """The questions skip logic keeps; a skipped question does not apply to this business and is left out."""
    traces = {item.question: item for item in scores.overall.items}
    visible = visible_questions(questionnaire, answers)
    return tuple(
        _line(number, question, answers.get(question.id), traces.get(question.id), lang)
        for number, question in enumerate(questionnaire.questions, start=1)
        if question.id in visible
    )


def skipped_questions(questionnaire: Questionnaire, answers: Mapping[str, Answer]) -> tuple[int, ...]:
    """The numbers of the questions skip logic left out, given these answers."""
    visible = visible_questions(questionnaire, answers)
    return tuple(n for n, q in enumerate(questionnaire.questions, start=1) if q.id not in visible)


def _line(number: int, question: Question, answer: Answer | None, trace: ItemTrace | None, lang: Lang) -> AnswerLine:
    answer = answer or Answer()
    value = answer.value
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    return AnswerLine(
        number=number,
        question=question.id,
        step=question.step.value,
        text=question.text.get(lang),
        status=trace.status if trace else Status.UNSCORED,
        weight=question.weight,
        score=trace.score if trace else None,
        choices=_choice_labels(question, answer, lang),
        number_value=float(value) if is_number and isinstance(value, int | float) else None,
        unit=question.unit.get(lang) if question.unit else "",
        date_value=value if isinstance(value, dt.date) else None,
        text_value=value if isinstance(value, str) and question.type not in CHOICE_TYPES else "",
        na_reason=answer.na_reason if answer.na else "",
        note=answer.note,
        flagged=answer.flagged,
        answered_by=answer.answered_by,
    )


def _choice_labels(question: Question, answer: Answer, lang: Lang) -> tuple[str, ...]:
    if answer.na or not answer.is_answered:
        return ()
    options = chosen_options(question, answer)
    return tuple(o.label.get(lang) if o.label else name(YES_NO_NAMES, o.id, lang) for o in options)
