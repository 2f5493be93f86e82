"""Working-day arithmetic for a plan's dates: Monday to Friday, without the public holidays of the country the
team works in.

Public holidays come from the ``holidays`` package (maintained, covering some 150 countries with their
regional rules), read lazily on the first plan; a country it does not know counts weekends only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from readiness.core.assessment import Assessment

LAUNCH_BUFFER_WORKING_DAYS = 5
"""Launch blockers and compliance items are due this many working days before launch, so a late
review or a rejected submission can still be fixed without moving the date."""
DAY_ONE_READY_WORKING_DAYS = 2
"""Day-one items are in place this many working days before launch: the rehearsal the day before checks them."""

_SATURDAY = 5


@cache
def public_holidays(country: str, year: int) -> frozenset[dt.date]:
    """The country's national public holidays in ``year``; none when ``holidays`` does not know the country."""
    import holidays  # its calendars load on the first plan, not when the app starts

    try:
        return frozenset(holidays.country_holidays(country, years=year))
    except NotImplementedError:
        return frozenset()


@dataclass(frozen=True)
class WorkingDays:
    """The working days of a team based in ``country`` (ISO 3166 code; None: weekends only)."""

    country: str | None = None

    def is_working(self, day: dt.date) -> bool:
        return day.weekday() < _SATURDAY and not (self.country and day in public_holidays(self.country, day.year))

    def before(self, day: dt.date, count: int) -> dt.date:
        """The date ``count`` working days before ``day``."""
        while count > 0:
            day -= dt.timedelta(days=1)
            if self.is_working(day):
                count -= 1
        return day

    def on_or_before(self, day: dt.date) -> dt.date:
        """The day itself, or the last working day before it: a due date people can meet."""
        while not self.is_working(day):
            day -= dt.timedelta(days=1)
        return day

    def on_or_after(self, day: dt.date) -> dt.date:
        """The day itself, or the next working day: the earliest a task brought forward can fall due."""
        while not self.is_working(day):
            day += dt.timedelta(days=1)
        return day

    def between(self, start: dt.date, end: dt.date) -> int:
        """Working days from ``start`` (inclusive) to ``end`` (exclusive); 0 when ``end`` is not after ``start``."""
        days = (end - start).days
        return sum(1 for offset in range(max(0, days)) if self.is_working(start + dt.timedelta(days=offset)))


def team_calendar(assessment: Assessment) -> WorkingDays:
    """The working days where the business is based (its home country), which its team plans by."""
    return WorkingDays(assessment.profile.home_country)
