"""A figure in a table cell, typed as people write it: "1.200,5" in Spanish, "2 h" or "1 día" for a time.

The field is read when it is left or Enter is pressed, never from a half-typed text, and a time is converted to
the unit the figure is kept in. What cannot be read is refused in place: a red frame, the reason in the tooltip,
and no figure saved ("2 hours" in a minutes field is never 2, "abc600" is never 600).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from readiness.core.i18n import N_, _
from readiness.core.lang import Lang
from readiness.core.quantities import NotAQuantity, TimeUnit, parse_number, parse_time
from readiness.ui.pages.formatting import PROBLEM_COLOUR, number_text

NOT_A_DURATION = N_("Not saved: “{text}” is not a duration. Type, for example, 90 min, 2 h or 1 day.")
NOT_A_NUMBER = N_("Not saved: “{text}” is not a number.")
REFUSED_STYLE = f"QLineEdit {{ border: 2px solid {PROBLEM_COLOUR}; }}"


class QuantityField(QLineEdit):
    """Emits ``read`` with the figure (or None once emptied) when the user has finished typing a new one."""

    read = Signal(object)

    def __init__(self, lang: Lang, help_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.help_text = help_text
        self.time_unit: TimeUnit | None = None
        self._value: float | None = None
        self.setPlaceholderText(_("—", lang))
        self.setToolTip(help_text)
        self.editingFinished.connect(self._read)

    def sizeHint(self) -> QSize:
        """As wide as a number needs, not as wide as a sentence."""
        return QSize(self.fontMetrics().horizontalAdvance("0" * 9) + 12, super().sizeHint().height())

    @property
    def refused(self) -> bool:
        return bool(self.styleSheet())

    def set_value(self, value: float | None) -> None:
        self._value = value
        self._show(value)

    def set_time_unit(self, unit: TimeUnit | None) -> None:
        """Times may be typed with a unit ("2 h") and are kept in ``unit``; None: a plain number."""
        self.time_unit = unit

    def _read(self) -> None:
        text = self.text().strip()
        try:
            value = self._parsed(text) if text else None
        except NotAQuantity:
            self._refuse(text)
            return
        self._show(value)
        if value != self._value:
            self._value = value
            self.read.emit(value)

    def _parsed(self, text: str) -> float:
        if self.time_unit is None:
            return parse_number(text, self.lang)
        return parse_time(text, self.lang, self.time_unit)

    def _refuse(self, text: str) -> None:
        """The text stays for the user to correct; no figure is kept meanwhile."""
        reason = _(NOT_A_NUMBER if self.time_unit is None else NOT_A_DURATION, self.lang, text=text)
        self.setStyleSheet(REFUSED_STYLE)
        self.setToolTip(reason)
        self.setAccessibleDescription(reason)
        if self._value is not None:
            self._value = None
            self.read.emit(None)

    def _show(self, value: float | None) -> None:
        self.setStyleSheet("")
        self.setToolTip(self.help_text)
        self.setAccessibleDescription("")
        self.setText("" if value is None else number_text(value, self.lang))
