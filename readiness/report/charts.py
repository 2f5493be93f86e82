"""Geometry of the plan's SVG charts: readiness bars, the milestone timeline and the schedule of every task.

The templates draw these shapes as inline SVG, so charts stay vector in print.
Coordinates are in SVG user units, one unit to one CSS pixel of the chart box.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from readiness.core.i18n import _
from readiness.core.lang import Lang
from readiness.core.plan.model import KpiLine, Milestone, Task, Workstream
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
    before_width: float | None = None
    """Where the baseline assessment scored, drawn over the bar; None without a baseline or its score."""
    before_text: str = ""


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


def bar_chart(
    lines: Sequence[ScoreLine], bands: Sequence[BandLine], fmt: Formatter, before: Mapping[str, float | None]
) -> BarChart:
    """``before``: the baseline assessment's score of each dimension, overlaid on its bar (empty: none)."""
    plot_width = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH

    def x_of(score: float) -> float:
        return plot_width * max(0.0, min(score, 100.0)) / 100.0

    def bar(i: int, line: ScoreLine) -> Bar:
        earlier = before.get(line.dimension)
        return Bar(
            line.label,
            fmt.score(line.score),
            i * (BAR_HEIGHT + BAR_GAP),
            x_of(line.score or 0.0),
            line.band,
            None if earlier is None else x_of(earlier),
            "" if earlier is None else fmt.score(earlier),
        )

    bars = tuple(bar(i, line) for i, line in enumerate(lines))
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
class Track:
    """A chart drawn along dates: its size, where its date track runs, and the months marked on it."""

    width: float
    height: float
    track_x: float
    track_width: float
    months: tuple[Mark, ...]


@dataclass(frozen=True)
class Timeline(Track):
    points: tuple[TimelinePoint, ...]


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
    return Timeline(CHART_WIDTH, height, track_x, track_width, months, points)


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


SCHEDULE_LABEL_WIDTH = 150.0
SCHEDULE_TOP = 24.0
SCHEDULE_ROW = 4.5
"""Each task's own row, at most: thin, as a Gantt of all the work reads by its shape, the lanes naming the work."""
SCHEDULE_MIN_DAYS = 31
"""The shortest span the schedule's dates run over, so that a month's first day (and its label) is always on it: a
re-assessment's few open tasks may all fall due on its own day."""
SCHEDULE_MAX_HEIGHT = 520.0
"""About 14 cm on the page: rows get thinner for a plan with hundreds of tasks, so the schedule keeps its page."""
SCHEDULE_LANE_GAP = 8.0
SCHEDULE_LANE_MIN = 24.0
"""Room for a lane's name and its count of tasks."""
REVIEW_MILESTONES = frozenset({"first_review", "kpi_review"})


@dataclass(frozen=True)
class ScheduleBar:
    x: float
    y: float
    width: float
    state: str
    """open, late (should have started already) or closed (done or dropped)."""


@dataclass(frozen=True)
class ScheduleLane:
    label: str
    count: int
    y: float
    height: float


@dataclass(frozen=True)
class Schedule(Track):
    row_height: float
    lanes: tuple[ScheduleLane, ...]
    bars: tuple[ScheduleBar, ...]
    launch: Mark | None
    """None when the launch is behind the plan's first task, as in a re-assessment's."""
    reviews: tuple[Mark, ...]


def schedule(
    tasks: Sequence[Task], milestones: Sequence[Milestone], fmt: Formatter, lane_name: Callable[[Workstream], str]
) -> Schedule:
    """Every task as a bar from the last day to start it (or its due date) to its due date, one row each, grouped
    in a lane per workstream; the launch and the first reviews as lines across. The dates run from the first task
    to the last task or review, not to the re-assessment months later, which would squeeze the work."""
    shown = [m for m in milestones if m.id == "launch" or m.id in REVIEW_MILESTONES]
    days = [t.start or t.due for t in tasks] + [t.due for t in tasks] + [m.date for m in shown]
    start = min(days)
    end = max(*days, start + dt.timedelta(days=SCHEDULE_MIN_DAYS))
    span = (end - start).days
    track_x = SCHEDULE_LABEL_WIDTH + 10.0
    track_width = CHART_WIDTH - track_x - 6.0

    def x_of(day: dt.date) -> float:
        return track_x + track_width * (day - start).days / span

    groups = [
        sorted((t for t in tasks if t.workstream is workstream), key=lambda t: (t.start or t.due, t.due))
        for workstream in Workstream
    ]
    named = [(name, work) for name, work in zip(map(lane_name, Workstream), groups, strict=True) if work]
    room = SCHEDULE_MAX_HEIGHT - SCHEDULE_TOP - SCHEDULE_LANE_GAP * len(named)
    row_height = min(SCHEDULE_ROW, room / max(len(tasks), 1))
    lanes: list[ScheduleLane] = []
    bars: list[ScheduleBar] = []
    y = SCHEDULE_TOP
    for label, work in named:
        height = max(len(work) * row_height, SCHEDULE_LANE_MIN)
        lanes.append(ScheduleLane(label, len(work), y, height))
        for row, task in enumerate(work):
            left, right = x_of(task.start or task.due), x_of(task.due)
            bars.append(ScheduleBar(left, y + row * row_height, max(right - left, 2.0), _state(task)))
        y += height + SCHEDULE_LANE_GAP
    launch = next((Mark(x_of(m.date), m.title) for m in shown if m.id == "launch"), None)
    reviews = tuple(Mark(x_of(m.date), m.title) for m in shown if m.id in REVIEW_MILESTONES)
    months = _month_marks(start, end, x_of, fmt, track_width)
    return Schedule(
        CHART_WIDTH, y, track_x, track_width, months, row_height, tuple(lanes), tuple(bars), launch, reviews
    )


def _state(task: Task) -> str:
    if not task.status.is_open:
        return "closed"
    return "late" if task.late_start else "open"


TREND_WIDTH = 56.0
TREND_HEIGHT = 18.0
TREND_MARGIN = 2.0


@dataclass(frozen=True)
class Trend:
    """A KPI's course in a table cell: the baseline, then each actual measured after the launch, as a line, with
    the target as a dashed level; the title reads them out."""

    points: str
    """SVG polyline points, "x,y x,y …"."""
    last: tuple[float, float]
    target_y: float
    width: float
    height: float
    title: str


def trend(kpi: KpiLine, fmt: Formatter) -> Trend | None:
    """The trend of a KPI with a baseline and at least one actual; None otherwise."""
    if kpi.baseline is None or not kpi.actuals:
        return None
    values = [kpi.baseline, *(actual.value for actual in kpi.actuals)]
    low, high = min(*values, kpi.target), max(*values, kpi.target)
    span = (high - low) or 1.0

    def y(value: float) -> float:
        return round(TREND_HEIGHT - TREND_MARGIN - (value - low) / span * (TREND_HEIGHT - 2 * TREND_MARGIN), 2)

    step = (TREND_WIDTH - 2 * TREND_MARGIN) / (len(values) - 1)
    xy = [(round(TREND_MARGIN + i * step, 2), y(value)) for i, value in enumerate(values)]
    said = " → ".join(fmt.quantity(value, kpi.unit) for value in values)
    target = fmt.quantity(kpi.target, kpi.unit)
    return Trend(
        " ".join(f"{x},{y}" for x, y in xy),
        xy[-1],
        y(kpi.target),
        TREND_WIDTH,
        TREND_HEIGHT,
        _("{kpi}: {values}; target {target}", Lang(fmt.lang), kpi=kpi.name, values=said, target=target),
    )
