"""Import transcripts…: chat exports read and measured off the UI thread (progress, Cancel), the business chosen
among their participants, and each figure they give for a gap or a KPI baseline kept or left out by the user.

Only the aggregates reach the assessment (TranscriptEvidence): never a message, a name or a file name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from readiness.core.clock import today
from readiness.core.i18n import N_, _, ngettext
from readiness.core.plan.figures import number_text
from readiness.core.plan.transcripts import redacted_sentence
from readiness.core.transcripts.evidence import (
    Proposal,
    actuals_sentence,
    figure_name,
    proposals,
    provenance_sentence,
    settings_for,
    with_evidence,
)
from readiness.core.transcripts.model import Message, Thread
from readiness.core.transcripts.sources import Participants, threads_in
from readiness.ui.busy import Busy
from readiness.ui.jobs import Lane, Progress
from readiness.ui.messages import show_error

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPushButton

    from readiness.core.assessment import TranscriptEvidence
    from readiness.ui.pages.base import PageContext

T = TypeVar("T")
FILE_TYPES = "*.txt *.zip *.json *.csv"
FIGURE_LINES = {
    "gap": N_("{name}: {value} as measured value"),
    "kpi": N_("{name}: {value} as baseline"),
    "new_gap": N_("Add the gap \u201c{name}\u201d to the register, measured at {value}"),
}
CHECKED_EVERY = 20_000
"""Messages between two looks at Cancel (and two progress reports): about a fiftieth of a second's reading."""


class TranscriptImport(QObject):
    """Imports into the assessment, from the file dialog to the figures kept; ``start`` opens the file dialog. A
    QObject owned by the widget that offers it, so it lives as long as its button."""

    imported = Signal()
    """Figures were kept: the panel that offered the import shows them."""

    def __init__(self, parent: QWidget, context: PageContext) -> None:
        super().__init__(parent)
        self.parent_widget, self.context = parent, context
        self.lane = Lane("transcripts", self)
        self.paths: list[Path] = []

    @property
    def zone(self) -> ZoneInfo:
        assessment = self.context.session.assessment
        name = (assessment.team.coverage or assessment.profile.business_hours).timezone
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            return ZoneInfo("UTC")

    def start(self) -> None:
        from readiness.ui.file_dialogs import ask_open_files

        lang = self.context.lang
        folder = self.context.settings.save_folder("transcripts")
        caption = _("Import chat transcripts", lang)
        filter_text = _("Chat exports ({types})", lang, types=FILE_TYPES)
        self.paths = ask_open_files(self.parent_widget, lang, caption, folder, filter_text)
        if self.paths:
            self._run(_("Reading the transcripts…", lang), self._participants, self._choose_business)

    def _run(self, text: str, work: Callable[[Progress], T], done: Callable[[T], None]) -> None:
        """WORK on the transcripts lane with a progress window and Cancel; DONE with its result."""
        busy = Busy(self.parent_widget, text, self.context.lang)

        def finished(result: T) -> None:
            busy.finish()
            done(result)

        def failed(message: str) -> None:
            busy.finish()
            show_error(self.parent_widget, message)

        busy.follow(self.lane.run(work, finished, failed, busy.progress, busy.finish))

    def _threads(self, progress: Progress) -> Iterator[Thread]:
        lang, opened = self.context.lang, iter(range(1, len(self.paths) + 1))

        def reading(path: Path) -> None:
            progress.report(next(opened), len(self.paths), _("Reading {file}…", lang, file=path.name))

        for thread in threads_in(self.paths, self.zone, reading):
            yield Thread(thread.platform, thread.source, thread.key, _checked(thread, progress))

    def _participants(self, progress: Progress) -> Participants:
        found = Participants()
        for thread in self._threads(progress):
            found.add(thread)
        return found

    def _choose_business(self, found: Participants) -> None:
        from readiness.core.transcripts.helpdesk import BUSINESS_SENDER

        if BUSINESS_SENDER in found.messages:  # a helpdesk export marks the business's messages itself
            self._measure(None)
            return
        business = ask_business(self.parent_widget, self.context, found)
        if business is not None:
            self._measure(business)

    def _measure(self, business: str | None) -> None:
        lang = self.context.lang

        def work(progress: Progress) -> TranscriptEvidence:
            from readiness.core.transcripts.helpdesk import BUSINESS_SENDER
            from readiness.core.transcripts.measures import Analysis
            from readiness.core.transcripts.phrases import PhraseMatcher

            session = self.context.session
            settings = settings_for(session.assessment, business)
            analysis = Analysis(settings, PhraseMatcher.of(session.content.transcript_phrases), BUSINESS_SENDER)
            for thread in self._threads(progress):
                analysis.add(thread)
            return analysis.measures().evidence(today())

        self._run(_("Measuring the conversations…", lang), work, self._offer)

    def _offer(self, evidence: TranscriptEvidence) -> None:
        session = self.context.session
        offered = proposals(evidence, session.assessment, self.context.plan_lang)
        accepted = ask_figures(self.parent_widget, self.context, evidence, offered)
        if accepted is not None:
            session.update(lambda assessment: with_evidence(assessment, evidence, accepted))
            self.imported.emit()


def _checked(thread: Thread, progress: Progress) -> Iterator[Message]:
    for count, message in enumerate(thread.messages, 1):
        if count % CHECKED_EVERY == 0:
            progress.check()
        yield message


def ask_business(parent: QWidget, context: PageContext, found: Participants) -> str | None:
    """Which participant is the business: every participant with their message count, the likely business (else
    the busiest) chosen first; None when the user cancels."""
    from PySide6.QtWidgets import QInputDialog

    lang, counts = context.lang, found.messages
    names = [name for name, _count in counts.most_common()]
    likely = found.likely_business(context.session.assessment.profile.organisation)
    first = names.index(likely) if likely in names else 0
    items = [ngettext("{name} ({count} message)", "{name} ({count} messages)", counts[n], lang, name=n) for n in names]
    item, ok = QInputDialog.getItem(
        parent,
        _("Which participant is the business?", lang),
        _("The business's messages are its replies; everyone else is a customer.", lang),
        items,
        first,
        False,
    )
    return names[items.index(item)] if ok and item in items else None


def ask_figures(
    parent: QWidget, context: PageContext, evidence: TranscriptEvidence, offered: list[Proposal]
) -> list[Proposal] | None:
    """The figures the user keeps, each ticked at first; None when the user cancels (nothing is kept)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

    lang, catalogs = context.lang, context.session.content.catalogs
    dialog = QDialog(parent)
    dialog.setWindowTitle(_("Figures from the transcripts", lang))
    summary = QLabel(summary_text(evidence, context))
    summary.setWordWrap(True)
    figures = QListWidget()
    figures.setAccessibleName(_("Figures to keep", lang))
    for proposal in offered:
        name = figure_name(proposal, catalogs, lang)
        value = f"{number_text(proposal.value, lang, 1)} {proposal.unit}"
        line = _(FIGURE_LINES[proposal.kind], lang, name=name, value=value)
        if (now := current_value(context, proposal)) is not None:
            line += " " + _("(now {value})", lang, value=number_text(now, lang, 1))
        item = QListWidgetItem(line, figures)
        item.setCheckState(Qt.CheckState.Checked)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Keep the ticked figures", lang))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(summary)
    layout.addWidget(figures if offered else QLabel(_("No recorded gap or KPI target takes these figures.", lang)))
    layout.addWidget(buttons)
    dialog.resize(640, 420)
    kept = dialog.exec() == QDialog.DialogCode.Accepted
    ticked = [p for i, p in enumerate(offered) if figures.item(i).checkState() == Qt.CheckState.Checked]
    dialog.deleteLater()
    return ticked if kept else None


def current_value(context: PageContext, proposal: Proposal) -> float | None:
    """What the gap's measured value or the KPI's baseline is before the figure replaces it."""
    assessment = context.session.assessment
    if proposal.kind == "new_gap":
        return None
    if proposal.kind == "gap":
        return next((g.measured_value for g in assessment.gaps if g.id == proposal.id), None)
    return next((k.baseline for k in assessment.kpis if k.kpi == proposal.id), None)


def summary_text(evidence: TranscriptEvidence, context: PageContext) -> str:
    """What was measured and what was redacted, in a few lines."""
    lang = context.lang
    lines = [provenance_sentence(evidence, lang) + "."]
    if evidence.first_response_median_minutes is not None:
        median = number_text(evidence.first_response_median_minutes, lang, 1)
        lines.append(_("First response: median {median} min.", lang, median=median))
    lines.append(redacted_sentence(evidence, lang))
    if actuals := actuals_sentence(evidence, context.session.assessment, lang):
        lines.append(actuals)
    return "\n".join(lines)


def import_button(parent: QWidget, context: PageContext, refresh: Callable[[], None]) -> QPushButton:
    """ "Import transcripts…", as the gap register and the KPI targets offer it; REFRESH shows the figures kept."""
    from PySide6.QtWidgets import QPushButton

    lang = context.lang
    button = QPushButton(_("&Import transcripts…", lang))
    button.setToolTip(
        _(
            "Measure WhatsApp, Messenger, Instagram, Telegram, LINE or helpdesk exports on this computer and fill "
            "the gaps' measured values and the KPI baselines; only the figures are kept, never a message.",
            lang,
        )
    )
    importer = TranscriptImport(parent, context)
    button.clicked.connect(importer.start)
    importer.imported.connect(refresh)
    return button
