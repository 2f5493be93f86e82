"""The languages Readiness speaks, with nothing else loaded: the window needs them before any content model."""

from __future__ import annotations

from enum import StrEnum


class Lang(StrEnum):
    """The languages Readiness speaks: adding one is a line here and a folder of catalogs in ``locale/``."""

    EN = "en"
    ES = "es"
    PT_BR = "pt-BR"


LANGUAGES: tuple[Lang, ...] = tuple(Lang)
AUTHORING_LANGUAGE = Lang.EN
"""The language every content text is written in first; the others may be missing and fall back to it."""

LANGUAGE_TAG = r"^[a-z]{2,3}(-[A-Z]{2})?$"


def babel_locale(lang: Lang | str) -> str:
    """The Babel (CLDR) locale of a language: 'pt-BR' is 'pt_BR'."""
    return str(Lang(lang).value).replace("-", "_")
