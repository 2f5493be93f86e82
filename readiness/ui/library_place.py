"""Where the open library lives, in words for the status bar, and whether a library setting may be kept.

A team library is a database URL (``postgresql+psycopg://user@host/db``). Its password is never kept in the
app's settings: PostgreSQL's client library reads it from ``~/.pgpass`` (or the file $PGPASSFILE names), so the
URL in the settings carries none. Plain string handling here: the UI does not import SQLAlchemy to show a label.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from readiness.core.i18n import _
from readiness.core.lang import Lang


def is_team_library(value: str) -> bool:
    return "://" in value and not value.lower().startswith("sqlite")


def carries_password(value: str) -> bool:
    return is_team_library(value) and urlsplit(value).password is not None


def library_description(value: str, lang: Lang) -> str:
    """ "Library: /home/ana/library.sqlite", or "Team library: ana@db.example:5432/clients" (never a password)."""
    if not value:
        return _("Library: the default library in your data folder", lang)
    if not is_team_library(value):
        return _("Library: {path}", lang, path=value)
    parts = urlsplit(value)
    where = f"{parts.username}@{parts.hostname or 'localhost'}" if parts.username else parts.hostname or "localhost"
    port = f":{parts.port}" if parts.port else ""
    return _("Team library: {place}", lang, place=f"{where}{port}{parts.path}")
