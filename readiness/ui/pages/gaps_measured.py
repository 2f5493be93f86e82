"""A gap's measured figure in the register: a number field, and beside it the unit of its type's benchmark."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from readiness.core.catalog import GapType
from readiness.core.i18n import _
from readiness.core.lang import Lang
from readiness.ui.pages.quantity_field import QuantityField

MEASURE_CHARS = "0000000"
"""The field is as wide as this text: the unit goes beside it."""
UNIT_CHARS = 14
"""Units longer than this many average characters are elided beside the value (full text in the tooltip)."""


class MeasuredCell(QWidget):
    """Emits ``edited`` with the figure typed, or None once the field is emptied or refused."""

    edited = Signal(object)

    def __init__(self, value: float | None, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.edit = QuantityField(
            lang, _("The figure measured today, in the unit of the type's benchmark; leave empty if not measured", lang)
        )
        self.edit.set_value(value)
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance(MEASURE_CHARS) + 12)
        self.edit.read.connect(self.edited)
        self.unit = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.unit)

    def show_unit(self, gap_type: GapType | None) -> None:
        unit = gap_type.benchmark.unit if gap_type else None
        self.edit.set_time_unit(gap_type.benchmark.time_unit if gap_type else None)
        text = unit.get(self.lang) if unit else ""
        metrics = self.unit.fontMetrics()
        self.unit.setText(
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, UNIT_CHARS * metrics.averageCharWidth())
        )
        self.unit.setToolTip(text or _("(no benchmark unit)", self.lang))
