"""The gap register's columns, their widths, and how a measured figure is typed."""

from __future__ import annotations

from enum import IntEnum


class Column(IntEnum):
    """The register's columns, in order; each has its labels under ``col.<key>`` and ``tip.<key>``."""

    RANK = 0
    PRIORITY = 1
    TYPE = 2
    TOUCHPOINT = 3
    CHANNEL = 4
    FREQUENCY = 5
    SEVERITY = 6
    MEASURED = 7
    EVIDENCE = 8
    NOTES = 9

    @property
    def key(self) -> str:
        return self.name.lower()


LONG_COMBOS = {Column.TYPE: 19, Column.CHANNEL: 14}
"""Combos whose entries run long: shown this many characters wide, the full text in the tooltip."""
MEASURE_CHARS = "0000000"
"""The measured value's edit is as wide as this text: the unit goes beside it."""
UNIT_CHARS = 14
"""Units longer than this many average characters are elided beside the value (full text in the tooltip)."""

Choice = tuple[str, str | None]
"""A combo entry: the text shown and the value stored."""


NUMBER_PATTERN = r"-?\d*([.,]\d*)?"
"""What the measured value's field accepts while typing: a number with a decimal point or comma."""


def parse_number(text: str) -> float | None:
    """A number typed with a decimal point or comma; None when the text is not one."""
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        return None
