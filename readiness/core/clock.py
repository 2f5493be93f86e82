"""Today's date and the time now, read in one place: a plan is issued as of today, and its calendar is stamped
with the time it was generated.

``SOURCE_DATE_EPOCH`` (the reproducible-builds convention, seconds since 1970 in UTC) fixes the clock, so that a
plan can be re-issued exactly as it was and the tests (and the commands they start) run at a time of their own.
"""

from __future__ import annotations

import datetime as dt
import os


def now() -> dt.datetime:
    """The time now in UTC, to the second."""
    fixed = _fixed_time()
    return fixed if fixed is not None else dt.datetime.now(dt.UTC).replace(microsecond=0)


def today() -> dt.date:
    fixed = _fixed_time()
    return fixed.date() if fixed is not None else dt.date.today()


def _fixed_time() -> dt.datetime | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else None
