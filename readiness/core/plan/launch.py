"""The day the channel launches: the one the profile gives, or one assumed from the assessment's date."""

from __future__ import annotations

import datetime as dt

from readiness.core.assessment import Assessment

DEFAULT_LEAD_DAYS = 60
"""Launch date assumed when the profile has none: this many days after the assessment."""


def launch_date(assessment: Assessment) -> tuple[dt.date, bool]:
    """The launch date, and whether it was assumed."""
    given = assessment.profile.launch_date
    if given is not None:
        return given, False
    return assessment.created + dt.timedelta(days=DEFAULT_LEAD_DAYS), True
