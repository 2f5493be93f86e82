"""Scores: bounded, monotone, blind to N/A and to question order, and explained."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from conftest import MINI_CONTENT, mini_assessment
from hypothesis import given, settings
from hypothesis import strategies as st

from readiness.core.assessment import Answer
from readiness.core.content import Content, load_content
from readiness.core.questionnaire import Choice, Question, Questionnaire, QuestionType, ScoringMethod, Threshold
from readiness.core.scoring import Status, question_score, score_assessment
from readiness.core.text import LocalText, Reason, Step

TEXT = LocalText(en="x", es="x")


def choice(cid: str, score: float) -> Choice:
    return Choice(id=cid, label=TEXT, score=score)


def numeric(qid: str, step: Step) -> Question:
    thresholds = (
        Threshold(id="low", upto=10, label=TEXT, score=100),
        Threshold(id="mid", upto=60, label=TEXT, score=50),
        Threshold(id="high", label=TEXT, score=0),
    )
    return Question(id=qid, step=step, type=QuestionType.DURATION, text=TEXT, thresholds=thresholds)


@st.composite
def questionnaires(draw: st.DrawFn) -> Questionnaire:
    """Random questionnaires without skip logic, built on the fixture's bands and dimensions."""
    count = draw(st.integers(1, 12))
    questions = []
    for index in range(count):
        step = draw(st.sampled_from(list(Step)))
        reasons = tuple(draw(st.sets(st.sampled_from(list(Reason)), max_size=2)))
        weight = draw(st.sampled_from([0.5, 1.0, 2.0, 3.0]))
        kind = draw(st.sampled_from([QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE, QuestionType.DURATION]))
        qid = f"q{index}"
        if kind is QuestionType.DURATION:
            question = numeric(qid, step).model_copy(update={"reasons": reasons, "weight": weight})
        else:
            scores = draw(st.lists(st.sampled_from([0, 25, 50, 75, 100]), min_size=2, max_size=4))
            choices = tuple(choice(f"c{i}", s) for i, s in enumerate(scores))
            question = Question(
                id=qid, step=step, reasons=reasons, weight=weight, type=kind, text=TEXT, choices=choices
            )
        questions.append(question)
    return BASE.model_copy(update={"questions": tuple(questions), "actions": ()})


def answer_for(question: Question, draw: Callable[[st.SearchStrategy[Any]], Any]) -> Answer | None:
    state = draw(st.sampled_from(["answer", "na", "missing"]))
    if state == "missing":
        return None
    if state == "na":
        return Answer(na=True, na_reason="not relevant")
    if question.type is QuestionType.DURATION:
        return Answer(value=draw(st.floats(0, 500, allow_nan=False)))
    ids = [c.id for c in question.choices]
    if question.type is QuestionType.MULTIPLE_CHOICE:
        return Answer(value=tuple(draw(st.lists(st.sampled_from(ids), min_size=1, unique=True))))
    return Answer(value=draw(st.sampled_from(ids)))


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[Questionnaire, dict[str, Answer]]:
    questionnaire = draw(questionnaires())
    answers = {}
    for question in questionnaire.questions:
        answer = answer_for(question, draw)
        if answer is not None:
            answers[question.id] = answer
    return questionnaire, answers


def all_scores(questionnaire: Questionnaire, answers: dict[str, Answer]) -> dict[str, float | None]:
    report = score_assessment(questionnaire, answers)
    found: dict[str, float | None] = {"overall": report.overall.score}
    found.update({s.value: d.score for s, d in report.steps.items()})
    found.update({r.value: d.score for r, d in report.reasons.items()})
    return found


def _base_questionnaire() -> Questionnaire:
    found = load_content(MINI_CONTENT).questionnaire("mini")
    assert found is not None
    return found


BASE = _base_questionnaire()


@settings(max_examples=200, deadline=None)
@given(scenarios())
def test_scores_stay_within_0_and_100(scenario: tuple[Questionnaire, dict[str, Answer]]) -> None:
    for score in all_scores(*scenario).values():
        assert score is None or 0 <= score <= 100


@settings(max_examples=200, deadline=None)
@given(scenarios(), st.data())
def test_improving_one_answer_never_lowers_a_score(
    scenario: tuple[Questionnaire, dict[str, Answer]], data: st.DataObject
) -> None:
    questionnaire, answers = scenario
    answered = [q for q in questionnaire.questions if q.id in answers and answers[q.id].is_answered]
    if not answered:
        return
    question = data.draw(st.sampled_from(answered))
    before_score = question_score(question, answers[question.id])
    candidate = answer_for(question, data.draw)
    if candidate is None or not candidate.is_answered:
        return
    after_score = question_score(question, candidate)
    assert before_score is not None and after_score is not None
    better, worse = (
        (candidate, answers[question.id]) if after_score[0] >= before_score[0] else (answers[question.id], candidate)
    )
    high = all_scores(questionnaire, {**answers, question.id: better})
    low = all_scores(questionnaire, {**answers, question.id: worse})
    for key, value in low.items():
        if value is not None:
            higher = high[key]
            assert higher is not None
            assert higher >= value - 1e-9, key


@settings(max_examples=200, deadline=None)
@given(scenarios(), st.data())
def test_na_answers_leave_the_denominator(
    scenario: tuple[Questionnaire, dict[str, Answer]], data: st.DataObject
) -> None:
    questionnaire, answers = scenario
    with_na = dict(answers)
    for question in questionnaire.questions:
        if data.draw(st.booleans()):
            with_na[question.id] = Answer(na=True, na_reason="n/a")
    without = {k: v for k, v in with_na.items() if not v.na}
    assert all_scores(questionnaire, with_na) == pytest.approx(all_scores(questionnaire, without))


@settings(max_examples=200, deadline=None)
@given(scenarios(), st.randoms(use_true_random=False))
def test_question_order_does_not_matter(scenario: tuple[Questionnaire, dict[str, Answer]], rng: Any) -> None:
    questionnaire, answers = scenario
    shuffled = list(questionnaire.questions)
    rng.shuffle(shuffled)
    reordered = questionnaire.model_copy(update={"questions": tuple(shuffled)})
    assert all_scores(reordered, answers) == pytest.approx(all_scores(questionnaire, answers))


def test_fixture_scores_and_trace(mini_content: Content) -> None:
    questionnaire = mini_content.questionnaire("mini")
    assert questionnaire is not None
    report = score_assessment(questionnaire, mini_assessment().answers)
    identify = report.steps[Step.IDENTIFY]
    assert identify.score == 0 and identify.band == "low"
    assert identify.items[0].basis == ("very_slow",)
    opened = report.steps[Step.OPEN]
    assert opened.score == pytest.approx(100 / 3)
    assert opened.formula == "Σ(weight × score) ÷ Σ weight = 100 ÷ 3 = 33.3"
    assert report.steps[Step.PROMOTE].score == 80  # two choices of 40 add up
    assert report.steps[Step.REFINE].score is None  # the only scored question is N/A
    assert report.steps[Step.REFINE].count(Status.NOT_APPLICABLE) == 1
    assert report.overall.score == pytest.approx(180 / 6)
    assert report.unanswered == ("q.notes", "q.review_date", "q.agents")
    assert report.flagged == ("q.bot_disclosed",)


def test_skipped_questions_do_not_count(mini_content: Content) -> None:
    questionnaire = mini_content.questionnaire("mini")
    assert questionnaire is not None
    answers = {**mini_assessment().answers, "q.bot": Answer(value="none")}
    report = score_assessment(questionnaire, answers)
    statuses = {i.question: i.status for i in report.steps[Step.OPEN].items}
    assert statuses["q.bot_disclosed"] is Status.SKIPPED
    assert report.steps[Step.OPEN].score == pytest.approx(60 / 2)
    assert "q.bot_disclosed" not in report.unanswered


def test_multiple_choice_is_capped_at_100(mini_content: Content) -> None:
    questionnaire = mini_content.questionnaire("mini")
    assert questionnaire is not None
    question = questionnaire.question("q.surfaces")
    assert question is not None
    assert question_score(question, Answer(value=("web", "mail", "store"))) == (100.0, ("mail", "store", "web"))


def test_mean_of_steps_method(mini_content: Content) -> None:
    questionnaire = mini_content.questionnaire("mini")
    assert questionnaire is not None
    by_steps = questionnaire.model_copy(update={"scoring": ScoringMethod.MEAN_OF_STEPS})
    report = score_assessment(by_steps, mini_assessment().answers)
    assert report.overall.score == pytest.approx((0 + 100 / 3 + 80) / 3)
