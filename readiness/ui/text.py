"""The UI's own words in English and Spanish; content text comes from the YAML files."""

from __future__ import annotations

from collections.abc import Mapping

from readiness.core.text import Lang


class Texts:
    """A table of ``key: (english, spanish)``; ``texts(key, lang, **params)`` gives one."""

    def __init__(self, table: Mapping[str, tuple[str, str]]) -> None:
        self._table = dict(table)

    def __call__(self, key: str, lang: Lang, **params: object) -> str:
        english, spanish = self._table[key]
        text = spanish if lang is Lang.ES else english
        return text.format(**params) if params else text

    def keys(self) -> frozenset[str]:
        return frozenset(self._table)

    def pairs(self) -> dict[str, tuple[str, str]]:
        return dict(self._table)
