"""How the plan's reviews repeat, as iCalendar recurrence rules (RFC 5545 §3.3.10), until the re-assessment.

A weekly review keeps the weekday of the one before it; a monthly or quarterly review keeps its place in the
month (the third Monday, the last Friday) rather than its day number, so it stays on a weekday; a daily review
skips weekends. A rule cannot name public holidays, so the reviews that would fall on one in the team's country are
left out by date (EXDATE), from the same calendars the plan's working days use.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from readiness.core.catalog import Cadence
from readiness.core.plan.schedule import public_holidays

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WORKING_WEEKDAYS = WEEKDAY_CODES[:5]
_DAYS_IN_A_WEEK = 7
_FIFTH = 5
"""A month has at most five of any weekday, and not every month has a fifth."""


@dataclass(frozen=True)
class Repeat:
    frequency: str
    """DAILY, WEEKLY or MONTHLY."""
    interval: int = 1


CADENCE_REPEATS = {
    Cadence.DAILY: Repeat("DAILY"),
    Cadence.WEEKLY: Repeat("WEEKLY"),
    Cadence.MONTHLY: Repeat("MONTHLY"),
    Cadence.QUARTERLY: Repeat("MONTHLY", 3),
}


@dataclass(frozen=True)
class ReviewSeries:
    """The reviews that follow a first one: the date of the next, and the rule that repeats it."""

    start: dt.date
    rule: dict[str, object]
    """The RRULE's parts, as ``icalendar`` takes them: FREQ, INTERVAL, BYDAY and UNTIL."""
    skipped: tuple[dt.date, ...] = ()
    """The reviews the rule gives that fall on a public holiday: left out of the series."""


def reviews_after(
    first: dt.date, cadence: Cadence, until: dt.date, country: str | None = None, not_before: dt.date | None = None
) -> ReviewSeries | None:
    """The reviews after the one on ``first``, at ``cadence``, from ``not_before`` on when given (a re-assessment
    plans none in its past) up to ``until`` included, none on a public holiday of ``country``; None when none falls
    by then."""
    repeat = CADENCE_REPEATS[cadence]
    week = _week_of_month(first)
    start = _following(first, repeat, week)
    while not_before is not None and start < not_before:
        start = _following(start, repeat, week)
    if start > until:
        return None
    rule: dict[str, object] = {"freq": repeat.frequency}
    if repeat.interval > 1:
        rule["interval"] = repeat.interval
    if repeat.frequency == "DAILY":
        rule["byday"] = list(WORKING_WEEKDAYS)
    elif repeat.frequency == "MONTHLY":
        rule["byday"] = f"{week}{WEEKDAY_CODES[first.weekday()]}"
    rule["until"] = until
    return ReviewSeries(start, rule, _on_holidays(start, repeat, week, until, country) if country else ())


def _on_holidays(start: dt.date, repeat: Repeat, week: int, until: dt.date, country: str) -> tuple[dt.date, ...]:
    """The series' days, walked as the rule steps, that are public holidays in ``country``."""
    found = []
    day = start
    while day <= until:
        if day in public_holidays(country, day.year):
            found.append(day)
        day = _following(day, repeat, week)
    return tuple(found)


def _following(day: dt.date, repeat: Repeat, week: int) -> dt.date:
    """The occurrence after ``day`` that the rule from ``reviews_after`` gives; a monthly one falls on the ``week``-th
    of the weekday, the first review's place in its month (a last Friday stays the last, not the fourth)."""
    if repeat.frequency == "DAILY":
        day += dt.timedelta(days=1)
        while day.weekday() >= len(WORKING_WEEKDAYS):
            day += dt.timedelta(days=1)
        return day
    if repeat.frequency == "WEEKLY":
        return day + dt.timedelta(weeks=repeat.interval)
    months = day.year * 12 + day.month - 1 + repeat.interval
    return nth_weekday(months // 12, months % 12 + 1, day.weekday(), week)


def _week_of_month(day: dt.date) -> int:
    """Which of its weekday the day is in its month: 1 to 4, or -1 for a fifth, which is always the last."""
    week = (day.day - 1) // _DAYS_IN_A_WEEK + 1
    return -1 if week == _FIFTH else week


def nth_weekday(year: int, month: int, weekday: int, week: int) -> dt.date:
    """The ``week``-th ``weekday`` (0 is Monday) of the month; -1 is the last one."""
    if week == -1:
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        return last - dt.timedelta(days=(last.weekday() - weekday) % _DAYS_IN_A_WEEK)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % _DAYS_IN_A_WEEK + _DAYS_IN_A_WEEK * (week - 1))
