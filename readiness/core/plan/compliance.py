"""Regulation checklists for the markets served and the channels chosen."""

from __future__ import annotations

from readiness.core.catalog import Regulation
from readiness.core.plan.model import ComplianceChecklist, SourceRef, Task, TaskKind
from readiness.core.plan.tasks import TaskContext
from readiness.core.text import Step


def compliance_checklists(
    chosen: tuple[str, ...], bot_enabled: bool, context: TaskContext
) -> tuple[ComplianceChecklist, ...]:
    """The regulations for the markets served and the chosen channels (bot rules only when a bot answers)."""
    lang = context.lang
    checklists = []
    for regulation in context.catalogs.regulations.values():
        if regulation.only_with_bot and not bot_enabled:
            continue
        if not (context.serves(regulation.applies_in) and any(regulation.concerns(c) for c in chosen)):
            continue
        checklists.append(
            ComplianceChecklist(
                regulation=regulation.id,
                name=regulation.name.get(lang),
                jurisdiction=regulation.jurisdiction.get(lang),
                summary=regulation.summary.get(lang),
                penalties=regulation.penalties.get(lang) if regulation.penalties else "",
                tasks=_tasks(regulation, context),
                sources=tuple(SourceRef(s.title, s.url, s.as_of) for s in regulation.sources),
            )
        )
    return tuple(checklists)


def _tasks(regulation: Regulation, context: TaskContext) -> tuple[Task, ...]:
    tasks = [
        context.task(
            id=item.id,
            kind=TaskKind.COMPLIANCE,
            title=item.title.get(context.lang),
            detail=item.detail.get(context.lang) if item.detail else "",
            step=Step.OPEN.value,
            owner_role=item.owner_role,
            offset_days=-item.lead_time_days,
        )
        for item in regulation.checklist
        if context.serves(item.countries)
    ]
    return tuple(sorted(tasks, key=lambda t: (t.due, t.id)))
