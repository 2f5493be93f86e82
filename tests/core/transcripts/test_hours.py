"""Business hours as --hours gives them."""

from __future__ import annotations

import datetime as dt

import pytest

from readiness.core.transcripts.hours import BusinessHours, HoursError

SATURDAY = dt.datetime(2026, 10, 10)


def test_groups_ranges_wrapping_weeks_and_half_open_intervals() -> None:
    hours = BusinessHours.parse("mon-fri 09:00-18:00; sat-sun 10:00-14:00")
    assert hours.open_at(SATURDAY.replace(hour=10)) and not hours.open_at(SATURDAY.replace(hour=14))
    monday = SATURDAY + dt.timedelta(days=2)
    assert hours.open_at(monday.replace(hour=9)) and not hours.open_at(monday.replace(hour=18))
    assert not hours.open_at(monday.replace(hour=8, minute=59))
    wrapping = BusinessHours.parse("sat-mon 10:00-12:00")
    assert [bool(day) for day in wrapping.intervals] == [True, False, False, False, False, True, True]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("weekdays 9-5", "is not like 'mon-fri 09:00-18:00'"),
        ("mon-fri 18:00-09:00", "closes before it opens"),
        ("mon-fry 09:00-18:00", "'fry' is not a day"),
        ("mon 09:00-25:00", "25:00 is not a time of day"),
        ("  ;  ", "no days and hours given"),
    ],
)
def test_a_wrong_specification_says_what_is_wrong(text: str, problem: str) -> None:
    with pytest.raises(HoursError, match=problem):
        BusinessHours.parse(text)
