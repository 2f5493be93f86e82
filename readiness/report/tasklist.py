"""The plan's task list as CSV: one row per checklist item or action, for spreadsheets and task tools.

Dates are ISO 8601 so every tool reads them the same way; the headers and
labels follow the plan's language. A cell that a spreadsheet would read as a
formula (=, +, -, @ and the like) is prefixed with an apostrophe.

The columns are defined once here, for this file and for the workbook (``workbook``), which picks its own.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from readiness.core.i18n import N_, _
from readiness.core.names import STEP_NAMES, TASK_KIND_NAMES, TASK_STATUS_NAMES, WORKSTREAM_NAMES, name
from readiness.core.plan.model import Plan, Task
from readiness.report.safetext import without_controls

Cell = str | float | dt.date | None
"""A spreadsheet cell: text, a number, a date, or nothing."""
Row = TypeVar("Row")


@dataclass(frozen=True)
class Column(Generic[Row]):
    header: str
    """A msgid, translated into the plan's language where the file is written."""
    value: Callable[[Row, Plan], Cell]


def _channel_name(task: Task, plan: Plan) -> str | None:
    if not task.channel:
        return None
    return next((c.name for c in plan.channels if c.channel == task.channel), task.channel)


def _start_by(task: Task, _plan: Plan) -> dt.date | None:
    """Only for work that takes time before it is due."""
    return task.start if task.start and task.lead_time_days else None


TASK_COLUMNS: dict[str, Column[Task]] = {
    "id": Column(N_("ID"), lambda task, _plan: task.id),
    "step": Column(N_("Step"), lambda task, plan: name(STEP_NAMES, task.step, plan.header.language)),
    "kind": Column(N_("Type"), lambda task, plan: name(TASK_KIND_NAMES, task.kind, plan.header.language)),
    "workstream": Column(
        N_("Workstream"), lambda task, plan: name(WORKSTREAM_NAMES, task.workstream, plan.header.language)
    ),
    "channel": Column(N_("Channel"), _channel_name),
    "title": Column(N_("Task"), lambda task, _plan: task.title),
    "description": Column(N_("Description"), lambda task, _plan: task.detail),
    "owner": Column(N_("Owner"), lambda task, _plan: task.owner),
    "owner_title": Column(N_("Owner's role"), lambda task, _plan: task.owner_title),
    "role": Column(N_("Task role"), lambda task, _plan: task.owner_role_label),
    "start": Column(N_("Start by"), _start_by),
    "due": Column(N_("Due date"), lambda task, _plan: task.due),
    "status": Column(N_("Status"), lambda task, plan: name(TASK_STATUS_NAMES, task.status, plan.header.language)),
    "late_start": Column(
        N_("Late start"), lambda task, plan: _("yes", plan.header.language) if task.late_start else None
    ),
}
"""Every column a task file may have, by key."""

CSV_COLUMNS = tuple(key for key in TASK_COLUMNS if key != "workstream")
"""The CSV's columns, in order: all but the workstream."""
COLUMNS = {key: TASK_COLUMNS[key].header for key in CSV_COLUMNS}
"""The CSV's columns and their headers."""
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


BYTE_ORDER_MARK = "\ufeff"
"""Lets Excel read the file as UTF-8 (accents, names) instead of the system code page."""


def task_list_csv(plan: Plan) -> str:
    lang = plan.header.language
    out = io.StringIO()
    out.write(BYTE_ORDER_MARK)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_(header, lang) for header in COLUMNS.values()])
    for task in plan.all_tasks():
        writer.writerow([_csv_text(TASK_COLUMNS[key].value(task, plan)) for key in CSV_COLUMNS])
    return out.getvalue()


def _csv_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    text = without_controls(str(value)).replace("\t", "")
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text
