"""Translatable content text and the small shared vocabulary of content models."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, WithJsonSchema, field_validator, model_validator

from readiness.core.lang import AUTHORING_LANGUAGE, LANGUAGE_TAG, LANGUAGES, Lang

LangCode = Annotated[
    Lang,
    WithJsonSchema({"type": "string", "pattern": LANGUAGE_TAG, "description": "A language tag: en, es, pt-BR …"}),
]
"""A language field; its JSON Schema gives the tag's shape, not the list, so adding a language leaves the
shipped schemas as they are (the models still accept only the languages in ``Lang``)."""


Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]{0,79}$")]
"""A stable identifier: lower-case letters, digits, '_', '.', '-'."""

TaskId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]{0,79}(@[a-z0-9][a-z0-9_.-]{0,79})?$")]
"""A plan task: a content id, with '@channel' when the same item repeats per channel."""


class Model(BaseModel):
    """Base for every content and assessment model: strict keys, immutable values, finite numbers (NaN and
    infinities are refused: SQLite would store them as null and no plan can print them)."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class LocalText(Model):
    """One user-facing string of the content: its English text and any translations, keyed by language.

    A translation may be missing: the text then shows in English (the authoring language), and
    ``readiness validate --translations`` counts it.
    """

    model_config = ConfigDict(
        extra="allow",
        frozen=True,
        json_schema_extra={"propertyNames": {"pattern": LANGUAGE_TAG}},
    )
    __pydantic_extra__: dict[str, str] = Field(init=False)

    en: str

    @field_validator("en")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("empty text")
        return value

    @model_validator(mode="after")
    def _known_languages(self) -> LocalText:
        for code, value in self.translations().items():
            if code not in _TRANSLATION_CODES:
                raise ValueError(f"unknown language {code!r}; expected one of {', '.join(_TRANSLATION_CODES)}")
            if not value.strip():
                raise ValueError(f"empty {code} translation")
        return self

    def translations(self) -> dict[str, str]:
        return dict(self.__pydantic_extra__ or {})

    def has(self, lang: Lang | str) -> bool:
        return Lang(lang) is AUTHORING_LANGUAGE or Lang(lang).value in (self.__pydantic_extra__ or {})

    def get(self, lang: Lang | str) -> str:
        """The text in ``lang``, or in English where it has no translation yet."""
        return (self.__pydantic_extra__ or {}).get(Lang(lang).value, self.en)


_TRANSLATION_CODES = tuple(lang.value for lang in LANGUAGES if lang is not AUTHORING_LANGUAGE)


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


class AnsweredAs(Model):
    """An answer that shows a task is already done: the question answered with one of these choices."""

    question: Id
    choices: tuple[Id, ...] = Field(min_length=1)


DONE_IF_ANSWERED = Field(
    default=(),
    description="Printed as done, not planned again, when the assessment answers every one of these so.",
)
