"""Sources as the plan prints them: with their kind, and the year of figures old enough to be historic."""

from __future__ import annotations

from collections.abc import Iterable

from readiness.core.catalog import ChannelNote, Source
from readiness.core.lang import Lang
from readiness.core.plan.model import SourceRef


def source_refs(sources: Iterable[Source]) -> tuple[SourceRef, ...]:
    return tuple(
        SourceRef(s.title, s.url, s.as_of, s.kind.value, s.published if s.historic else None, s.language)
        for s in sources
    )


def printed_notes(notes: Iterable[ChannelNote], chosen: Iterable[str]) -> tuple[ChannelNote, ...]:
    """The channel notes worth printing: those about a chosen channel."""
    wanted = set(chosen)
    return tuple(note for note in notes if wanted & set(note.channels))


def note_texts(notes: Iterable[ChannelNote], lang: Lang) -> tuple[str, ...]:
    return tuple(note.text.get(lang) for note in notes)


def with_note_sources(sources: Iterable[Source], notes: Iterable[ChannelNote]) -> tuple[SourceRef, ...]:
    """An entry's own sources, then those of the notes printed with it, each once."""
    every = [*sources, *(s for note in notes for s in note.sources)]
    return source_refs(dict.fromkeys(every))
