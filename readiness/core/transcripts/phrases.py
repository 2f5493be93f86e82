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
from readiness.core.transcripts.folding import folded


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
    switches (a named group per reason) and one for resolutions."""

    switch: re.Pattern[str] | None
    resolution: re.Pattern[str] | None

    @classmethod
    def of(cls, files: Iterable[TranscriptPhrases]) -> PhraseMatcher:
        files = list(files)
        groups = [
            f"(?P<{reason.value}>{alternatives})"
            for reason in SwitchReason
            if (alternatives := _alternatives(p for f in files for ps in f.switch.get(reason, {}).values() for p in ps))
        ]
        resolution = _alternatives(p for f in files for ps in f.resolution.values() for p in ps)
        return cls(re.compile("|".join(groups)) if groups else None, re.compile(resolution) if resolution else None)

    def switch_reasons(self, folded_text: str) -> set[SwitchReason]:
        """Every reason a phrase of which the text holds: "call us or email us" is both."""
        if self.switch is None:
            return set()
        return {SwitchReason(match.lastgroup) for match in self.switch.finditer(folded_text) if match.lastgroup}

    def resolves(self, folded_text: str) -> bool:
        return self.resolution is not None and self.resolution.search(folded_text) is not None


def _alternatives(phrases: Iterable[str]) -> str:
    """The phrases folded, longest first, as one regular-expression alternation ("" for none)."""
    return "|".join(map(re.escape, sorted({folded(p) for p in phrases}, key=len, reverse=True)))
