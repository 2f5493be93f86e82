"""Regulation checklists for the markets served and the channels chosen.

Each regulation applies where its markets are served and one of its channels is chosen (a sector law,
such as HIPAA, only when the answers show the business handles the data it protects). The
fallback entry stands for the served markets no regulation covers: it names only those markets,
with the laws to check in each and where to read about them.
"""

from __future__ import annotations

from collections.abc import Iterable

from readiness.core.catalog import Regulation
from readiness.core.plan.model import ComplianceChecklist, MarketToCheck, Task, TaskKind
from readiness.core.plan.sources import source_refs
from readiness.core.plan.tasks import TaskContext


def compliance_checklists(context: TaskContext) -> tuple[ComplianceChecklist, ...]:
    """The regulations for the markets served and the chosen channels (bot rules only when a bot answers)."""
    chosen = context.facts.chosen
    unresearched = unresearched_markets(context)
    checklists = []
    for regulation in context.catalogs.regulations.values():
        if regulation.only_with_bot and not context.facts.bot_answers:
            continue
        if not context.answers_meet(regulation.applies_if):
            continue
        if not any(regulation.concerns(c) for c in chosen):
            continue
        if regulation.fallback:
            if unresearched:
                checklists.append(_checklist(regulation, context, _markets(unresearched, context)))
        elif context.serves(regulation.applies_in):
            checklists.append(_checklist(regulation, context, ()))
    return tuple(checklists)


def unresearched_markets(context: TaskContext) -> tuple[str, ...]:
    """Served markets (and the home country) that no general regulation covers: a sector law does not count."""
    covered = context.catalogs.expand(
        code for r in context.catalogs.regulations.values() if not (r.fallback or r.applies_if) for code in r.applies_in
    )
    return tuple(sorted(context.countries - covered))


def _markets(countries: Iterable[str], context: TaskContext) -> tuple[MarketToCheck, ...]:
    notes = context.catalogs.market_notes
    lang = context.lang
    return tuple(
        MarketToCheck(
            country=code,
            name=notes[code].name.get(lang) if code in notes else code,
            laws=notes[code].laws.get(lang) if code in notes else "",
            sources=source_refs(notes[code].sources) if code in notes else (),
        )
        for code in countries
    )


def _checklist(regulation: Regulation, context: TaskContext, markets: tuple[MarketToCheck, ...]) -> ComplianceChecklist:
    lang = context.lang
    concerns = tuple(c for c in context.facts.chosen if regulation.concerns(c))
    return ComplianceChecklist(
        regulation=regulation.id,
        name=regulation.name.get(lang),
        jurisdiction=regulation.jurisdiction.get(lang),
        summary=context.text(regulation.summary, concerns=concerns),
        penalties=regulation.penalties.get(lang) if regulation.penalties else "",
        tasks=_tasks(regulation, concerns, context),
        sources=() if regulation.fallback else source_refs(regulation.sources),
        as_of=regulation.as_of,
        markets=markets,
    )


def _tasks(regulation: Regulation, concerns: tuple[str, ...], context: TaskContext) -> tuple[Task, ...]:
    tasks = []
    for item in regulation.checklist:
        if not context.applies(item, regulation.applies_in) or (
            item.channels and not set(item.channels) & set(concerns)
        ):
            continue
        narrowed = tuple(c for c in concerns if c in item.channels) if item.channels else concerns
        tasks.append(context.checklist_task(TaskKind.COMPLIANCE, item, item.id, concerns=narrowed))
    return tuple(sorted(tasks, key=lambda t: (t.start or t.due, t.id)))
