"""The refine routine: how often transcripts are reviewed and when the assessment is run again."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QSpinBox, QWidget

from readiness.core.assessment import REASSESS_DAYS, Assessment, Refine
from readiness.core.catalog import Cadence
from readiness.core.i18n import N_, _
from readiness.core.names import label
from readiness.core.plan.launch import next_reassessment
from readiness.ui.pages.base import PageContext
from readiness.ui.pages.formatting import format_date
from readiness.ui.pages.kpis_table import capitalised
from readiness.ui.pages.widgets import count_days, name_input


class RefineRoutine(QGroupBox):
    """The routine's two fields; each edit is written to the session straight away."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(_("Refine routine", context.lang), parent)
        self.context = context
        lang = context.lang
        self.transcripts = QComboBox()
        self.transcripts.setAccessibleName(_("Review tra&nscripts", lang).replace("&", ""))
        self.transcripts.setToolTip(_("How often the team reads a sample of conversations to find what to fix.", lang))
        for cadence in Cadence:
            self.transcripts.addItem(capitalised(label("cadence", cadence, lang)), cadence.value)
        self.reassess = QSpinBox()
        name_input(self.reassess, _("Re-assess a&fter", lang).replace("&", ""))
        self.reassess.setRange(*REASSESS_DAYS)
        self.reassess.setSingleStep(30)
        count_days(self.reassess, lang)
        self.reassess_date = QLabel()
        self.reassess_date.setWordWrap(True)
        form = QFormLayout(self)
        for text, widget in ((N_("Review tra&nscripts"), self.transcripts), (N_("Re-assess a&fter"), self.reassess)):
            caption = QLabel(_(text, lang))
            caption.setBuddy(widget)
            form.addRow(caption, widget)
        form.addRow(self.reassess_date)

    def connect_edits(self) -> None:
        """Write the fields' edits to the session from now on."""
        self.transcripts.currentIndexChanged.connect(self._transcripts_changed)
        self.reassess.valueChanged.connect(self._reassess_changed)

    def refresh(self) -> None:
        refine = self.context.session.assessment.refine
        for widget in (self.transcripts, self.reassess):
            widget.blockSignals(True)
        self.transcripts.setCurrentIndex(self.transcripts.findData(refine.transcript_review.value))
        self.reassess.setValue(refine.reassess_after_days)
        for widget in (self.transcripts, self.reassess):
            widget.blockSignals(False)
        self._show_reassess_date()

    def _transcripts_changed(self) -> None:
        cadence = Cadence(self.transcripts.currentData())
        self._write_refine(transcript_review=cadence)

    def _reassess_changed(self, days: int) -> None:
        self._write_refine(reassess_after_days=days)
        self._show_reassess_date()

    def _write_refine(self, **changes: object) -> None:
        def change(assessment: Assessment) -> Assessment:
            refine: Refine = assessment.refine.model_copy(update=changes)
            return assessment.model_copy(update={"refine": refine})

        self.context.session.update(change)

    def _show_reassess_date(self) -> None:
        lang = self.context.lang
        day = next_reassessment(self.context.session.assessment)
        text = _(
            "Days after launch to run this assessment again, and as many days between the ones after; next on {date}.",
            lang,
            date=format_date(lang, day),
        )
        self.reassess.setToolTip(text)
        self.reassess_date.setText(text)
