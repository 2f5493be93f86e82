"""The refine routine: how often transcripts are reviewed and when the assessment is run again."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QSpinBox, QWidget

from readiness.core.assessment import Assessment, Refine
from readiness.core.catalog import Cadence
from readiness.core.plan.builder import launch_date
from readiness.core.plan.messages import label
from readiness.ui.pages.base import PageContext
from readiness.ui.pages.formatting import format_date
from readiness.ui.pages.kpis_table import TEXT as TABLE_TEXT
from readiness.ui.pages.kpis_table import capitalised
from readiness.ui.pages.widgets import name_input
from readiness.ui.text import Texts

TEXT = Texts(
    {
        "refine": ("Refine routine", "Rutina de mejora"),
        "refine.transcripts": ("Review tra&nscripts", "Revisar &conversaciones"),
        "refine.transcripts.help": (
            "How often the team reads a sample of conversations to find what to fix.",
            "Con qué frecuencia el equipo lee una muestra de conversaciones para detectar qué mejorar.",
        ),
        "refine.reassess": ("Re-assess a&fter", "Volver a &evaluar tras"),
        "refine.reassess.help": (
            "Days after launch to run this assessment again; on {date}.",
            "Días tras el lanzamiento para repetir esta evaluación; el {date}.",
        ),
    }
)


class RefineRoutine(QGroupBox):
    """The routine's two fields; each edit is written to the session straight away."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(TEXT("refine", context.lang), parent)
        self.context = context
        lang = context.lang
        self.transcripts = QComboBox()
        self.transcripts.setAccessibleName(TEXT("refine.transcripts", lang).replace("&", ""))
        self.transcripts.setToolTip(TEXT("refine.transcripts.help", lang))
        for cadence in Cadence:
            self.transcripts.addItem(capitalised(label("cadence", cadence, lang)), cadence.value)
        self.reassess = QSpinBox()
        name_input(self.reassess, TEXT("refine.reassess", lang).replace("&", ""))
        self.reassess.setRange(30, 730)
        self.reassess.setSingleStep(30)
        self.reassess.setSuffix(TABLE_TEXT("days", lang))
        self.reassess_date = QLabel()
        self.reassess_date.setWordWrap(True)
        form = QFormLayout(self)
        for key, widget in (("refine.transcripts", self.transcripts), ("refine.reassess", self.reassess)):
            caption = QLabel(TEXT(key, lang))
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
        launch, _ = launch_date(self.context.session.assessment)
        day = launch + dt.timedelta(days=self.reassess.value())
        text = TEXT("refine.reassess.help", lang, date=format_date(lang, day))
        self.reassess.setToolTip(text)
        self.reassess_date.setText(text)
