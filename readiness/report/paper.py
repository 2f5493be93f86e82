"""Paper sizes of the printed plan (a light module: the app reads it before any template is loaded)."""

from __future__ import annotations

from enum import StrEnum


class Paper(StrEnum):
    A4 = "a4"
    LETTER = "letter"


LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "BZ", "CL", "CO", "CR", "GT", "NI", "PA", "PH", "PR", "SV", "VE"})
"""Where Letter is the usual office paper (CLDR's paperSize data); A4 everywhere else."""


def paper_for(territory: str | None) -> Paper:
    """The paper a business in ``territory`` (ISO 3166 code) prints on; A4 when it is unknown."""
    return Paper.LETTER if (territory or "").upper() in LETTER_TERRITORIES else Paper.A4


def plan_paper(chosen: Paper | None, home_country: str | None) -> Paper:
    """The paper a plan prints on: the one chosen, else the one of the business's home country."""
    return chosen or paper_for(home_country)
