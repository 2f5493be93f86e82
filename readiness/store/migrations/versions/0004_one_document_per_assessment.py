"""One row per assessment: its document beside the summary the library lists

The eight tables an assessment was spread over (assessment, organisation, answer, participant, gap,
channel_choice, team_role, promotion_choice, kpi_target, action_override) become one table,
``assessment_document``. Each assessment is read back exactly as the previous schema's store read it
(answers in the order they were first saved, every list by position), checked by the assessment model,
scored with the shipped questionnaires where they are installed, and written as one row keeping its id,
baseline, page and dates. One way only: the library is backed up before any migration.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

LISTS = {
    "participant": "participants",
    "gap": "gaps",
    "channel_choice": "channels",
    "team_role": "roles",
    "promotion_choice": "promotion",
    "kpi_target": "kpis",
    "action_override": "overrides",
}
DROPPED = (*LISTS, "answer", "assessment", "organisation")
NOT_FIELDS = ("id", "assessment_id", "position")


def upgrade() -> None:
    documents = _create_documents_table()
    bind = op.get_bind()
    old = sa.MetaData()
    old.reflect(bind, only=DROPPED)
    content = _shipped_content()
    for row in bind.execute(sa.select(old.tables["assessment"]).order_by("id")).mappings():
        bind.execute(sa.insert(documents).values(**_converted(bind, old, row, content)))
    if bind.dialect.name == "postgresql":  # rows came with their ids: the next new one follows the highest
        bind.execute(
            sa.text(
                "SELECT setval(pg_get_serial_sequence('assessment_document', 'id'), COALESCE(MAX(id), 0) + 1, false) "
                "FROM assessment_document"
            )
        )
    for name in DROPPED:
        op.drop_table(name)


def _create_documents_table() -> sa.Table:
    documents = op.create_table(
        "assessment_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation", sa.String(), nullable=False),
        sa.Column("organisation_key", sa.String(), nullable=False),
        sa.Column("questionnaire_id", sa.String(), nullable=False),
        sa.Column("questionnaire_version", sa.String(), nullable=False),
        sa.Column("language", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("created", sa.Date(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("launch_date", sa.Date(), nullable=True),
        sa.Column("last_page", sa.String(), nullable=True),
        sa.Column("overall_score", sa.Float(), nullable=True),
        sa.Column("band", sa.String(), nullable=True),
        sa.Column("answers", sa.Integer(), nullable=False),
        sa.Column("baseline_id", sa.Integer(), nullable=True),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("changed_by", sa.String(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_document")),
    )
    for column in ("organisation_key", "updated_at", "baseline_id"):
        op.create_index(op.f(f"ix_assessment_document_{column}"), "assessment_document", [column])
    return documents


def downgrade() -> None:
    raise NotImplementedError("0004 is one way: restore the backup taken before the migration")


def _converted(bind: sa.Connection, old: sa.MetaData, row: sa.RowMapping, content: Any) -> dict[str, Any]:
    from readiness.core.assessment import Assessment
    from readiness.store.document import document_json, standing_of

    organisation = bind.execute(
        sa.select(old.tables["organisation"].c.name).where(old.tables["organisation"].c.id == row["organisation_id"])
    ).scalar()
    assessment = Assessment.model_validate(_assessment_data(bind, old, row, organisation or ""))
    standing = standing_of(assessment, content)
    return {
        "id": row["id"],
        "organisation": assessment.profile.organisation,
        "organisation_key": assessment.profile.organisation.casefold(),
        "questionnaire_id": assessment.questionnaire_id,
        "questionnaire_version": assessment.questionnaire_version,
        "language": assessment.language.value,
        "status": row["status"],
        "created": assessment.created,
        "updated_at": _utc(row["updated_at"]),
        "launch_date": assessment.profile.launch_date,
        "last_page": row["last_page"],
        "overall_score": standing.score,
        "band": standing.band,
        "answers": len(assessment.answers),
        "baseline_id": row["baseline_id"],
        "revision": 1,
        "changed_by": "",
        "document": document_json(assessment),
    }


def _assessment_data(bind: sa.Connection, old: sa.MetaData, row: sa.RowMapping, organisation: str) -> dict[str, Any]:
    lists = {key: _list(bind, old.tables[table], row["id"]) for table, key in LISTS.items()}
    for gap in lists["gaps"]:
        gap["id"] = gap.pop("gap_id")
    profile = {
        **json.loads(row["profile_json"]),
        "organisation": organisation,
        "launch_date": row["launch_date"],
        "participants": lists.pop("participants"),
    }
    team = {**json.loads(row["team_json"]), "roles": lists.pop("roles")}
    return {
        "questionnaire_id": row["questionnaire_id"],
        "questionnaire_version": row["questionnaire_version"],
        "language": row["language"],
        "created": row["created"],
        "profile": profile,
        "answers": _answers(bind, old.tables["answer"], row["id"]),
        "team": team,
        "refine": json.loads(row["refine_json"]),
        **lists,
    }


def _list(bind: sa.Connection, table: sa.Table, assessment_id: int) -> list[dict[str, Any]]:
    query = sa.select(table).where(table.c.assessment_id == assessment_id).order_by(table.c.position)
    return [{k: v for k, v in r.items() if k not in NOT_FIELDS} for r in bind.execute(query).mappings()]


def _answers(bind: sa.Connection, table: sa.Table, assessment_id: int) -> dict[str, Any]:
    query = sa.select(table).where(table.c.assessment_id == assessment_id).order_by(table.c.id)
    answers = {}
    for r in bind.execute(query).mappings():
        fields = {k: v for k, v in r.items() if k not in (*NOT_FIELDS, "question_id", "value_json")}
        answers[r["question_id"]] = {**fields, "value": _value(json.loads(r["value_json"]))}
    return answers


def _utc(moment: dt.datetime) -> dt.datetime:
    """The previous schema wrote UTC; SQLite gives it back without the zone."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _value(value: Any) -> Any:
    """The previous schema's answer encoding: dates tagged as {"date": ...}, choices as lists."""
    if isinstance(value, dict):
        return dt.date.fromisoformat(value["date"])
    return tuple(value) if isinstance(value, list) else value


def _shipped_content() -> Any:
    """The installed questionnaires, to score each assessment for the list; without them, rows stay unscored."""
    from readiness.core.content import load_content
    from readiness.core.problems import ReadinessError
    from readiness.resources import questionnaires

    try:
        return load_content(questionnaires())
    except ReadinessError:
        return None
