"""The plan's task list as CSV: one row per checklist item or action, for spreadsheets and task tools.

Dates are ISO 8601 so every tool reads them the same way; the headers and
labels follow the plan's language. A cell that a spreadsheet would read as a
formula (=, +, -, @ and the like) is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io

from readiness.core.plan.model import Plan, Task
from readiness.report.labels import Labels
from readiness.report.safetext import without_controls

COLUMNS = (
    "id",
    "step",
    "kind",
    "channel",
    "title",
    "owner",
    "owner_title",
    "role",
    "start",
    "due",
    "status",
    "late_start",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


BYTE_ORDER_MARK = "\ufeff"
"""Lets Excel read the file as UTF-8 (accents, names) instead of the system code page."""


def task_list_csv(plan: Plan) -> str:
    t = Labels(plan.header.language)
    channel_names = {c.channel: c.name for c in plan.channels}
    out = io.StringIO()
    out.write(BYTE_ORDER_MARK)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([t(f"csv.{column}") for column in COLUMNS])
    for task in plan.all_tasks():
        writer.writerow([_cell(value) for value in _row(task, t, channel_names)])
    return out.getvalue()


def _row(task: Task, t: Labels, channel_names: dict[str, str]) -> tuple[str, ...]:
    return (
        task.id,
        t(f"step.{task.step}"),
        t(f"kind.{task.kind}"),
        channel_names.get(task.channel, task.channel) if task.channel else "",
        task.title,
        task.owner,
        task.owner_title,
        task.owner_role_label,
        task.start.isoformat() if task.start and task.lead_time_days else "",
        task.due.isoformat(),
        t(f"status.{task.status}"),
        t("csv.yes") if task.late_start else "",
    )


def _cell(value: str) -> str:
    value = without_controls(value).replace("\t", "")
    return f"'{value}" if value.startswith(_FORMULA_STARTS) else value
