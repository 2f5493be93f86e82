"""Review and generate: scores and what is still open, then the plan rendered, previewed and saved.

The scores table lives in ``review_scores``, the open questions and blockers in ``review_lists``, the
preview and the save dialogs in ``review_plan``, the saving itself in ``review_saving``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, Qt, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from readiness.core.coverage import fallback_note
from readiness.core.i18n import N_, _, ngettext
from readiness.core.plan.costs import cost_summary
from readiness.core.plan.model import Plan
from readiness.report.edition import Edition
from readiness.report.progress import RENDER_STEPS, render_step
from readiness.ui.jobs import Lane
from readiness.ui.pages.base import PageContext
from readiness.ui.pages.formatting import formatter
from readiness.ui.pages.inputs import ChoiceBox
from readiness.ui.pages.plan_viewer import PlanViewer
from readiness.ui.pages.reflow import Reflow
from readiness.ui.pages.review_lists import OpenItems
from readiness.ui.pages.review_plan import (
    SAVE_BUTTONS,
    load_pdf,
)
from readiness.ui.pages.review_saving import PlanSaving
from readiness.ui.pages.review_scores import (
    SCORE_COLUMNS,
    set_up_scores,
    show_explanation,
    show_scores,
)
from readiness.ui.pages.widgets import bare_column, split

if TYPE_CHECKING:
    from readiness.ui.render import RenderedPlan


class ReviewPanel(PlanSaving):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        lang = context.lang
        self.plan: Plan | None = None
        self.rendered: RenderedPlan | None = None
        self._rendering = False
        self._cancel_requested = False
        self._buffer: QBuffer | None = None
        self.fit = QLabel()
        self.fit.setWordWrap(True)
        self.cost = QLabel()
        self.cost.setWordWrap(True)
        self.cost.setToolTip(
            _(
                "From the volumes, times and prices in the Open step's questions; the plan shows each figure's basis.",
                lang,
            )
        )
        self.scores = QTableWidget(0, len(SCORE_COLUMNS))
        self.scores.setAccessibleName(_("Readiness scores", lang))
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.lists = OpenItems(lang)
        self.lists.question_activated.connect(self._show_question)
        self.unanswered, self.flagged, self.blockers = self.lists.unanswered, self.lists.flagged, self.lists.blockers
        self.edition = ChoiceBox()
        self.edition.addItem(_("Brief: at most six pages", lang), Edition.BRIEF.value)
        self.edition.addItem(_("Full plan", lang), Edition.FULL.value)
        self.edition.setAccessibleName(_("Edition", lang))
        self.edition.setToolTip(
            _("The brief is what a sponsor reads in five minutes; the full plan is what the team works from.", lang)
        )
        self.generate_button = self._button(N_("&Generate plan"), self.generate)
        self.generate_button.setToolTip(_("Build the plan from the current answers and preview it here.", lang))
        self.cancel_button = self._button(N_("&Cancel"), self.cancel)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Generation progress", lang))
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.viewer = PlanViewer(lang)
        self.document = self.viewer.document
        self.saved_path: Path | None = None
        self.open_saved = self._button(N_("&Open it"), lambda: self._open_saved(folder=False))
        self.show_saved = self._button(N_("Show in fol&der"), lambda: self._open_saved(folder=True))
        for button in (self.open_saved, self.show_saved):
            button.hide()
        self.placeholder = QLabel(_("The plan appears here once it is generated.", lang))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack = QStackedWidget()
        self.save_buttons = {
            kind: self._button(SAVE_BUTTONS[kind][0], partial(self._ask_and_save, kind)) for kind in SAVE_BUTTONS
        }
        for kind, button in self.save_buttons.items():
            button.setToolTip(_(SAVE_BUTTONS[kind][1], lang))
        self.save_buttons["pdf"].setEnabled(False)
        self._build_layout()
        set_up_scores(self.scores)
        renderer = context.renderer
        renderer.progress.connect(self._on_progress)
        renderer.finished.connect(self._on_finished)
        renderer.failed.connect(self._on_failed)
        self._awaiting_ahead = False
        ahead = context.ahead
        ahead.ready.connect(self._on_ahead_ready)
        ahead.failed.connect(self._on_ahead_failed)
        ahead.renderer.progress.connect(self._on_ahead_progress)
        context.session.changed.connect(self._assessment_changed)
        context.view.changed.connect(self._show_view)
        self._show_view()
        self._files = Lane("files", self)
        self.refresh()

    def title(self) -> str:
        return _("Review and generate", self.context.lang)

    @property
    def busy(self) -> bool:
        return self._rendering

    def refresh(self) -> None:
        """Recompute the scores, the open questions and the blockers from the current answers."""
        from readiness.core.plan.builder import build_plan

        session = self.context.session
        self.plan = build_plan(session.assessment, session.content, baseline=session.baseline)
        plan_lang = self.context.plan_lang
        show_scores(self.scores, self.fit, self.plan.readiness, plan_lang)
        self.cost.setText(cost_summary(self.plan.running_cost, plan_lang))
        show_explanation(self.explanation, self.plan.readiness, session.questionnaire.scoring, plan_lang)
        self.lists.show_plan(self.plan, session.questionnaire, session.assessment, session.content.catalogs.channels)
        if (ahead := self.context.ahead.current()) is not None:
            self._preview(ahead)
        else:
            self.context.ahead.soon()

    def _show_question(self, question_id: str) -> None:
        """A double-click on an unanswered or flagged question shows it on its step's Questions tab."""
        question = next((q for q in self.context.session.questionnaire.questions if q.id == question_id), None)
        if question is not None:
            self.place_requested.emit(question.step.value, 0, question_id)

    def _show_view(self) -> None:
        """The scoring formula is for the facilitator; the client sees the scores and what is left."""
        self.explanation.setVisible(not self.context.view.client)

    # Layout

    def _button(self, text: str, action: Callable[[], None]) -> QPushButton:
        button = QPushButton(_(text, self.context.lang))
        button.setAccessibleName(_(text, self.context.lang).replace("&", "").rstrip("…"))
        button.clicked.connect(lambda: action())
        return button

    def _build_layout(self) -> None:
        left, left_layout = bare_column()
        left_layout.addWidget(self.fit)
        left_layout.addWidget(self.cost)
        left_layout.addWidget(self.scores)
        left_layout.addWidget(self.explanation)
        left_layout.addWidget(self.lists, 1)

        actions = QHBoxLayout()
        edition_label = QLabel(_("Ed&ition:", self.context.lang))
        edition_label.setBuddy(self.edition)
        actions.addWidget(edition_label)
        actions.addWidget(self.edition)
        actions.addWidget(self.generate_button)
        actions.addWidget(self.cancel_button)
        actions.addStretch(1)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.viewer)
        halves: tuple[QVBoxLayout, QVBoxLayout] = (QVBoxLayout(), QVBoxLayout())
        for index, button in enumerate(self.save_buttons.values()):
            halves[index % 2].addWidget(button)
        saves = Reflow((halves[0], 1), (halves[1], 1), margins=False)  # one column when the scores need the room
        after_saving = QHBoxLayout()
        after_saving.addWidget(self.status, 1)
        after_saving.addWidget(self.open_saved)
        after_saving.addWidget(self.show_saved)
        right, right_layout = bare_column()
        right_layout.addLayout(actions)
        right_layout.addWidget(self.progress)
        right_layout.addLayout(after_saving)
        right_layout.addWidget(self.stack, 1)
        right_layout.addWidget(saves)

        # Halves: on a wide screen the plan gets a readable page, on a laptop the scores keep their bands whole;
        # Wide view gives the plan all of it.
        splitter = split(Qt.Orientation.Horizontal, left, right, (1, 1))
        self.viewer.wide_toggled.connect(lambda wide: left.setHidden(wide))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)  # the tab's frame is margin enough; presenting needs every pixel
        layout.addWidget(splitter)

    # Generating the plan

    def generate(self) -> None:
        """Render the plan from the current assessment; progress, the preview or the error follow. The brief of
        the current answers, when it was rendered in the background, is there at once."""
        lang = self.context.lang
        renderer, ahead = self.context.renderer, self.context.ahead
        if self._rendering:
            return
        request = self.context.plan_request(Edition(self.edition.currentData()))
        if request.edition is Edition.BRIEF and (ready := ahead.current()) is not None:
            self._present(ready, ahead=True)
            return
        if renderer.busy:
            self.status.setText(_("Another plan is being generated; try again in a moment.", lang))
            return
        self._rendering, self._cancel_requested = True, False
        self._set_busy(True)
        self.status.setText(_("Preparing the plan…", lang))
        if request.edition is Edition.BRIEF and ahead.rendering_current:
            self._awaiting_ahead = True  # the brief rendering in the background is this one: it answers
            return
        renderer.render(request)

    def cancel(self) -> None:
        if not self._rendering:
            return
        self._cancel_requested = True
        self.cancel_button.setEnabled(False)
        self.status.setText(_("Cancelling…", self.context.lang))
        if self._awaiting_ahead:  # the background render goes on, for later; this wait ends
            self._awaiting_ahead = False
            self._render_ended()
            return
        self.context.renderer.cancel()

    def _set_busy(self, busy: bool) -> None:
        self.generate_button.setEnabled(not busy)
        self.edition.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)

    @Slot(str)
    def _on_progress(self, message: str) -> None:
        step = render_step(message, self.context.lang)
        if not self._rendering or self._cancel_requested or step is None:
            return
        self.progress.setRange(0, RENDER_STEPS)
        self.progress.setValue(step[0])
        self.status.setText(step[1])

    def _render_ended(self) -> bool:
        """End the render under way; False when none was, or when it was cancelled (the status says so)."""
        if not self._rendering:
            return False
        self._rendering = False
        self._set_busy(False)
        if self._cancel_requested:
            self.status.setText(_("Generation cancelled.", self.context.lang))
            return False
        return True

    @Slot(object)
    def _on_finished(self, result: RenderedPlan) -> None:
        if self._render_ended():
            self._present(result)

    @Slot(object)
    def _on_ahead_ready(self, brief: RenderedPlan) -> None:
        if self._awaiting_ahead:
            self._awaiting_ahead = False
            self._on_finished(brief)
        elif self.isVisible():
            self._preview(brief)

    @Slot(str)
    def _on_ahead_progress(self, message: str) -> None:
        if self._awaiting_ahead:
            self._on_progress(message)

    @Slot(str)
    def _on_ahead_failed(self, _message: str) -> None:
        """The user's own render says what went wrong, if it goes wrong again."""
        if self._awaiting_ahead:
            self._awaiting_ahead = False
            self.context.renderer.render(self.context.plan_request(Edition.BRIEF))

    def _preview(self, brief: RenderedPlan) -> None:
        """The brief of the current answers, rendered in the background, in place of no plan or an outdated one."""
        shown = self.rendered
        if self._rendering or (shown is not None and shown.request == self.context.plan_request(shown.edition)):
            return
        if self._show_pdf(brief.pdf):
            self.rendered = brief
            self.save_buttons["pdf"].setEnabled(True)
            lang = self.context.lang
            self.status.setText(_("A preview of the brief, kept up to date as you edit. Generate makes either.", lang))

    def _present(self, result: RenderedPlan, *, ahead: bool = False) -> None:
        """The plan generated: shown, ready to save, and recorded in the library. ``ahead``: the brief rendered in
        the background, there at once."""
        lang = self.context.lang
        if not self._show_pdf(result.pdf):
            self.status.setText(_("The PDF could not be shown.", lang))
            return
        self.rendered = result
        self.save_buttons["pdf"].setEnabled(True)
        self._record_plan_generated()
        if ahead:
            ready = ngettext(
                "Plan ready: {count} page, prepared while you edited.",
                "Plan ready: {count} pages, prepared while you edited.",
                result.pages,
                lang,
            )
        else:
            seconds = formatter(lang).number(result.seconds)
            ready = ngettext(
                "Plan ready: {count} page in {seconds} s.",
                "Plan ready: {count} pages in {seconds} s.",
                result.pages,
                lang,
                seconds=seconds,
            )
        session = self.context.session
        note = fallback_note(session.content, session.questionnaire, self.context.plan_lang)
        self.status.setText(f"{ready} {note}" if note else ready)

    def _record_plan_generated(self) -> None:
        """The library list says a plan was generated, and when."""
        from readiness.store import mark_plan_generated

        session = self.context.session
        assessment_id = session.assessment_id
        session.service.submit(lambda db: mark_plan_generated(session=db, assessment_id=assessment_id))

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        if not self._render_ended():
            return
        lang = self.context.lang
        self.status.setText(_("The plan could not be generated: {message}", lang, message=message))
        self._show_error(message)

    def _show_pdf(self, pdf: bytes) -> bool:
        self._buffer, loaded = load_pdf(self.document, pdf, self, self._buffer)
        self.stack.setCurrentWidget(self.viewer if loaded else self.placeholder)
        return loaded

    def _assessment_changed(self) -> None:
        if self.rendered is not None and not self._rendering:
            self.status.setText(
                _(
                    "The answers changed after this plan was generated; generate it again to update it.",
                    self.context.lang,
                )
            )
