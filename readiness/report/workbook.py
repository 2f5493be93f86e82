"""The plan as an Excel workbook: the task list, the KPI targets and the gap register, one sheet each.

Headers and names follow the plan's language. Dates are real dates shown as yyyy-mm-dd, numbers are numbers,
and text is always written as text: a title such as "=1+1" stays those characters and never runs as a formula.
The task sheet takes its columns from the CSV's definitions (``tasklist``), so the two files say the same.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from functools import partial

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from readiness.core.i18n import N_, _
from readiness.core.plan.model import Plan
from readiness.report.safetext import plain_line, without_controls
from readiness.report.tasklist import TASK_COLUMNS, Cell, Column, Row

TASK_SHEET_COLUMNS = tuple(key for key in TASK_COLUMNS if key != "kind")
"""The task sheet's columns, in order: all but the type, as the tasks are grouped by workstream."""

KPI_COLUMNS = {
    "name": N_("KPI"),
    "baseline": N_("Baseline"),
    "target": N_("Target"),
    "unit": N_("Unit"),
    "deadline": N_("Deadline"),
    "owner": N_("Owner"),
    "cadence": N_("Review cadence"),
    "data_source": N_("Data source"),
}
"""The KPI sheet: the field of ``KpiLine`` each column shows, and its header."""
GAP_COLUMNS = {
    "rank": N_("Rank"),
    "type_name": N_("Gap"),
    "touchpoint": N_("Touchpoint"),
    "current_channel": N_("Current channel"),
    "frequency": N_("Frequency"),
    "severity": N_("Severity"),
    "measured_value": N_("Measured value"),
    "unit": N_("Unit"),
    "priority": N_("Priority"),
    "closing_channels": N_("Channels that close it"),
    "evidence": N_("Evidence"),
    "notes": N_("Notes"),
}
"""The gap register: the field of ``PlanGap`` each column shows, and its header."""

SHEET_TITLES = (N_("Tasks"), N_("KPI targets"), N_("Gap register"))
DATE_FORMAT = "yyyy-mm-dd"
"""ISO 8601: read the same way whatever the reader's locale."""
MAX_COLUMN_WIDTH = 60
"""In characters; a column with longer text wraps it."""
LINE_HEIGHT = 15
"""Points per line of wrapped text in the default font, 11-point Calibri."""
CHARACTERS_PER_LINE = 66
"""What a line of the widest column holds, about: its width counts digits, most letters are narrower, and a
word that does not fit goes whole to the next line. Row heights are estimated from it."""
MAX_ROW_HEIGHT = 409
"""Excel's limit, in points."""
MAX_CELL_CHARACTERS = 32_767
"""Excel's limit for one cell."""
SHEET_TITLE_LIMIT = 31
_NOT_IN_SHEET_TITLES = re.compile(r"[\\/*?:\[\]]")
_CUT = " […]"
_FILTER_BUTTON_WIDTH = 3
"""Room for the auto-filter's arrow beside a header."""
_BOLD = Font(bold=True)
_TOP = Alignment(vertical="top")
_WRAPPED = Alignment(vertical="top", wrap_text=True)


def task_list_xlsx(plan: Plan) -> bytes:
    """The workbook's bytes: tasks, KPI targets and gaps, each sheet with its header row even when it has no rows."""
    lang = plan.header.language
    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])
    tasks, kpis, gaps = (sheet_title(_(title, lang)) for title in SHEET_TITLES)
    _add_table(workbook.create_sheet(tasks), [TASK_COLUMNS[key] for key in TASK_SHEET_COLUMNS], plan.all_tasks(), plan)
    _add_table(workbook.create_sheet(kpis), _field_columns(KPI_COLUMNS), plan.kpis, plan)
    _add_table(workbook.create_sheet(gaps), _field_columns(GAP_COLUMNS), plan.gaps, plan)
    title = _("Messaging rollout plan for {organisation}", lang, organisation=plan.header.organisation)
    workbook.properties.title = plain_line(title, 255)
    workbook.properties.language = lang
    workbook.properties.creator = "Readiness"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def sheet_title(text: str) -> str:
    """A title Excel accepts for a sheet: at most 31 characters, none of \\ / * ? : [ ], no apostrophe at its ends."""
    title = _NOT_IN_SHEET_TITLES.sub(" ", " ".join(without_controls(text).split()))
    return title[:SHEET_TITLE_LIMIT].strip(" '") or "-"


def _field_columns(headers: Mapping[str, str]) -> list[Column[object]]:
    """Columns that show one field of the row each, by the field's name."""
    return [Column(header, partial(_field_value, field)) for field, header in headers.items()]


def _field_value(field: str, row: object, _plan: Plan) -> Cell:
    """The row's field as a cell: several names are one text, separated by commas."""
    value = getattr(row, field)
    return ", ".join(value) if isinstance(value, tuple) else value


def _add_table(sheet: Worksheet, columns: Sequence[Column[Row]], rows: Iterable[Row], plan: Plan) -> None:
    """A bold header row, frozen and filtered over the whole table, then one row per item; sized to the content."""
    header: list[Cell] = [_(column.header, plan.header.language) for column in columns]
    table = [header, *([column.value(row, plan) for column in columns] for row in rows)]
    for row_number, values in enumerate(table, start=1):
        for column_number, value in enumerate(values, start=1):
            _write(sheet, row_number, column_number, value)
    for cell in sheet[1]:
        cell.font = _BOLD
    wrapped = [
        _fit_column(sheet, get_column_letter(number), column_values)
        for number, column_values in enumerate(zip(*table, strict=True), start=1)
    ]
    _fit_rows(sheet, table, wrapped)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    _print_across(sheet)


def _print_across(sheet: Worksheet) -> None:
    """Printed landscape, as wide as the page, the header row on every page: a wide table in columns, not strips."""
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = "1:1"


def _write(sheet: Worksheet, row: int, column: int, value: Cell) -> None:
    """Text as text whatever it starts with, a date with the date format; nothing for no value."""
    if value is None or value == "":
        return
    if isinstance(value, str):
        sheet.cell(row, column, _cell_text(value)).data_type = "s"  # openpyxl makes text starting with "=" a formula
    elif isinstance(value, dt.date):
        sheet.cell(row, column, value).number_format = DATE_FORMAT
    else:
        sheet.cell(row, column, value)


def _cell_text(text: str) -> str:
    """Without the controls XML cannot carry, and short enough for a cell."""
    text = without_controls(text)
    return text if len(text) <= MAX_CELL_CHARACTERS else text[: MAX_CELL_CHARACTERS - len(_CUT)] + _CUT


def _fit_column(sheet: Worksheet, letter: str, values: Sequence[Cell]) -> bool:
    """As wide as the column's longest line, up to the cap; longer or multi-line text wraps. Whether it wraps."""
    longest = max(_shown_width(line) for value in values for line in _lines(value))
    sheet.column_dimensions[letter].width = min(longest, MAX_COLUMN_WIDTH) + _FILTER_BUTTON_WIDTH
    wraps = longest > MAX_COLUMN_WIDTH or any(len(_lines(value)) > 1 for value in values)
    for cell in sheet[letter][1:]:
        cell.alignment = _WRAPPED if wraps else _TOP
    return wraps


def _fit_rows(sheet: Worksheet, table: Sequence[Sequence[Cell]], wrapped: Sequence[bool]) -> None:
    """Each row as tall as its wrapped text: not every spreadsheet grows a row to fit when it opens a file."""
    for row_number, values in enumerate(table[1:], start=2):
        lines = max(_wrapped_line_count(value) if wraps else 1 for value, wraps in zip(values, wrapped, strict=True))
        if lines > 1:
            sheet.row_dimensions[row_number].height = min(lines * LINE_HEIGHT, MAX_ROW_HEIGHT)


def _wrapped_line_count(value: Cell) -> int:
    """The lines the value takes, about, wrapped in a column of the widest width."""
    return sum(max(1, math.ceil(_shown_width(line) / CHARACTERS_PER_LINE)) for line in _lines(value))


def _lines(value: Cell) -> list[str]:
    """The value's lines as shown: a date as yyyy-mm-dd, nothing as no text."""
    if value is None:
        return [""]
    if isinstance(value, dt.date):
        return [value.strftime("%Y-%m-%d")]
    return str(value).split("\n")


def _shown_width(line: str) -> int:
    """Characters the line takes on screen: a wide East Asian character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
