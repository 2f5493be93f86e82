"""The questionnaire: questions, how answers score, and the plan actions they add."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import Field, model_validator

from readiness.core.placeholders import ANY_ITEM, require_fillable
from readiness.core.text import (
    DONE_IF_ANSWERED,
    AnsweredAs,
    Effort,
    Id,
    LangCode,
    LocalText,
    Model,
    Reason,
    Role,
    Score,
    Step,
)


class QuestionType(StrEnum):
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    YES_NO = "yes_no"
    NUMBER = "number"
    DURATION = "duration"
    PERCENTAGE = "percentage"
    TEXT = "text"
    DATE = "date"


CHOICE_TYPES = frozenset({QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE, QuestionType.YES_NO})
NUMERIC_TYPES = frozenset({QuestionType.NUMBER, QuestionType.DURATION, QuestionType.PERCENTAGE})
UNSCORED_TYPES = frozenset({QuestionType.TEXT, QuestionType.DATE})


class ScoringMethod(StrEnum):
    WEIGHTED_MEAN = "weighted_mean"
    """Overall = weighted mean of every scored question."""
    MEAN_OF_STEPS = "mean_of_steps"
    """Overall = plain mean of the step scores that could be computed."""


class Band(Model):
    id: Id
    min: Score
    label: LocalText
    description: LocalText


class Dimension(Model):
    """What a step or a reason means in this questionnaire; its name is the program's (``core.names``)."""

    description: LocalText


class Settled(StrEnum):
    """What an assessment itself records; an action asking for it is done once the assessment holds it."""

    GAPS_RECORDED = "gaps_recorded"
    SPONSOR_NAMED = "sponsor_named"
    CHANNEL_OWNER_NAMED = "channel_owner_named"
    CHANNELS_CHOSEN = "channels_chosen"
    COVERAGE_SET = "coverage_set"
    PROMISE_SET = "promise_set"
    BOT_SCOPE_WRITTEN = "bot_scope_written"
    KPI_TARGETS_SET = "kpi_targets_set"
    KPI_BASELINES_RECORDED = "kpi_baselines_recorded"
    TRAINING_PLANNED = "training_planned"


class ActionDef(Model):
    """A plan task that answers can add."""

    id: Id
    title: LocalText
    detail: LocalText | None = None
    step: Step
    owner_role: Role
    effort: Effort
    offset_days: int | None = Field(
        default=None, ge=-365, le=730, description="Due date in days from launch (negative: before)."
    )
    on_first_review: bool = Field(
        default=False, description="Due on the refine routine's first transcript review, instead of offset_days."
    )
    depends_on: tuple[Id, ...] = ()
    done_when: tuple[Settled, ...] = Field(
        default=(), description="Printed as done, not planned again, once the assessment records all of these."
    )
    done_if_answered: tuple[AnsweredAs, ...] = DONE_IF_ANSWERED
    skip_if_planned: tuple[Id, ...] = Field(
        default=(),
        description="Left out when the plan has one of these checklist or promotion items: the same work.",
    )
    channels: tuple[Id, ...] = Field(default=(), description="Only when one of these channels is chosen (empty: any).")
    skip_when: tuple[Settled, ...] = Field(
        default=(), description="Left out of the plan when the assessment plans this work elsewhere (all of these set)."
    )

    @model_validator(mode="after")
    def _check_wording(self) -> ActionDef:
        require_fillable((self.title, self.detail), ANY_ITEM)
        return self

    @model_validator(mode="after")
    def _one_due_date(self) -> ActionDef:
        if (self.offset_days is None) != self.on_first_review:
            raise ValueError("give offset_days or on_first_review: true, one of the two")
        return self


class Choice(Model):
    id: Id
    label: LocalText | None = Field(default=None, description="Required except for yes/no questions.")
    score: Score
    actions: tuple[Id, ...] = ()


class Threshold(Model):
    """A scoring band for numeric answers: applies when value <= upto (the last band is open-ended)."""

    id: Id
    upto: float | None = None
    label: LocalText
    score: Score
    actions: tuple[Id, ...] = ()


class Condition(Model):
    question: Id
    answer_in: tuple[Id, ...] = Field(min_length=1)


class DependsOn(Model):
    match: Literal["any", "all"] = "all"
    when: tuple[Condition, ...] = Field(min_length=1)


class Question(Model):
    id: Id
    step: Step
    reasons: tuple[Reason, ...] = ()
    weight: float = Field(default=1.0, ge=0, le=10)
    type: QuestionType
    text: LocalText
    help: LocalText | None = None
    summary: LocalText | None = Field(
        default=None,
        description="One short, plain sentence shown to the client instead of the help: why the question matters.",
    )
    facilitator_note: LocalText | None = None
    evidence_prompt: LocalText | None = None
    allow_na: bool = True
    unit: LocalText | None = None
    depends_on: DependsOn | None = None
    choices: tuple[Choice, ...] = ()
    thresholds: tuple[Threshold, ...] = ()

    @property
    def scored(self) -> bool:
        return self.weight > 0 and self.type not in UNSCORED_TYPES

    @property
    def options(self) -> tuple[Choice | Threshold, ...]:
        """The choices, or the thresholds, that can carry a score and actions."""
        return (*self.choices, *self.thresholds)

    def choice(self, choice_id: str) -> Choice | None:
        return next((c for c in self.choices if c.id == choice_id), None)

    @model_validator(mode="after")
    def _check_shape(self) -> Question:
        if self.type in CHOICE_TYPES:
            _check_choices(self)
        elif self.choices:
            raise ValueError(f"choices are only allowed on choice questions, not {self.type}")
        if self.type in NUMERIC_TYPES:
            _check_thresholds(self)
        elif self.thresholds:
            raise ValueError(f"thresholds are only allowed on numeric questions, not {self.type}")
        return self


def _check_choices(question: Question) -> None:
    ids = [c.id for c in question.choices]
    if len(ids) < 2:
        raise ValueError("a choice question needs at least two choices")
    if len(set(ids)) != len(ids):
        raise ValueError("choice ids must be unique")
    if question.type is QuestionType.YES_NO:
        if sorted(ids) != ["no", "yes"]:
            raise ValueError("a yes/no question has exactly the choices 'yes' and 'no'")
    elif any(c.label is None for c in question.choices):
        raise ValueError("every choice needs a label")


def _check_thresholds(question: Question) -> None:
    if question.weight > 0 and not question.thresholds:
        raise ValueError("a scored numeric question needs thresholds (or weight 0)")
    if not question.thresholds:
        return
    bounds = [t.upto for t in question.thresholds]
    if bounds[-1] is not None or any(b is None for b in bounds[:-1]):
        raise ValueError("every threshold but the last needs 'upto'; the last is open-ended")
    closed = [b for b in bounds[:-1] if b is not None]
    if closed != sorted(set(closed)):
        raise ValueError("threshold 'upto' values must rise strictly")


class Questionnaire(Model):
    kind: Literal["questionnaire"]
    id: Id
    version: str = Field(pattern=r"^\d+\.\d+(\.\d+)?$")
    languages: tuple[LangCode, ...] = Field(min_length=1, description="The languages the authors declare complete.")
    title: LocalText
    description: LocalText
    scoring: ScoringMethod = ScoringMethod.WEIGHTED_MEAN
    bands: tuple[Band, ...] = Field(min_length=2)
    steps: dict[Step, Dimension]
    reasons: dict[Reason, Dimension]
    actions: tuple[ActionDef, ...] = ()
    questions: tuple[Question, ...] = Field(min_length=1)

    def question(self, question_id: str) -> Question | None:
        return self._question_index.get(question_id)

    def action(self, action_id: str) -> ActionDef | None:
        return self._action_index.get(action_id)

    def band_for(self, score: float) -> Band:
        return [b for b in self.bands if b.min <= score][-1]

    @property
    def _question_index(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    @property
    def _action_index(self) -> dict[str, ActionDef]:
        return {a.id: a for a in self.actions}

    @model_validator(mode="after")
    def _check_references(self) -> Questionnaire:
        _check_bands(self.bands)
        _check_dimensions(self)
        _check_questions(self)
        _check_actions(self)
        return self


def _check_bands(bands: tuple[Band, ...]) -> None:
    mins = [b.min for b in bands]
    if mins[0] != 0:
        raise ValueError("bands: the first band must start at 0")
    if mins != sorted(set(mins)):
        raise ValueError("bands: 'min' values must rise strictly")


def _check_dimensions(questionnaire: Questionnaire) -> None:
    if set(questionnaire.steps) != set(Step):
        raise ValueError("steps: define exactly identify, open, promote and refine")
    if set(questionnaire.reasons) != set(Reason):
        raise ValueError("reasons: define exactly speed, familiarity, convenience and industry_forces")


def _check_questions(questionnaire: Questionnaire) -> None:
    seen: dict[str, Question] = {}
    for question in questionnaire.questions:
        if question.id in seen:
            raise ValueError(f"question id {question.id!r} is used twice")
        for condition in question.depends_on.when if question.depends_on else ():
            _check_condition(question.id, condition, seen)
        seen[question.id] = question


def _check_condition(owner: str, condition: Condition, earlier: dict[str, Question]) -> None:
    target = earlier.get(condition.question)
    if target is None:
        raise ValueError(f"question {owner!r} depends on {condition.question!r}, which is not an earlier question")
    unknown = [c for c in condition.answer_in if target.choice(c) is None]
    if unknown:
        raise ValueError(f"question {owner!r} depends on unknown choices {unknown} of {condition.question!r}")


def _check_actions(questionnaire: Questionnaire) -> None:
    known = {a.id for a in questionnaire.actions}
    if len(known) != len(questionnaire.actions):
        raise ValueError("actions: ids must be unique")
    for action in questionnaire.actions:
        missing = set(action.depends_on) - known
        if missing:
            raise ValueError(f"action {action.id!r} depends on unknown actions {sorted(missing)}")
    for question in questionnaire.questions:
        for option in question.options:
            missing = set(option.actions) - known
            if missing:
                raise ValueError(
                    f"question {question.id!r} choice {option.id!r} adds unknown actions {sorted(missing)}"
                )
    _check_acyclic({a.id: a.depends_on for a in questionnaire.actions})


def _check_acyclic(graph: dict[str, tuple[str, ...]]) -> None:
    state: dict[str, int] = {}

    def visit(node: str, path: tuple[str, ...]) -> None:
        if state.get(node) == 2:
            return
        if state.get(node) == 1:
            raise ValueError(f"actions: dependency cycle {' -> '.join((*path, node))}")
        state[node] = 1
        for dependency in graph.get(node, ()):
            visit(dependency, (*path, node))
        state[node] = 2

    for node in graph:
        visit(node, ())
