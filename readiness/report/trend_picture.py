"""A KPI's trend line as a small PNG, for the Word plan (Word has no inline SVG the way a PDF has): the same
geometry as the PDF's (``charts.trend``), drawn at four times its size with Pillow, which WeasyPrint already needs."""

from __future__ import annotations

import io

from readiness.report.charts import Trend
from readiness.report.theme import Colours

SCALE = 4
"""Pixels per unit of the chart's geometry: sharp when printed at the width the PDF gives it."""
LINE = 1.4
TARGET_DASH = 2.0


def trend_png(trend: Trend, colours: Colours) -> bytes:
    """The baseline through each actual as a line ending in a dot, the target as a dashed level."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (round(trend.width * SCALE), round(trend.height * SCALE)), "white")
    draw = ImageDraw.Draw(image)
    level = trend.target_y * SCALE
    dash = TARGET_DASH * SCALE
    start = 0.0
    while start < image.width:
        draw.line([(start, level), (min(start + dash, image.width), level)], fill=colours.muted, width=SCALE)
        start += 2 * dash
    points = [_scaled(point) for point in trend.points.split()]
    draw.line(points, fill=colours.primary, width=round(LINE * SCALE), joint="curve")
    x, y = (value * SCALE for value in trend.last)
    radius = 1.8 * SCALE
    draw.ellipse([(x - radius, y - radius), (x + radius, y + radius)], fill=colours.primary)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _scaled(point: str) -> tuple[float, float]:
    x, y = point.split(",")
    return float(x) * SCALE, float(y) * SCALE
