"""Opening the library: check it, back it up, migrate it, and keep rotating backups.

A damaged or foreign file is reported and never touched; a library written by a
newer Readiness is refused; before any migration a copy is taken with SQLite's
backup API, and after it the file must pass integrity and foreign-key checks.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from readiness.core.problems import ReadinessError
from readiness.store.engine import create_library_engine, library_url, sqlite_path
from readiness.store.errors import database_problem

MIGRATIONS = Path(__file__).with_name("migrations")
SCHEMA_HEAD = "0005"
"""The newest migration. A library already there opens without loading Alembic (a test keeps this in step)."""
BACKUPS_KEPT = 7
BACKUP_EVERY = dt.timedelta(days=1)


class Library:
    """An open library: hands out short sessions. ``warnings`` says what went wrong beside the work (a backup
    that could not be taken), which never fails the work itself."""

    def __init__(self, url: str, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        self.path = sqlite_path(url)
        self.warnings: list[str] = []

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back if it raises; a database failure is one
        line naming the library and the cause."""
        try:
            with Session(self.engine, expire_on_commit=False) as session, session.begin():
                yield session
        except SQLAlchemyError as error:
            raise database_problem(self.url, error) from None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def open_library(db: str | None = None) -> Library:
    url = library_url(db)
    path = sqlite_path(url)
    if path is not None:
        _prepare_file(path)
    engine = create_library_engine(url)
    try:
        with engine.connect() as connection:
            _migrate(connection, path)
    except SQLAlchemyError as error:
        raise database_problem(url, error) from None
    finally:
        engine.dispose()  # the migration connection had foreign keys off: later ones are made afresh

    library = Library(url, engine)
    if path is not None and path.is_file() and _last_backup_age(path) > BACKUP_EVERY:
        try:
            rotate_backups(path)
        except (OSError, sqlite3.Error) as error:
            library.warnings.append(f"{path}: the daily backup could not be taken ({_reason(error)}); work goes on")
    return library


def _reason(error: BaseException) -> str:
    return getattr(error, "strerror", None) or str(error) or type(error).__name__


def _prepare_file(path: Path) -> None:
    if path.exists():
        _check_readable(path)
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(path)) as connection:
            connection.execute("PRAGMA journal_mode=WAL")
    except (OSError, sqlite3.Error) as error:
        raise ReadinessError.single(path, f"cannot create the library: {error}") from None


def _check_readable(path: Path) -> None:
    """quick_check in read-only mode, so a damaged file is reported and left exactly as it was."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            findings = [row[0] for row in connection.execute("PRAGMA quick_check(10)")]
    except sqlite3.DatabaseError as error:
        message = f"not a Readiness library, or damaged ({error}); the file was left untouched"
        raise ReadinessError.single(path, message) from None
    if findings != ["ok"]:
        first = " ".join(findings[0].split())
        more = f", and {len(findings) - 1} more problems" if len(findings) > 1 else ""
        message = f"the library is damaged (quick_check: {first}{more}); the file was left untouched — restore a backup"
        raise ReadinessError.single(path, message)


def _alembic_config(connection: Connection) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def stored_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _migrate(connection: Connection, path: Path | None) -> None:
    if connection.dialect.name == "sqlite":
        # Batch migrations copy and drop tables: with foreign keys on, dropping the old assessment table
        # would cascade-delete every answer. The pragma is ignored inside a transaction, so it goes first,
        # on the raw connection, before any statement opens one.
        connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
    if stored_revision(connection) == SCHEMA_HEAD:
        return
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = _alembic_config(connection)
    script = ScriptDirectory.from_config(config)
    current = MigrationContext.configure(connection).get_current_revision()
    head = script.get_current_head()
    where = str(path) if path else "library"
    if current is not None and current not in {r.revision for r in script.walk_revisions()}:
        message = f"written by a newer Readiness (schema {current}; this version knows up to {head}); left untouched"
        raise ReadinessError.single(where, message)
    if current is None and inspect(connection).get_table_names():
        raise ReadinessError.single(where, "not a Readiness library (it has other tables); left untouched")
    if current == head:
        return
    if current is not None and path is not None:
        backup(path, path.parent / "backups" / f"{path.stem}-before-{head}-{_stamp()}.sqlite")
    command.upgrade(config, "head")
    connection.commit()
    _check_after_migration(connection, where)


def _check_after_migration(connection: Connection, where: str) -> None:
    if connection.dialect.name != "sqlite":
        return
    connection.exec_driver_sql("PRAGMA foreign_keys=ON")
    problems = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
    integrity = connection.execute(text("PRAGMA integrity_check")).scalar()
    if problems or integrity != "ok":
        message = f"migration left the library inconsistent ({integrity}, {len(problems)} foreign-key problems)"
        raise ReadinessError.single(where, message + "; restore the backup taken just before it")


def backup(source: Path, target: Path) -> Path:
    """A consistent copy through SQLite's backup API, written under a temporary name first."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    try:
        with closing(sqlite3.connect(source)) as live, closing(sqlite3.connect(partial)) as copy:
            live.backup(copy)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def rotate_backups(path: Path) -> Path:
    """Take a backup and keep only the newest few rotating ones (pre-migration copies are kept apart)."""
    folder = path.parent / "backups"
    made = backup(path, folder / f"{path.stem}-{_stamp()}.sqlite")
    rotating = sorted(folder.glob(f"{path.stem}-2*.sqlite"))
    for old in rotating[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)
    return made


def _last_backup_age(path: Path) -> dt.timedelta:
    folder = path.parent / "backups"
    found = folder.glob(f"{path.stem}-2*.sqlite") if folder.is_dir() else ()
    newest = max((p.stat().st_mtime for p in found), default=0.0)
    return dt.datetime.now() - dt.datetime.fromtimestamp(newest)


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
