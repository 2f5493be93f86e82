"""Reading and writing assessments. Keyword-only functions that take the session; core models in and out.

Each assessment is one row: its document and the summary the library list shows. Saving an edit is one
UPDATE of that row; listing reads the summary columns only. Every write raises the row's revision, and a
save that says which revision it started from is refused when someone saved a newer one in between.
"""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select as select_columns
from sqlalchemy import update
from sqlmodel import Session, col, select

from readiness.core.assessment import Assessment
from readiness.core.content import Content
from readiness.core.problems import Problem, ReadinessError
from readiness.store.document import Standing, assessment_from_document, document_json, standing_of
from readiness.store.tables import AssessmentRow

SUMMARY_FIELDS = (
    "id",
    "organisation",
    "language",
    "status",
    "created",
    "updated_at",
    "answers",
    "baseline_id",
    "last_page",
    "plan_generated_at",
    "band",
    "revision",
    "changed_by",
)
SUMMARY_COLUMNS = (
    *(col(getattr(AssessmentRow, name)) for name in SUMMARY_FIELDS),
    col(AssessmentRow.overall_score).label("score"),
    col(AssessmentRow.questionnaire_id),
    col(AssessmentRow.questionnaire_version),
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
    last_page: str | None
    """The wizard page the assessment was last open on, to resume there."""
    plan_generated_at: dt.datetime | None
    score: float | None
    band: str | None
    revision: int
    changed_by: str


@dataclass(frozen=True)
class StoredAssessment:
    """An assessment with the revision it was read at: the revision a later save says it started from."""

    assessment: Assessment
    revision: int
    last_page: str | None
    baseline: Assessment | None = None
    """For a re-assessment: the assessment it follows, while the library still holds it."""


class RevisionConflict(ReadinessError):
    """Someone saved the assessment after this copy was read: nothing was written."""

    def __init__(self, assessment_id: int, revision: int, changed_by: str, updated_at: dt.datetime) -> None:
        who = changed_by or "someone"
        when = updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
        message = (
            f"{who} saved a newer version at {when} (revision {revision}) after you opened it: "
            "your changes were not written over theirs"
        )
        super().__init__([Problem(f"assessment {assessment_id}", message)])
        self.revision = revision
        self.changed_by = changed_by
        self.updated_at = updated_at


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def current_user() -> str:
    """Who is saving, for "changed by": the login name, or nothing when the system cannot say."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def _summary_values(assessment: Assessment, standing: Standing) -> dict[str, Any]:
    return {
        "organisation": assessment.profile.organisation,
        "organisation_key": assessment.profile.organisation.casefold(),
        "questionnaire_id": assessment.questionnaire_id,
        "questionnaire_version": assessment.questionnaire_version,
        "language": assessment.language.value,
        "created": assessment.created,
        "launch_date": assessment.profile.launch_date,
        "overall_score": standing.score,
        "band": standing.band,
        "status": standing.status,
        "answers": len(assessment.answers),
        "document": document_json(assessment),
        "updated_at": _now(),
        "changed_by": current_user(),
    }


def create_assessment(
    *, session: Session, assessment: Assessment, content: Content | None, baseline_id: int | None = None
) -> int:
    """Store a new assessment; ``content`` scores it for the list (None stores it unscored)."""
    if baseline_id is not None:
        _check_exists(session, baseline_id)
    row = AssessmentRow(**_summary_values(assessment, standing_of(assessment, content)), baseline_id=baseline_id)
    session.add(row)
    session.flush()
    return row.id or 0


def load_assessment(*, session: Session, assessment_id: int) -> Assessment:
    """The assessment alone (its baseline is not read)."""
    document = _document(session, assessment_id)
    if document is None:
        raise _missing(assessment_id)
    return assessment_from_document(document)


def read_assessment(*, session: Session, assessment_id: int) -> StoredAssessment:
    """The assessment with its revision, the page it was last open on, and its baseline if it re-assesses one."""
    query = select(
        AssessmentRow.document, AssessmentRow.revision, AssessmentRow.last_page, AssessmentRow.baseline_id
    ).where(AssessmentRow.id == assessment_id)
    found = session.exec(query).first()
    if found is None:
        raise _missing(assessment_id)
    document, revision, last_page, baseline_id = found
    baseline = _document(session, baseline_id) if baseline_id is not None else None
    return StoredAssessment(
        assessment_from_document(document),
        revision,
        last_page,
        assessment_from_document(baseline) if baseline is not None else None,
    )


def _document(session: Session, assessment_id: int) -> Any:
    """The stored document of an assessment; None when the library has no such assessment (any more)."""
    return session.exec(select(AssessmentRow.document).where(AssessmentRow.id == assessment_id)).first()


def list_assessments(*, session: Session, search: str = "") -> list[AssessmentSummary]:
    """Newest first, from the summary columns alone; ``search`` matches the organisation, ignoring case."""
    query = select_columns(*SUMMARY_COLUMNS).order_by(
        col(AssessmentRow.updated_at).desc(), col(AssessmentRow.id).desc()
    )
    if search:
        pattern = "%" + search.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(col(AssessmentRow.organisation_key).like(pattern, escape="\\"))
    return [_summary(row) for row in session.execute(query)]


def _summary(row: Any) -> AssessmentSummary:
    fields = dict(row._mapping)
    questionnaire = f"{fields.pop('questionnaire_id')} {fields.pop('questionnaire_version')}"
    return AssessmentSummary(**fields, questionnaire=questionnaire)


def replace_assessment(
    *,
    session: Session,
    assessment_id: int,
    assessment: Assessment,
    content: Content | None,
    started_from: int | None = None,
) -> int:
    """Write the whole assessment over the stored one in one UPDATE and return the new revision.

    With ``started_from``, the save is refused (RevisionConflict, nothing written) when the stored revision
    is no longer the one this edit started from.
    """
    values = _summary_values(assessment, standing_of(assessment, content))
    statement = update(AssessmentRow).where(col(AssessmentRow.id) == assessment_id)
    if started_from is not None:
        statement = statement.where(col(AssessmentRow.revision) == started_from)
    statement = statement.values(**values, revision=AssessmentRow.revision + 1).returning(col(AssessmentRow.revision))
    revision = session.execute(statement).scalar()
    if revision is None:
        raise _refusal(session, assessment_id)
    return int(revision)


def _refusal(session: Session, assessment_id: int) -> ReadinessError:
    stored = session.exec(
        select(AssessmentRow.revision, AssessmentRow.changed_by, AssessmentRow.updated_at).where(
            AssessmentRow.id == assessment_id
        )
    ).first()
    if stored is None:
        return _missing(assessment_id)
    revision, changed_by, updated_at = stored
    return RevisionConflict(assessment_id, revision, changed_by, updated_at)


def mark_plan_generated(*, session: Session, assessment_id: int) -> None:
    """Record that a plan was generated now."""
    _note_beside(session, assessment_id, plan_generated_at=_now())


def set_last_page(*, session: Session, assessment_id: int, page: str) -> None:
    """Remember the page to resume on."""
    _note_beside(session, assessment_id, last_page=page)


def _note_beside(session: Session, assessment_id: int, **values: object) -> None:
    """Write facts kept beside the document (not edits of the assessment, so the revision stays)."""
    statement = update(AssessmentRow).where(col(AssessmentRow.id) == assessment_id)
    if session.execute(statement.values(**values)).rowcount == 0:  # type: ignore[attr-defined]
        raise _missing(assessment_id)


def delete_assessment(*, session: Session, assessment_id: int) -> None:
    """Delete one assessment; its re-assessments stay, without a baseline."""
    row = session.get(AssessmentRow, assessment_id)
    if row is None:
        raise _missing(assessment_id)
    session.execute(
        update(AssessmentRow).where(col(AssessmentRow.baseline_id) == assessment_id).values(baseline_id=None)
    )
    session.delete(row)


def _check_exists(session: Session, assessment_id: int) -> None:
    found = session.exec(select(AssessmentRow.id).where(AssessmentRow.id == assessment_id)).first()
    if found is None:
        raise _missing(assessment_id)


def _missing(assessment_id: int) -> ReadinessError:
    return ReadinessError.single(f"assessment {assessment_id}", "no such assessment in this library")
