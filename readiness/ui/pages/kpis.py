"""Refine: KPI targets, pre-filled from the catalog's sourced defaults, and the routine that closes the cycle."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QEvent, QLocale, QObject, QSize, Qt
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readiness.core.assessment import Assessment, KpiTarget, Refine
from readiness.core.catalog import Cadence, Kpi
from readiness.core.plan.builder import launch_date
from readiness.core.plan.kpis import DEFAULT_DEADLINE_DAYS, suggested_kpis
from readiness.core.plan.messages import label
from readiness.core.text import Lang
from readiness.ui.pages.base import PageContext, Panel
from readiness.ui.pages.formatting import format_date, formatter
from readiness.ui.pages.widgets import name_input
from readiness.ui.text import Texts

TEXT = Texts(
    {
        "title": ("KPI targets", "Objetivos"),
        "intro": (
            "The figures to track after launch. Deadlines count from the launch date ({launch}).",
            "Las cifras que se seguirán tras el lanzamiento. Los plazos se cuentan desde la fecha de lanzamiento "
            "({launch}).",
        ),
        "intro.assumed": (
            " The launch date is assumed; set it in the profile.",
            " La fecha es supuesta; se puede fijar en el perfil.",
        ),
        "suggest": (
            "No targets yet: for the chosen channels the plan will use these sourced targets: {kpis}. "
            "Add them to adjust them.",
            "Aún no hay objetivos: para los canales elegidos el plan usará estos objetivos con fuentes: {kpis}. "
            "Se pueden añadir para ajustarlos.",
        ),
        "suggest.none": (
            "No targets yet. Choose channels first to get suggested targets, or add targets one by one.",
            "Aún no hay objetivos. Elegir antes los canales para recibir sugerencias, o añadir objetivos uno a uno.",
        ),
        "add_suggested": ("Add &suggested targets", "Añadir objetivos &sugeridos"),
        "add": ("&Add target", "&Añadir objetivo"),
        "remove": ("&Remove selected target", "&Quitar el objetivo seleccionado"),
        "targets": ("&Targets", "&Objetivos"),
        "column.kpi": ("KPI", "Indicador"),
        "column.baseline": ("Baseline", "Valor actual"),
        "column.target": ("Target", "Objetivo"),
        "column.unit": ("Unit", "Unidad"),
        "column.deadline": ("Deadline", "Plazo"),
        "column.owner": ("Owner", "Responsable"),
        "column.data_source": ("Data source", "Fuente de datos"),
        "column.cadence": ("Cadence", "Frecuencia"),
        "help.kpi": (
            "Choosing a KPI fills in its sourced default target.",
            "Al elegir un indicador se rellena su objetivo de referencia.",
        ),
        "help.baseline": (
            "Today's figure, if it is known; leave empty otherwise.",
            "La cifra actual, si se conoce; si no, dejar vacío.",
        ),
        "help.target": ("The figure to reach by the deadline.", "La cifra que se quiere alcanzar en el plazo."),
        "help.deadline": (
            "Days after launch; due on {date}.",
            "Días tras el lanzamiento; vence el {date}.",
        ),
        "help.deadline.header": ("Days after the launch date.", "Días tras la fecha de lanzamiento."),
        "help.data_source": (
            "Where the figure comes from; empty uses the catalog's suggestion.",
            "De dónde sale la cifra; si se deja vacío se usa la sugerencia del catálogo.",
        ),
        "help.cadence": ("How often the figure is reviewed.", "Con qué frecuencia se revisa la cifra."),
        "cell": ("{column}, row {row}", "{column}, fila {row}"),
        "days": (" days", " días"),
        "cadence.default": ("{cadence} (suggested)", "{cadence} (sugerida)"),
        "details": ("About the selected KPI", "Sobre el indicador seleccionado"),
        "details.none": (
            "Select a target to see how its KPI is measured and where its default comes from.",
            "Seleccionar un objetivo para ver cómo se mide su indicador y de dónde sale su valor de referencia.",
        ),
        "details.formula": ("Formula", "Fórmula"),
        "details.benchmark": ("Benchmark", "Referencia"),
        "details.default": ("Sourced default target", "Objetivo de referencia"),
        "details.sources": ("Sources", "Fuentes"),
        "details.due": ("Deadline", "Plazo"),
        "direction.lower_is_better": ("lower is better", "cuanto menor, mejor"),
        "direction.higher_is_better": ("higher is better", "cuanto mayor, mejor"),
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

COLUMNS = ("kpi", "baseline", "target", "unit", "deadline", "owner", "data_source", "cadence")


def number_locale(lang: Lang) -> QLocale:
    """The language's number format, without group separators, so '1,5' is never read as 15."""
    if lang is Lang.ES:
        locale = QLocale(QLocale.Language.Spanish, QLocale.Country.Spain)
    else:
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator | QLocale.NumberOption.RejectGroupSeparator)
    return locale


def format_number(locale: QLocale, value: float) -> str:
    text = locale.toString(value, "f", 4)
    decimal = locale.decimalPoint()
    return text.rstrip("0").rstrip(decimal) if decimal in text else text


def parse_number(locale: QLocale, text: str) -> float | None:
    """The number typed, or None when the text is not (yet) a number."""
    value, ok = locale.toDouble(text.strip())
    return float(value) if ok else None


class _NumberEdit(QLineEdit):
    """A line edit as wide as a number needs, not as wide as a sentence."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(self.fontMetrics().horizontalAdvance("0" * 9) + 12, hint.height())


@dataclass
class _Row:
    """The editors of one target row; their position in the table is the target's index."""

    kpi: QComboBox
    baseline: QLineEdit
    target: QDoubleSpinBox
    unit: QTableWidgetItem
    deadline: QSpinBox
    owner: QLineEdit
    data_source: QLineEdit
    cadence: QComboBox

    def editors(self) -> tuple[QWidget, ...]:
        return (self.kpi, self.baseline, self.target, self.deadline, self.owner, self.data_source, self.cadence)


class KpiPanel(Panel):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        lang = context.lang
        self._locale = number_locale(lang)
        self._rows: list[_Row] = []
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.suggestion_box = QFrame()
        self.suggestion = QLabel()
        self.suggestion.setWordWrap(True)
        self.add_suggested = self._button("add_suggested", self._add_suggested_targets)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName(TEXT("targets", lang).replace("&", ""))
        self.add = self._button("add", self.add_target)
        self.remove = self._button("remove", self.remove_selected)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setOpenExternalLinks(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.transcripts = QComboBox()
        self.transcripts.setAccessibleName(TEXT("refine.transcripts", lang).replace("&", ""))
        self.transcripts.setToolTip(TEXT("refine.transcripts.help", lang))
        for cadence in Cadence:
            self.transcripts.addItem(_capitalised(label("cadence", cadence, lang)), cadence.value)
        self.reassess = QSpinBox()
        name_input(self.reassess, TEXT("refine.reassess", lang).replace("&", ""))
        self.reassess.setRange(30, 730)
        self.reassess.setSingleStep(30)
        self.reassess.setSuffix(TEXT("days", lang))
        self.reassess_date = QLabel()
        self.reassess_date.setWordWrap(True)
        self._build_layout()
        self._set_up_table()
        self.refresh()
        self.table.currentCellChanged.connect(lambda *_: self._show_details())
        self.transcripts.currentIndexChanged.connect(self._transcripts_changed)
        self.reassess.valueChanged.connect(self._reassess_changed)

    def title(self) -> str:
        return TEXT("title", self.context.lang)

    def refresh(self) -> None:
        assessment = self.context.session.assessment
        launch, assumed = launch_date(assessment)
        lang = self.context.lang
        self.intro.setText(
            TEXT("intro", lang, launch=format_date(lang, launch)) + (TEXT("intro.assumed", lang) if assumed else "")
        )
        self._fill_table()
        self._show_suggestion()
        for widget in (self.transcripts, self.reassess):
            widget.blockSignals(True)
        self.transcripts.setCurrentIndex(self.transcripts.findData(assessment.refine.transcript_review.value))
        self.reassess.setValue(assessment.refine.reassess_after_days)
        for widget in (self.transcripts, self.reassess):
            widget.blockSignals(False)
        self._show_reassess_date()
        self._show_details()

    # Layout

    def _button(self, key: str, action: Callable[[], None]) -> QPushButton:
        button = QPushButton(TEXT(key, self.context.lang))
        button.setAccessibleName(TEXT(key, self.context.lang).replace("&", ""))
        button.clicked.connect(lambda: action())
        return button

    def _build_layout(self) -> None:
        lang = self.context.lang
        self.suggestion_box.setFrameShape(QFrame.Shape.StyledPanel)
        suggestion_layout = QHBoxLayout(self.suggestion_box)
        suggestion_layout.addWidget(self.suggestion, 1)
        suggestion_layout.addWidget(self.add_suggested, 0, Qt.AlignmentFlag.AlignVCenter)
        targets_label = QLabel(TEXT("targets", lang))
        targets_label.setBuddy(self.table)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        details = QGroupBox(TEXT("details", lang))
        details_layout = QVBoxLayout(details)
        details_layout.addWidget(self.details)
        details_layout.addStretch(1)
        refine = QGroupBox(TEXT("refine", lang))
        form = QFormLayout(refine)
        for key, widget in (("refine.transcripts", self.transcripts), ("refine.reassess", self.reassess)):
            caption = QLabel(TEXT(key, lang))
            caption.setBuddy(widget)
            form.addRow(caption, widget)
        form.addRow(self.reassess_date)
        bottom = QHBoxLayout()
        bottom.addWidget(details, 3)
        bottom.addWidget(refine, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.suggestion_box)
        layout.addWidget(targets_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(bottom)

    def _set_up_table(self) -> None:
        lang = self.context.lang
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for column, key in enumerate(COLUMNS):
            header = QTableWidgetItem(TEXT(f"column.{key}", lang))
            if key == "deadline":
                header.setToolTip(TEXT("help.deadline.header", lang))
            self.table.setHorizontalHeaderItem(column, header)
        header_view = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            header_view.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header_view.setSectionResizeMode(COLUMNS.index("data_source"), QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    # Table rows

    def _fill_table(self) -> None:
        current = self.table.currentRow()
        self._rows = []
        self.table.setRowCount(0)
        for target in self.context.session.assessment.kpis:
            self._add_row(target)
        if self._rows:
            self.table.setCurrentCell(min(max(current, 0), len(self._rows) - 1), 0)
        self.remove.setEnabled(bool(self._rows))

    def _add_row(self, target: KpiTarget) -> None:
        lang = self.context.lang
        index = self.table.rowCount()
        self.table.insertRow(index)
        row = _Row(
            kpi=self._kpi_combo(),
            baseline=_NumberEdit(),
            target=QDoubleSpinBox(),
            unit=QTableWidgetItem(),
            deadline=QSpinBox(),
            owner=QLineEdit(),
            data_source=QLineEdit(),
            cadence=QComboBox(),
        )
        validator = QDoubleValidator(row.baseline)
        validator.setLocale(self._locale)
        validator.setNotation(QDoubleValidator.Notation.StandardNotation)
        row.baseline.setValidator(validator)
        row.baseline.setPlaceholderText("—")
        row.target.setLocale(self._locale)
        row.target.setRange(-1e6, 1e6)
        row.target.setDecimals(2)
        row.deadline.setRange(1, 730)
        row.deadline.setSuffix(TEXT("days", lang))
        row.unit.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        for key in ("kpi", "baseline", "target", "cadence"):
            getattr(row, key).setToolTip(TEXT(f"help.{key}", lang))
        self._rows.append(row)
        self._show_row(row, target)
        for column, key in enumerate(COLUMNS):
            if key == "unit":
                self.table.setItem(index, column, row.unit)
                continue
            widget: QWidget = getattr(row, key)
            name_input(widget, TEXT("cell", lang, column=TEXT(f"column.{key}", lang), row=index + 1))
            widget.installEventFilter(self)
            self.table.setCellWidget(index, column, widget)
        self._connect_row(row)

    def _kpi_combo(self) -> QComboBox:
        combo = QComboBox()
        for kpi in self.context.session.content.catalogs.kpis.values():
            combo.addItem(kpi.name.get(self.context.lang), kpi.id)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _show_row(self, row: _Row, target: KpiTarget) -> None:
        """Put one target's values in its editors, without writing them back."""
        lang = self.context.lang
        kpi = self._kpi(target.kpi)
        for widget in row.editors():
            widget.blockSignals(True)
        row.kpi.setCurrentIndex(row.kpi.findData(target.kpi))
        row.baseline.setText("" if target.baseline is None else format_number(self._locale, target.baseline))
        row.target.setValue(target.target)
        row.unit.setText(kpi.unit.get(lang) if kpi else "")
        row.deadline.setValue(target.deadline_days)
        row.deadline.setToolTip(TEXT("help.deadline", lang, date=format_date(lang, self._deadline(target))))
        row.owner.setText(target.owner)
        row.data_source.setText(target.data_source)
        row.data_source.setCursorPosition(0)
        suggestion = kpi.data_source.get(lang) if kpi else ""
        row.data_source.setPlaceholderText(suggestion)
        row.data_source.setToolTip(f"{TEXT('help.data_source', lang)}\n{suggestion}".strip())
        row.cadence.clear()
        default = label("cadence", kpi.cadence, lang) if kpi else ""
        row.cadence.addItem(TEXT("cadence.default", lang, cadence=_capitalised(default)), None)
        for cadence in Cadence:
            row.cadence.addItem(_capitalised(label("cadence", cadence, lang)), cadence.value)
        row.cadence.setCurrentIndex(row.cadence.findData(target.cadence.value) if target.cadence else 0)
        for widget in row.editors():
            widget.blockSignals(False)

    def _connect_row(self, row: _Row) -> None:
        row.kpi.currentIndexChanged.connect(lambda _: self._kpi_picked(row))
        row.baseline.textEdited.connect(lambda text: self._baseline_edited(row, text))
        row.target.valueChanged.connect(lambda value: self._write(row, target=float(value)))
        row.deadline.valueChanged.connect(lambda value: self._deadline_changed(row, int(value)))
        row.owner.textEdited.connect(lambda text: self._write(row, owner=text))
        row.data_source.textEdited.connect(lambda text: self._write(row, data_source=text))
        row.cadence.currentIndexChanged.connect(lambda _: self._cadence_changed(row))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Focusing an editor selects its row, so the details and Remove follow the keyboard."""
        if event.type() == QEvent.Type.FocusIn:
            for index, row in enumerate(self._rows):
                if watched in row.editors() and self.table.currentRow() != index:
                    self.table.setCurrentCell(index, 0)
        return super().eventFilter(watched, event)

    # Edits

    def _index(self, row: _Row) -> int:
        return self._rows.index(row)

    def _target(self, row: _Row) -> KpiTarget:
        return self.context.session.assessment.kpis[self._index(row)]

    def _write(self, row: _Row, **changes: object) -> None:
        index = self._index(row)

        def change(assessment: Assessment) -> Assessment:
            kpis = tuple(k.model_copy(update=changes) if i == index else k for i, k in enumerate(assessment.kpis))
            return assessment.model_copy(update={"kpis": kpis})

        self.context.session.update(change)

    def _kpi_picked(self, row: _Row) -> None:
        kpi = self._kpi(str(row.kpi.currentData()))
        if kpi is None:
            return
        self._write(row, kpi=kpi.id, target=kpi.default_target, baseline=None, data_source="", cadence=None)
        self._show_row(row, self._target(row))
        self._show_details()

    def _baseline_edited(self, row: _Row, text: str) -> None:
        if not text.strip():
            self._write(row, baseline=None)
        elif (value := parse_number(self._locale, text)) is not None:
            self._write(row, baseline=value)

    def _deadline_changed(self, row: _Row, days: int) -> None:
        self._write(row, deadline_days=days)
        due = format_date(self.context.lang, self._deadline(self._target(row)))
        row.deadline.setToolTip(TEXT("help.deadline", self.context.lang, date=due))
        self._show_details()

    def _cadence_changed(self, row: _Row) -> None:
        value = row.cadence.currentData()
        self._write(row, cadence=Cadence(value) if value else None)

    def add_target(self) -> None:
        """Add a row for the first suggested KPI not yet used (or any unused one), with its sourced default."""
        used = {k.kpi for k in self.context.session.assessment.kpis}
        catalog = self.context.session.content.catalogs.kpis
        candidates = [*self._suggested(), *catalog.values()]
        kpi = next((k for k in candidates if k.id not in used), next(iter(catalog.values()), None))
        if kpi is None:
            return
        added = KpiTarget(kpi=kpi.id, target=kpi.default_target, deadline_days=DEFAULT_DEADLINE_DAYS)
        self.context.session.update(lambda a: a.model_copy(update={"kpis": (*a.kpis, added)}))
        self._after_rows_changed(len(self.context.session.assessment.kpis) - 1)

    def remove_selected(self) -> None:
        index = self.table.currentRow()
        if not 0 <= index < len(self._rows):
            return
        self.context.session.update(
            lambda a: a.model_copy(update={"kpis": tuple(k for i, k in enumerate(a.kpis) if i != index)})
        )
        self._after_rows_changed(min(index, len(self.context.session.assessment.kpis) - 1))

    def _add_suggested_targets(self) -> None:
        suggested = tuple(
            KpiTarget(kpi=k.id, target=k.default_target, deadline_days=DEFAULT_DEADLINE_DAYS) for k in self._suggested()
        )
        if suggested:
            self.context.session.update(lambda a: a.model_copy(update={"kpis": suggested}))
            self._after_rows_changed(0)

    def _after_rows_changed(self, select: int) -> None:
        self._fill_table()
        self._show_suggestion()
        if 0 <= select < len(self._rows):
            self.table.setCurrentCell(select, 0)
            self._rows[select].kpi.setFocus()
        self._show_details()

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

    # What the panel shows besides the editors

    def _kpi(self, kpi_id: str) -> Kpi | None:
        return self.context.session.content.catalogs.kpis.get(kpi_id)

    def _suggested(self) -> list[Kpi]:
        assessment = self.context.session.assessment
        chosen = tuple(c.channel for c in sorted(assessment.channels, key=lambda c: c.role != "primary"))
        return suggested_kpis(chosen, self.context.session.content.catalogs)

    def _deadline(self, target: KpiTarget) -> dt.date:
        launch, _ = launch_date(self.context.session.assessment)
        return launch + dt.timedelta(days=target.deadline_days)

    def _show_suggestion(self) -> None:
        lang = self.context.lang
        empty = not self.context.session.assessment.kpis
        self.suggestion_box.setVisible(empty)
        suggested = self._suggested()
        self.add_suggested.setEnabled(empty and bool(suggested))
        if not suggested:
            self.suggestion.setText(TEXT("suggest.none", lang))
            return
        names = "; ".join(
            f"{k.name.get(lang)} ({formatter(lang).quantity(k.default_target, k.unit.get(lang))})" for k in suggested
        )
        self.suggestion.setText(TEXT("suggest", lang, kpis=names))

    def _show_details(self) -> None:
        lang = self.context.lang
        index = self.table.currentRow()
        kpis = self.context.session.assessment.kpis
        if not 0 <= index < len(kpis) or (kpi := self._kpi(kpis[index].kpi)) is None:
            self.details.setText(escape(TEXT("details.none", lang)))
            return
        self.details.setText(self._details_html(kpi, kpis[index]))

    def _details_html(self, kpi: Kpi, target: KpiTarget) -> str:
        lang = self.context.lang
        fmt = formatter(lang)
        default = fmt.quantity(kpi.default_target, kpi.unit.get(lang))
        direction = TEXT(f"direction.{kpi.direction.value}", lang)
        sources = "; ".join(
            f"<a href='{escape(s.url)}'>{escape(s.title)}</a> ({escape(fmt.date(s.as_of))})" for s in kpi.sources
        )
        lines = (
            f"<b>{escape(kpi.name.get(lang))}</b>: {escape(kpi.definition.get(lang))}",
            f"<b>{escape(TEXT('details.formula', lang))}:</b> {escape(kpi.formula.get(lang))}",
            f"<b>{escape(TEXT('details.benchmark', lang))}:</b> {escape(kpi.benchmark.get(lang))}",
            f"<b>{escape(TEXT('details.default', lang))}:</b> {escape(default)} ({escape(direction)})",
            f"<b>{escape(TEXT('details.due', lang))}:</b> {escape(format_date(lang, self._deadline(target)))}",
            f"<b>{escape(TEXT('details.sources', lang))}:</b> {sources}",
        )
        return "<br>".join(lines)

    def _show_reassess_date(self) -> None:
        lang = self.context.lang
        launch, _ = launch_date(self.context.session.assessment)
        day = launch + dt.timedelta(days=self.reassess.value())
        text = TEXT("refine.reassess.help", lang, date=format_date(lang, day))
        self.reassess.setToolTip(text)
        self.reassess_date.setText(text)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
