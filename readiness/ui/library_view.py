"""The library: every assessment with organisation, date, status and overall score; search and actions."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readiness.core.i18n import N_, _, ngettext
from readiness.core.lang import Lang
from readiness.core.names import ASSESSMENT_STATUS_NAMES, name
from readiness.ui.welcome import Welcome

COLUMNS = {
    "organisation": N_("Organisation"),
    "created": N_("Date"),
    "language": N_("Language"),
    "status": N_("Status"),
    "score": N_("Overall score"),
    "answers": N_("Answers"),
}
BUTTONS = {
    "new": N_("&New…"),
    "open": N_("&Open"),
    "duplicate": N_("&Re-assess"),
    "import": N_("&Import…"),
    "export": N_("E&xport…"),
    "copy": N_("&Copy to library…"),
    "delete": N_("&Delete…"),
}


@dataclass(frozen=True)
class LibraryRow:
    id: int
    organisation: str
    created: str
    language: str
    status: str
    score: str
    answers: int
    baseline_id: int | None
    last_page: str | None
    plan_generated: str = ""
    """When a plan was last generated, as the window shows a date; empty when none was."""
    changed_since_plan: bool = False
    """The assessment was edited after that plan: the plan no longer says what it holds."""


class LibraryView(QWidget):
    new_requested = Signal()
    open_requested = Signal(int)
    duplicate_requested = Signal(int)
    import_requested = Signal()
    export_requested = Signal(int)
    copy_requested = Signal(int)
    delete_requested = Signal(int)
    search_changed = Signal(str)
    sample_requested = Signal(str)

    def __init__(self, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.rows: list[LibraryRow] = []
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Organisation name", lang))
        self.search.setAccessibleName(_("&Search:", lang).replace("&", ""))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(_("&Search:", lang))
        search_label.setBuddy(self.search)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName(_("Assessments in the library", lang))
        self.table.setHorizontalHeaderLabels([_(header, lang) for header in COLUMNS.values()])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAlternatingRowColors(True)
        self.status = QLabel(_("Opening the library…", lang))
        self.status.setWordWrap(True)
        self.buttons = {key: QPushButton(_(text, lang)) for key, text in BUTTONS.items()}
        self.welcome = Welcome(lang)
        self.welcome.new_requested.connect(self.new_requested)
        self.welcome.sample_requested.connect(self.sample_requested)
        self.body = QStackedWidget()
        self.body.addWidget(self.table)
        self.body.addWidget(self.welcome)
        self._lay_out(search_label)
        self._connect()
        self._update_buttons()

    def show_rows(self, rows: list[LibraryRow]) -> None:
        from PySide6.QtCore import Qt  # here, not at start-up: see readiness.ui

        selected = self.selected_id()
        self.rows = rows
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            values = (row.organisation, row.created, row.language, row.status, row.score, str(row.answers))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column in (4, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == 0 and row.baseline_id:
                    item.setToolTip(_("re-assessment", self.lang))
                self.table.setItem(index, column, item)
            if row.id == selected:
                self.table.selectRow(index)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        text = (
            ngettext("{count} assessment", "{count} assessments", len(rows), self.lang)
            if rows
            else _("No assessments yet. Start one with New, or import an assessment file or a plan PDF.", self.lang)
        )
        self.status.setText(text)
        first_run = not rows and not self.search.text().strip()
        self.body.setCurrentWidget(self.welcome if first_run else self.table)
        self._update_buttons()

    def selected_id(self) -> int | None:
        index = self.table.currentRow()
        selected = self.table.selectionModel().hasSelection()
        return self.rows[index].id if selected and 0 <= index < len(self.rows) else None

    def status_label(self, status: str) -> str:
        return name(ASSESSMENT_STATUS_NAMES, status, self.lang) if status in ASSESSMENT_STATUS_NAMES else status

    def _lay_out(self, search_label: QLabel) -> None:
        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        buttons = QHBoxLayout()
        for key in ("new", "open", "duplicate"):
            buttons.addWidget(self.buttons[key])
        buttons.addStretch(1)
        for key in ("import", "export", "copy", "delete"):
            buttons.addWidget(self.buttons[key])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.search.textChanged.connect(self.search_changed)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.cellDoubleClicked.connect(lambda *_: self._emit_selected(self.open_requested))
        self.buttons["new"].clicked.connect(self.new_requested)
        self.buttons["import"].clicked.connect(self.import_requested)
        self.buttons["open"].clicked.connect(lambda: self._emit_selected(self.open_requested))
        self.buttons["duplicate"].clicked.connect(lambda: self._emit_selected(self.duplicate_requested))
        self.buttons["export"].clicked.connect(lambda: self._emit_selected(self.export_requested))
        self.buttons["copy"].clicked.connect(lambda: self._emit_selected(self.copy_requested))
        self.buttons["delete"].clicked.connect(lambda: self._emit_selected(self.delete_requested))

    def _emit_selected(self, signal: SignalInstance) -> None:
        selected = self.selected_id()
        if selected is not None:
            signal.emit(selected)

    def _update_buttons(self) -> None:
        has_selection = self.selected_id() is not None
        for key in ("open", "duplicate", "export", "copy", "delete"):
            self.buttons[key].setEnabled(has_selection)
