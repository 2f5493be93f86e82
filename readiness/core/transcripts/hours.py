"""Business hours as ``--hours`` gives them: ``mon-fri 09:00-18:00; sat 10:00-14:00``."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT_HOURS = "mon-fri 09:00-18:00"
GROUP = re.compile(
    r"^(?P<first>[a-z]{3})(?:-(?P<last>[a-z]{3}))?\s+(?P<opens>\d{1,2}:\d{2})-(?P<closes>\d{1,2}:\d{2})$"
)


class HoursError(ValueError):
    """The text is no business-hours specification; the message says what is wrong."""


@dataclass(frozen=True)
class BusinessHours:
    intervals: tuple[tuple[tuple[int, int], ...], ...]
    """Per weekday (Monday first), the minutes of the day open: [start, end) pairs."""

    @classmethod
    def parse(cls, text: str) -> BusinessHours:
        days: list[list[tuple[int, int]]] = [[] for _ in DAYS]
        for group in filter(None, (part.strip().lower() for part in text.split(";"))):
            match = GROUP.match(" ".join(group.split()))
            if match is None:
                raise HoursError(f"{group!r} is not like 'mon-fri 09:00-18:00'")
            opens, closes = _minutes(match["opens"]), _minutes(match["closes"])
            if closes <= opens:
                raise HoursError(f"{group!r} closes before it opens")
            for day in _days(match["first"], match["last"] or match["first"]):
                days[day].append((opens, closes))
        if not any(days):
            raise HoursError("no days and hours given")
        return cls(tuple(tuple(sorted(day)) for day in days))

    def open_at(self, moment: dt.datetime) -> bool:
        minute = moment.hour * 60 + moment.minute
        return any(start <= minute < end for start, end in self.intervals[moment.weekday()])


def _minutes(text: str) -> int:
    hours, minutes = (int(part) for part in text.split(":"))
    if hours > 24 or minutes > 59 or hours * 60 + minutes > 24 * 60:
        raise HoursError(f"{text} is not a time of day")
    return hours * 60 + minutes


def _days(first: str, last: str) -> list[int]:
    for day in (first, last):
        if day not in DAYS:
            raise HoursError(f"{day!r} is not a day (mon, tue, wed, thu, fri, sat, sun)")
    start, end = DAYS.index(first), DAYS.index(last)
    return [(start + step) % 7 for step in range((end - start) % 7 + 1)]
