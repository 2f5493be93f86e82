"""The KPI targets table: its columns, the editors of one row, and the numbers they show in the user's language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHeaderView,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from readiness.core.assessment import KpiTarget
from readiness.core.catalog import Cadence, Kpi
from readiness.core.i18n import N_, _
from readiness.core.lang import Lang
from readiness.core.names import label
from readiness.ui.pages.formatting import PROBLEM_COLOUR, format_date, qt_locale
from readiness.ui.pages.quantity_field import QuantityField
from readiness.ui.pages.widgets import count_days, set_days

COLUMNS = {
    "kpi": N_("KPI"),
    "baseline": N_("Baseline"),
    "target": N_("Target"),
    "unit": N_("Unit"),
    "deadline": N_("Deadline"),
    "owner": N_("Owner"),
    "cadence": N_("Cadence"),
}
"""The targets table's columns and their headers."""
CONTRADICTION_STYLE = f"QDoubleSpinBox {{ border: 2px solid {PROBLEM_COLOUR}; }}"
CELL_HELP = {
    "kpi": N_("Choosing a KPI fills in its sourced default target."),
    "baseline": N_("Today's figure, if it is known; leave empty otherwise."),
    "target": N_("The figure to reach by the deadline."),
    "cadence": N_("How often the figure is reviewed."),
}


def number_locale(lang: Lang) -> QLocale:
    """The language's number format, without group separators, so '1,5' is never read as 15."""
    locale = qt_locale(lang)
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator | QLocale.NumberOption.RejectGroupSeparator)
    return locale


def format_number(locale: QLocale, value: float) -> str:
    text = locale.toString(value, "f", 4)
    decimal = locale.decimalPoint()
    return text.rstrip("0").rstrip(decimal) if decimal in text else text


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class TargetBox(QDoubleSpinBox):
    """A target as people write it: "15", "0,8", never "15,00"."""

    def textFromValue(self, value: float) -> str:
        return format_number(self.locale(), value)


@dataclass
class Row:
    """The editors of one target row; their position in the table is the target's index."""

    kpi: QComboBox
    baseline: QuantityField
    target: QDoubleSpinBox
    unit: QTableWidgetItem
    deadline: QSpinBox
    owner: QLineEdit
    cadence: QComboBox

    def editors(self) -> tuple[QWidget, ...]:
        return (self.kpi, self.baseline, self.target, self.deadline, self.owner, self.cadence)


def set_up_table(table: QTableWidget, lang: Lang) -> None:
    """Whole-row selection, no item editing (the cells hold editors), and headers sized to their contents."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    for column, key in enumerate(COLUMNS):
        header = QTableWidgetItem(_(COLUMNS[key], lang))
        if key == "deadline":
            header.setToolTip(_("Days after the launch date.", lang))
        table.setHorizontalHeaderItem(column, header)
    header_view = table.horizontalHeader()
    for column in range(len(COLUMNS)):
        header_view.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header_view.setSectionResizeMode(list(COLUMNS).index("kpi"), QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)


def new_row(kpi_combo: QComboBox, locale: QLocale, lang: Lang) -> Row:
    """The editors of a new row, set up but still empty."""
    row = Row(
        kpi=kpi_combo,
        baseline=QuantityField(lang, _(CELL_HELP["baseline"], lang)),
        target=TargetBox(),
        unit=QTableWidgetItem(),
        deadline=QSpinBox(),
        owner=QLineEdit(),
        cadence=QComboBox(),
    )
    row.target.setLocale(locale)
    row.target.setRange(-1e6, 1e6)
    row.target.setDecimals(2)
    row.deadline.setRange(1, 730)
    count_days(row.deadline, lang)
    row.unit.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    for key, help_text in CELL_HELP.items():
        getattr(row, key).setToolTip(_(help_text, lang))
    return row


def show_promise_warning(row: Row, warning: str, lang: Lang) -> None:
    """A target that contradicts the reply-time promise gets a red frame and says why; otherwise its help."""
    row.target.setStyleSheet(CONTRADICTION_STYLE if warning else "")
    row.target.setToolTip(warning or _(CELL_HELP["target"], lang))
    row.target.setAccessibleDescription(warning)


def cell_name(key: str, index: int, lang: Lang) -> str:
    """The accessible name of the editor in column ``key`` of row ``index``."""
    return _("{column}, row {row}", lang, column=_(COLUMNS[key], lang), row=index + 1)


def deadline_help(lang: Lang, due: dt.date) -> str:
    return _("Days after launch; due on {date}.", lang, date=format_date(lang, due))


def show_row(row: Row, target: KpiTarget, kpi: Kpi | None, due: dt.date, lang: Lang) -> None:
    """Put one target's values in its editors, without writing them back."""
    for widget in row.editors():
        widget.blockSignals(True)
    row.kpi.setCurrentIndex(row.kpi.findData(target.kpi))
    row.baseline.set_time_unit(kpi.time_unit if kpi else None)
    row.baseline.set_value(target.baseline)
    row.target.setValue(target.target)
    row.unit.setText(kpi.unit.get(lang) if kpi else "")
    set_days(row.deadline, target.deadline_days, lang)
    row.deadline.setToolTip(deadline_help(lang, due))
    row.owner.setText(target.owner)
    row.cadence.clear()
    default = label("cadence", kpi.cadence, lang) if kpi else ""
    row.cadence.addItem(_("{cadence} (suggested)", lang, cadence=capitalised(default)), None)
    for cadence in Cadence:
        row.cadence.addItem(capitalised(label("cadence", cadence, lang)), cadence.value)
    row.cadence.setCurrentIndex(row.cadence.findData(target.cadence.value) if target.cadence else 0)
    for widget in row.editors():
        widget.blockSignals(False)
