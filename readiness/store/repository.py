"""Reading and writing assessments. Keyword-only functions that take the session; core models in and out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, update
from sqlmodel import Session, col, select

from readiness.core.assessment import Answer, Assessment
from readiness.core.problems import ReadinessError
from readiness.store.mapping import (
    answer_row,
    assessment_of,
    child_rows,
    profile_json,
    team_json,
    to_json,
)
from readiness.store.tables import (
    ActionOverrideRow,
    AnswerRow,
    AssessmentRow,
    ChannelChoiceRow,
    GapRow,
    KpiTargetRow,
    OrganisationRow,
    ParticipantRow,
    PromotionChoiceRow,
    TeamRoleRow,
)

CHILD_TABLES: tuple[type[Any], ...] = (
    ParticipantRow,
    GapRow,
    ChannelChoiceRow,
    TeamRoleRow,
    PromotionChoiceRow,
    KpiTargetRow,
    ActionOverrideRow,
)


@dataclass(frozen=True)
class AssessmentSummary:
    id: int
    organisation: str
    questionnaire: str
    language: str
    status: str
    created: dt.date
    updated_at: dt.datetime
    answers: int
    baseline_id: int | None
    last_page: str | None = None
    """The wizard page the assessment was last open on, to resume there."""


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def create_assessment(*, session: Session, assessment: Assessment, baseline_id: int | None = None) -> int:
    """Store a new assessment; a re-assessment (with a baseline) belongs to the baseline's organisation."""
    organisation_id = _row(session, baseline_id).organisation_id if baseline_id is not None else None
    if organisation_id is None:
        organisation = OrganisationRow(name=assessment.profile.organisation)
        session.add(organisation)
        session.flush()
        organisation_id = organisation.id or 0
    row = AssessmentRow(
        organisation_id=organisation_id,
        questionnaire_id=assessment.questionnaire_id,
        questionnaire_version=assessment.questionnaire_version,
        language=assessment.language.value,
        created=assessment.created,
        updated_at=_now(),
        launch_date=assessment.profile.launch_date,
        baseline_id=baseline_id,
        profile_json=profile_json(assessment.profile),
        team_json=team_json(assessment.team),
        refine_json=to_json(assessment.refine),
    )
    session.add(row)
    session.flush()
    assessment_id = row.id or 0
    session.add_all(answer_row(assessment_id, q, a) for q, a in assessment.answers.items())
    session.add_all(child_rows(assessment_id, assessment))
    session.flush()
    return assessment_id


def load_assessment(*, session: Session, assessment_id: int) -> Assessment:
    row = _row(session, assessment_id)
    organisation = session.get(OrganisationRow, row.organisation_id)
    answers = list(session.exec(select(AnswerRow).where(AnswerRow.assessment_id == assessment_id)))
    children = {
        table: list(session.exec(select(table).where(table.assessment_id == assessment_id))) for table in CHILD_TABLES
    }
    return assessment_of(row, organisation.name if organisation else "", answers, children)


def list_assessments(*, session: Session, search: str = "") -> list[AssessmentSummary]:
    """Newest first; ``search`` matches the organisation's name, ignoring case."""
    answers = select(AnswerRow.assessment_id, func.count().label("n")).group_by(col(AnswerRow.assessment_id)).subquery()
    query = (
        select(AssessmentRow, OrganisationRow.name, answers.c.n)
        .join(OrganisationRow, col(OrganisationRow.id) == col(AssessmentRow.organisation_id))
        .outerjoin(answers, answers.c.assessment_id == col(AssessmentRow.id))
        .order_by(col(AssessmentRow.updated_at).desc(), col(AssessmentRow.id).desc())
    )
    wanted = search.casefold()
    return [
        AssessmentSummary(
            id=row.id or 0,
            organisation=name,
            questionnaire=f"{row.questionnaire_id} {row.questionnaire_version}",
            language=row.language,
            status=row.status,
            created=row.created,
            updated_at=row.updated_at,
            answers=count or 0,
            baseline_id=row.baseline_id,
            last_page=row.last_page,
        )
        for row, name, count in session.exec(query)
        if wanted in name.casefold()  # in Python: SQLite's lower() folds ASCII only ("Ñandú")
    ]


def save_answer(*, session: Session, assessment_id: int, question_id: str, answer: Answer) -> None:
    """Insert or update one answer; the caller's session commits it as one short transaction."""
    row = _row(session, assessment_id)
    existing = session.exec(
        select(AnswerRow).where(AnswerRow.assessment_id == assessment_id, AnswerRow.question_id == question_id)
    ).first()
    fresh = answer_row(assessment_id, question_id, answer)
    if existing is not None:
        existing.sqlmodel_update(fresh.model_dump(exclude={"id"}))
        fresh = existing
    session.add(fresh)
    _touch(session, row)


def replace_assessment(*, session: Session, assessment_id: int, assessment: Assessment) -> None:
    """Write every field and list of an assessment over the stored one, in one transaction."""
    row = _row(session, assessment_id)
    organisation = session.get(OrganisationRow, row.organisation_id)
    if organisation is not None:
        organisation.name = assessment.profile.organisation
        session.add(organisation)
    row.questionnaire_id = assessment.questionnaire_id
    row.questionnaire_version = assessment.questionnaire_version
    row.created = assessment.created
    row.language = assessment.language.value
    row.launch_date = assessment.profile.launch_date
    row.profile_json = profile_json(assessment.profile)
    row.team_json = team_json(assessment.team)
    row.refine_json = to_json(assessment.refine)
    tables: tuple[type[Any], ...] = (AnswerRow, *CHILD_TABLES)
    for table in tables:
        session.execute(delete(table).where(table.assessment_id == assessment_id))
    session.add_all(answer_row(assessment_id, q, a) for q, a in assessment.answers.items())
    session.add_all(child_rows(assessment_id, assessment))
    _touch(session, row)


def set_last_page(*, session: Session, assessment_id: int, page: str) -> None:
    row = _row(session, assessment_id)
    row.last_page = page
    session.add(row)


def delete_assessment(*, session: Session, assessment_id: int) -> None:
    """Delete one assessment; its re-assessments stay, without a baseline; an empty organisation goes too."""
    row = _row(session, assessment_id)
    session.execute(
        update(AssessmentRow).where(col(AssessmentRow.baseline_id) == assessment_id).values(baseline_id=None)
    )
    session.delete(row)
    session.flush()
    remaining = session.exec(select(AssessmentRow.id).where(AssessmentRow.organisation_id == row.organisation_id))
    if remaining.first() is None:
        session.execute(delete(OrganisationRow).where(col(OrganisationRow.id) == row.organisation_id))


def _row(session: Session, assessment_id: int) -> AssessmentRow:
    row = session.get(AssessmentRow, assessment_id)
    if row is None:
        raise ReadinessError.single(f"assessment {assessment_id}", "no such assessment in this library")
    return row


def _touch(session: Session, row: AssessmentRow) -> None:
    row.updated_at = _now()
    session.add(row)
