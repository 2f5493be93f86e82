"""Bilingual text and the small shared vocabulary of content models."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator


class Lang(StrEnum):
    EN = "en"
    ES = "es"


LANGUAGES: tuple[Lang, ...] = (Lang.EN, Lang.ES)


def plural_index(lang: Lang | str, count: float) -> int:
    """Which form a count takes: 0 for the singular ("1 minute", "1 minuto"), 1 for the plural.

    English and Spanish both use the singular for exactly one (CLDR plural rule 'one': n = 1).
    """
    return 0 if count == 1 else 1


Wording = str | tuple[str, str]
"""One sentence, or its (singular, plural) forms chosen by a ``count`` parameter."""


def worded(wording: Wording, lang: Lang | str, params: dict[str, object]) -> str:
    """The sentence filled with ``params``; a sentence with plural forms takes the form ``count`` asks for."""
    if isinstance(wording, tuple):
        count = params.get("count")
        if not isinstance(count, int | float):
            raise TypeError(f"{wording[1]!r} has plural forms and needs a numeric count")
        wording = wording[plural_index(lang, count)]
    return wording.format(**params) if params else wording


Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]{0,79}$")]
"""A stable identifier: lower-case letters, digits, '_', '.', '-'."""

TaskId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]{0,79}(@[a-z0-9][a-z0-9_.-]{0,79})?$")]
"""A plan task: a content id, with '@channel' when the same item repeats per channel."""


class Model(BaseModel):
    """Base for every content and assessment model: strict keys, immutable values."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class LocalText(Model):
    """One user-facing string in every supported language."""

    en: str
    es: str

    @field_validator("en", "es")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("empty translation")
        return value

    def get(self, lang: Lang | str) -> str:
        return self.es if Lang(lang) is Lang.ES else self.en


class Step(StrEnum):
    """The four steps of the method."""

    IDENTIFY = "identify"
    OPEN = "open"
    PROMOTE = "promote"
    REFINE = "refine"


class Reason(StrEnum):
    """The four reasons for messaging (the 'fit' view)."""

    SPEED = "speed"
    FAMILIARITY = "familiarity"
    CONVENIENCE = "convenience"
    INDUSTRY_FORCES = "industry_forces"


class Role(StrEnum):
    """Who owns a task in the plan."""

    EXECUTIVE_SPONSOR = "executive_sponsor"
    CHANNEL_OWNER = "channel_owner"
    SALES = "sales"
    SUPPORT = "support"
    MARKETING = "marketing"
    BOT_OWNER = "bot_owner"
    IT = "it"
    LEGAL = "legal"
    OPERATIONS = "operations"


class Effort(StrEnum):
    SMALL = "s"
    MEDIUM = "m"
    LARGE = "l"


Score = Annotated[float, Field(ge=0, le=100)]
"""A score on the 0-100 scale."""
