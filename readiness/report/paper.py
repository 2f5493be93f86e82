"""Paper sizes of the printed plan (a light module: the app reads it before any template is loaded)."""

from __future__ import annotations

from enum import StrEnum


class Paper(StrEnum):
    A4 = "a4"
    LETTER = "letter"
