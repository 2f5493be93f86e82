"""Placeholders in content text, filled with the assessment's own facts when the plan is built.

Copy the plan asks a client to publish (website text, inserts, auto-replies) must carry the
client's own hours, promise and channels, never an example. Content writes ``{hours}`` or
``{channel}`` instead, and each kind of text may use only the placeholders its context can fill:
``{channel}`` and ``{link}`` exist only in an item made for one channel.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from enum import StrEnum

from readiness.core.lang import LANGUAGES, Lang
from readiness.core.text import LocalText

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_BOT_CLAUSE = re.compile(r"\{\?bot:((?:[^{}]|\{[a-z_]+\})*)\}")
"""``{?bot:…}``: words printed only when a bot answers customers ("…, and the bot notice"), so a plan for a team
without one never reads "if a bot answers". The clause may hold placeholders."""


class Placeholder(StrEnum):
    ORGANISATION = "organisation"
    """The business's name."""
    HOURS = "hours"
    """The hours a person answers the chosen channels."""
    PROMISE = "promise"
    """The reply-time promise."""
    CHANNELS = "channels"
    """The chosen channels the item concerns, by the names customers know."""
    CHANNEL = "channel"
    """The one channel the item is for."""
    LINK = "link"
    """That channel's own link format."""


ANY_ITEM = frozenset({Placeholder.ORGANISATION, Placeholder.HOURS, Placeholder.PROMISE, Placeholder.CHANNELS})
"""What an item meant for every chosen channel may use."""
ONE_CHANNEL = ANY_ITEM | {Placeholder.CHANNEL, Placeholder.LINK}
"""What an item repeated for each chosen channel may use."""
NONE: frozenset[Placeholder] = frozenset()
"""Reference text (benchmarks, definitions) is printed as written."""


def placeholders_in(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


def unknown_placeholders(text: str, allowed: frozenset[Placeholder]) -> list[str]:
    """The placeholders of ``text`` that its context cannot fill, in order of appearance."""
    return [name for name in dict.fromkeys(_PLACEHOLDER.findall(text)) if name not in allowed]


def require_fillable(texts: Iterable[LocalText | None], allowed: frozenset[Placeholder]) -> None:
    """Raise ValueError naming the first placeholder these texts may not use, or a clause that is not a whole
    ``{?bot:…}`` (a model validator's check)."""
    for text in texts:
        for lang in LANGUAGES:
            if text is not None and "{?" in _BOT_CLAUSE.sub("", text.get(lang)):
                raise ValueError(f"an unclosed or unknown {{?…}} clause ({lang}); the one clause is {{?bot:…}}")
            unknown = unknown_placeholders(text.get(lang), allowed) if text is not None else []
            if unknown:
                names = sorted(p.value for p in allowed)
                usable = ", ".join(f"{{{n}}}" for n in names) if names else "none"
                raise ValueError(f"{{{unknown[0]}}} cannot be filled here ({lang}); usable placeholders: {usable}")


def for_bot(text: str, bot: bool) -> str:
    """``text`` with each ``{?bot:…}`` clause kept, without its marks, when a bot answers customers, else left out."""
    return _BOT_CLAUSE.sub(lambda match: match.group(1) if bot else "", text)


def uses_link(*texts: LocalText | None) -> bool:
    return any(Placeholder.LINK in placeholders_in(t.get(lang)) for t in texts if t for lang in LANGUAGES)


_MARK = "\x00"
"""Put before each filled-in value while contracting, so only a preposition that meets a value contracts."""

CONTRACTIONS: dict[Lang, dict[tuple[str, str], str]] = {
    Lang.ES: {("de", "el"): "del", ("a", "el"): "al"},
    Lang.PT_BR: {
        **{("de", article): "d" + article for article in ("o", "a", "os", "as")},
        **{("em", article): "n" + article for article in ("o", "a", "os", "as")},
        **{("por", article): "pel" + article for article in ("o", "a", "os", "as")},
        ("a", "o"): "ao",
        ("a", "os"): "aos",
        ("a", "a"): "à",
        ("a", "as"): "às",
    },
}
"""A filled-in name may start with an article ("el chat de nuestra web", "o chat do site"): a preposition
before it then contracts with it as the language requires ("de el" is "del", "em o" is "no")."""

_CONTRACTION = re.compile(r"\b(\w+) \x00(\w+)\b")


def fill(text: str, values: Mapping[Placeholder, str], lang: Lang) -> str:
    """``text`` with each placeholder replaced; content checks guarantee every one has a value."""
    filled = _PLACEHOLDER.sub(lambda match: _filled(match, values), text)
    rules = CONTRACTIONS.get(lang, {})
    return _CONTRACTION.sub(lambda match: _contracted(match, rules), filled).replace(_MARK, "")


def _filled(match: re.Match[str], values: Mapping[Placeholder, str]) -> str:
    """The value after its mark; a value ending in a full stop ("Co., Ltd.") swallows the sentence's own one."""
    value = values[Placeholder(match.group(1))]
    text = match.string
    if value.endswith(".") and text.startswith(".", match.end()):
        value = value[:-1]
    return _MARK + value


def _contracted(match: re.Match[str], rules: dict[tuple[str, str], str]) -> str:
    preposition, article = match.group(1), match.group(2)
    joined = rules.get((preposition.lower(), article))
    if joined is None:
        return match.group(0)
    return joined[0].upper() + joined[1:] if preposition[0].isupper() else joined
