"""The library's one table: each assessment as its document beside the summary the library list needs.

Rows never leave ``readiness.store``: the rest of the code sees core models and summaries.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata.naming_convention = NAMING


class AssessmentRow(SQLModel, table=True):
    __tablename__ = "assessment_document"
    id: int | None = Field(default=None, primary_key=True)
    organisation: str
    organisation_key: str = Field(index=True)
    """The organisation's name case-folded, for search that ignores case beyond ASCII ("Ñandú")."""
    questionnaire_id: str
    questionnaire_version: str
    language: str
    status: str = "draft"
    created: dt.date
    updated_at: dt.datetime = Field(index=True)
    launch_date: dt.date | None = None
    last_page: str | None = None
    overall_score: float | None = None
    band: str | None = None
    answers: int = 0
    baseline_id: int | None = Field(default=None, index=True)
    plan_generated_at: dt.datetime | None = None
    """When a plan was last generated from the assessment; not an edit of it."""
    revision: int = 1
    changed_by: str = ""
    document: str = Field(sa_column=Column(Text, nullable=False))
