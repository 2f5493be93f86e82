"""Who does a task, in words: the same in the app, the printed plan's lists and the calendar."""

from __future__ import annotations

from readiness.core.i18n import _
from readiness.core.lang import Lang
from readiness.core.plan.model import Task


def owner_text(task: Task, lang: Lang | str) -> str:
    """The person with the roles they hold, and the role the task calls for when it is not one of theirs; the
    task's role alone when nobody is named."""
    if not task.owner:
        return task.owner_role_label
    notes = [task.owner_title] if task.owner_title else []
    if not task.owner_holds_role:
        notes.append(_("task role: {role}", lang, role=task.owner_role_label))
    return f"{task.owner} ({'; '.join(notes)})" if notes else task.owner
