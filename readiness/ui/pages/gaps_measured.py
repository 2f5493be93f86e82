"""A gap's measured figure in the register: a number field, and beside it the unit of its type's benchmark."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from readiness.core.catalog import GapType
from readiness.core.i18n import _
from readiness.core.lang import Lang
from readiness.ui.pages.formatting import number_text

MEASURE_CHARS = "0000000"
"""The field is as wide as this text: the unit goes beside it."""
UNIT_CHARS = 14
"""Units longer than this many average characters are elided beside the value (full text in the tooltip)."""
NUMBER_PATTERN = r"-?\d*([.,]\d*)?"
"""What the field accepts while typing: a number with a decimal point or comma."""


def parse_number(text: str) -> float | None:
    """A number typed with a decimal point or comma; None when the text is not one."""
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        return None


class MeasuredCell(QWidget):
    """Emits ``edited`` with the figure typed, or None once the field is emptied; a half-typed number says nothing."""

    edited = Signal(object)

    def __init__(self, value: float | None, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.edit = QLineEdit("" if value is None else number_text(value, lang))
        self.edit.setPlaceholderText(_("—", lang))
        self.edit.setValidator(QRegularExpressionValidator(QRegularExpression(NUMBER_PATTERN), self.edit))
        self.edit.setToolTip(
            _("The figure measured today, in the unit of the type's benchmark; leave empty if not measured", lang)
        )
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance(MEASURE_CHARS) + 12)
        self.edit.textEdited.connect(self._edited)
        self.unit = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.unit)

    def show_unit(self, gap_type: GapType | None) -> None:
        unit = gap_type.benchmark.unit if gap_type else None
        text = unit.get(self.lang) if unit else ""
        metrics = self.unit.fontMetrics()
        self.unit.setText(
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, UNIT_CHARS * metrics.averageCharWidth())
        )
        self.unit.setToolTip(text or _("(no benchmark unit)", self.lang))

    def _edited(self, text: str) -> None:
        if not text.strip():
            self.edited.emit(None)
        elif (value := parse_number(text)) is not None:
            self.edited.emit(value)
