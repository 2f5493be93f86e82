"""Working days: Monday to Friday, without the public holidays of the country the team works in."""

from __future__ import annotations

import datetime as dt

from readiness.core.plan.schedule import WorkingDays


def test_a_public_holiday_is_not_a_working_day() -> None:
    japan = WorkingDays("JP")
    assert not japan.is_working(dt.date(2027, 2, 23))  # the Emperor's Birthday, a Tuesday
    assert WorkingDays().is_working(dt.date(2027, 2, 23))
    # five working days before Monday 1 March 2027 skip the holiday: Friday 19 February, not Monday 22
    assert japan.before(dt.date(2027, 3, 1), 5) == dt.date(2027, 2, 19)
    assert WorkingDays().before(dt.date(2027, 3, 1), 5) == dt.date(2027, 2, 22)


def test_a_due_date_on_new_years_day_or_a_weekend_moves_to_the_working_day_before() -> None:
    mexico = WorkingDays("MX")
    assert mexico.on_or_before(dt.date(2027, 1, 1)) == dt.date(2026, 12, 31)
    assert mexico.on_or_before(dt.date(2027, 1, 3)) == dt.date(2026, 12, 31)  # Sunday, after the holiday Friday
    assert mexico.on_or_before(dt.date(2027, 1, 4)) == dt.date(2027, 1, 4)


def test_a_country_the_calendar_does_not_know_counts_weekends_only() -> None:
    unknown = WorkingDays("ZZ")  # CLDR's "unknown region": no calendar
    assert unknown.before(dt.date(2027, 1, 4), 1) == dt.date(2027, 1, 1)
    assert unknown.between(dt.date(2027, 1, 1), dt.date(2027, 1, 8)) == 5


def test_working_days_between_counts_the_same_days_before_skips() -> None:
    germany = WorkingDays("DE")
    start = germany.before(dt.date(2027, 4, 30), 10)  # over Good Friday and Easter Monday 2027
    assert germany.between(start, dt.date(2027, 4, 30)) == 10
