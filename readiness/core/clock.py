"""Today's date, read in one place: a plan is issued as of it.

``SOURCE_DATE_EPOCH`` (the reproducible-builds convention, seconds since 1970 in UTC) fixes the day, so that a
plan can be re-issued exactly as it was and the tests (and the commands they start) run on a day of their own.
"""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()
