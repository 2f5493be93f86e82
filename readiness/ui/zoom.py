"""Zoom: every text in the window grows and shrinks together (Ctrl+= / Ctrl+-), from the system's font size.

The application font carries the zoom, so every widget that keeps the inherited font follows (Qt passes the
change down from each window as the event loop turns). A widget whose text is drawn larger or smaller than its
neighbours (a title, a quieter hint) gets its font through ``scaled_font``, which records the ratio; each zoom
re-applies it.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

STEPS = (80, 90, 100, 110, 125, 150, 175, 200, 250)
"""The zoom levels, in percent; Ctrl+= and Ctrl+- move one step."""
PRESENTING = 150
"""The smallest zoom in presentation mode: text read from the back of a meeting room."""
SCALE = "readinessFontScale"
"""The dynamic property holding a widget's font ratio to the application font."""

_system_point_size: list[float] = []


def next_step(percent: int, direction: int) -> int:
    """The zoom one step up (direction +1) or down (-1) from ``percent``, staying within the steps."""
    if direction > 0:
        return next((step for step in STEPS if step > percent), STEPS[-1])
    return next((step for step in reversed(STEPS) if step < percent), STEPS[0])


def apply_zoom(percent: int) -> None:
    """Set the application font to ``percent`` of the system's size; scaled widgets follow."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if not _system_point_size:
        _system_point_size.append(app.font().pointSizeF())
    font = QFont(app.font())
    font.setPointSizeF(_system_point_size[0] * percent / 100)
    app.setFont(font)
    for widget in QApplication.allWidgets():
        _rescale(widget)


def scaled_font(widget: QWidget, ratio: float, *, bold: bool = False, italic: bool = False) -> None:
    """Draw ``widget``'s text at ``ratio`` times the application font, now and after every zoom."""
    widget.setProperty(SCALE, ratio)
    font = QFont(widget.font())
    font.setBold(bold)
    font.setItalic(italic)
    widget.setFont(font)
    _rescale(widget)


def _rescale(widget: QWidget) -> None:
    ratio = widget.property(SCALE)
    if not isinstance(ratio, float):
        return
    font = QFont(widget.font())
    font.setPointSizeF(QApplication.font().pointSizeF() * ratio)
    widget.setFont(font)


SCALED_METRICS = frozenset(
    {
        QStyle.PixelMetric.PM_IndicatorWidth,
        QStyle.PixelMetric.PM_IndicatorHeight,
        QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
        QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
        QStyle.PixelMetric.PM_SmallIconSize,
    }
)
"""Sizes the style draws in pixels that should grow with the text: tick boxes, radio buttons, small icons."""


class ZoomingStyle(QProxyStyle):
    """The app's style, with tick boxes and radio buttons as large as the zoomed text needs: answers stay easy to
    see and to hit when the type is enlarged for a room."""

    def pixelMetric(
        self, metric: QStyle.PixelMetric, option: QStyleOption | None = None, widget: QWidget | None = None
    ) -> int:
        size = super().pixelMetric(metric, option, widget)
        if metric in SCALED_METRICS and _system_point_size:
            return round(size * QApplication.font().pointSizeF() / _system_point_size[0])
        return size
