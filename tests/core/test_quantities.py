"""Durations and numbers as people type them, in each language; anything else is refused, never half-read."""

from __future__ import annotations

import pytest

from readiness.core.lang import Lang
from readiness.core.quantities import NotAQuantity, TimeUnit, parse_duration, parse_number, parse_time


@pytest.mark.parametrize(
    ("typed", "lang", "minutes"),
    [
        ("90", Lang.EN, 90),
        ("90 min", Lang.EN, 90),
        ("45 min.", Lang.EN, 45),
        ("2 h", Lang.EN, 120),
        ("2h", Lang.EN, 120),
        ("2 hours", Lang.EN, 120),
        ("1.5 hours", Lang.EN, 90),
        ("1 day", Lang.EN, 1440),
        ("2 horas", Lang.ES, 120),
        ("1,5 horas", Lang.ES, 90),
        ("1 día", Lang.ES, 1440),
        ("2 dias", Lang.PT_BR, 2880),
        ("1 h 30", Lang.EN, 90),
        ("1h30min", Lang.EN, 90),
        ("1:30", Lang.EN, 90),
    ],
)
def test_a_typed_duration_becomes_minutes(typed: str, lang: Lang, minutes: float) -> None:
    assert parse_duration(typed, lang) == minutes


@pytest.mark.parametrize("typed", ["", "abc", "abc600", "600abc", "2 hours and a bit", "2 weeks", "2 2", "h", "1:75"])
def test_anything_else_is_refused_whole(typed: str) -> None:
    with pytest.raises(NotAQuantity):
        parse_duration(typed, Lang.EN)


@pytest.mark.parametrize(
    ("typed", "lang", "number"),
    [("1,200.5", Lang.EN, 1200.5), ("1.200,5", Lang.ES, 1200.5), ("1.200,5", Lang.PT_BR, 1200.5), ("12", Lang.ES, 12)],
)
def test_numbers_follow_the_language(typed: str, lang: Lang, number: float) -> None:
    assert parse_number(typed, lang) == number


@pytest.mark.parametrize("typed", ["", "12abc", "abc", "1/2"])
def test_a_number_with_anything_else_is_refused(typed: str) -> None:
    with pytest.raises(NotAQuantity):
        parse_number(typed, Lang.EN)


@pytest.mark.parametrize(
    ("typed", "lang", "unit", "kept"),
    [
        ("2", Lang.EN, TimeUnit.HOUR, 2.0),  # a bare number is already in the field's unit
        ("90 min", Lang.EN, TimeUnit.HOUR, 1.5),
        ("1 día", Lang.ES, TimeUnit.MINUTE, 1440.0),
        ("1.200,5", Lang.ES, TimeUnit.MINUTE, 1200.5),
        ("36 h", Lang.PT_BR, TimeUnit.DAY, 1.5),
    ],
)
def test_a_time_is_kept_in_the_unit_of_its_field(typed: str, lang: Lang, unit: TimeUnit, kept: float) -> None:
    assert parse_time(typed, lang, unit) == kept


def test_a_time_that_is_not_one_is_refused() -> None:
    with pytest.raises(NotAQuantity):
        parse_time("2 hours and a bit", Lang.EN, TimeUnit.MINUTE)
