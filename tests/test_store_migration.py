"""Libraries written by earlier schemas open with every assessment exactly as it was.

``fixtures/library-0003`` is a library made by the previous store (schema 0003, one table per list) as SQL, with
six samples and edited assessments in it (a re-assessment, answers saved one by one, a list reordered, a page
remembered, one deleted), and each assessment's exchange file as that store exported it. Migrated, on SQLite and
on PostgreSQL, the library must export the same bytes.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine, MetaData, create_engine, insert, select

import readiness.store.library as library_module
from readiness.core.assessment import Assessment
from readiness.core.content import Content
from readiness.core.exchange import exchange_text, read_exchange_file
from readiness.store import create_assessment, list_assessments, load_assessment, open_library
from readiness.store.library import SCHEMA_HEAD, _alembic_config

OLD = Path(__file__).parent / "fixtures" / "library-0003"
EXPORTED = {int(path.stem): path for path in OLD.glob("*.yaml")}
OLD_TABLES = (
    "organisation",
    "assessment",
    "answer",
    "participant",
    "gap",
    "channel_choice",
    "team_role",
    "promotion_choice",
    "kpi_target",
    "action_override",
)


def old_sqlite_library(folder: Path) -> Path:
    path = folder / "old.sqlite"
    with sqlite3.connect(path) as connection:
        connection.executescript((OLD / "library-0003.sql").read_text(encoding="utf-8"))
    connection.close()
    return path


def old_library(library_url: str, folder: Path) -> str:
    """The schema-0003 library on the engine under test: the SQL itself on SQLite; on PostgreSQL the same schema
    made by the migrations up to 0003 and every row copied over."""
    source = old_sqlite_library(folder)
    if library_url.endswith(".sqlite"):
        shutil.move(source, library_url)
        return library_url
    target = create_engine(library_url)
    with target.connect() as connection:
        from alembic import command

        command.upgrade(_alembic_config(connection), "0003")
        connection.commit()
    copy_rows(create_engine(f"sqlite:///{source}"), target)
    return library_url


def copy_rows(source: Engine, target: Engine) -> None:
    tables = MetaData()
    tables.reflect(source, only=OLD_TABLES)
    with source.connect() as reading, target.begin() as writing:
        for name in OLD_TABLES:
            rows = [dict(row) for row in reading.execute(select(tables.tables[name])).mappings()]
            if rows:
                writing.execute(insert(tables.tables[name]), rows)
            writing.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), (SELECT MAX(id) FROM {name}))"  # noqa: S608
            )
    source.dispose()
    target.dispose()


def test_a_library_of_the_previous_schema_exports_the_same_bytes_after_migrating(
    library_url: str, tmp_path: Path, shipped: Content
) -> None:
    url = old_library(library_url, tmp_path)
    with open_library(url) as library:
        with library.session() as session:
            rows = {row.id: row for row in list_assessments(session=session)}
            exported = {i: exchange_text(load_assessment(session=session, assessment_id=i)) for i in rows}
        assert set(rows) == set(EXPORTED) == {1, 2, 3, 4, 5, 7}
        for assessment_id, path in EXPORTED.items():
            assert exported[assessment_id] == path.read_text(encoding="utf-8"), path.name
        assert [row.id for row in rows.values()] == [3, 2, 7, 5, 4, 1]  # the order of their last edits
        assert (rows[2].last_page, rows[7].baseline_id, rows[1].baseline_id) == ("open.channels", 1, None)
        assert (rows[2].organisation, rows[2].language, rows[2].answers) == ("Casa Jacaranda", "es", 47)
        assert round(rows[2].score or 0, 1) == 45.8 and rows[2].band == "emerging"
        assert {row.revision for row in rows.values()} == {1}
        with library.session() as session:  # a new assessment takes a new id, never a migrated one's
            sample = read_exchange_file(EXPORTED[1], shipped)
            assert create_assessment(session=session, assessment=sample, content=shipped) == 8


def test_the_sqlite_library_is_backed_up_before_it_is_migrated(tmp_path: Path) -> None:
    path = old_sqlite_library(tmp_path)
    open_library(str(path)).close()
    [backup] = (tmp_path / "backups").glob(f"{path.stem}-before-{SCHEMA_HEAD}-*.sqlite")
    with sqlite3.connect(backup) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchall() == [("0003",)]
        assert old.execute("SELECT count(*) FROM answer").fetchone()[0] > 250
    with sqlite3.connect(path) as new:
        assert new.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        tables = {row[0] for row in new.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"alembic_version", "assessment_document"}


def as_at_schema_0001(assessment: Assessment) -> Assessment:
    """What the first schema could hold of an assessment: no channel reasons or promises, no baseline sources."""
    return assessment.model_copy(
        update={
            "channels": tuple(
                c.model_copy(update={"reason": "", "promise_minutes": None}) for c in assessment.channels
            ),
            "kpis": tuple(k.model_copy(update={"baseline_source": ""}) for k in assessment.kpis),
        }
    )


def test_a_library_of_the_first_schema_migrates_through_every_step(tmp_path: Path, shipped: Content) -> None:
    path = old_sqlite_library(tmp_path)
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        from alembic import command

        command.downgrade(_alembic_config(connection), "0001")
        connection.commit()
    engine.dispose()
    with open_library(str(path)) as library, library.session() as session:
        for assessment_id, exported in EXPORTED.items():
            expected = as_at_schema_0001(read_exchange_file(exported, shipped))
            assert load_assessment(session=session, assessment_id=assessment_id) == expected


REBUILD = '''"""Rebuild the assessment table, as SQLite batch mode does for most column changes

Revision ID: 0099
Revises: {head}
"""

import sqlalchemy as sa
from alembic import op

revision = "0099"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("assessment_document", recreate="always") as batch_op:
        batch_op.alter_column("status", existing_type=sa.String(), server_default="draft")


def downgrade() -> None:
    pass
'''


def test_a_later_migration_that_rebuilds_the_table_keeps_every_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shipped migrations plus a real next one of the kind the next schema change is likely to need."""
    path = old_sqlite_library(tmp_path)
    open_library(str(path)).close()
    migrations = tmp_path / "migrations"
    shutil.copytree(library_module.MIGRATIONS, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    (migrations / "versions" / "0099_rebuild.py").write_text(REBUILD.format(head=SCHEMA_HEAD), encoding="utf-8")
    monkeypatch.setattr(library_module, "MIGRATIONS", migrations)
    monkeypatch.setattr(library_module, "SCHEMA_HEAD", "0099")
    with open_library(str(path)) as library, library.session() as session:
        for assessment_id, exported in EXPORTED.items():
            text = exchange_text(load_assessment(session=session, assessment_id=assessment_id))
            assert text == exported.read_text(encoding="utf-8")
