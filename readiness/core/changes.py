"""What one edit of an assessment changed, so that Undo and Redo can name it ("Undo removing a gap")."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from readiness.core.assessment import Assessment


class Part(StrEnum):
    """The parts of an assessment an edit can touch, in the order they are looked at."""

    LANGUAGE = "language"
    PROFILE = "profile"
    GAPS = "gaps"
    CHANNELS = "channels"
    TEAM = "team"
    PROMOTION = "promotion"
    KPIS = "kpis"
    TASKS = "overrides"
    REFINE = "refine"
    ANSWER = "answers"
    """Last: a tab's edit that also answers its linked question (core.linked) is named after the tab."""


class Rows(StrEnum):
    """For a list of rows (gaps, channels, surfaces, KPI targets): whether the edit added or removed one."""

    ADDED = "added"
    REMOVED = "removed"
    EDITED = "edited"


@dataclass(frozen=True)
class Change:
    part: Part
    subject: str = ""
    """The question answered, or the profile field changed; empty for other parts."""
    rows: Rows = Rows.EDITED

    @property
    def key(self) -> tuple[str, str]:
        """Two consecutive edits with the same key are one change to the user (typing a word, ticking boxes of
        one question)."""
        return self.part.value, self.subject


ROW_PARTS = (Part.GAPS, Part.CHANNELS, Part.PROMOTION, Part.KPIS)


def what_changed(before: Assessment, after: Assessment) -> Change | None:
    """The first part that differs (an edit touches one part, plus what ``core.linked`` keeps in step with it);
    None when nothing did."""
    for part in Part:
        old, new = getattr(before, part.value), getattr(after, part.value)
        if old == new:
            continue
        if part is Part.ANSWER:
            changed = sorted(q for q in {*old, *new} if old.get(q) != new.get(q))
            return Change(part, changed[0] if len(changed) == 1 else "")
        if part is Part.PROFILE:
            fields = [name for name in type(old).model_fields if getattr(old, name) != getattr(new, name)]
            return Change(part, fields[0] if len(fields) == 1 else "")
        if part in ROW_PARTS:
            return Change(part, rows=_rows(len(old), len(new)))
        return Change(part)
    return None


def _rows(before: int, after: int) -> Rows:
    if after > before:
        return Rows.ADDED
    return Rows.REMOVED if after < before else Rows.EDITED
