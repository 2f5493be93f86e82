"""The team panel's launch preview: what the chosen channels require before and on launch day."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from readiness.core import clock
from readiness.core.assessment import Assessment
from readiness.core.content import Catalogs
from readiness.core.i18n import N_, _
from readiness.core.lang import Lang
from readiness.core.names import TASK_STATUS_NAMES, name
from readiness.core.plan.facts import chosen_channels
from readiness.core.plan.launch import launch_date
from readiness.core.plan.model import Task, TaskKind
from readiness.core.plan.owners import owner_text
from readiness.core.plan.tasks import channel_items, task_context
from readiness.ui.pages.formatting import format_date
from readiness.ui.pages.widgets import rich_label


class LaunchPreview(QGroupBox):
    """Read-only: the launch blockers and the day-one checklist of the chosen channels."""

    def __init__(self, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(_("Before going live", lang), parent)
        layout = QVBoxLayout(self)
        self.blockers, self.day_one = rich_label(), rich_label()
        layout.addWidget(self.blockers)
        layout.addWidget(self.day_one)
        layout.addStretch(1)

    def show_tasks(self, assessment: Assessment, catalogs: Catalogs, lang: Lang) -> None:
        chosen = chosen_channels(assessment, catalogs)
        if not chosen:
            hint = _("Choose a primary channel in Channels to see what must be true before launch.", lang)
            self.blockers.setText(f"<p>{html.escape(hint)}</p>")
            self.day_one.setText("")
            self.day_one.hide()
            return
        context = task_context(assessment, catalogs, launch_date(assessment)[0], clock.today())
        sections = (
            (self.blockers, TaskKind.BLOCKER, N_("Launch blockers ({count})")),
            (self.day_one, TaskKind.DAY_ONE, N_("Day-one checklist ({count})")),
        )
        for target, kind, title in sections:
            tasks = channel_items(kind, chosen, context)
            lines = [task_line(t, catalogs, lang) for t in tasks] or [
                html.escape(_("Nothing for the chosen channels.", lang))
            ]
            heading = html.escape(_(title, lang, count=len(tasks)))
            items = "".join(f"<li>{line}</li>" for line in lines)
            target.setText(f"<b>{heading}</b><ul style='margin-top:2px; margin-left:-24px'>{items}</ul>")
        self.day_one.show()


def task_line(task: Task, catalogs: Catalogs, lang: Lang) -> str:
    """Rich text: the title, then channel · owner · due date (and status when started)."""
    channel = catalogs.channels[task.channel].name.get(lang) if task.channel else ""
    details = [channel, owner_text(task, lang), _("due {date}", lang, date=format_date(lang, task.due))]
    if task.late_start:
        details.append(_("start at once", lang))
    if task.status.value != "todo":
        details.append(name(TASK_STATUS_NAMES, task.status.value, lang))
    detail = html.escape(" · ".join(d for d in details if d))
    return f"{html.escape(task.title)}<br/><small>{detail}</small>"
