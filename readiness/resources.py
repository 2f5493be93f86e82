"""The one place that knows where Readiness's data folders are.

From a checkout or an editable install the folders sit beside the package; an
installed wheel carries them inside the package under ``_data``.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path, PurePosixPath

_PACKAGE = Path(__file__).resolve().parent


class Folder(StrEnum):
    QUESTIONNAIRES = "questionnaires"
    REPORT_TEMPLATES = "report_templates"
    ASSETS = "assets"
    LOCALE = "locale"


class ResourceError(LookupError):
    pass


def folder(kind: Folder) -> Path:
    for candidate in (_PACKAGE / "_data" / kind.value, _PACKAGE.parent / kind.value):
        if candidate.is_dir():
            return candidate
    raise ResourceError(f"the {kind.value} folder is missing from this installation")


def resource(kind: Folder, relative: str) -> Path:
    """A file inside one data folder; refuses absolute paths and '..' so nothing escapes it."""
    parts = PurePosixPath(relative)
    if parts.is_absolute() or ".." in parts.parts or not parts.parts:
        raise ResourceError(f"not a relative resource path: {relative!r}")
    path = folder(kind).joinpath(*parts.parts)
    if not path.is_file():
        raise ResourceError(f"no resource {relative!r} in {kind.value}")
    return path


def questionnaires() -> Path:
    return folder(Folder.QUESTIONNAIRES)
