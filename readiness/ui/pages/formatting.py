"""Dates and owners shown the same way on every page, in the assessment's language."""

from __future__ import annotations

import datetime as dt
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
