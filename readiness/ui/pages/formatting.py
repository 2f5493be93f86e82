"""Dates and owners shown the same way on every page, in the assessment's language."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale

from readiness.core.i18n import _
from readiness.core.lang import Lang, babel_locale

if TYPE_CHECKING:
    from readiness.core.plan.model import Task
    from readiness.report.fmt import Formatter

PROBLEM_COLOUR = "#b3261e"
"""Text and frames saying something is wrong or contradicts another answer: 6.5:1 on white."""


def formatter(lang: Lang) -> Formatter:
    """Babel loads on first use, not when the page's module is imported."""
    from readiness.report.fmt import Formatter

    return Formatter(lang.value)


def format_date(lang: Lang, value: dt.date) -> str:
    return formatter(lang).date(value)


def owner_text(task: Task, lang: Lang) -> str:
    """Who does the task, as the plan prints it: the person with the roles they hold, and the role the task
    calls for when it is not one of theirs; the task's role alone when nobody is named."""
    if not task.owner:
        return task.owner_role_label
    notes = [task.owner_title] if task.owner_title else []
    if not task.owner_holds_role:
        notes.append(_("task role: {role}", lang, role=task.owner_role_label))
    return f"{task.owner} ({'; '.join(notes)})" if notes else task.owner


def number_text(value: float, lang: Lang) -> str:
    """A short number in the language's style: 13.5 or 13,5."""
    locale = qt_locale(lang)
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return locale.toString(value, "g", 6)


def qt_locale(lang: Lang) -> QLocale:
    """Qt's locale for one of the app's languages."""
    return QLocale(babel_locale(lang))


def file_stem(organisation: str) -> str:
    """A file-name-safe, lower-case stem: 'Casa Jacaranda' gives 'casa-jacaranda'."""
    ascii_text = unicodedata.normalize("NFKD", organisation).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower() or "readiness"
