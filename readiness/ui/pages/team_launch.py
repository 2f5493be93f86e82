"""The team panel's launch preview: what the chosen channels require before and on launch day."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from readiness.core.assessment import Assessment
from readiness.core.content import Catalogs
from readiness.core.plan.builder import launch_date
from readiness.core.plan.facts import chosen_channels
from readiness.core.plan.model import Task, TaskKind
from readiness.core.plan.tasks import channel_items, task_context
from readiness.core.text import Lang
from readiness.ui.pages.formatting import format_date, owner_text
from readiness.ui.pages.widgets import rich_label
from readiness.ui.text import Texts

TEXT = Texts(
    {
        "preview": ("Before going live", "Antes del lanzamiento"),
        "blockers": ("Launch blockers ({count})", "Bloqueos de lanzamiento ({count})"),
        "day_one": ("Day-one checklist ({count})", "Lista del primer día ({count})"),
        "no_channels": (
            "Choose a primary channel in Channels to see what must be true before launch.",
            "Elegir un canal principal en Canales para ver qué debe estar listo antes del lanzamiento.",
        ),
        "nothing": ("Nothing for the chosen channels.", "Nada para los canales elegidos."),
        "due": ("due {date}", "vence el {date}"),
        "late": ("start at once", "empezar ya"),
        "status.doing": ("in progress", "en curso"),
        "status.done": ("done", "hecho"),
        "status.dropped": ("dropped", "descartado"),
    }
)


class LaunchPreview(QGroupBox):
    """Read-only: the launch blockers and the day-one checklist of the chosen channels."""

    def __init__(self, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(TEXT("preview", lang), parent)
        layout = QVBoxLayout(self)
        self.blockers, self.day_one = rich_label(), rich_label()
        layout.addWidget(self.blockers)
        layout.addWidget(self.day_one)
        layout.addStretch(1)

    def show_tasks(self, assessment: Assessment, catalogs: Catalogs, lang: Lang) -> None:
        chosen = chosen_channels(assessment, catalogs)
        if not chosen:
            self.blockers.setText(f"<p>{html.escape(TEXT('no_channels', lang))}</p>")
            self.day_one.setText("")
            self.day_one.hide()
            return
        context = task_context(assessment, catalogs, launch_date(assessment)[0])
        sections = ((self.blockers, TaskKind.BLOCKER, "blockers"), (self.day_one, TaskKind.DAY_ONE, "day_one"))
        for target, kind, key in sections:
            tasks = channel_items(kind, chosen, context)
            lines = [task_line(t, catalogs, lang) for t in tasks] or [html.escape(TEXT("nothing", lang))]
            heading = html.escape(TEXT(key, lang, count=len(tasks)))
            items = "".join(f"<li>{line}</li>" for line in lines)
            target.setText(f"<b>{heading}</b><ul style='margin-top:2px; margin-left:-24px'>{items}</ul>")
        self.day_one.show()


def task_line(task: Task, catalogs: Catalogs, lang: Lang) -> str:
    """Rich text: the title, then channel · owner · due date (and status when started)."""
    channel = catalogs.channels[task.channel].name.get(lang) if task.channel else ""
    details = [channel, owner_text(task, lang), TEXT("due", lang, date=format_date(lang, task.due))]
    if task.late_start:
        details.append(TEXT("late", lang))
    if task.status.value != "todo":
        details.append(TEXT(f"status.{task.status.value}", lang))
    detail = html.escape(" · ".join(d for d in details if d))
    return f"{html.escape(task.title)}<br/><small>{detail}</small>"
