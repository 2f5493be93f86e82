"""The assessment library on real SQLite files: round trips, edits, deletes, migrations, damaged files, backups."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, column, create_engine, insert, table
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

import readiness.store.library as library_module
from readiness.core.assessment import Answer, Assessment, Gap
from readiness.core.content import Content, load_content
from readiness.core.exchange import read_exchange_file
from readiness.core.problems import ReadinessError
from readiness.resources import questionnaires
from readiness.store import (
    Library,
    create_assessment,
    delete_assessment,
    list_assessments,
    load_assessment,
    open_library,
    replace_assessment,
    save_answer,
    set_last_page,
)
from readiness.store.engine import BUSY_TIMEOUT_MS, create_library_engine, library_url
from readiness.store.library import BACKUPS_KEPT, SCHEMA_HEAD, _alembic_config
from readiness.store.mapping import answer_row, child_rows, profile_json, team_json, to_json
from readiness.store.tables import AssessmentRow, OrganisationRow

SAMPLES = Path(__file__).resolve().parents[1] / "questionnaires" / "samples"
SAMPLE_FILES = sorted(SAMPLES.glob("*.yaml"))
CHILD_TABLES = ("answer", "participant", "gap", "channel_choice", "team_role", "promotion_choice", "kpi_target")


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(questionnaires())


@pytest.fixture(scope="module")
def samples(content: Content) -> dict[str, Assessment]:
    """Every shipped sample, by file stem (``us-dental.en``)."""
    return {path.stem: read_exchange_file(path, content) for path in SAMPLE_FILES}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite"


@pytest.fixture
def library(db: Path) -> Iterator[Library]:
    with open_library(str(db)) as opened:
        yield opened


@pytest.fixture(params=["sqlite", "postgresql"])
def any_library(request: pytest.FixtureRequest, db: Path) -> Iterator[Library]:
    """The same library behaviour on both engines: a SQLite file, and an emptied database on the test server."""
    if request.param == "sqlite":
        url = str(db)
    else:
        url = postgres_url()
        emptied = create_engine(url)
        with emptied.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA public CASCADE")
            connection.exec_driver_sql("CREATE SCHEMA public")
        emptied.dispose()
    with open_library(url) as opened:
        yield opened


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "readiness", *map(str, args)], capture_output=True, text=True, timeout=60
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    """A CLI failure as promised: exit 2, one line on stderr, no traceback; returns that line."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    return result.stderr


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def query(db: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    connection = sqlite3.connect(db)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def create(library: Library, assessment: Assessment, baseline_id: int | None = None) -> int:
    with library.session() as session:
        return create_assessment(session=session, assessment=assessment, baseline_id=baseline_id)


def load(library: Library, assessment_id: int) -> Assessment:
    with library.session() as session:
        return load_assessment(session=session, assessment_id=assessment_id)


def child_counts(db: Path, assessment_id: int) -> dict[str, int]:
    return {
        table: query(db, f"SELECT count(*) FROM {table} WHERE assessment_id = ?", assessment_id)[0][0]  # noqa: S608
        for table in CHILD_TABLES
    }


def row_counts(db: Path) -> dict[str, int]:
    tables = ("organisation", "assessment", *CHILD_TABLES)
    return {table: query(db, f"SELECT count(*) FROM {table}")[0][0] for table in tables}  # noqa: S608


def renamed(assessment: Assessment, organisation: str) -> Assessment:
    return assessment.model_copy(
        update={"profile": assessment.profile.model_copy(update={"organisation": organisation})}
    )


# --- round trips through the command line -----------------------------------------------------------------------


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda path: path.stem)
def test_import_then_export_gives_back_the_same_bytes(tmp_path: Path, sample: Path) -> None:
    db = tmp_path / "lib.sqlite"
    imported = run("--db", db, "import", sample)
    assert (imported.returncode, imported.stderr) == (0, ""), imported.stderr
    assessment_id = imported.stdout.strip()
    assert assessment_id.isdigit(), imported.stdout

    out = tmp_path / "out.yaml"
    exported = run("--db", db, "export", assessment_id, "-o", out)
    assert (exported.returncode, exported.stderr) == (0, ""), exported.stderr
    assert out.read_bytes() == sample.read_bytes()


def test_list_and_delete_through_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite"
    dental = run("--db", db, "import", SAMPLES / "us-dental.en.yaml").stdout.strip()
    retail = run("--db", db, "import", SAMPLES / "mx-retail.es.yaml").stdout.strip()
    listed = run("--db", db, "list")
    assert listed.returncode == 0, listed.stderr
    assert [line.split()[0] for line in listed.stdout.splitlines()] == [retail, dental]  # newest first
    searched = run("--db", db, "list", "--search", "DENTAL")
    assert [line.split()[0] for line in searched.stdout.splitlines()] == [dental]

    deleted = run("--db", db, "delete", dental)
    assert (deleted.returncode, deleted.stdout.strip()) == (0, f"deleted {dental}"), deleted.stderr
    assert [line.split()[0] for line in run("--db", db, "list").stdout.splitlines()] == [retail]
    assert "no such assessment" in one_line_error(run("--db", db, "export", dental, "-o", tmp_path / "x.yaml"))
    assert "no such assessment" in one_line_error(run("--db", db, "delete", dental))
    assert not (tmp_path / "x.yaml").exists()


# --- the repository functions -----------------------------------------------------------------------------------


def test_save_answer_inserts_then_updates(db: Path, library: Library, samples: dict[str, Assessment]) -> None:
    sample = samples["us-dental.en"]
    first = create(library, sample)
    second = create(library, samples["mx-retail.en"])

    inserted = Answer(value="first words", note="from the workshop")
    with library.session() as session:
        save_answer(session=session, assessment_id=first, question_id="extra.question", answer=inserted)
    assert load(library, first).answers == {**sample.answers, "extra.question": inserted}
    with library.session() as session:  # the edit touched the assessment: it lists first now
        assert [row.id for row in list_assessments(session=session)] == [first, second]

    updated = Answer(value=("web", "mail"), flagged=True, answered_by="Ana", note="changed")
    with library.session() as session:
        save_answer(session=session, assessment_id=first, question_id="extra.question", answer=updated)
    assert load(library, first).answers == {**sample.answers, "extra.question": updated}
    assert child_counts(db, first)["answer"] == len(sample.answers) + 1
    assert load(library, second) == samples["mx-retail.en"]


@pytest.mark.parametrize(
    "answer",
    [
        Answer(value='text with ñ, 日本 and "quotes"'),
        Answer(value=42.5),
        Answer(value=0.0),
        Answer(value=("one",)),
        Answer(value=()),
        Answer(value=dt.date(2027, 2, 28)),
        Answer(value=None, na=True, na_reason="no data yet"),
    ],
    ids=["text", "number", "zero", "one-choice", "no-choice", "date", "not-applicable"],
)
def test_every_answer_shape_comes_back_as_saved(
    any_library: Library, samples: dict[str, Assessment], answer: Answer
) -> None:
    sample = samples["jp-brand.en"]
    assessment_id = create(any_library, sample)
    question = next(iter(sample.answers))
    with any_library.session() as session:
        save_answer(session=session, assessment_id=assessment_id, question_id=question, answer=answer)
    loaded = load(any_library, assessment_id).answers[question]
    assert loaded == answer
    assert type(loaded.value) is type(answer.value)


def test_save_answer_to_a_missing_assessment_is_refused_and_writes_nothing(db: Path, library: Library) -> None:
    with pytest.raises(ReadinessError, match="no such assessment"), library.session() as session:
        save_answer(session=session, assessment_id=99, question_id="q", answer=Answer(value="x"))
    assert query(db, "SELECT count(*) FROM answer") == [(0,)]


def test_replace_assessment_writes_every_field_and_list(
    db: Path, library: Library, samples: dict[str, Assessment]
) -> None:
    assessment_id = create(library, samples["de-b2b-software.en"])
    other = create(library, samples["cn-exporter.en"])
    replacement = samples["mx-retail.es"]
    with library.session() as session:
        replace_assessment(session=session, assessment_id=assessment_id, assessment=replacement)
    assert load(library, assessment_id) == replacement
    assert child_counts(db, assessment_id) == {
        "answer": len(replacement.answers),
        "participant": len(replacement.profile.participants),
        "gap": len(replacement.gaps),
        "channel_choice": len(replacement.channels),
        "team_role": len(replacement.team.roles),
        "promotion_choice": len(replacement.promotion),
        "kpi_target": len(replacement.kpis),
    }
    with library.session() as session:
        listed = {row.id: row.organisation for row in list_assessments(session=session)}
    assert listed == {assessment_id: "Casa Jacaranda", other: "Lanhai Tools (Ningbo) Co., Ltd."}
    assert load(library, other) == samples["cn-exporter.en"]


def test_replace_assessment_also_writes_the_date_and_questionnaire_version(
    any_library: Library, samples: dict[str, Assessment]
) -> None:
    assessment_id = create(any_library, samples["us-dental.en"])
    replacement = samples["us-dental.en"].model_copy(
        update={"created": dt.date(2027, 3, 1), "questionnaire_version": "1.1.0"}
    )
    with any_library.session() as session:
        replace_assessment(session=session, assessment_id=assessment_id, assessment=replacement)
    loaded = load(any_library, assessment_id)
    assert (loaded.created, loaded.questionnaire_version) == (dt.date(2027, 3, 1), "1.1.0")


def test_delete_keeps_reassessments_and_removes_an_empty_organisation(
    db: Path, library: Library, samples: dict[str, Assessment]
) -> None:
    baseline = create(library, samples["us-dental.en"])
    reassessment = create(library, samples["us-dental.es"], baseline_id=baseline)
    unrelated = create(library, samples["jp-brand.en"])
    assert query(db, "SELECT count(*) FROM organisation") == [(2,)]  # a re-assessment joins its baseline's

    with library.session() as session:
        delete_assessment(session=session, assessment_id=baseline)
    assert set(child_counts(db, baseline).values()) == {0}
    assert load(library, reassessment) == samples["us-dental.es"]
    with library.session() as session:
        rows = {row.id: row for row in list_assessments(session=session)}
    assert set(rows) == {reassessment, unrelated}
    assert rows[reassessment].baseline_id is None
    assert rows[reassessment].organisation == "Fernhill Dental Group"
    assert query(db, "SELECT count(*) FROM organisation") == [(2,)]  # the re-assessment still uses it

    with library.session() as session:
        delete_assessment(session=session, assessment_id=reassessment)
    assert query(db, "SELECT name FROM organisation") == [("Tsukiyo Skincare",)]
    assert query(db, "SELECT id FROM assessment") == [(unrelated,)]
    with pytest.raises(ReadinessError, match="no such assessment"), library.session() as session:
        delete_assessment(session=session, assessment_id=reassessment)
    assert query(db, "PRAGMA foreign_key_check") == []


def test_list_search_ignores_case(any_library: Library, samples: dict[str, Assessment]) -> None:
    dental = create(any_library, samples["us-dental.en"])
    retail = create(any_library, samples["mx-retail.en"])
    software = create(any_library, samples["de-b2b-software.en"])

    def found(search: str) -> set[int]:
        with any_library.session() as session:
            return {row.id for row in list_assessments(session=session, search=search)}

    assert found("") == {dental, retail, software}
    assert found("dental") == found("DENTAL") == found("fernHILL dEnTaL") == {dental}
    assert found("jacaranda") == found("Casa JACARANDA") == {retail}
    assert found("GMBH") == {software}
    assert found("zzz") == set()


def test_list_search_takes_wildcards_literally(any_library: Library, samples: dict[str, Assessment]) -> None:
    create(any_library, samples["us-dental.en"])
    percent = create(any_library, renamed(samples["mx-retail.en"], "Tienda 100% Natural"))
    with any_library.session() as session:
        assert [row.id for row in list_assessments(session=session, search="%")] == [percent]
        assert list_assessments(session=session, search="_") == []


def test_list_search_ignores_case_beyond_ascii(any_library: Library, samples: dict[str, Assessment]) -> None:
    created = create(any_library, renamed(samples["mx-retail.es"], "Ñandú Óptica"))
    with any_library.session() as session:
        assert [row.id for row in list_assessments(session=session, search="ñandú óptica")] == [created]


def test_set_last_page_persists(db: Path, samples: dict[str, Assessment]) -> None:
    with open_library(str(db)) as library:
        assessment_id = create(library, samples["cn-exporter.es"])
        with library.session() as session:
            set_last_page(session=session, assessment_id=assessment_id, page="gaps")
    assert query(db, "SELECT last_page FROM assessment WHERE id = ?", assessment_id) == [("gaps",)]
    with open_library(str(db)) as library, library.session() as session:
        set_last_page(session=session, assessment_id=assessment_id, page="kpis")
    assert query(db, "SELECT last_page FROM assessment WHERE id = ?", assessment_id) == [("kpis",)]


def test_a_create_that_fails_half_way_leaves_nothing_behind(
    db: Path, library: Library, samples: dict[str, Assessment]
) -> None:
    sample = samples["us-dental.en"]
    create(library, sample)
    before = row_counts(db)
    # Two gaps with one id break a UNIQUE constraint after the organisation, assessment and answers were added.
    twice = Gap(id="g.twice", type="slow", touchpoint="support", frequency="daily", severity="high")
    broken = sample.model_copy(update={"gaps": (twice, twice)})
    with pytest.raises(ReadinessError, match="UNIQUE constraint failed") as failed, library.session() as session:
        create_assessment(session=session, assessment=broken)
    assert "\n" not in str(failed.value)  # one line, no SQL
    assert row_counts(db) == before


# --- migrations -----------------------------------------------------------------------------------------------------

LATER_COLUMNS = {
    "assessment": {"last_page"},
    "channel_choice": {"reason", "promise_minutes"},
    "kpi_target": {"baseline_source"},
}
"""Columns that revisions after 0001 added."""


def as_at_schema_0001(assessment: Assessment) -> Assessment:
    """What a library written by the first schema can hold of an assessment: no reasons, no baseline sources."""
    return assessment.model_copy(
        update={
            "channels": tuple(
                c.model_copy(update={"reason": "", "promise_minutes": None}) for c in assessment.channels
            ),
            "kpis": tuple(k.model_copy(update={"baseline_source": ""}) for k in assessment.kpis),
        }
    )


def insert_at_schema_0001(
    connection: Connection, assessment: Assessment, *, assessment_id: int, organisation_id: int, baseline_id: int | None
) -> None:
    """Write one assessment the way create_assessment does, minus the columns later revisions added."""
    tables = SQLModel.metadata.tables
    if baseline_id is None:
        organisation = OrganisationRow(id=organisation_id, name=assessment.profile.organisation)
        connection.execute(insert(tables["organisation"]), [organisation.model_dump()])
    row = AssessmentRow(
        id=assessment_id,
        organisation_id=organisation_id,
        questionnaire_id=assessment.questionnaire_id,
        questionnaire_version=assessment.questionnaire_version,
        language=assessment.language.value,
        created=assessment.created,
        updated_at=dt.datetime(2026, 11, 24, 9, assessment_id, tzinfo=dt.UTC),
        launch_date=assessment.profile.launch_date,
        baseline_id=baseline_id,
        profile_json=profile_json(assessment.profile),
        team_json=team_json(assessment.team),
        refine_json=to_json(assessment.refine),
    )
    connection.execute(insert(tables["assessment"]), [row.model_dump(exclude=LATER_COLUMNS["assessment"])])
    children: list[SQLModel] = [answer_row(assessment_id, q, a) for q, a in assessment.answers.items()]
    children += child_rows(assessment_id, assessment)
    for child in children:
        name = str(type(child).__tablename__)
        data = child.model_dump(exclude={"id", *LATER_COLUMNS.get(name, set())})
        connection.execute(insert(table(name, *(column(key) for key in data))), [data])


def test_a_library_at_the_first_schema_is_backed_up_then_migrated_with_all_its_data(
    db: Path, samples: dict[str, Assessment]
) -> None:
    from alembic import command

    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as connection:
        command.upgrade(_alembic_config(connection), "0001")
        connection.commit()
        columns = [row[1] for row in connection.exec_driver_sql("PRAGMA table_info(assessment)")]
        assert "last_page" not in columns  # really the first schema
        insert_at_schema_0001(connection, samples["mx-retail.en"], assessment_id=1, organisation_id=1, baseline_id=None)
        insert_at_schema_0001(connection, samples["mx-retail.es"], assessment_id=2, organisation_id=1, baseline_id=1)
        insert_at_schema_0001(connection, samples["jp-brand.en"], assessment_id=3, organisation_id=2, baseline_id=None)
        connection.commit()
    engine.dispose()
    assert query(db, "SELECT version_num FROM alembic_version") == [("0001",)]

    with open_library(str(db)) as library:
        assert load(library, 1) == as_at_schema_0001(samples["mx-retail.en"])
        assert load(library, 2) == as_at_schema_0001(samples["mx-retail.es"])
        assert load(library, 3) == as_at_schema_0001(samples["jp-brand.en"])
        with library.session() as session:
            rows = list_assessments(session=session)
        assert [(row.id, row.baseline_id, row.organisation) for row in rows] == [
            (3, None, "Tsukiyo Skincare"),
            (2, 1, "Casa Jacaranda"),
            (1, None, "Casa Jacaranda"),
        ]
        assert rows[0].updated_at.replace(tzinfo=dt.UTC) == dt.datetime(2026, 11, 24, 9, 3, tzinfo=dt.UTC)
        with library.session() as session:
            set_last_page(session=session, assessment_id=2, page="team")

    assert query(db, "SELECT version_num FROM alembic_version") == [(SCHEMA_HEAD,)]
    assert query(db, "SELECT id, last_page FROM assessment ORDER BY id") == [(1, None), (2, "team"), (3, None)]
    assert query(db, "PRAGMA integrity_check") == [("ok",)]
    assert query(db, "PRAGMA foreign_key_check") == []
    kept = sorted((db.parent / "backups").glob(f"{db.stem}-before-{SCHEMA_HEAD}-*.sqlite"))
    assert len(kept) == 1, kept
    assert query(kept[0], "SELECT version_num FROM alembic_version") == [("0001",)]
    assert query(kept[0], "SELECT count(*) FROM assessment") == [(3,)]
    assert query(kept[0], "PRAGMA integrity_check") == [("ok",)]


REBUILD_0004 = '''"""Rebuild the assessment table, as SQLite batch mode does for most column changes

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("assessment", recreate="always") as batch_op:
        batch_op.alter_column("status", existing_type=sa.String(), server_default="draft")


def downgrade() -> None:
    pass
'''


def test_a_migration_that_rebuilds_the_assessment_table_keeps_every_row(
    tmp_path: Path, db: Path, samples: dict[str, Assessment], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shipped migrations plus a real 0004 of the kind the next schema change is likely to need."""
    with open_library(str(db)) as library:
        assessment_id = create(library, samples["mx-retail.en"])
    before = row_counts(db)
    migrations = tmp_path / "migrations"
    shutil.copytree(library_module.MIGRATIONS, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    (migrations / "versions" / "0004_rebuild_the_assessment_table.py").write_text(REBUILD_0004, encoding="utf-8")
    monkeypatch.setattr(library_module, "MIGRATIONS", migrations)
    monkeypatch.setattr(library_module, "SCHEMA_HEAD", "0004")

    with open_library(str(db)) as library:
        assert query(db, "SELECT version_num FROM alembic_version") == [("0004",)]
        assert row_counts(db) == before
        assert load(library, assessment_id) == samples["mx-retail.en"]


def test_a_library_from_a_newer_readiness_is_refused_and_left_untouched(
    db: Path, samples: dict[str, Assessment]
) -> None:
    with open_library(str(db)) as library:
        create(library, samples["us-dental.en"])
    connection = sqlite3.connect(db)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    checkpoint(connection)
    connection.close()
    before = sha256(db)

    with pytest.raises(ReadinessError, match="newer") as raised:
        open_library(str(db))
    assert "9999" in str(raised.value)
    assert sha256(db) == before

    line = one_line_error(run("--db", db, "list"))
    assert "newer" in line
    assert sha256(db) == before
    assert not list((db.parent / "backups").glob("*before*"))


def checkpoint(connection: sqlite3.Connection) -> None:
    """Move everything in the WAL into the database file itself, so its bytes are the whole library."""
    busy, _, _ = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    assert busy == 0


def test_a_sqlite_file_with_other_tables_is_refused_and_left_untouched(db: Path) -> None:
    connection = sqlite3.connect(db)
    with connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        connection.execute("INSERT INTO invoices (total) VALUES (12.5)")
    connection.close()
    before = sha256(db)
    with pytest.raises(ReadinessError, match="not a Readiness library"):
        open_library(str(db))
    assert sha256(db) == before
    assert query(db, "SELECT name FROM sqlite_master WHERE type = 'table'") == [("invoices",)]


# --- damaged files ----------------------------------------------------------------------------------------------------


def damaged_library(folder: Path, samples: dict[str, Assessment], kind: str) -> Path:
    """A real library with samples in it, then broken: replaced by text, cut in half, or with pages overwritten."""
    source = folder / "source" / "library.sqlite"
    with open_library(str(source)) as library:
        for assessment in samples.values():
            create(library, assessment)
    whole = folder / "copy.sqlite"  # through the backup API: the database file alone, WAL included
    live, copy = sqlite3.connect(source), sqlite3.connect(whole)
    live.backup(copy)
    live.close()
    copy.close()
    raw = whole.read_bytes()
    page = query(whole, "PRAGMA page_size")[0][0]
    pages = len(raw) // page
    assert pages >= 20, pages
    assert query(whole, "PRAGMA integrity_check") == [("ok",)]
    if kind == "not-a-database":
        broken = b"format: readiness-assessment\nthis is YAML, not SQLite\n" * 100
    elif kind == "truncated":
        broken = raw[: (pages // 2) * page]
    else:  # three whole pages in the middle overwritten, page headers included
        middle = (pages // 2) * page
        broken = raw[:middle] + bytes([0xA5]) * (3 * page) + raw[middle + 3 * page :]
    path = folder / "damaged" / "library.sqlite"
    path.parent.mkdir()
    path.write_bytes(broken)
    return path


@pytest.mark.parametrize("kind", ["not-a-database", "truncated", "garbled"])
def test_a_damaged_library_is_reported_and_left_untouched(
    tmp_path: Path, samples: dict[str, Assessment], kind: str
) -> None:
    path = damaged_library(tmp_path, samples, kind)
    before = sha256(path)
    with pytest.raises(ReadinessError) as raised:
        open_library(str(path))
    assert str(path) in str(raised.value)
    assert sha256(path) == before

    line = one_line_error(run("--db", path, "list"))
    assert str(path) in line
    assert "untouched" in line
    assert sha256(path) == before
    # No backup taken, nothing journalled (a read-only look at a WAL-mode file may leave an empty -wal and a -shm).
    left = {p.name: p.stat().st_size for p in path.parent.iterdir()}
    assert set(left) <= {"library.sqlite", "library.sqlite-wal", "library.sqlite-shm"}, left
    assert left.get("library.sqlite-wal", 0) == 0, left


# --- importing bad files -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("format_version: 1\n", "format_version: 1\n  : [unclosed\n"),  # not YAML
        ("language: en\n", "language: en\nsurprise: field\n"),  # an unknown field
        ("created: 2026-11-24\n", "created: someday\n"),  # a wrong value
    ],
    ids=["yaml-syntax", "unknown-field", "bad-date"],
)
def test_importing_a_malformed_file_writes_nothing(tmp_path: Path, old: str, new: str) -> None:
    db = tmp_path / "lib.sqlite"
    good = run("--db", db, "import", SAMPLES / "us-dental.en.yaml")
    assert good.returncode == 0, good.stderr
    library_bytes = sha256(db)
    text = (SAMPLES / "us-dental.en.yaml").read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")

    result = run("--db", db, "import", bad)
    assert str(bad) in one_line_error(result)
    assert result.stdout == ""
    assert sha256(db) == library_bytes
    assert query(db, "SELECT count(*) FROM assessment") == [(1,)]


# --- backups ------------------------------------------------------------------------------------------------------------


def test_a_backup_is_taken_once_a_day_on_open_and_seven_are_kept(db: Path, samples: dict[str, Assessment]) -> None:
    folder = db.parent / "backups"
    for round_ in range(3):
        with open_library(str(db)) as library:
            create(library, renamed(samples["jp-brand.en"], f"Round {round_}"))
    assert len(list(folder.glob(f"{db.stem}-2*.sqlite"))) == 1  # the first open of the day only, not every close
    for round_ in range(3, 12):
        for made in folder.glob(f"{db.stem}-2*.sqlite"):  # as if the last one were a day older
            old = made.stat().st_mtime - 2 * 86_400
            os.utime(made, (old, old))
        with open_library(str(db)) as library:
            create(library, renamed(samples["jp-brand.en"], f"Round {round_}"))
    backups = sorted(folder.glob(f"{db.stem}-2*.sqlite"))
    assert len(backups) == BACKUPS_KEPT == 7, [p.name for p in backups]
    for backup in backups:
        assert query(backup, "PRAGMA integrity_check") == [("ok",)]
        assert query(backup, "SELECT version_num FROM alembic_version") == [(SCHEMA_HEAD,)]
    # The newest backup, taken as the library opened for round 11, holds the rounds before it.
    assert query(backups[-1], "SELECT count(*) FROM assessment") == [(11,)]
    assert not list(folder.glob("*.partial"))


def test_a_backup_that_cannot_be_taken_is_a_warning_and_the_work_is_done(
    db: Path, samples: dict[str, Assessment]
) -> None:
    open_library(str(db)).close()
    shutil.rmtree(db.parent / "backups")
    (db.parent / "backups").write_text("not a folder", encoding="utf-8")
    with open_library(str(db)) as library:
        [warning] = library.warnings
        created = create(library, samples["jp-brand.en"])
    assert warning.startswith(f"{db}: the daily backup could not be taken") and "\n" not in warning
    with open_library(str(db)) as library:
        assert load(library, created) == samples["jp-brand.en"]
    assert not list(db.parent.glob("**/*.partial"))


def test_closing_the_library_closes_the_file(db: Path, samples: dict[str, Assessment]) -> None:
    was_enabled = gc.isenabled()
    gc.disable()  # what a busy app sees between two collections (the app collects on its GUI thread only)
    try:
        with open_library(str(db)) as library:
            create(library, samples["jp-brand.es"])
        assert not Path(f"{db}-wal").exists(), "a connection to the library is still open"
    finally:
        if was_enabled:
            gc.enable()


# --- connection settings ----------------------------------------------------------------------------------------------


def test_sqlite_settings_in_force_on_every_connection(db: Path) -> None:
    open_library(str(db)).close()
    engine = create_library_engine(library_url(str(db)))
    try:
        with engine.connect() as connection:
            settings = {
                name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")
            }
        assert settings == {"journal_mode": "wal", "foreign_keys": 1, "synchronous": 2, "busy_timeout": 10_000}
        assert BUSY_TIMEOUT_MS == 10_000
    finally:
        engine.dispose()


def test_a_session_takes_the_write_lock_when_it_begins(db: Path, library: Library) -> None:
    """BEGIN IMMEDIATE: even a session that has only read holds the write lock, so writers queue, not fail."""
    other = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        with library.session() as session:
            list_assessments(session=session)
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")  # free again once the session ended
        other.execute("ROLLBACK")
    finally:
        other.close()


# --- PostgreSQL -------------------------------------------------------------------------------------------------------


def postgres_url() -> str:
    """The test server's URL; CI sets READINESS_REQUIRE_POSTGRES so that a missing server fails, never skips."""
    url = os.environ.get("READINESS_TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("READINESS_REQUIRE_POSTGRES"):
            pytest.fail("READINESS_REQUIRE_POSTGRES is set but READINESS_TEST_POSTGRES_URL is not")
        pytest.skip("no PostgreSQL server: set READINESS_TEST_POSTGRES_URL to run")
    return url


@pytest.mark.parametrize(
    ("change", "cause"),
    [
        ("port", "cannot reach the PostgreSQL server"),
        ("username", "the server does not know this user"),
        ("database", "the server has no such database"),
    ],
)
def test_a_postgresql_library_that_cannot_be_reached_is_one_line(change: str, cause: str) -> None:
    server = make_url(postgres_url())
    url = {
        "port": server.set(port=1),
        "username": server.set(username="nobody_here"),
        "database": server.set(database="no_such_library"),
    }[change]
    text = url.render_as_string(hide_password=False)
    with pytest.raises(ReadinessError) as failed:
        open_library(text)
    [problem] = failed.value.problems
    assert problem.message.startswith(cause) and problem.file == url.render_as_string(hide_password=True)
    assert "\n" not in str(failed.value)


def test_a_postgresql_library(samples: dict[str, Assessment]) -> None:
    url = postgres_url()
    sample = samples["us-dental.es"]
    with open_library(url) as library:
        assert library.path is None
        assessment_id = create(library, sample)
        reassessment = create(library, samples["us-dental.en"], baseline_id=assessment_id)
        assert load(library, assessment_id) == sample
        with library.session() as session:
            save_answer(session=session, assessment_id=assessment_id, question_id="pg.extra", answer=Answer(value=1.5))
            set_last_page(session=session, assessment_id=assessment_id, page="gaps")
        assert load(library, assessment_id).answers["pg.extra"] == Answer(value=1.5)
        with library.session() as session:
            assert assessment_id in {row.id for row in list_assessments(session=session, search="FERNHILL")}
            delete_assessment(session=session, assessment_id=assessment_id)
        with pytest.raises(ReadinessError, match="no such assessment"):
            load(library, assessment_id)
        with library.session() as session:
            rows = {row.id: row for row in list_assessments(session=session)}
            assert rows[reassessment].baseline_id is None
            delete_assessment(session=session, assessment_id=reassessment)
