"""The plan's task list as CSV: one row per checklist item or action, for spreadsheets and task tools.

Dates are ISO 8601 so every tool reads them the same way; the headers and
labels follow the plan's language. A cell that a spreadsheet would read as a
formula (=, +, -, @ and the like) is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io

from readiness.core.i18n import N_, _
from readiness.core.lang import Lang
from readiness.core.names import STEP_NAMES, TASK_KIND_NAMES, TASK_STATUS_NAMES, name
from readiness.core.plan.model import Plan, Task
from readiness.report.safetext import without_controls

COLUMNS = {
    "id": N_("ID"),
    "step": N_("Step"),
    "kind": N_("Type"),
    "channel": N_("Channel"),
    "title": N_("Task"),
    "owner": N_("Owner"),
    "owner_title": N_("Owner's role"),
    "role": N_("Task role"),
    "start": N_("Start by"),
    "due": N_("Due date"),
    "status": N_("Status"),
    "late_start": N_("Late start"),
}
"""The CSV's columns and their headers."""
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


BYTE_ORDER_MARK = "\ufeff"
"""Lets Excel read the file as UTF-8 (accents, names) instead of the system code page."""


def task_list_csv(plan: Plan) -> str:
    lang = plan.header.language
    channel_names = {c.channel: c.name for c in plan.channels}
    out = io.StringIO()
    out.write(BYTE_ORDER_MARK)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_(header, lang) for header in COLUMNS.values()])
    for task in plan.all_tasks():
        writer.writerow([_cell(value) for value in _row(task, lang, channel_names)])
    return out.getvalue()


def _row(task: Task, lang: Lang | str, channel_names: dict[str, str]) -> tuple[str, ...]:
    return (
        task.id,
        name(STEP_NAMES, task.step, lang),
        name(TASK_KIND_NAMES, task.kind, lang),
        channel_names.get(task.channel, task.channel) if task.channel else "",
        task.title,
        task.owner,
        task.owner_title,
        task.owner_role_label,
        task.start.isoformat() if task.start and task.lead_time_days else "",
        task.due.isoformat(),
        name(TASK_STATUS_NAMES, task.status, lang),
        _("yes", lang) if task.late_start else "",
    )


def _cell(value: str) -> str:
    value = without_controls(value).replace("\t", "")
    return f"'{value}" if value.startswith(_FORMULA_STARTS) else value
