"""Dates and owners shown the same way on every page, in the assessment's language."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import TYPE_CHECKING

from readiness.core.plan.model import Task
from readiness.core.text import Lang

if TYPE_CHECKING:
    from readiness.report.fmt import Formatter


def formatter(lang: Lang) -> Formatter:
    """Babel loads on first use, not when the page's module is imported."""
    from readiness.report.fmt import Formatter

    return Formatter(lang.value)


def format_date(lang: Lang, value: dt.date) -> str:
    return formatter(lang).date(value)


def owner_text(task: Task) -> str:
    """The person, with the role they act in; the role alone when nobody is named."""
    return f"{task.owner} ({task.owner_role_label})" if task.owner else task.owner_role_label


def number_text(value: float, lang: Lang) -> str:
    """A short number in the language's style: 13.5 or 13,5."""
    text = f"{value:g}"
    return text.replace(".", ",") if lang is Lang.ES else text


def file_stem(organisation: str) -> str:
    """A file-name-safe, lower-case stem: 'Casa Jacaranda' gives 'casa-jacaranda'."""
    ascii_text = unicodedata.normalize("NFKD", organisation).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower() or "readiness"
