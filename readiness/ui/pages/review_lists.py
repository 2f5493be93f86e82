"""What is still open before the plan: the unanswered and the flagged questions, and the launch blockers, as
three tabs whose titles count them; an empty list says why it is empty. A re-assessment gets a first tab before
them: its comparison with its baseline (``review_cycle``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QTabWidget

from readiness.core.assessment import Assessment
from readiness.core.catalog import Channel
from readiness.core.i18n import N_, _
from readiness.core.lang import Lang
from readiness.core.names import TASK_STATUS_NAMES, name
from readiness.core.plan.model import Plan, Task
from readiness.core.plan.owners import owner_text
from readiness.core.questionnaire import Questionnaire
from readiness.ui.pages.formatting import format_date

if TYPE_CHECKING:
    from readiness.ui.pages.review_cycle import CycleView

LIST_TITLES = {
    "unanswered": N_("&Unanswered ({count})"),
    "flagged": N_("Flagg&ed ({count})"),
    "blockers": N_("Launch &blockers ({count})"),
}
EMPTY_NOTES = {
    "unanswered": N_("Every visible question is answered."),
    "flagged": N_("No question is flagged for follow-up."),
    "blockers": N_("No launch blockers for the chosen channels."),
    "no_channels": N_("No channels chosen yet: choose channels to see what must be done before launch."),
}


class OpenItems(QTabWidget):
    question_activated = Signal(str)
    """A question in the unanswered or flagged list was double-clicked: its id."""

    def __init__(self, lang: Lang) -> None:
        super().__init__()
        self.lang = lang
        self.setUsesScrollButtons(False)  # every tab's label in full: the column makes room instead of hiding one
        self.unanswered = self._list("unanswered")
        self.flagged = self._list("flagged")
        self.blockers = self._list("blockers")
        self.cycle: CycleView | None = None
        """Only for a re-assessment."""

    def show_plan(
        self, plan: Plan, questionnaire: Questionnaire, assessment: Assessment, channels: dict[str, Channel]
    ) -> None:
        self._show_cycle(plan)
        self._show_questions(self.unanswered, "unanswered", plan.scores.unanswered, questionnaire, assessment)
        self._show_questions(self.flagged, "flagged", plan.scores.flagged, questionnaire, assessment)
        self._show_blockers(plan.launch_blockers, channels, bool(assessment.channels))

    def _show_cycle(self, plan: Plan) -> None:
        """A re-assessment's first tab compares it with its baseline; other assessments have no such tab."""
        if plan.cycle is None:
            if self.cycle is not None:
                self.removeTab(self.indexOf(self.cycle))
                self.cycle.deleteLater()
                self.cycle = None
            return
        if self.cycle is None:
            from readiness.ui.pages.review_cycle import CycleView

            self.cycle = CycleView(self.lang)
            self.insertTab(0, self.cycle, _("&Since the baseline", self.lang))
            self.setCurrentWidget(self.cycle)
        self.cycle.show_cycle(plan.cycle, Lang(plan.header.language))

    def _list(self, key: str) -> QListWidget:
        widget = QListWidget()
        widget.setAccessibleName(re.sub(r"\s*\(.*\)", "", _(LIST_TITLES[key], self.lang, count=0)).replace("&", ""))
        widget.setWordWrap(True)
        widget.setAlternatingRowColors(True)
        widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        if key != "blockers":
            widget.setToolTip(_("Double-click to go to the question.", self.lang))
            widget.itemActivated.connect(self._question_activated)
        self.addTab(widget, "")
        return widget

    def _show_questions(
        self,
        widget: QListWidget,
        key: str,
        question_ids: tuple[str, ...],
        questionnaire: Questionnaire,
        assessment: Assessment,
    ) -> None:
        numbers = {q.id: n for n, q in enumerate(questionnaire.questions, start=1)}
        widget.clear()
        for question_id in question_ids:
            question = questionnaire.question(question_id)
            if question is None:
                continue
            item = QListWidgetItem(f"{numbers[question_id]}. {question.text.get(self.lang)}")
            item.setData(Qt.ItemDataRole.UserRole, question_id)
            answer = assessment.answers.get(question_id)
            item.setToolTip(answer.note if answer is not None and answer.note else question_id)
            widget.addItem(item)
        self._finish(widget, key, EMPTY_NOTES[key])

    def _show_blockers(self, blockers: tuple[Task, ...], channels: dict[str, Channel], chosen: bool) -> None:
        lang = self.lang
        self.blockers.clear()
        for task in blockers:
            channel = channels.get(task.channel or "")
            status = name(TASK_STATUS_NAMES, task.status.value, lang)
            late = " · " + _("starts late", lang) if task.late_start else ""
            parts = (
                channel.name.get(lang) if channel else "",
                owner_text(task, lang),
                format_date(lang, task.due),
                status,
            )
            item = QListWidgetItem(f"{task.title}\n{' · '.join(p for p in parts if p)}{late}")
            item.setToolTip(task.detail or task.title)
            self.blockers.addItem(item)
        self._finish(self.blockers, "blockers", EMPTY_NOTES["blockers" if chosen else "no_channels"])

    def _finish(self, widget: QListWidget, key: str, empty_note: str) -> None:
        """The tab counts its items; an empty list says why, in an item that cannot be selected."""
        count = widget.count()
        if count == 0:
            item = QListWidgetItem(_(empty_note, self.lang))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            widget.addItem(item)
        self.setTabText(self.indexOf(widget), _(LIST_TITLES[key], self.lang, count=count))

    def _question_activated(self, item: QListWidgetItem) -> None:
        question_id = item.data(Qt.ItemDataRole.UserRole)
        if question_id:
            self.question_activated.emit(str(question_id))
