"""Geometry of the plan's SVG charts: readiness bars and the milestone timeline.

The templates draw these shapes as inline SVG, so charts stay vector in print.
Coordinates are in SVG user units, one unit to one CSS pixel of the chart box.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from readiness.core.plan.model import Milestone
from readiness.core.plan.readiness import BandLine, ScoreLine
from readiness.report.fmt import Formatter

CHART_WIDTH = 640.0
LABEL_WIDTH = 150.0
VALUE_WIDTH = 48.0
BAR_HEIGHT = 18.0
BAR_GAP = 12.0
AXIS_HEIGHT = 22.0

TIMELINE_TEXT_WIDTH = 330.0
TIMELINE_ROW = 22.0
TIMELINE_TOP = 26.0
MONTH_FONT_SIZE = 9.0
MONTH_LABEL_GAP = 10.0
SHORTEST_MONTH_DAYS = 28
AVERAGE_GLYPH_WIDTH = 0.6
"""Of the font size: a safe over-estimate of an average glyph of the month labels, digits included."""


@dataclass(frozen=True)
class Bar:
    label: str
    value_text: str
    y: float
    width: float
    band: str | None


@dataclass(frozen=True)
class Mark:
    x: float
    label: str


@dataclass(frozen=True)
class BarChart:
    width: float
    height: float
    plot_x: float
    plot_width: float
    bar_height: float
    bars: tuple[Bar, ...]
    bands: tuple[Mark, ...]
    ticks: tuple[Mark, ...]


def bar_chart(lines: Sequence[ScoreLine], bands: Sequence[BandLine], fmt: Formatter) -> BarChart:
    plot_width = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH

    def x_of(score: float) -> float:
        return plot_width * max(0.0, min(score, 100.0)) / 100.0

    bars = tuple(
        Bar(line.label, fmt.score(line.score), i * (BAR_HEIGHT + BAR_GAP), x_of(line.score or 0.0), line.band)
        for i, line in enumerate(lines)
    )
    height = len(bars) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP + AXIS_HEIGHT
    return BarChart(
        width=CHART_WIDTH,
        height=height,
        plot_x=LABEL_WIDTH,
        plot_width=plot_width,
        bar_height=BAR_HEIGHT,
        bars=bars,
        bands=tuple(Mark(x_of(b.min), b.label) for b in bands if b.min > 0),
        ticks=tuple(Mark(x_of(v), fmt.number(v, 0)) for v in (0, 25, 50, 75, 100)),
    )


@dataclass(frozen=True)
class TimelinePoint:
    y: float
    x: float
    date_text: str
    title: str
    key: bool


@dataclass(frozen=True)
class Timeline:
    width: float
    height: float
    track_x: float
    track_width: float
    points: tuple[TimelinePoint, ...]
    months: tuple[Mark, ...]


KEY_MILESTONES = frozenset({"launch", "reassessment"})


def timeline(milestones: Sequence[Milestone], fmt: Formatter) -> Timeline:
    ordered = sorted(milestones, key=lambda m: m.date)
    start, end = ordered[0].date, ordered[-1].date
    span = max((end - start).days, 1)
    track_x = TIMELINE_TEXT_WIDTH + 16.0
    track_width = CHART_WIDTH - track_x - 8.0

    def x_of(day: dt.date) -> float:
        return track_x + track_width * (day - start).days / span

    points = tuple(
        TimelinePoint(
            y=TIMELINE_TOP + i * TIMELINE_ROW,
            x=x_of(m.date),
            date_text=fmt.date(m.date),
            title=m.title,
            key=m.id in KEY_MILESTONES,
        )
        for i, m in enumerate(ordered)
    )
    height = TIMELINE_TOP + len(points) * TIMELINE_ROW
    months = _month_marks(start, end, x_of, fmt, track_width)
    return Timeline(CHART_WIDTH, height, track_x, track_width, points, months)


def _month_marks(
    start: dt.date, end: dt.date, x_of: Callable[[dt.date], float], fmt: Formatter, track_width: float
) -> tuple[Mark, ...]:
    """Month labels along the track, thinned to every n-th month so that no two labels touch."""
    firsts: list[dt.date] = []
    day = dt.date(start.year, start.month, 1)
    while day <= end:
        if day >= start:
            firsts.append(day)
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    labels = [fmt.month(d) for d in firsts]
    if not labels:
        return ()
    widest = max(len(text) for text in labels) * MONTH_FONT_SIZE * AVERAGE_GLYPH_WIDTH
    span = max((end - start).days, 1)
    month_width = track_width * SHORTEST_MONTH_DAYS / span
    step = max(1, math.ceil((widest + MONTH_LABEL_GAP) / month_width))
    return tuple(Mark(x_of(d), text) for d, text in list(zip(firsts, labels, strict=True))[::step])
