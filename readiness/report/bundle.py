"""Everything a consultant sends after a workshop, in one zip: both editions of the plan, the task list, the full
plan as a Word document to tailor, the calendar and the assessment file (and, for a re-assessment, the baseline's, so
that ``readiness plan FILE --baseline EARLIER`` gives the same comparison anywhere), each named after the
organisation and the day the plan was issued.

The zip is built in memory and written whole by the caller; entries carry the issue date, so the same plan gives
the same archive.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Sequence

BUNDLE_PARTS = {
    "brief": "brief.pdf",
    "full": "plan.pdf",
    "tasks": "tasks.xlsx",
    "word": "plan.docx",
    "calendar": "calendar.ics",
    "assessment": "readiness.yaml",
    "baseline": "baseline.readiness.yaml",
}
"""Each part's name after the organisation and the date: casa-jacaranda-2026-12-06-brief.pdf."""


def file_stem(organisation: str) -> str:
    """A file-name-safe, lower-case stem: 'Casa Jacaranda' gives 'casa-jacaranda'."""
    ascii_text = unicodedata.normalize("NFKD", organisation).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower() or "readiness"


def part_name(organisation: str, issued: dt.date, part: str) -> str:
    return f"{file_stem(organisation)}-{issued.isoformat()}-{BUNDLE_PARTS[part]}"


def bundle_zip(parts: Sequence[tuple[str, bytes]], issued: dt.date) -> bytes:
    """The named parts, deflated, each dated the day the plan was issued."""
    out = io.BytesIO()
    stamp = (issued.year, issued.month, issued.day, 0, 0, 0)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, body in parts:
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, body)
    return out.getvalue()
