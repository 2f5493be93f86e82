"""Content written so that a plan can only name the channels a client chose.

Each text is checked in the context it is printed in: an item repeated for each chosen channel
may name only that channel, an item for every channel names none (it writes ``{channels}``), and
reference text (benchmarks, definitions, regulations, and the titles of the sources printed with
them) names a channel only in a note kept for that channel. The plan-level property test (tests/core/test_plan_truth.py) then checks whole plans.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest

from readiness.core.catalog import Channel, ChannelNote
from readiness.core.content import Content, load_content
from readiness.core.lang import LANGUAGES
from readiness.core.mentions import foreign_mentions
from readiness.core.text import LocalText
from readiness.resources import questionnaires

Checked = tuple[str, LocalText | None, frozenset[str]]
"""Where a text is, the text, and the channels it may name."""


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(questionnaires())


def _each_channel(channels: Iterable[str], base: Iterable[str] = ()) -> Iterator[frozenset[str]]:
    """An item repeated per channel is printed for one channel at a time: check each alone."""
    listed = [frozenset({c}) for c in channels if c != "all"]
    for own in listed or [frozenset()]:
        yield frozenset(base) | own


def _checked_texts(content: Content) -> Iterator[Checked]:
    catalogs = content.catalogs
    for action in catalogs.promotion_actions.values():
        for allowed in _each_channel(action.channels, action.only_if_using):
            yield f"promotion action {action.id}", action.title, allowed
            yield f"promotion action {action.id}", action.detail, allowed
    for channel in catalogs.channels.values():
        own = frozenset({channel.id})
        facts = (channel.initiation, channel.service_window, channel.opt_in, channel.opt_out, channel.pricing)
        for text in (*facts, *channel.onboarding, *channel.entry_points, *channel.use_cases, channel.replacement):
            yield f"channel {channel.id}", text, own
        for rate in channel.rates:
            yield f"channel {channel.id}: rates", rate.text, own
        for item in (*channel.blockers, *channel.day_one):
            yield f"channel {channel.id}: {item.id}", item.title, own
            yield f"channel {channel.id}: {item.id}", item.detail, own
    for regulation in catalogs.regulations.values():
        for allowed in _each_channel(regulation.channels):
            for text in (regulation.name, regulation.jurisdiction, regulation.summary, regulation.penalties):
                yield f"regulation {regulation.id}", text, allowed
            for source in regulation.sources:
                yield f"regulation {regulation.id}: source", LocalText(en=source.title, es=source.title), allowed
        for item in regulation.checklist:
            for allowed in _each_channel(item.channels or regulation.channels):
                yield f"regulation {regulation.id}: {item.id}", item.title, allowed
                yield f"regulation {regulation.id}: {item.id}", item.detail, allowed
    for kpi in catalogs.kpis.values():
        for allowed in _each_channel(kpi.channels):
            for text in (kpi.name, kpi.definition, kpi.formula, kpi.benchmark, kpi.data_source):
                yield f"kpi {kpi.id}", text, allowed
            for source in kpi.sources:  # printed under the KPI: a title names a channel only in a note's sources
                yield f"kpi {kpi.id}: source", LocalText(en=source.title, es=source.title), allowed
        yield from _notes(f"kpi {kpi.id}", kpi.channel_notes)
    for gap_type in catalogs.gap_types.values():
        for text in (gap_type.name, gap_type.benchmark.text, *gap_type.closing_actions):
            yield f"gap type {gap_type.id}", text, frozenset()
        yield from _notes(f"gap type {gap_type.id}", gap_type.channel_notes)
    for surface in catalogs.surfaces.values():
        yield f"surface {surface.id}", surface.name, frozenset()
    for questionnaire in content.questionnaires.values():
        for definition in questionnaire.actions:
            for allowed in _each_channel(definition.channels):
                yield f"questionnaire action {definition.id}", definition.title, allowed
                yield f"questionnaire action {definition.id}", definition.detail, allowed
        for step, dimension in (*questionnaire.steps.items(), *questionnaire.reasons.items()):
            yield f"questionnaire {step}", dimension.description, frozenset()
        for band in questionnaire.bands:
            yield f"questionnaire band {band.id}", band.description, frozenset()


def _notes(where: str, notes: Iterable[ChannelNote]) -> Iterator[Checked]:
    for note in notes:
        for allowed in _each_channel(note.channels):
            yield f"{where}: channel note", note.text, allowed
            for source in note.sources:
                yield f"{where}: channel note source", LocalText(en=source.title, es=source.title), allowed


def test_no_text_names_a_channel_it_is_not_printed_for(content: Content) -> None:
    channels: dict[str, Channel] = content.catalogs.channels
    problems = []
    for where, text, allowed in _checked_texts(content):
        if text is None:
            continue
        for lang in LANGUAGES:
            found = foreign_mentions(text.get(lang), allowed, channels)
            if found:
                problems.append(f"{where} ({lang}) names {', '.join(found)}; may name only {sorted(allowed) or 'none'}")
    assert not problems, "\n".join(problems)


def test_every_messaging_channel_lists_the_words_that_name_it(content: Content) -> None:
    """Email names no channel: it is every business's own channel and a promotion surface besides."""
    messaging = [c for c in content.catalogs.channels.values() if c.recommendable and c.id != "email"]
    assert len(messaging) >= 13
    for channel in messaging:
        assert channel.mentions, channel.id
        assert channel.short_name is not None, channel.id
    for channel in content.catalogs.channels.values():
        if channel.link is not None:
            assert any(word.lower() in channel.link.en.lower() for word in channel.mentions), channel.id
