"""Numbers, dates and money in the plan's locale, through Babel."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from babel import Locale
from babel.dates import format_date

from readiness.core.lang import Lang, babel_locale
from readiness.core.plan.cost_lines import Money
from readiness.core.plan.costs import RunningCost, totals_text
from readiness.core.plan.cycle import change_text
from readiness.core.plan.figures import countries_text, list_text, money_text, number_text, quantity_text, score_text


@dataclass(frozen=True)
class Formatter:
    lang: str

    @cached_property
    def locale(self) -> Locale:
        return Locale.parse(babel_locale(self.lang))

    def date(self, value: dt.date, style: str = "medium") -> str:
        return format_date(value, format=style, locale=self.locale)

    def month(self, value: dt.date) -> str:
        """Abbreviated month and year, for chart axes."""
        return format_date(value, format="MMM yyyy", locale=self.locale)

    def number(self, value: float, digits: int = 1) -> str:
        return number_text(value, Lang(self.lang), digits)

    def score(self, value: float | None) -> str:
        return score_text(value, Lang(self.lang))

    def change(self, value: float | None) -> str:
        """A score's change: "+38.1", "−2.0", "0.0"; a dash where one side was not scored."""
        return change_text(value, Lang(self.lang))

    def countries(self, codes: Sequence[str]) -> str:
        """Country names in the plan's language, listed as it lists them ("México, Brasil y Estados Unidos")."""
        return countries_text(codes, self.lang)

    def quantity(self, value: float, unit: str) -> str:
        return quantity_text(value, unit, Lang(self.lang))

    def money(self, amount: Money) -> str:
        """An estimate's range in its currency ("US$317–US$398"), one figure when low and high agree."""
        return money_text(amount.low, amount.high, amount.currency, Lang(self.lang))

    def cost_totals(self, cost: RunningCost) -> str:
        return totals_text(cost, Lang(self.lang))

    def list(self, items: Sequence[str]) -> str:
        """Items joined as the plan's language lists them ("A, B and C", "A, B y C")."""
        return list_text(items, self.lang)
