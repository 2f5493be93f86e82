"""The library as a SQLite file: what only a file has — damaged or foreign files, a newer schema, backups, the
connection settings and the write lock — on real files, through the repository and the command line."""

from __future__ import annotations

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

from readiness.core.assessment import Assessment
from readiness.core.problems import ReadinessError
from readiness.store import Library, create_assessment, list_assessments, load_assessment, open_library
from readiness.store.engine import BUSY_TIMEOUT_MS, create_library_engine, library_url
from readiness.store.library import BACKUPS_KEPT, SCHEMA_HEAD

SAMPLES = Path(__file__).resolve().parents[1] / "questionnaires" / "samples"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite"


@pytest.fixture
def library(db: Path) -> Iterator[Library]:
    with open_library(str(db)) as opened:
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


def create(library: Library, assessment: Assessment) -> int:
    with library.session() as session:
        return create_assessment(session=session, assessment=assessment, content=None)


def load(library: Library, assessment_id: int) -> Assessment:
    with library.session() as session:
        return load_assessment(session=session, assessment_id=assessment_id)


def renamed(assessment: Assessment, organisation: str) -> Assessment:
    return assessment.model_copy(
        update={"profile": assessment.profile.model_copy(update={"organisation": organisation})}
    )


# --- foreign, newer and damaged files -----------------------------------------------------------------------------


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
    assert query(db, "SELECT count(*) FROM assessment_document") == [(1,)]


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
    assert query(backups[-1], "SELECT count(*) FROM assessment_document") == [(11,)]
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
