"""Working-day arithmetic for tasks that must be finished before launch."""

from __future__ import annotations

import datetime as dt

LAUNCH_BUFFER_WORKING_DAYS = 5
"""Launch blockers and compliance items are due this many working days before launch, so a late
review or a rejected submission can still be fixed without moving the date."""

_SATURDAY = 5


def working_days_before(day: dt.date, count: int) -> dt.date:
    """The date ``count`` working days (Monday to Friday) before ``day``; public holidays are not known here."""
    while count > 0:
        day -= dt.timedelta(days=1)
        if day.weekday() < _SATURDAY:
            count -= 1
    return day


def on_a_working_day(day: dt.date) -> dt.date:
    """The day itself, or the Friday before when it falls at a weekend: a due date people can meet."""
    return day - dt.timedelta(days=max(0, day.weekday() - _SATURDAY + 1))


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days from ``start`` (inclusive) to ``end`` (exclusive); 0 when ``end`` is not after ``start``."""
    if end <= start:
        return 0
    weeks, rest = divmod((end - start).days, 7)
    first = start.weekday()
    return weeks * 5 + sum(1 for offset in range(rest) if (first + offset) % 7 < _SATURDAY)
