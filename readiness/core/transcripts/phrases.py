"""The words that mark a channel switch or a resolution in a chat, per language: content, so consultants add theirs.

A content file of ``kind: transcript-phrases`` (questionnaires/transcripts/phrases.yaml ships; a folder given with
``--content`` adds its own); every file's phrases are added together, and matched folded (``folding``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from readiness.core.text import LangCode, Model
from readiness.core.transcripts.folding import folded, words


class SwitchReason(StrEnum):
    CALL = "call"
    EMAIL = "email"
    FORM = "form"
    VISIT = "visit"
    OTHER_CHANNEL = "other_channel"


Phrase = Annotated[str, StringConstraints(min_length=3, max_length=120)]
PhrasesByLanguage = dict[LangCode, tuple[Phrase, ...]]


class TranscriptPhrases(Model):
    kind: Literal["transcript-phrases"]
    switch: dict[SwitchReason, PhrasesByLanguage] = Field(default_factory=dict)
    """What a business's message says when it sends the customer elsewhere, by reason."""
    resolution: PhrasesByLanguage = Field(default_factory=dict)
    """What a customer's message says when the problem is solved."""


@dataclass(frozen=True)
class PhraseMatcher:
    """Every phrase of every language of the files given, compiled for matching folded text: one pattern for the
    switches (a named group per reason) and one for resolutions.

    A long alternation costs several microseconds a message even where nothing matches, so each pattern runs only
    on texts that hold the longest word of one of its phrases (a set lookup per word).
    """

    switch: re.Pattern[str] | None
    resolution: re.Pattern[str] | None
    switch_words: frozenset[str]
    resolution_words: frozenset[str]

    @classmethod
    def of(cls, files: Iterable[TranscriptPhrases]) -> PhraseMatcher:
        files = list(files)
        switches = {
            reason: {folded(p) for f in files for ps in f.switch.get(reason, {}).values() for p in ps}
            for reason in SwitchReason
        }
        resolutions = {folded(p) for f in files for ps in f.resolution.values() for p in ps}
        groups = [f"(?P<{reason.value}>{_alternatives(found)})" for reason, found in switches.items() if found]
        return cls(
            re.compile("|".join(groups)) if groups else None,
            re.compile(_alternatives(resolutions)) if resolutions else None,
            _key_words(p for found in switches.values() for p in found),
            _key_words(resolutions),
        )

    def switch_reasons(self, folded_text: str) -> set[SwitchReason]:
        """Every reason a phrase of which the text holds: "call us or email us" is both."""
        if self.switch is None or self.switch_words.isdisjoint(words(folded_text)):
            return set()
        return {SwitchReason(match.lastgroup) for match in self.switch.finditer(folded_text) if match.lastgroup}

    def resolves(self, folded_text: str) -> bool:
        if self.resolution is None or self.resolution_words.isdisjoint(words(folded_text)):
            return False
        return self.resolution.search(folded_text) is not None


def _key_words(phrases: Iterable[str]) -> frozenset[str]:
    """The longest word of each phrase, as ``words`` splits it: a phrase is only where its longest word is, and
    long words are rare ("a traves de la app" is looked for where "traves" is, not wherever "a" is)."""
    return frozenset(max(found, key=len) for p in phrases if (found := words(p)))


def _alternatives(phrases: Iterable[str]) -> str:
    """The phrases, longest first, as one regular-expression alternation."""
    return "|".join(map(re.escape, sorted(phrases, key=len, reverse=True)))
