"""Where the library lives and how to connect to it; no engine exists until one is asked for.

SQLite settings follow the reliability notes: WAL, foreign keys on every
connection, a busy timeout, synchronous FULL, and write transactions begun with
BEGIN IMMEDIATE so two writers queue instead of failing with "database is locked".
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from readiness.core.problems import ReadinessError

DB_ENV = "READINESS_DB"
BUSY_TIMEOUT_MS = 10_000


def default_library_path() -> Path:
    import platformdirs

    return platformdirs.user_data_path("readiness", appauthor=False) / "library.sqlite"


def library_url(db: str | None = None) -> str:
    """``--db`` first, then $READINESS_DB, then the user's data folder; a path or a SQLAlchemy URL."""
    chosen = db or os.environ.get(DB_ENV) or str(default_library_path())
    if "://" not in chosen:
        try:
            return f"sqlite:///{Path(chosen).expanduser().resolve()}"
        except (OSError, RuntimeError) as error:  # RuntimeError: a symlink loop
            raise ReadinessError.single(chosen, f"cannot open the library: {_why(error)}") from None
    if make_url(chosen).get_backend_name() == "sqlite" and make_url(chosen).database in (None, "", ":memory:"):
        raise ReadinessError.single(
            chosen, "an in-memory SQLite database forgets everything when the command ends: give a library file"
        )
    return chosen


def _why(error: BaseException) -> str:
    if isinstance(error, RuntimeError):
        return "the path is a loop of symbolic links"
    return getattr(error, "strerror", None) or str(error)


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def create_library_engine(url: str) -> Engine:
    if sqlite_path(url) is None:
        try:
            return create_engine(url, pool_pre_ping=True)
        except (ImportError, ArgumentError) as error:
            raise ReadinessError.single(
                make_url(url).render_as_string(hide_password=True),
                f"cannot use this database URL ({error}); "
                "for PostgreSQL install a driver: pip install 'psycopg[binary]'",
            ) from None
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})
    event.listen(engine, "connect", _configure_sqlite)
    event.listen(engine, "begin", _begin_immediate)
    return engine


def _configure_sqlite(connection: sqlite3.Connection, _record: Any) -> None:
    connection.isolation_level = None  # we issue BEGIN ourselves
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _begin_immediate(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")
