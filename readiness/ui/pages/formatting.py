"""Dates and file names shown the same way on every page, in the assessment's language."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale

from readiness.core.lang import Lang, babel_locale

if TYPE_CHECKING:
    from readiness.report.fmt import Formatter

PROBLEM_COLOUR = "#b3261e"
"""Text and frames saying something is wrong or contradicts another answer: 6.5:1 on white."""


def formatter(lang: Lang) -> Formatter:
    """Babel loads on first use, not when the page's module is imported."""
    from readiness.report.fmt import Formatter

    return Formatter(lang.value)


def format_date(lang: Lang, value: dt.date) -> str:
    return formatter(lang).date(value)


def number_text(value: float, lang: Lang) -> str:
    """A short number in the language's style: 13.5 or 13,5."""
    locale = qt_locale(lang)
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return locale.toString(value, "g", 6)


def qt_locale(lang: Lang) -> QLocale:
    """Qt's locale for one of the app's languages."""
    return QLocale(babel_locale(lang))
