"""Review & generate: scores and what is still open, then the plan rendered, previewed and saved."""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable
from contextlib import suppress
from functools import partial
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QStandardPaths, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from readiness.core.assessment import Assessment
from readiness.core.content import Content
from readiness.core.plan.model import Plan, Task
from readiness.core.problems import ReadinessError
from readiness.core.questionnaire import ScoringMethod
from readiness.core.text import Lang
from readiness.ui.pages.base import PageContext, Panel
from readiness.ui.pages.formatting import format_date, formatter, owner_text
from readiness.ui.pages.widgets import bare_column, split
from readiness.ui.text import Texts

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView

    from readiness.core.plan.readiness import Readiness, ScoreLine
    from readiness.ui.render import RenderedPlan

TEXT = Texts(
    {
        "title": ("Review & generate", "Revisar y generar"),
        "scores": ("Readiness scores", "Puntuaciones de preparación"),
        "column.dimension": ("Dimension", "Dimensión"),
        "column.score": ("Score", "Puntuación"),
        "column.bar": ("", ""),
        "column.band": ("Band", "Nivel"),
        "overall": ("Overall", "Global"),
        "steps": ("Steps", "Pasos"),
        "reasons": ("Reasons", "Razones"),
        "score.of": ("{label}: {score} of 100, {band}", "{label}: {score} sobre 100, {band}"),
        "counts": (
            "{scored} scored, {na} N/A, {unanswered} unanswered, {skipped} skipped",
            "{scored} puntuadas, {na} N/A, {unanswered} sin responder, {skipped} omitidas",
        ),
        "how": (
            "How the scores are computed: each answered question scores 0–100 from the answer chosen (or the range "
            "a number falls in). A score is the weighted mean of the scored answers, Σ(weight × score) ÷ Σ weight; "
            "questions marked N/A or skipped by earlier answers leave the calculation, and unanswered questions are "
            "listed instead of counting as zero.",
            "Cómo se calculan las puntuaciones: cada pregunta respondida puntúa de 0 a 100 según la respuesta elegida "
            "(o el tramo en que cae una cifra). Una puntuación es la media ponderada de las respuestas puntuadas, "
            "Σ(peso × puntuación) ÷ Σ peso; las preguntas marcadas N/A u omitidas por respuestas anteriores quedan "
            "fuera del cálculo, y las que están sin responder se listan en lugar de contar como cero.",
        ),
        "how.mean_of_steps": (
            " The overall score is the plain mean of the step scores.",
            " La puntuación global es la media simple de las puntuaciones de los pasos.",
        ),
        "overall.weighted": (
            "Overall: {counts}; Σ(weight × score) ÷ Σ weight = {sum} ÷ {weight} = {score}.",
            "Global: {counts}; Σ(peso × puntuación) ÷ Σ peso = {sum} ÷ {weight} = {score}.",
        ),
        "overall.mean": (
            "Overall: {counts}; mean of the step scores = {sum} ÷ {steps} = {score}.",
            "Global: {counts}; media de las puntuaciones de los pasos = {sum} ÷ {steps} = {score}.",
        ),
        "overall.none": (
            "Overall: {counts}; no scored answers yet.",
            "Global: {counts}; aún no hay respuestas puntuadas.",
        ),
        "bands": ("Bands: {bands}.", "Niveles: {bands}."),
        "band.from": ("{label} from {min}", "{label} desde {min}"),
        "unanswered": ("&Unanswered ({count})", "&Sin responder ({count})"),
        "flagged": ("&Flagged ({count})", "&Marcadas ({count})"),
        "blockers": ("Launch &blockers ({count})", "&Bloqueos de lanzamiento ({count})"),
        "unanswered.none": ("Every visible question is answered.", "Todas las preguntas visibles están respondidas."),
        "flagged.none": ("No question is flagged for follow-up.", "Ninguna pregunta está marcada para revisar."),
        "blockers.none": (
            "No launch blockers for the chosen channels.",
            "No hay bloqueos de lanzamiento para los canales elegidos.",
        ),
        "blockers.no_channels": (
            "No channels chosen yet: choose channels to see what must be done before launch.",
            "Aún no se han elegido canales: elegirlos para ver qué hay que resolver antes del lanzamiento.",
        ),
        "question.activate": ("Double-click to go to the question.", "Doble clic para ir a la pregunta."),
        "status.todo": ("to do", "pendiente"),
        "status.doing": ("in progress", "en curso"),
        "status.done": ("done", "hecho"),
        "status.dropped": ("dropped", "descartado"),
        "late": ("starts late", "empieza con retraso"),
        "generate": ("&Generate plan", "&Generar plan"),
        "generate.help": (
            "Build the plan from the current answers and preview it here.",
            "Crear el plan con las respuestas actuales y previsualizarlo aquí.",
        ),
        "cancel": ("&Cancel", "&Cancelar"),
        "progress": ("Generation progress", "Progreso de la generación"),
        "placeholder": (
            "The plan appears here once it is generated.",
            "El plan aparecerá aquí una vez generado.",
        ),
        "preview": ("Plan preview", "Vista previa del plan"),
        "generating": ("Preparing the plan…", "Preparando el plan…"),
        "step.1": ("Reading the plan…", "Leyendo el plan…"),
        "step.2": ("Reading the styles…", "Leyendo los estilos…"),
        "step.3": ("Applying the styles…", "Aplicando los estilos…"),
        "step.4": ("Building the layout…", "Construyendo la maquetación…"),
        "step.5": ("Laying out page {page}…", "Maquetando la página {page}…"),
        "step.5.again": ("Laying out the pages again…", "Volviendo a maquetar las páginas…"),
        "step.6": ("Writing the PDF…", "Escribiendo el PDF…"),
        "step.7": ("Adding the document details…", "Añadiendo los datos del documento…"),
        "cancelling": ("Cancelling…", "Cancelando…"),
        "cancelled": ("Generation cancelled.", "Generación cancelada."),
        "busy_elsewhere": (
            "Another plan is being generated; try again in a moment.",
            "Ya se está generando otro plan; volver a intentarlo en un momento.",
        ),
        "ready": ("Plan ready: {pages} pages in {seconds} s.", "Plan listo: {pages} páginas en {seconds} s."),
        "stale": (
            "The answers changed after this plan was generated; generate it again to update it.",
            "Las respuestas cambiaron después de generar este plan; volver a generarlo para actualizarlo.",
        ),
        "failed": ("The plan could not be generated: {message}", "No se pudo generar el plan: {message}"),
        "preview_failed": ("The PDF could not be shown.", "No se pudo mostrar el PDF."),
        "error.title": ("Readiness", "Readiness"),
        "save.pdf": ("Save &PDF…", "Guardar &PDF…"),
        "save.csv": ("Save &task list (CSV)…", "Guardar lista de &tareas (CSV)…"),
        "save.ics": ("Save ca&lendar (ICS)…", "Guardar ca&lendario (ICS)…"),
        "save.exchange": ("Save &assessment file…", "Guardar archivo de &evaluación…"),
        "save.pdf.help": ("Save the generated plan.", "Guardar el plan generado."),
        "save.csv.help": (
            "Every task with owner and due date, for spreadsheets and task tools.",
            "Todas las tareas con responsable y fecha, para hojas de cálculo y gestores de tareas.",
        ),
        "save.ics.help": ("The plan's milestones, for any calendar.", "Los hitos del plan, para cualquier calendario."),
        "save.exchange.help": (
            "The whole assessment as one file, to share it or open it on another computer.",
            "Toda la evaluación en un archivo, para compartirla o abrirla en otro equipo.",
        ),
        "filter.pdf": ("PDF documents (*.pdf)", "Documentos PDF (*.pdf)"),
        "filter.csv": ("CSV files (*.csv)", "Archivos CSV (*.csv)"),
        "filter.ics": ("Calendar files (*.ics)", "Archivos de calendario (*.ics)"),
        "filter.exchange": ("Readiness assessments (*.yaml *.yml)", "Evaluaciones de Readiness (*.yaml *.yml)"),
        "name.pdf": ("{stem}-plan.pdf", "{stem}-plan.pdf"),
        "name.csv": ("{stem}-tasks.csv", "{stem}-tareas.csv"),
        "name.ics": ("{stem}-calendar.ics", "{stem}-calendario.ics"),
        "name.exchange": ("{stem}.readiness.yaml", "{stem}.readiness.yaml"),
        "saved": ("Saved {name}.", "Guardado: {name}."),
    }
)

RENDER_STEPS = 7
"""WeasyPrint reports its work as 'Step 1 - …' to 'Step 7 - …'."""

BAND_COLOURS = ("#b03a2e", "#ca6f1e", "#2874a6", "#1e8449")
"""From the lowest band to the highest; bands in between take the nearest colour."""

SCORE_COLUMNS = ("dimension", "score", "bar", "band")

SUFFIXES = {"pdf": (".pdf",), "csv": (".csv",), "ics": (".ics",), "exchange": (".yaml", ".yml")}


def file_stem(organisation: str) -> str:
    """A file-name-safe, lower-case stem: 'Casa Jacaranda' gives 'casa-jacaranda'."""
    ascii_text = unicodedata.normalize("NFKD", organisation).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower() or "readiness"


def with_suffix(path: Path, kind: str) -> Path:
    """The path, with the kind's extension added when the user left it out."""
    suffixes = SUFFIXES[kind]
    if path.suffix.lower() in suffixes:
        return path
    return path.with_name(path.name + (".readiness.yaml" if kind == "exchange" else suffixes[0]))


def render_step(message: str, lang: Lang) -> tuple[int, str] | None:
    """WeasyPrint's progress line as (step number, what it does in LANG); None for any other line."""
    step = re.match(r"Step (\d+)\b", message)
    if step is None or not 1 <= int(step.group(1)) <= RENDER_STEPS:
        return None
    number = int(step.group(1))
    page = re.search(r"Page (\d+)", message)
    key = f"step.{number}" if number != 5 or page else "step.5.again"
    return number, TEXT(key, lang, page=page.group(1) if page else "")


def band_colour(index: int, count: int) -> QColor:
    position = round(index * (len(BAND_COLOURS) - 1) / max(count - 1, 1))
    return QColor(BAND_COLOURS[position])


def _write_plan_file(path: Path, assessment: Assessment, content: Content) -> None:
    """The task list or the calendar, by the path's extension; the report modules load on first save."""
    from readiness.report.outputs import PlanSettings, write_plan

    write_plan(path, assessment, content, PlanSettings())


class ReviewPanel(Panel):
    saved = Signal(str)
    """A file was written: its path."""
    save_failed = Signal(str)
    question_activated = Signal(str)
    """A question in the unanswered or flagged list was double-clicked: its id."""
    _written = Signal(str, str)
    """From the writer thread: the path, and the error ('' when it worked)."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        lang = context.lang
        self.plan: Plan | None = None
        self.rendered: RenderedPlan | None = None
        self._rendering = False
        self._cancel_requested = False
        self._buffer: QBuffer | None = None
        self._folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
        self.fit = QLabel()
        self.fit.setWordWrap(True)
        self.scores = QTableWidget(0, len(SCORE_COLUMNS))
        self.scores.setAccessibleName(TEXT("scores", lang))
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.unanswered = self._list("unanswered")
        self.flagged = self._list("flagged")
        self.blockers = self._list("blockers")
        self.lists = QTabWidget()
        self.generate_button = self._button("generate", self.generate)
        self.generate_button.setToolTip(TEXT("generate.help", lang))
        self.cancel_button = self._button("cancel", self.cancel)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(TEXT("progress", lang))
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.document, self.view = self._pdf_widgets()
        self.placeholder = QLabel(TEXT("placeholder", lang))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack = QStackedWidget()
        self.save_buttons = {
            kind: self._button(f"save.{kind}", partial(self._ask_and_save, kind))
            for kind in ("pdf", "csv", "ics", "exchange")
        }
        for kind, button in self.save_buttons.items():
            button.setToolTip(TEXT(f"save.{kind}.help", lang))
        self.save_buttons["pdf"].setEnabled(False)
        self._build_layout()
        self._set_up_scores()
        renderer = context.renderer
        renderer.progress.connect(self._on_progress)
        renderer.finished.connect(self._on_finished)
        renderer.failed.connect(self._on_failed)
        context.session.changed.connect(self._assessment_changed)
        self._written.connect(self._on_written)
        self.refresh()

    def title(self) -> str:
        return TEXT("title", self.context.lang)

    @property
    def busy(self) -> bool:
        return self._rendering

    def refresh(self) -> None:
        """Recompute the scores, the open questions and the blockers from the current answers."""
        from readiness.core.plan.builder import build_plan

        session = self.context.session
        self.plan = build_plan(session.assessment, session.content)
        self._show_scores(self.plan.readiness)
        self._show_explanation(self.plan.readiness)
        self._show_questions(self.unanswered, "unanswered", self.plan.scores.unanswered)
        self._show_questions(self.flagged, "flagged", self.plan.scores.flagged)
        self._show_blockers(self.plan.launch_blockers)

    # Layout

    def _button(self, key: str, action: Callable[[], None]) -> QPushButton:
        button = QPushButton(TEXT(key, self.context.lang))
        button.setAccessibleName(TEXT(key, self.context.lang).replace("&", "").rstrip("…"))
        button.clicked.connect(lambda: action())
        return button

    def _list(self, key: str) -> QListWidget:
        widget = QListWidget()
        widget.setAccessibleName(re.sub(r"\s*\(.*\)", "", TEXT(key, self.context.lang, count=0)).replace("&", ""))
        widget.setWordWrap(True)
        widget.setAlternatingRowColors(True)
        widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        if key != "blockers":
            widget.setToolTip(TEXT("question.activate", self.context.lang))
            widget.itemActivated.connect(self._question_activated)
        return widget

    def _pdf_widgets(self) -> tuple[QPdfDocument, QPdfView]:
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        document = QPdfDocument(self)
        view = QPdfView()
        view.setAccessibleName(TEXT("preview", self.context.lang))
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        view.setDocument(document)
        return document, view

    def _build_layout(self) -> None:
        left, left_layout = bare_column()
        left_layout.addWidget(self.fit)
        left_layout.addWidget(self.scores)
        left_layout.addWidget(self.explanation)
        for widget in (self.unanswered, self.flagged, self.blockers):
            self.lists.addTab(widget, "")
        left_layout.addWidget(self.lists, 1)

        actions = QHBoxLayout()
        actions.addWidget(self.generate_button)
        actions.addWidget(self.cancel_button)
        actions.addStretch(1)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.view)
        saves = QGridLayout()
        for index, button in enumerate(self.save_buttons.values()):
            saves.addWidget(button, index // 2, index % 2)
        right, right_layout = bare_column()
        right_layout.addLayout(actions)
        right_layout.addWidget(self.progress)
        right_layout.addWidget(self.status)
        right_layout.addWidget(self.stack, 1)
        right_layout.addLayout(saves)

        splitter = split(Qt.Orientation.Horizontal, left, right, (4, 5))
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)

    def _set_up_scores(self) -> None:
        lang = self.context.lang
        table = self.scores
        table.setHorizontalHeaderLabels([TEXT(f"column.{c}", lang) for c in SCORE_COLUMNS])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        table.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        header = table.horizontalHeader()
        for column in range(len(SCORE_COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SCORE_COLUMNS.index("bar"), QHeaderView.ResizeMode.Stretch)

    # The review

    def _show_scores(self, readiness: Readiness) -> None:
        lang = self.context.lang
        fit = readiness.fit
        self.fit.setText(f"<b>{escape(fit.label)}</b> — {escape(fit.summary)}")
        rows: list[ScoreLine | str] = [
            readiness.overall,
            TEXT("steps", lang),
            *readiness.steps,
            TEXT("reasons", lang),
            *readiness.reasons,
        ]
        self.scores.clearSpans()
        self.scores.setRowCount(len(rows))
        for index, row in enumerate(rows):
            if isinstance(row, str):
                self._heading_row(index, row)
            else:
                self._score_row(index, row, readiness, overall=row is readiness.overall)
        self.scores.resizeRowsToContents()
        self.scores.setCurrentCell(-1, -1)
        self.scores.updateGeometry()

    def _heading_row(self, index: int, text: str) -> None:
        self.scores.setSpan(index, 0, 1, len(SCORE_COLUMNS))
        item = QTableWidgetItem(text)
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        self.scores.setItem(index, 0, item)
        self.scores.removeCellWidget(index, SCORE_COLUMNS.index("bar"))

    def _score_row(self, index: int, line: ScoreLine, readiness: Readiness, *, overall: bool) -> None:
        lang = self.context.lang
        score = formatter(lang).score(line.score)
        counts = TEXT(
            "counts", lang, scored=line.scored, na=line.not_applicable, unanswered=line.unanswered, skipped=line.skipped
        )
        name = QTableWidgetItem(TEXT("overall", lang) if overall else line.label)
        name.setToolTip(f"{line.description}\n\n{counts}")
        band = QTableWidgetItem(line.band_label)
        band.setToolTip(line.band_description)
        number = QTableWidgetItem(score)
        number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if overall:
            for item in (name, number, band):
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
        bar = QProgressBar()
        bar.setRange(0, 1000)
        bar.setValue(round((line.score or 0.0) * 10))
        bar.setTextVisible(False)
        bar.setAccessibleName(TEXT("score.of", lang, label=name.text(), score=score, band=line.band_label))
        bar.setToolTip(counts)
        ids = [b.id for b in readiness.bands]
        if line.band in ids:
            palette = bar.palette()
            palette.setColor(QPalette.ColorRole.Highlight, band_colour(ids.index(line.band), len(ids)))
            bar.setPalette(palette)
        for column, item in (("dimension", name), ("score", number), ("band", band)):
            self.scores.setItem(index, SCORE_COLUMNS.index(column), item)
        self.scores.setCellWidget(index, SCORE_COLUMNS.index("bar"), bar)

    def _show_explanation(self, readiness: Readiness) -> None:
        lang = self.context.lang
        fmt = formatter(lang)
        overall = readiness.overall
        counts = TEXT(
            "counts",
            lang,
            scored=overall.scored,
            na=overall.not_applicable,
            unanswered=overall.unanswered,
            skipped=overall.skipped,
        )
        method = self.context.session.questionnaire.scoring
        how = TEXT("how", lang) + (TEXT("how.mean_of_steps", lang) if method is ScoringMethod.MEAN_OF_STEPS else "")
        if overall.score is None:
            summary = TEXT("overall.none", lang, counts=counts)
        elif method is ScoringMethod.MEAN_OF_STEPS:
            summary = TEXT(
                "overall.mean",
                lang,
                counts=counts,
                sum=fmt.number(overall.weighted_sum),
                steps=round(overall.total_weight),
                score=fmt.score(overall.score),
            )
        else:
            summary = TEXT(
                "overall.weighted",
                lang,
                counts=counts,
                sum=fmt.number(overall.weighted_sum),
                weight=fmt.number(overall.total_weight),
                score=fmt.score(overall.score),
            )
        bands = ", ".join(
            TEXT("band.from", lang, label=b.label, min=fmt.number(b.min, digits=0)) for b in readiness.bands
        )
        self.explanation.setText("<br>".join(escape(t) for t in (how, summary, TEXT("bands", lang, bands=bands))))

    def _show_questions(self, widget: QListWidget, key: str, question_ids: tuple[str, ...]) -> None:
        lang = self.context.lang
        questionnaire = self.context.session.questionnaire
        numbers = {q.id: n for n, q in enumerate(questionnaire.questions, start=1)}
        answers = self.context.session.assessment.answers
        widget.clear()
        for question_id in question_ids:
            question = questionnaire.question(question_id)
            if question is None:
                continue
            item = QListWidgetItem(f"{numbers[question_id]}. {question.text.get(lang)}")
            item.setData(Qt.ItemDataRole.UserRole, question_id)
            answer = answers.get(question_id)
            item.setToolTip(answer.note if answer is not None and answer.note else question_id)
            widget.addItem(item)
        count = widget.count()
        self._empty_note(widget, f"{key}.none" if count == 0 else None)
        self.lists.setTabText(self.lists.indexOf(widget), TEXT(key, lang, count=count))

    def _show_blockers(self, blockers: tuple[Task, ...]) -> None:
        lang = self.context.lang
        channels = self.context.session.content.catalogs.channels
        self.blockers.clear()
        for task in blockers:
            channel = channels.get(task.channel or "")
            status = TEXT(f"status.{task.status.value}", lang)
            late = f" · {TEXT('late', lang)}" if task.late_start else ""
            parts = (channel.name.get(lang) if channel else "", owner_text(task), format_date(lang, task.due), status)
            item = QListWidgetItem(f"{task.title}\n{' · '.join(p for p in parts if p)}{late}")
            item.setToolTip(task.detail or task.title)
            self.blockers.addItem(item)
        note = None
        if not blockers:
            note = "blockers.none" if self.context.session.assessment.channels else "blockers.no_channels"
        self._empty_note(self.blockers, note)
        self.lists.setTabText(self.lists.indexOf(self.blockers), TEXT("blockers", lang, count=len(blockers)))

    def _empty_note(self, widget: QListWidget, key: str | None) -> None:
        """An empty list says why it is empty, in an item that cannot be selected."""
        if key is None:
            return
        item = QListWidgetItem(TEXT(key, self.context.lang))
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        widget.addItem(item)

    def _question_activated(self, item: QListWidgetItem) -> None:
        question_id = item.data(Qt.ItemDataRole.UserRole)
        if question_id:
            self.question_activated.emit(str(question_id))

    # Generating the plan

    def generate(self) -> None:
        """Render the plan from the current assessment; progress, the preview or the error follow."""
        lang = self.context.lang
        renderer = self.context.renderer
        if self._rendering:
            return
        if renderer.busy:
            self.status.setText(TEXT("busy_elsewhere", lang))
            return
        self._rendering, self._cancel_requested = True, False
        self._set_busy(True)
        self.status.setText(TEXT("generating", lang))
        settings = self.context.settings
        theme = settings.theme
        session = self.context.session
        renderer.render(session.assessment, session.content, lang, settings.paper, str(theme) if theme else None)

    def cancel(self) -> None:
        if not self._rendering:
            return
        self._cancel_requested = True
        self.cancel_button.setEnabled(False)
        self.status.setText(TEXT("cancelling", self.context.lang))
        self.context.renderer.cancel()

    def _set_busy(self, busy: bool) -> None:
        self.generate_button.setEnabled(not busy)
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
            self.status.setText(TEXT("cancelled", self.context.lang))
            return False
        return True

    @Slot(object)
    def _on_finished(self, result: RenderedPlan) -> None:
        if not self._render_ended():
            return
        lang = self.context.lang
        if not self._show_pdf(result.pdf):
            self.status.setText(TEXT("preview_failed", lang))
            return
        self.rendered = result
        self.save_buttons["pdf"].setEnabled(True)
        seconds = formatter(lang).number(result.seconds)
        self.status.setText(TEXT("ready", lang, pages=result.pages, seconds=seconds))

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        if not self._render_ended():
            return
        lang = self.context.lang
        self.status.setText(TEXT("failed", lang, message=message))
        self._show_error(message)

    def _show_pdf(self, pdf: bytes) -> bool:
        from PySide6.QtPdf import QPdfDocument

        self.document.close()
        previous, self._buffer = self._buffer, QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        if previous is not None:
            previous.close()
            previous.deleteLater()
        if self.document.status() is not QPdfDocument.Status.Ready:
            self.stack.setCurrentWidget(self.placeholder)
            return False
        self.stack.setCurrentWidget(self.view)
        return True

    def _assessment_changed(self) -> None:
        if self.rendered is not None and not self._rendering:
            self.status.setText(TEXT("stale", self.context.lang))

    def _show_error(self, message: str) -> None:
        QMessageBox.critical(self, TEXT("error.title", self.context.lang), message)

    # Saving

    def _ask_and_save(self, kind: str) -> None:
        lang = self.context.lang
        stem = file_stem(self.context.session.assessment.profile.organisation)
        suggested = self._folder / TEXT(f"name.{kind}", lang, stem=stem)
        caption = TEXT(f"save.{kind}", lang).replace("&", "")
        chosen, _ = QFileDialog.getSaveFileName(self, caption, str(suggested), TEXT(f"filter.{kind}", lang))
        if not chosen:
            return
        path = with_suffix(Path(chosen), kind)
        self._folder = path.parent
        savers: dict[str, Callable[[Path], None]] = {
            "pdf": self.save_pdf_to,
            "csv": self.save_csv_to,
            "ics": self.save_ics_to,
            "exchange": self.save_exchange_to,
        }
        savers[kind](path)

    def save_pdf_to(self, path: Path) -> None:
        """Write the generated PDF; ``saved`` or ``save_failed`` tells when it is done."""
        from readiness.core.atomic import write_bytes_atomically

        if self.rendered is None:
            return
        pdf, path = self.rendered.pdf, with_suffix(path, "pdf")
        self._write_in_background(path, lambda: write_bytes_atomically(path, pdf))

    def save_csv_to(self, path: Path) -> None:
        self._save_plan_file(with_suffix(path, "csv"))

    def save_ics_to(self, path: Path) -> None:
        self._save_plan_file(with_suffix(path, "ics"))

    def _save_plan_file(self, path: Path) -> None:
        """CSV or ICS, chosen by the extension, built from the current assessment."""
        assessment, content = self.context.session.assessment, self.context.session.content
        self._write_in_background(path, lambda: _write_plan_file(path, assessment, content))

    def save_exchange_to(self, path: Path) -> None:
        from readiness.core.exchange import write_exchange_file

        assessment, path = self.context.session.assessment, with_suffix(path, "exchange")
        self._write_in_background(path, lambda: write_exchange_file(assessment, path))

    def _write_in_background(self, path: Path, write: Callable[[], None]) -> None:
        def run() -> None:
            try:
                write()
                error = ""
            except ReadinessError as problem:
                error = str(problem).splitlines()[0]
            except OSError as problem:
                error = f"{path}: {problem.strerror or problem}"
            with suppress(RuntimeError):  # the panel was closed while the file was being written
                self._written.emit(str(path), error)

        threading.Thread(target=run, name="readiness-save", daemon=True).start()

    @Slot(str, str)
    def _on_written(self, path: str, error: str) -> None:
        if error:
            self.status.setText(error)
            self.save_failed.emit(error)
            self._show_error(error)
            return
        self.status.setText(TEXT("saved", self.context.lang, name=Path(path).name))
        self.saved.emit(path)
