"""Which channels a text names, from the words each channel lists under ``mentions``.

A plan must not tell a client to promote a channel it did not choose: every text
outside the channel ranking may name only the chosen channels and those already
in use. Brand words are matched case-sensitively ("LINE" is not "line"); a
lower-case word (a link host, "chat widget") matches in any case. A word several
channels share ("WhatsApp") is fine when any of them is allowed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache

from readiness.core.catalog import Channel


def foreign_mentions(text: str, allowed: Iterable[str], channels: Mapping[str, Channel]) -> list[str]:
    """The words in ``text`` that name only channels outside ``allowed``, in order of appearance."""
    allowed_ids = set(allowed)
    owners = _owners(channels)
    found = []
    for word, pattern in _patterns(tuple(owners)):
        if not owners[word] & allowed_ids and pattern.search(text):
            found.append(word)
    return found


def _owners(channels: Mapping[str, Channel]) -> dict[str, set[str]]:
    owners: dict[str, set[str]] = {}
    for channel in channels.values():
        for word in channel.mentions:
            owners.setdefault(word, set()).add(channel.id)
    return owners


@cache
def _patterns(words: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((word, _pattern(word)) for word in words)


def _pattern(word: str) -> re.Pattern[str]:
    flags = re.IGNORECASE if word == word.lower() else 0
    return re.compile(rf"(?<![\w.]){re.escape(word)}(?![\w])", flags)
