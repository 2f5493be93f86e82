"""Parts laid side by side while the width allows, one under the other when it does not.

A page zoomed for a workshop on a laptop screen has less room than its two columns (or its row of buttons) ask
for. A plain horizontal layout would then force its scroll area to scroll sideways and cut labels at the edge;
``Reflow`` stacks its parts instead, so a page only ever scrolls down.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLayout, QWidget

ACROSS = QBoxLayout.Direction.LeftToRight
DOWN = QBoxLayout.Direction.TopToBottom


class Reflow(QWidget):
    """Its parts (layouts or widgets, each with a stretch) across while they fit at their preferred widths (a table
    shows all its columns), else down.

    It asks only for the widest part's minimum width, so a scroll area around it never needs to scroll sideways.
    """

    def __init__(self, *parts: tuple[QLayout | QWidget, int], margins: bool = True) -> None:
        super().__init__()
        self._box = QBoxLayout(ACROSS, self)
        self._box.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        if not margins:
            self._box.setContentsMargins(0, 0, 0, 0)
        for part, stretch in parts:
            if isinstance(part, QLayout):
                self._box.addLayout(part, stretch)
            else:
                self._box.addWidget(part, stretch)
        self._box.addStretch(0)  # parts that do not stretch keep their size and sit at the start

    def minimumSizeHint(self) -> QSize:
        least = max(self._widths(preferred=False), default=0)
        return QSize(least + self._sides(), self._box.minimumSize().height())

    def sizeHint(self) -> QSize:
        return self._box.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        wanted = ACROSS if event.size().width() >= self._across_width() else DOWN
        if self._box.direction() != wanted:
            self._box.setDirection(wanted)
            self.updateGeometry()
        super().resizeEvent(event)

    def _widths(self, *, preferred: bool) -> list[int]:
        items = [self._box.itemAt(i) for i in range(self._box.count())]
        shown = [item for item in items if item is not None and not item.isEmpty()]
        return [(item.sizeHint() if preferred else item.minimumSize()).width() for item in shown]

    def _across_width(self) -> int:
        widths = self._widths(preferred=True)
        return sum(widths) + self._box.spacing() * max(len(widths) - 1, 0) + self._sides()

    def _sides(self) -> int:
        margins = self._box.contentsMargins()
        return margins.left() + margins.right()
