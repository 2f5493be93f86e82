"""Invariants of the content that ships: complete, translated, consistent, and in sync with its schema."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

from readiness.core.assessment import Answer
from readiness.core.catalog import Sourced
from readiness.core.content import Content, load_content
from readiness.core.coverage import local_texts
from readiness.core.exchange import exchange_text
from readiness.core.lang import LANGUAGES, Lang
from readiness.core.plan.builder import build_plan
from readiness.core.questionnaire import Question, Questionnaire, QuestionType
from readiness.core.samples import SAMPLE_PROFILES, load_sample, sample_path
from readiness.core.schema import SCHEMA_FOLDER, schema_texts
from readiness.core.scoring import Status, score_assessment
from readiness.core.text import LocalText, Reason, Step
from readiness.resources import questionnaires

FOLDER = questionnaires()
SUMMARY_LENGTH = 110
"""Characters at most in a question's summary, in any language."""


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(FOLDER)


@pytest.fixture(scope="module")
def questionnaire(content: Content) -> Questionnaire:
    return content.default_questionnaire()


def texts(node: BaseModel) -> Iterator[LocalText]:
    """Every translatable sentence of a catalog entry or questionnaire; its product name is left out."""
    for name in type(node).model_fields:
        if name != "name":
            yield from local_texts(getattr(node, name))


def test_default_questionnaire_covers_the_method(questionnaire: Questionnaire) -> None:
    assert len(questionnaire.questions) >= 40
    scored = [q for q in questionnaire.questions if q.scored]
    for step in Step:
        assert sum(q.step is step for q in scored) >= 6, step
    for reason in Reason:
        assert sum(reason in q.reasons for q in scored) >= 6, reason
    assert {q.type for q in questionnaire.questions} == set(QuestionType)
    assert sum(q.depends_on is not None for q in questionnaire.questions) >= 5


UNIT_SYMBOLS = {"min", "h", "s", "d"}
"""Unit words that read the same after any number: "1 min", "2 h"."""


def test_question_units_never_need_a_plural(questionnaire: Questionnaire) -> None:
    """A unit prints after the answer ("1 min", "12 % of…", "1 × per request"), so it must not be a plural noun."""
    for question in (q for q in questionnaire.questions if q.unit is not None):
        for lang in LANGUAGES:
            unit = question.unit.get(lang) if question.unit else ""
            first = unit.split()[0]
            assert not first[0].isalpha() or first in UNIT_SYMBOLS, (question.id, lang, unit)


def test_every_action_can_be_triggered(questionnaire: Questionnaire) -> None:
    reachable = {a for q in questionnaire.questions for o in q.options for a in o.actions}
    assert {a.id for a in questionnaire.actions} <= reachable


def extreme_answer(question: Question, best: bool) -> Answer | None:
    """The best (or worst) scoring answer a question allows."""
    if question.thresholds:
        ranked = sorted(range(len(question.thresholds)), key=lambda i: question.thresholds[i].score, reverse=best)
        index = ranked[0]
        upto = question.thresholds[index].upto
        value = upto if upto is not None else (question.thresholds[index - 1].upto or 0) + 1
        return Answer(value=float(value))
    if not question.choices:
        return None
    ranked_choices = sorted(question.choices, key=lambda c: c.score, reverse=best)
    if question.type is QuestionType.MULTIPLE_CHOICE and best:
        return Answer(value=tuple(c.id for c in question.choices if c.score > 0))
    if question.type is QuestionType.MULTIPLE_CHOICE:
        return Answer(value=(ranked_choices[0].id,))
    return Answer(value=ranked_choices[0].id)


def test_best_answers_score_100_and_worst_near_0(questionnaire: Questionnaire) -> None:
    def extremes(best: bool) -> dict[str, Answer]:
        answers = {q.id: extreme_answer(q, best) for q in questionnaire.questions}
        return {k: v for k, v in answers.items() if v is not None}

    best = score_assessment(questionnaire, extremes(best=True)).overall.score
    worst = score_assessment(questionnaire, extremes(best=False)).overall.score
    assert best == pytest.approx(100)
    assert worst is not None
    assert worst < 10


def test_translations_differ_where_they_should(content: Content) -> None:
    """A translation identical to the English is fine for names (WhatsApp, SMS); not for sentences."""
    models = [
        *content.questionnaires.values(),
        *content.catalogs.channels.values(),
        *content.catalogs.gap_types.values(),
        *content.catalogs.promotion_actions.values(),
        *content.catalogs.kpis.values(),
        *content.catalogs.surfaces.values(),
    ]
    proper_names = {c.name.en for c in content.catalogs.channels.values()}
    copies = [
        t.en
        for m in models
        for t in texts(m)
        for lang in LANGUAGES
        if lang is not Lang.EN and t.has(lang) and t.get(lang) == t.en and len(t.en.split()) > 3
    ]
    copies = [c for c in copies if c not in proper_names]
    assert copies == []


def test_sources_were_read_before_their_entry_was_checked(content: Content) -> None:
    catalogs = content.catalogs
    entries: list[Sourced] = [*catalogs.channels.values(), *catalogs.gap_types.values(), *catalogs.kpis.values()]
    late = [
        (type(e).__name__, getattr(e, "id", ""), s.url)
        for e in entries
        for s in e.sources
        if not (dt.date(2010, 1, 1) <= s.as_of <= e.as_of <= dt.date(2026, 12, 31))
    ]
    assert late == []


def test_discontinued_channels_are_marked(content: Content) -> None:
    retired = {c.id for c in content.catalogs.channels.values() if c.status == "discontinued"}
    assert retired == {"google_business_messages", "messenger_chat_plugin"}


@pytest.mark.parametrize("profile", SAMPLE_PROFILES)
def test_every_answer_comes_from_someone_on_the_cover(content: Content, profile: str) -> None:
    for lang in (Lang.EN, Lang.ES, Lang.PT_BR):
        assessment = load_sample(profile, lang, content, FOLDER)
        people = {p.name for p in assessment.profile.participants} | {assessment.profile.facilitator}
        strangers = {a.answered_by for a in assessment.answers.values() if a.answered_by} - people
        assert not strangers, (profile, lang, strangers)


@pytest.mark.parametrize("profile", SAMPLE_PROFILES)
def test_samples_are_canonical_and_say_the_same_in_every_language(content: Content, profile: str) -> None:
    shipped = [lang for lang in LANGUAGES if sample_path(profile, lang, FOLDER).is_file()]
    assert {Lang.EN, Lang.ES, Lang.PT_BR} <= set(shipped)
    loaded = {lang: load_sample(profile, lang, content, FOLDER) for lang in shipped}
    for lang, assessment in loaded.items():
        assert sample_path(profile, lang, FOLDER).read_text(encoding="utf-8") == exchange_text(assessment)
        assert assessment.language is lang
    english = loaded.pop(Lang.EN)
    for translated in loaded.values():
        assert english.answers.keys() == translated.answers.keys()
        assert [a.value for a in english.answers.values() if not isinstance(a.value, str)] == [
            a.value for a in translated.answers.values() if not isinstance(a.value, str)
        ]
        assert [(c.channel, c.role) for c in english.channels] == [(c.channel, c.role) for c in translated.channels]
        assert [(k.kpi, k.target) for k in english.kpis] == [(k.kpi, k.target) for k in translated.kpis]


@pytest.mark.parametrize("profile", SAMPLE_PROFILES)
def test_sample_exercises_every_section(content: Content, profile: str) -> None:
    assessment = load_sample(profile, Lang.EN, content, FOLDER)
    plan = build_plan(assessment, content)
    report = plan.scores
    assert len({g.type for g in assessment.gaps}) >= 3
    assert len(plan.chosen_channels) == 2
    assert len(assessment.promotion) >= 3
    assert assessment.kpis
    assert any(a.note for a in assessment.answers.values())
    assert report.overall.count(Status.NOT_APPLICABLE) >= 1
    assert report.flagged
    assert plan.launch_blockers
    assert plan.day_one
    assert plan.actions
    assert plan.promotion
    assert plan.milestones
    assert plan.team.training


def test_json_schemas_are_in_sync_with_the_models() -> None:
    folder = FOLDER / SCHEMA_FOLDER
    for name, text in schema_texts().items():
        assert (folder / name).read_text(encoding="utf-8") == text, f"run: readiness schema -o {folder}"


def test_content_files_point_editors_at_their_schema() -> None:
    for path in sorted(FOLDER.glob("*.yaml")) + sorted((FOLDER / "catalog").glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        relative = Path("..") / SCHEMA_FOLDER if path.parent.name == "catalog" else Path(SCHEMA_FOLDER)
        kind = "questionnaire" if path.parent == FOLDER else "catalog"
        assert first == f"# yaml-language-server: $schema={relative / f'{kind}.schema.json'}", path


def test_every_question_has_a_short_plain_summary_in_every_language(content: Content) -> None:
    """The client's view shows the summary instead of the guidance: one sentence, short enough to read aloud."""
    for questionnaire in content.questionnaires.values():
        for question in questionnaire.questions:
            assert question.summary is not None, question.id
            for lang in LANGUAGES:
                text = question.summary.get(lang)
                assert text and len(text) <= SUMMARY_LENGTH, (question.id, lang, text)
