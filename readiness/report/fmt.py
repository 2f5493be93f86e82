"""Numbers, dates and money in the plan's locale, through Babel."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, get_currency_name

LOCALES = {"en": "en_US", "es": "es_ES"}
"""The Babel locale each plan language formats with."""


@dataclass(frozen=True)
class Formatter:
    lang: str

    @cached_property
    def locale(self) -> Locale:
        return Locale.parse(LOCALES[self.lang])

    def date(self, value: dt.date, style: str = "medium") -> str:
        return format_date(value, format=style, locale=self.locale)

    def month(self, value: dt.date) -> str:
        """Abbreviated month and year, for chart axes."""
        return format_date(value, format="MMM yyyy", locale=self.locale)

    def number(self, value: float, digits: int = 1) -> str:
        pattern = "#,##0" if digits == 0 else "#,##0." + "#" * digits
        return format_decimal(value, format=pattern, locale=self.locale)

    def score(self, value: float | None) -> str:
        return "—" if value is None else format_decimal(value, format="0.0", locale=self.locale)

    def quantity(self, value: float, unit: str) -> str:
        """A figure with its unit; a unit that starts with an ISO currency code formats as money."""
        code, _, rest = unit.partition(" ")
        if _is_currency(code):
            money = format_currency(value, code, locale=self.locale)
            return f"{money} {rest}" if rest else money
        if unit.startswith("%"):
            percent = self.number(value) + ("\u00a0%" if self.lang == "es" else "%")
            return f"{percent} {unit[1:].strip()}".rstrip()
        return f"{self.number(value)}\u00a0{unit}" if unit else self.number(value)


def _is_currency(unit: str) -> bool:
    if len(unit) != 3 or not unit.isalpha() or not unit.isupper():
        return False
    try:
        return get_currency_name(unit, locale="en") != unit
    except ValueError:
        return False
