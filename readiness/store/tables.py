"""The library's tables. Rows never leave ``readiness.store``: the rest of the code sees core models."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Column, ForeignKey, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata.naming_convention = NAMING


def _owner() -> Any:
    """A foreign key to the assessment that deletes with it."""
    return Field(sa_column=Column(Integer, ForeignKey("assessment.id", ondelete="CASCADE"), nullable=False, index=True))


class OrganisationRow(SQLModel, table=True):
    __tablename__ = "organisation"
    id: int | None = Field(default=None, primary_key=True)
    name: str


class AssessmentRow(SQLModel, table=True):
    __tablename__ = "assessment"
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    questionnaire_id: str
    questionnaire_version: str
    language: str
    status: str = "draft"
    created: dt.date
    updated_at: dt.datetime
    launch_date: dt.date | None = None
    baseline_id: int | None = Field(default=None, foreign_key="assessment.id")
    profile_json: str
    team_json: str
    refine_json: str
    last_page: str | None = None


class AnswerRow(SQLModel, table=True):
    __tablename__ = "answer"
    __table_args__ = (UniqueConstraint("assessment_id", "question_id"),)
    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = _owner()
    question_id: str
    value_json: str
    na: bool = False
    na_reason: str = ""
    note: str = ""
    flagged: bool = False
    answered_by: str = ""


class ParticipantRow(SQLModel, table=True):
    __tablename__ = "participant"
    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = _owner()
    position: int
    name: str
    role: str = ""


class GapRow(SQLModel, table=True):
    __tablename__ = "gap"
    __table_args__ = (UniqueConstraint("assessment_id", "gap_id"),)
    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = _owner()
    position: int
    gap_id: str
    type: str
    touchpoint: str
    current_channel: str | None = None
    frequency: str
    severity: str
    measured_value: float | None = None
    evidence: str = ""
    notes: str = ""


class ChannelChoiceRow(SQLModel, table=True):
    __tablename__ = "channel_choice"
    __table_args__ = (UniqueConstraint("assessment_id", "channel"),)
    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = _owner()
    position: int
    channel: str
    role: str
    reason: str = ""
    promise_minutes: int | None = None


class TeamRoleRow(SQLModel, table=True):
    __tablename__ = "team_role"
    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = _owner()
    position: int
    role: str
    name: str = ""
    responsibilities: str = ""


class PromotionChoiceRow(SQLModel, table=True):
    __tablename__ = "promotion_choice"
    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = _owner()
    position: int
    surface: str
    owner: str = ""


class KpiTargetRow(SQLModel, table=True):
    __tablename__ = "kpi_target"
    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = _owner()
    position: int
    kpi: str
    baseline: float | None = None
    baseline_source: str = ""
    target: float
    deadline_days: int
    owner: str = ""
    data_source: str = ""
    cadence: str | None = None


class ActionOverrideRow(SQLModel, table=True):
    __tablename__ = "action_override"
    __table_args__ = (UniqueConstraint("assessment_id", "action"),)
    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = _owner()
    position: int
    action: str
    owner: str = ""
    due: dt.date | None = None
    status: str = "todo"
