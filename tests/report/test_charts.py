"""The timeline's month labels never print over each other, however long the plan runs."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from readiness.core.plan.model import Milestone
from readiness.report.charts import AVERAGE_GLYPH_WIDTH, MONTH_FONT_SIZE, timeline
from readiness.report.fmt import Formatter


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("months", [1, 3, 9, 14, 25, 60])
def test_month_labels_keep_apart(lang: str, months: int) -> None:
    start = dt.date(2026, 11, 24)
    end = start + dt.timedelta(days=round(months * 30.5))
    chart = timeline((Milestone("start", "Start", start), Milestone("end", "End", end)), Formatter(lang))
    marks = chart.months
    assert marks  # at least one month is named
    for left, right in itertools.pairwise(marks):
        widths = (len(m.label) * MONTH_FONT_SIZE * AVERAGE_GLYPH_WIDTH for m in (left, right))
        assert right.x - left.x >= sum(widths) / 2, (left, right)
    assert all(chart.track_x <= m.x <= chart.track_x + chart.track_width for m in marks)
