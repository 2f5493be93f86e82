"""The UI's own words in English and Spanish; content text comes from the YAML files."""

from __future__ import annotations

from collections.abc import Mapping

from readiness.core.text import Lang, Wording, worded


class Texts:
    """A table of ``key: (english, spanish)``; ``texts(key, lang, **params)`` gives one.

    A text with a number in it gives (singular, plural) forms for each language, chosen by ``count``.
    """

    def __init__(self, table: Mapping[str, tuple[Wording, Wording]]) -> None:
        self._table = dict(table)

    def __call__(self, key: str, lang: Lang, **params: object) -> str:
        english, spanish = self._table[key]
        return worded(spanish if lang is Lang.ES else english, lang, params)

    def keys(self) -> frozenset[str]:
        return frozenset(self._table)

    def pairs(self) -> dict[str, tuple[Wording, Wording]]:
        return dict(self._table)
