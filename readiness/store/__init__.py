"""The assessment library: SQLite (or PostgreSQL) through SQLModel, one document row per assessment, every edit
one short transaction.

Nothing outside this package sees a row: repository functions take and return core models.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlmodel import Session

from readiness.store.library import Library, open_library
from readiness.store.repository import (
    AssessmentSummary,
    RevisionConflict,
    StoredAssessment,
    create_assessment,
    delete_assessment,
    list_assessments,
    load_assessment,
    mark_plan_generated,
    read_assessment,
    replace_assessment,
    set_last_page,
)

__all__ = [
    "AssessmentSummary",
    "Library",
    "RevisionConflict",
    "StoredAssessment",
    "create_assessment",
    "delete_assessment",
    "library_session",
    "list_assessments",
    "load_assessment",
    "mark_plan_generated",
    "open_library",
    "read_assessment",
    "replace_assessment",
    "set_last_page",
]


@contextmanager
def library_session(db: str | None = None, warn: Callable[[str], None] | None = None) -> Iterator[Session]:
    """Open the library (with its daily backup), run one unit of work, commit it, close; ``warn`` hears what went
    wrong beside the work, such as a backup that could not be taken."""
    with open_library(db) as library:
        for warning in library.warnings:
            if warn is not None:
                warn(warning)
        with library.session() as session:
            yield session
