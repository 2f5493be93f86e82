"""Zoom: every text in the window grows and shrinks together (Ctrl+= / Ctrl+-), from the system's font size.

The application font carries the zoom, so every widget that keeps the inherited font follows (Qt passes the
change down from each window as the event loop turns). A widget whose text is drawn larger or smaller than its
neighbours (a title, a quieter hint) gets its font through ``scaled_font``, which records the ratio; each zoom
re-applies it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from readiness.ui.view_options import ViewOptions

STEPS = (80, 90, 100, 110, 125, 150, 175, 200, 250)
"""The zoom levels, in percent; Ctrl+= and Ctrl+- move one step."""
STYLE = "Fusion"
"""The style the app draws with, the same on every desktop."""
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


def set_large_answers(widget: QWidget, large: bool) -> None:
    """Answer buttons as large as the text (``large_answers_sheet``), or back to the style's own size, following
    the application font again."""
    if large:
        widget.setStyleSheet(large_answers_sheet())
    elif widget.styleSheet():
        widget.setStyleSheet("")
        for inside in (widget, *widget.findChildren(QWidget)):
            inside.setFont(QFont())


def large_while_presenting(view: ViewOptions, widgets: Sequence[QWidget]) -> None:
    """Tick boxes outside a question card (the opening days, the audience, the bot) as large as the text while
    presenting, as a question's answers are, and back to the style's size after."""

    def follow() -> None:
        for widget in widgets:
            set_large_answers(widget, view.presenting)

    view.changed.connect(follow)
    follow()


def large_answers_sheet() -> str:
    """A style sheet for answers chosen in front of a room: each answer a framed button at least a finger tall
    (``AnswerButton``, object name "answer"), marked when chosen, its tick box or radio button as large as the text.

    Qt draws them at a fixed pixel size whatever the font, and a style sheet is the one safe way to change that
    (a Python QProxyStyle overriding pixelMetric is called with null arguments, and PySide then releases None once
    too often, which aborts the interpreter within seconds of relayouts). A widget with a style sheet stops
    following the application font, so the sheet names the current size itself; it is set again after each zoom.
    """
    points = QApplication.font().pointSizeF()
    return (
        f"* {{ font-size: {points:.2f}pt; }}"
        " QFrame#answer { border: 2px solid palette(mid); border-radius: 6px; padding: 0.45em 0.7em;"
        " margin: 0.15em 0; min-height: 1.8em; background: palette(base); }"
        " QFrame#answer:hover { border-color: palette(highlight); }"
        ' QFrame#answer[chosen="true"] { border: 3px solid palette(highlight); background: palette(alternate-base); }'
        " QRadioButton, QCheckBox { spacing: 0.5em; }"
        " QRadioButton::indicator, QCheckBox::indicator { width: 1.2em; height: 1.2em; }"
    )
