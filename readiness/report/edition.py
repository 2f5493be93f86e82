"""The plan's two editions: a brief a sponsor reads in five minutes, and the full plan the team works from."""

from __future__ import annotations

from enum import StrEnum


class Edition(StrEnum):
    BRIEF = "brief"
    """At most six pages: dashboard, schedule, launch blockers and compliance, promotion, KPI targets."""
    FULL = "full"
    """Every chapter, with a table of contents."""
