"""Check an assessment's ids and answer values against the installed content."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from readiness.core.assessment import Answer, Assessment
from readiness.core.content import Content
from readiness.core.problems import FieldPath
from readiness.core.questionnaire import NUMERIC_TYPES, Question, Questionnaire, QuestionType

Finding = tuple[FieldPath, str]


def check_assessment(assessment: Assessment, content: Content) -> list[Finding]:
    questionnaire = content.questionnaire(assessment.questionnaire_id, assessment.questionnaire_version)
    if questionnaire is None:
        return [_missing_questionnaire(assessment, content)]
    catalogs = content.catalogs
    return [
        *_check_answers(assessment, questionnaire),
        *_check_ids(("gaps",), "type", (g.type for g in assessment.gaps), catalogs.gap_types, "gap type"),
        *_check_ids(("channels",), "channel", (c.channel for c in assessment.channels), catalogs.channels, "channel"),
        *_check_discontinued(assessment, content),
        *_check_ids(("promotion",), "surface", (p.surface for p in assessment.promotion), catalogs.surfaces, "surface"),
        *_check_ids(("kpis",), "kpi", (k.kpi for k in assessment.kpis), catalogs.kpis, "KPI"),
        *_check_ids(
            ("profile", "current_channels"),
            "channel",
            (c.channel for c in assessment.profile.current_channels),
            catalogs.channels,
            "channel",
        ),
        *_check_unique(("gaps",), "id", (g.id for g in assessment.gaps)),
        *_check_unique(("channels",), "channel", (c.channel for c in assessment.channels)),
        *_check_countries(assessment),
    ]


def _missing_questionnaire(assessment: Assessment, content: Content) -> Finding:
    known = sorted(f"{qid} {version}" for qid, version in content.questionnaires)
    wanted = f"{assessment.questionnaire_id} {assessment.questionnaire_version}"
    return (("questionnaire_version",), f"questionnaire {wanted} is not installed (installed: {', '.join(known)})")


def _check_answers(assessment: Assessment, questionnaire: Questionnaire) -> Iterator[Finding]:
    for question_id, answer in assessment.answers.items():
        question = questionnaire.question(question_id)
        path: FieldPath = ("answers", question_id)
        if question is None:
            yield path, f"unknown question id {question_id!r} for questionnaire {questionnaire.id}"
            continue
        for field, message in _answer_problems(question, answer):
            yield (*path, field), message


def _answer_problems(question: Question, answer: Answer) -> Iterator[tuple[str, str]]:
    if answer.na:
        if not question.allow_na:
            yield "na", "this question cannot be answered N/A"
        if answer.value is not None:
            yield "value", "an N/A answer has no value"
        return
    if answer.value is None:
        return
    problem = _value_problem(question, answer.value)
    if problem:
        yield "value", problem


def _value_problem(question: Question, value: object) -> str | None:
    kind = question.type
    if kind in (QuestionType.SINGLE_CHOICE, QuestionType.YES_NO):
        if not isinstance(value, str) or question.choice(value) is None:
            return f"expected one of {', '.join(c.id for c in question.choices)}"
    elif kind is QuestionType.MULTIPLE_CHOICE:
        if not isinstance(value, tuple) or any(question.choice(v) is None for v in value):
            return f"expected a list drawn from {', '.join(c.id for c in question.choices)}"
        if len(set(value)) != len(value):
            return "a choice is listed twice"
    elif kind in NUMERIC_TYPES:
        if not isinstance(value, float | int) or isinstance(value, bool):
            return "expected a number"
        if kind in (QuestionType.PERCENTAGE, QuestionType.DURATION) and value < 0:
            return "must not be negative"
        if kind is QuestionType.PERCENTAGE and value > 100:
            return "a percentage cannot exceed 100"
    elif kind is QuestionType.DATE:
        if not isinstance(value, dt.date):
            return "expected a date (YYYY-MM-DD)"
    elif not isinstance(value, str):
        return "expected text"
    return None


def _check_ids(
    section: FieldPath, field: str, ids: Iterable[str], known: Iterable[str], what: str
) -> Iterator[Finding]:
    known_ids = set(known)
    for index, item in enumerate(ids):
        if item not in known_ids:
            yield (*section, index, field), f"unknown {what} {item!r}"


def _check_unique(section: FieldPath, field: str, ids: Iterable[str]) -> Iterator[Finding]:
    seen: set[str] = set()
    for index, item in enumerate(ids):
        if item in seen:
            yield (*section, index, field), f"{item!r} is listed twice"
        seen.add(item)


def _check_discontinued(assessment: Assessment, content: Content) -> Iterator[Finding]:
    for index, choice in enumerate(assessment.channels):
        channel = content.catalogs.channels.get(choice.channel)
        if channel is not None and channel.status == "discontinued":
            yield ("channels", index, "channel"), f"{choice.channel!r} was discontinued on {channel.discontinued_on}"


def _check_countries(assessment: Assessment) -> Iterator[Finding]:
    profile = assessment.profile
    codes: list[tuple[FieldPath, str]] = [(("profile", "countries", i), c) for i, c in enumerate(profile.countries)]
    if profile.home_country is not None:
        codes.append((("profile", "home_country"), profile.home_country))
    for path, code in codes:
        if not (len(code) == 2 and code.isascii() and code.isalpha() and code.isupper()):
            yield path, f"{code!r} is not an ISO country code such as MX or US"
