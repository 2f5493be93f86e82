"""The schema constant the fast open path trusts is the newest migration, and migrations match the tables."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine
from sqlmodel import SQLModel

from readiness.store.library import SCHEMA_HEAD, _alembic_config, open_library


def test_schema_head_is_alembics_head(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'x.sqlite'}")
    with engine.connect() as connection:
        assert ScriptDirectory.from_config(_alembic_config(connection)).get_current_head() == SCHEMA_HEAD


def test_migrated_library_matches_the_table_models(library_url: str) -> None:
    """No model change without its migration: the migrated schema and the models agree, on both engines."""
    library = open_library(library_url)
    with library.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    library.close()
    assert differences == []
