"""Load a content folder: questionnaires and catalogs, validated and cross-checked."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from readiness.core.assessment import Assessment
from readiness.core.catalog import (
    Catalog,
    Channel,
    ChannelNote,
    ChecklistItem,
    GapType,
    Kpi,
    MarketNote,
    PromotionAction,
    RegionGroup,
    Regulation,
    Surface,
)
from readiness.core.placeholders import uses_link
from readiness.core.problems import Problem, ReadinessError
from readiness.core.questionnaire import Questionnaire
from readiness.core.safeyaml import YamlDocument, load_yaml_file
from readiness.core.text import AnsweredAs, LocalText, Role
from readiness.core.transcripts.phrases import TranscriptPhrases
from readiness.core.validation import validate_document

SAMPLES_FOLDER = "samples"
PHRASES_KIND = "transcript-phrases"


_SECTIONS = (
    "region_groups",
    "channels",
    "gap_types",
    "surfaces",
    "promotion_actions",
    "kpis",
    "regulations",
    "market_notes",
)


@dataclass
class Catalogs:
    """Every catalog entry of a content folder, indexed by id."""

    region_groups: dict[str, RegionGroup] = field(default_factory=dict)
    channels: dict[str, Channel] = field(default_factory=dict)
    gap_types: dict[str, GapType] = field(default_factory=dict)
    surfaces: dict[str, Surface] = field(default_factory=dict)
    promotion_actions: dict[str, PromotionAction] = field(default_factory=dict)
    kpis: dict[str, Kpi] = field(default_factory=dict)
    regulations: dict[str, Regulation] = field(default_factory=dict)
    market_notes: dict[str, MarketNote] = field(default_factory=dict)
    roles: dict[Role, LocalText] = field(default_factory=dict)

    def add(self, catalog: Catalog, name: str) -> list[Problem]:
        problems: list[Problem] = []
        for section in _SECTIONS:
            index: dict[str, object] = getattr(self, section)
            for entry in getattr(catalog, section):
                if entry.id in index:
                    problems.append(Problem(name, f"{section}: id {entry.id!r} is defined twice"))
                index[entry.id] = entry
        self.roles.update(catalog.roles)
        return problems

    def overlay(self, other: Catalogs) -> None:
        for section in _SECTIONS:
            getattr(self, section).update(getattr(other, section))
        self.roles.update(other.roles)

    def countries_of(self, code: str) -> frozenset[str]:
        group = self.region_groups.get(code)
        return frozenset(group.countries) if group else frozenset({code})

    def expand(self, codes: Iterable[str]) -> frozenset[str]:
        return frozenset().union(*(self.countries_of(c) for c in codes))


@dataclass
class Content:
    questionnaires: dict[tuple[str, str], Questionnaire] = field(default_factory=dict)
    catalogs: Catalogs = field(default_factory=Catalogs)
    transcript_phrases: list[TranscriptPhrases] = field(default_factory=list)
    """Every folder's phrase files: their phrases add up, a later folder's to an earlier one's."""

    def questionnaire(self, questionnaire_id: str, version: str | None = None) -> Questionnaire | None:
        matches = [q for (qid, _), q in self.questionnaires.items() if qid == questionnaire_id]
        if version is not None:
            return self.questionnaires.get((questionnaire_id, version))
        return max(matches, key=lambda q: _version_key(q.version), default=None)

    def overlay(self, other: Content) -> None:
        self.questionnaires.update(other.questionnaires)
        self.catalogs.overlay(other.catalogs)
        self.transcript_phrases.extend(other.transcript_phrases)

    def assessment_questionnaire(self, assessment: Assessment) -> Questionnaire:
        """The exact questionnaire an assessment was answered with."""
        found = self.questionnaire(assessment.questionnaire_id, assessment.questionnaire_version)
        if found is None:
            wanted = f"{assessment.questionnaire_id} {assessment.questionnaire_version}"
            raise ReadinessError.single(wanted, "this questionnaire is not installed")
        return found

    def default_questionnaire(self) -> Questionnaire:
        found = self.questionnaire(DEFAULT_QUESTIONNAIRE)
        if found is None:
            raise ReadinessError.single(DEFAULT_QUESTIONNAIRE, "the default questionnaire is not installed")
        return found


DEFAULT_QUESTIONNAIRE = "readiness-core"


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split("."))


def content_files(folder: Path) -> Iterator[Path]:
    """Questionnaire and catalog files: every YAML file except the samples."""
    for path in sorted(folder.rglob("*.yaml")):
        if SAMPLES_FOLDER not in path.relative_to(folder).parts[:-1]:
            yield path


def load_content(*folders: Path) -> Content:
    """Load the content folders in order; a later folder's entries replace earlier ones with the same id.

    Raises one ReadinessError listing every problem of every file.
    """
    content = Content()
    problems: list[Problem] = []
    for folder in folders:
        layer = Content()
        for path in content_files(folder):
            try:
                _add_file(layer, path, problems)
            except ReadinessError as error:
                problems.extend(error.problems)
        content.overlay(layer)
    if not problems:  # references into a file that failed would only repeat its problems
        name = ", ".join(str(f) for f in folders)
        problems.extend(check_catalog_references(content.catalogs, name))
        problems.extend(_check_action_channels(content, name))
        problems.extend(check_answer_references(content, name))
        problems.extend(_check_same_work(content, name))
    if problems:
        raise ReadinessError(problems)
    return content


def _add_file(content: Content, path: Path, problems: list[Problem]) -> None:
    document = load_yaml_file(path)
    kind = document.data.get("kind") if isinstance(document.data, dict) else None
    if kind == "questionnaire":
        questionnaire = validate_document(Questionnaire, document, str(path))
        key = (questionnaire.id, questionnaire.version)
        if key in content.questionnaires:
            problems.append(Problem(str(path), f"questionnaire {key[0]} {key[1]} is defined twice", 1))
        content.questionnaires[key] = questionnaire
    elif kind == "catalog":
        problems.extend(content.catalogs.add(validate_document(Catalog, document, str(path)), str(path)))
    elif kind == PHRASES_KIND:
        content.transcript_phrases.append(validate_document(TranscriptPhrases, document, str(path)))
    else:
        raise ReadinessError.single(path, _kind_problem(document), 1, ("kind",))


def _kind_problem(document: YamlDocument) -> str:
    if not isinstance(document.data, dict):
        return "not a Readiness content file (expected a mapping with 'kind')"
    return f"expected kind 'questionnaire', 'catalog' or '{PHRASES_KIND}'"


def check_catalog_references(catalogs: Catalogs, name: str) -> list[Problem]:
    """Every id a catalog entry mentions must exist somewhere in the catalogs."""
    channel_ids = set(catalogs.channels) | {"all"}
    problems = []
    for channel in catalogs.channels.values():
        problems += _unknown(name, f"channel {channel.id}: closes_gaps", channel.closes_gaps, catalogs.gap_types)
        problems += _unknown_regions(
            name,
            f"channel {channel.id}",
            (*channel.strong_in, *channel.strong_in_b2b, *channel.not_suited_in),
            catalogs,
        )
        for item in (*channel.blockers, *channel.day_one):
            problems += _unknown_regions(name, f"channel {channel.id}: {item.id}", item.countries, catalogs)
        problems += _check_sequence(channel.id, channel.blockers, name)
    for action in catalogs.promotion_actions.values():
        problems += _unknown(name, f"promotion action {action.id}: surface", (action.surface,), catalogs.surfaces)
        problems += _unknown(name, f"promotion action {action.id}: channels", action.channels, channel_ids)
        problems += _unknown_regions(name, f"promotion action {action.id}", action.countries, catalogs)
        problems += _unknown(name, f"promotion action {action.id}: only_if_using", action.only_if_using, channel_ids)
    for kpi in catalogs.kpis.values():
        problems += _unknown(name, f"kpi {kpi.id}: channels", kpi.channels, channel_ids)
        problems += _unknown_in_notes(name, f"kpi {kpi.id}", kpi.channel_notes, channel_ids)
    for gap_type in catalogs.gap_types.values():
        problems += _unknown_in_notes(name, f"gap type {gap_type.id}", gap_type.channel_notes, channel_ids)
    for regulation in catalogs.regulations.values():
        where = f"regulation {regulation.id}"
        problems += _unknown(name, f"{where}: channels", regulation.channels, channel_ids)
        problems += _unknown_regions(name, where, regulation.applies_in, catalogs)
        for item in regulation.checklist:
            problems += _unknown_regions(name, f"{where}: {item.id}", item.countries, catalogs)
            problems += _unknown(name, f"{where}: {item.id}: channels", item.channels, channel_ids)
    return problems + check_links(catalogs, name)


def _check_sequence(channel: str, blockers: Iterable[ChecklistItem], name: str) -> list[Problem]:
    """``after`` names blockers of the same channel, and no blocker waits for itself through others."""
    waits = {b.id: set(b.after) for b in blockers}
    problems = [p for b, after in waits.items() for p in _unknown(name, f"channel {channel}: {b}: after", after, waits)]
    for start in waits:
        seen, todo = set(), list(waits[start])
        while todo:
            current = todo.pop()
            if current == start:
                problems.append(Problem(name, f"channel {channel}: {start}: after: waits for itself"))
                break
            if current not in seen:
                seen.add(current)
                todo += waits.get(current, ())
    return problems


def _unknown_in_notes(name: str, where: str, notes: Iterable[ChannelNote], known: Iterable[str]) -> list[Problem]:
    return [p for note in notes for p in _unknown(name, f"{where}: channel_notes", note.channels, known)]


def _check_action_channels(content: Content, name: str) -> list[Problem]:
    known = set(content.catalogs.channels)
    return [
        problem
        for questionnaire in content.questionnaires.values()
        for action in questionnaire.actions
        for problem in _unknown(
            name, f"questionnaire {questionnaire.id}: action {action.id}: channels", action.channels, known
        )
    ]


def check_answer_references(content: Content, name: str) -> list[Problem]:
    """Every ``done_if_answered`` and ``applies_if`` names a question of a loaded questionnaire and choices that
    question offers."""
    offered: dict[str, set[str]] = {}
    for questionnaire in content.questionnaires.values():
        for question in questionnaire.questions:
            offered.setdefault(question.id, set()).update(choice.id for choice in question.choices)
    catalogs = content.catalogs
    done_if = "done_if_answered"
    holders: list[tuple[str, tuple[AnsweredAs, ...]]] = [
        (f"promotion action {a.id}: {done_if}", a.done_if_answered) for a in catalogs.promotion_actions.values()
    ]
    for channel in catalogs.channels.values():
        holders += [
            (f"channel {channel.id}: {i.id}: {done_if}", i.done_if_answered)
            for i in (*channel.blockers, *channel.day_one)
        ]
    for regulation in catalogs.regulations.values():
        holders.append((f"regulation {regulation.id}: applies_if", regulation.applies_if))
        holders += [
            (f"regulation {regulation.id}: {i.id}: {done_if}", i.done_if_answered) for i in regulation.checklist
        ]
    for questionnaire in content.questionnaires.values():
        holders += [
            (f"questionnaire {questionnaire.id}: action {a.id}: {done_if}", a.done_if_answered)
            for a in questionnaire.actions
        ]
    problems = []
    for where, conditions in holders:
        for condition in conditions:
            if condition.question not in offered:
                problems.append(Problem(name, f"{where}: unknown question {condition.question!r}"))
                continue
            problems += _unknown(name, f"{where}: {condition.question}", condition.choices, offered[condition.question])
    return problems


def _check_same_work(content: Content, name: str) -> list[Problem]:
    """``skip_if_planned`` names catalog items (in an action), or actions and catalog items (in a promotion action)
    that do not in turn skip for it, so one of the two always stays."""
    actions = {a.id for q in content.questionnaires.values() for a in q.actions}
    catalogs = content.catalogs
    promotion = catalogs.promotion_actions
    items = {
        *promotion,
        *(i.id for c in catalogs.channels.values() for i in (*c.blockers, *c.day_one)),
        *(i.id for r in catalogs.regulations.values() for i in r.checklist),
    }
    problems = []
    for item in promotion.values():
        where = f"promotion action {item.id}: skip_if_planned"
        problems += _unknown(name, where, item.skip_if_planned, actions | items)
        problems += [
            Problem(name, f"{where}: {other} skips for it in turn, so neither would be planned")
            for other in item.skip_if_planned
            if other in promotion and item.id in promotion[other].skip_if_planned
        ]
    for questionnaire in content.questionnaires.values():
        for action in questionnaire.actions:
            where = f"questionnaire {questionnaire.id}: action {action.id}: skip_if_planned"
            problems += _unknown(name, where, action.skip_if_planned, items)
    return problems


def check_links(catalogs: Catalogs, name: str) -> list[Problem]:
    """A promotion action that prints ``{link}`` only for channels that have a link format."""
    problems = []
    for action in catalogs.promotion_actions.values():
        if action.per_channel and uses_link(action.title, action.detail):
            linkless = [c for c in action.channels if c in catalogs.channels and catalogs.channels[c].link is None]
            where = f"promotion action {action.id}"
            problems += [Problem(name, f"{where}: uses {{link}}, but channel {c!r} has no link") for c in linkless]
    return problems


def _unknown(name: str, where: str, ids: Iterable[str], known: Iterable[str]) -> list[Problem]:
    missing = sorted(set(ids) - set(known))
    return [Problem(name, f"{where}: unknown id {m!r}") for m in missing]


def _unknown_regions(name: str, where: str, codes: Iterable[str], catalogs: Catalogs) -> list[Problem]:
    bad = [c for c in codes if c not in catalogs.region_groups and not (len(c) == 2 and c.isalpha() and c.isupper())]
    return [Problem(name, f"{where}: {c!r} is neither a country code nor a region group") for c in bad]
