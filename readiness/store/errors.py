"""A database failure as one line that names the library and the cause, never SQL or a password.

Each cause has its own message, because each asks the user for something different: free some disk, make
the file writable, wait for another program, restore a backup, start the server, fix the credentials.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from readiness.core.problems import ReadinessError
from readiness.store.engine import sqlite_path

_SQLITE_CAUSES = {
    "SQLITE_FULL": "the disk is full: nothing was saved; free some space and try again",
    "SQLITE_READONLY": "the library file or its folder is read-only: nothing was saved",
    "SQLITE_CANTOPEN": "cannot open the library file: check that its folder exists and can be written",
    "SQLITE_BUSY": "another program is writing to the library: nothing was saved; try again in a moment",
    "SQLITE_LOCKED": "another program is writing to the library: nothing was saved; try again in a moment",
    "SQLITE_NOTADB": "not a Readiness library, or damaged; restore a backup",
    "SQLITE_CORRUPT": "the library is damaged; restore a backup",
    "SQLITE_IOERR": "the disk could not be read or written: nothing was saved",
    "SQLITE_PERM": "the library file or its folder is read-only: nothing was saved",
}

_SERVER_CAUSES = (
    ("password authentication failed", "the server refused the user name or password"),
    ("role", "the server does not know this user"),
    ("does not exist", "the server has no such database"),
    ("connection refused", "cannot reach the PostgreSQL server: is it running, and is the address right?"),
    ("could not translate host name", "cannot reach the PostgreSQL server: unknown host name"),
    ("timeout", "cannot reach the PostgreSQL server: the connection timed out"),
    ("no route to host", "cannot reach the PostgreSQL server: no route to the host"),
    ("no such file or directory", "cannot reach the PostgreSQL server: no server listens on that socket"),
)


def database_problem(url: str, error: SQLAlchemyError | sqlite3.Error) -> ReadinessError:
    """The one line for a failure of the library at ``url`` (its password hidden)."""
    path = sqlite_path(url)
    where = str(path) if path is not None else make_url(url).render_as_string(hide_password=True)
    return ReadinessError.single(where, _cause(error))


def _cause(error: SQLAlchemyError | sqlite3.Error) -> str:
    original = error.orig if isinstance(error, DBAPIError) else error
    name = getattr(original, "sqlite_errorname", "")
    for prefix, message in _SQLITE_CAUSES.items():
        if name.startswith(prefix):
            return message
    text = str(original).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return _SQLITE_CAUSES["SQLITE_FULL"]
    if "readonly" in text or "read-only" in text:
        return _SQLITE_CAUSES["SQLITE_READONLY"]
    for needle, message in _SERVER_CAUSES:
        if needle in text:
            return message
    first_line = str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
    return f"the library failed: {first_line}"
