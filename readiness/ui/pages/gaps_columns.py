"""The gap register's columns, their widths, and the texts kept beside the table."""

from __future__ import annotations

from enum import IntEnum

from readiness.core.i18n import N_


class Column(IntEnum):
    """The register's columns, in order, each with its header and tooltip."""

    RANK = 0
    PRIORITY = 1
    TYPE = 2
    TOUCHPOINT = 3
    CHANNEL = 4
    FREQUENCY = 5
    SEVERITY = 6
    MEASURED = 7

    @property
    def key(self) -> str:
        return self.name.lower()

    @property
    def header(self) -> str:
        return COLUMN_TEXTS[self][0]

    @property
    def tip(self) -> str:
        return COLUMN_TEXTS[self][1]


COLUMN_TEXTS = {
    Column.RANK: (N_("Rank"), N_("Position in the ranking (1 = fix first)")),
    Column.PRIORITY: (
        N_("Priority"),
        N_("Frequency points × severity points, × 1.5 when the measured figure is poor, × 0.75 when it is good"),
    ),
    Column.TYPE: (N_("Type"), N_("The kind of gap, from the gap taxonomy")),
    Column.TOUCHPOINT: (N_("Touchpoint"), N_("Where in the customer journey it happens")),
    Column.CHANNEL: (N_("Current channel"), N_("The channel where it happens today")),
    Column.FREQUENCY: (N_("Frequency"), N_("How often customers run into it")),
    Column.SEVERITY: (N_("Severity"), N_("How much it hurts when it happens")),
    Column.MEASURED: (
        N_("Measured value"),
        N_("The figure measured today, in the unit of the type's benchmark; leave empty if not measured"),
    ),
}
"""Each column's header and tooltip (msgids, translated where the language is known)."""


TEXT_FIELDS = (
    ("evidence", N_("Evi&dence"), N_("Where the facts come from")),
    ("notes", N_("No&tes"), N_("Anything else worth remembering")),
)
"""The selected gap's free texts, edited under the table so that the ranked columns fit a laptop screen."""

LONG_COMBOS = {Column.TYPE: 19, Column.CHANNEL: 14}
"""Combos whose entries run long: shown this many characters wide, the full text in the tooltip."""

Choice = tuple[str, str | None]
"""A combo entry: the text shown and the value stored."""
