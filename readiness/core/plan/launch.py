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


def next_reassessment(assessment: Assessment) -> dt.date:
    """The routine's next re-assessment: every "re-assess after" days from the launch, the first of them after the
    assessment's own date. Before the launch that is launch + those days; a re-assessment, made after the launch,
    plans the one after it rather than a day already past."""
    launch = launch_date(assessment)[0]
    every = assessment.refine.reassess_after_days
    periods = max(1, (assessment.created - launch).days // every + 1)
    return launch + dt.timedelta(days=every * periods)
