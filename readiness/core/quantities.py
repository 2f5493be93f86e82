"""Numbers and durations as people type them, in their language: "1.200,5", "90 min", "2 h", "1 día", "1h30".

A number follows the language's decimal and grouping signs (Babel's CLDR data). A duration is a number with an
optional unit (minutes when none is given), or hours and minutes together ("1 h 30", "1:30"); it comes back in
minutes, which is how the assessment stores it. Anything else is refused with ``NotAQuantity``: a field never
takes the digits it happens to find in a sentence ("abc600", "2 hours and a bit").
"""

from __future__ import annotations

import re
from enum import StrEnum

from readiness.core.lang import Lang, babel_locale


class TimeUnit(StrEnum):
    """The unit a time figure is kept in."""

    MINUTE = "minute"
    HOUR = "hour"
    DAY = "day"


MINUTES_PER = {TimeUnit.MINUTE: 1.0, TimeUnit.HOUR: 60.0, TimeUnit.DAY: 1440.0}
UNIT_WORDS = {
    TimeUnit.MINUTE: ("m", "min", "mins", "minute", "minutes", "minuto", "minutos"),
    TimeUnit.HOUR: ("h", "hr", "hrs", "hour", "hours", "hora", "horas"),
    TimeUnit.DAY: ("d", "day", "days", "día", "días", "dia", "dias"),
}
_UNIT_OF = {word: unit for unit, words in UNIT_WORDS.items() for word in words}
_NUMBER = r"[0-9][0-9.,]*"
_PART = re.compile(rf"\s*({_NUMBER})\s*([^\W\d_]*)\.?\s*", re.UNICODE)
_CLOCK = re.compile(r"\s*(\d+):([0-5]\d)\s*")


class NotAQuantity(ValueError):
    """The text is not a number (or duration) this language writes; its message is the text."""


def parse_number(text: str, lang: Lang) -> float:
    """A number written the language's way ("1,200.5" in English, "1.200,5" in Spanish and Portuguese)."""
    from babel.numbers import NumberFormatError, parse_decimal

    cleaned = text.strip()
    if not re.fullmatch(r"[-+]?[0-9][0-9.,]*", cleaned):
        raise NotAQuantity(text)
    try:
        return float(parse_decimal(cleaned, locale=babel_locale(lang)))
    except NumberFormatError:
        raise NotAQuantity(text) from None


def parse_duration(text: str, lang: Lang) -> float:
    """Minutes from a typed duration: "90", "90 min", "2 h", "1,5 horas", "1 día", "1 h 30", "1:30"."""
    clock = _CLOCK.fullmatch(text)
    if clock:
        return int(clock[1]) * 60.0 + int(clock[2])
    position, total, previous = 0, 0.0, None
    while position < len(text):
        part = _PART.match(text, position)
        if part is None or part.end() == position:
            raise NotAQuantity(text)
        number, word = part[1].strip(), part[2].casefold()
        unit = _UNIT_OF.get(word) if word else TimeUnit.MINUTE
        if unit is None or (not word and previous not in (None, TimeUnit.HOUR)):  # "1 h 30" is fine, "2 2" is not
            raise NotAQuantity(text)
        total += parse_number(number, lang) * MINUTES_PER[unit]
        position, previous = part.end(), unit
    if previous is None:
        raise NotAQuantity(text)
    return total


def parse_time(text: str, lang: Lang, unit: TimeUnit) -> float:
    """A time in ``unit``: a bare number is already in it ("2" hours in an hours field), a duration is converted
    ("90 min" is 1.5 in an hours field, "1 día" is 1440 in a minutes field)."""
    try:
        return parse_number(text, lang)
    except NotAQuantity:
        return parse_duration(text, lang) / MINUTES_PER[unit]
