"""The plan as it will print: zoom, fit to width or to the page, page by page, search, and print.

QtPdf loads on first use (the review page builds the viewer only when a plan is shown). Printing draws each page
at the printer's resolution onto the printer the system's dialog set up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QSize, Signal
from PySide6.QtGui import QKeySequence, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from readiness.core.i18n import _
from readiness.core.lang import Lang

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument, QPdfSearchModel
    from PySide6.QtPrintSupport import QPrinter

PRINT_DPI = 300
SEARCH_CHARACTERS = 14
"""The find box keeps room for a word or two however narrow the preview is."""
ZOOM_STEP = 1.25
ZOOM_LIMITS = (0.25, 4.0)


class PlanViewer(QWidget):
    wide_toggled = Signal(bool)
    """The user wants the preview to take the whole page (True) or to share it again (False)."""

    def __init__(self, lang: Lang, parent: QWidget | None = None) -> None:
        from PySide6.QtPdf import QPdfDocument, QPdfSearchModel
        from PySide6.QtPdfWidgets import QPdfView

        super().__init__(parent)
        self.lang = lang
        self.document: QPdfDocument = QPdfDocument(self)
        document = self.document
        self.view = QPdfView()
        self.view.setAccessibleName(_("Plan preview", lang))
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(document)
        self.search_model: QPdfSearchModel = QPdfSearchModel(self)
        self.search_model.setDocument(document)
        self.view.setSearchModel(self.search_model)
        self._build_tools()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._tool_rows())
        layout.addWidget(self.view, 1)
        document.statusChanged.connect(self._document_changed)
        self.view.pageNavigator().currentPageChanged.connect(self._page_shown)
        self.search_model.countChanged.connect(self._show_matches)
        self._document_changed()

    # ---------------------------------------------------------------- tools

    def _build_tools(self) -> None:
        lang = self.lang
        self.zoom_out = self._tool("−", _("Zoom out", lang))
        self.zoom_in = self._tool("+", _("Zoom in", lang))
        self.fit_width = self._tool(_("Fit width", lang), _("Fit the page's width to the window", lang))
        self.fit_page = self._tool(_("Whole page", lang), _("Show one whole page at a time", lang))
        self.previous_page = self._tool("◀", _("Previous page", lang))
        self.next_page = self._tool("▶", _("Next page", lang))
        self.page = QSpinBox()
        self.page.setAccessibleName(_("Page", lang))
        self.page.lineEdit().setAccessibleName(_("Page", lang))
        self.pages = QLabel()
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Find in the plan", lang))
        self.search.setAccessibleName(_("Find in the plan", lang))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.search.fontMetrics().averageCharWidth() * SEARCH_CHARACTERS)
        for clear in self.search.findChildren(QToolButton):
            clear.setAccessibleName(_("Clear the search", lang))
        self.matches = QLabel()
        self.next_match = self._tool("↓", _("Next match (Enter)", lang))
        self.print_button = QPushButton(_("P&rint…", lang))
        self.print_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_button.setToolTip(_("Print the plan ({shortcut})", lang, shortcut=self._print_keys()))
        self.wide = self._tool(_("Wide view", lang), _("Let the preview use the whole page", lang))
        self.wide.setCheckable(True)
        self.zoom_out.clicked.connect(lambda: self._zoom_by(1 / ZOOM_STEP))
        self.zoom_in.clicked.connect(lambda: self._zoom_by(ZOOM_STEP))
        self.fit_width.clicked.connect(lambda: self.view.setZoomMode(self.view.ZoomMode.FitToWidth))
        self.fit_page.clicked.connect(lambda: self.view.setZoomMode(self.view.ZoomMode.FitInView))
        self.previous_page.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.next_page.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        self.page.valueChanged.connect(lambda number: self.go_to_page(number - 1))
        self.search.textChanged.connect(self.search_model.setSearchString)
        self.search.returnPressed.connect(self.show_next_match)
        self.next_match.clicked.connect(self.show_next_match)
        self.print_button.clicked.connect(self.print_plan)
        self.wide.toggled.connect(self.wide_toggled)

    def _tool(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        return button

    def _tool_rows(self) -> QVBoxLayout:
        """Two rows, so the preview stays usable beside the scores on a laptop: how the page is shown and what to
        do with the plan; then where in it, and what to find."""
        rows = QVBoxLayout()
        layout: tuple[tuple[tuple[QWidget, ...], QWidget | None, tuple[QWidget, ...]], ...] = (
            ((self.zoom_out, self.zoom_in, self.fit_width, self.fit_page), None, (self.wide, self.print_button)),
            ((self.previous_page, self.page, self.pages, self.next_page), self.search, (self.matches, self.next_match)),
        )
        for left, stretching, right in layout:
            row = QHBoxLayout()
            for widget in left:
                row.addWidget(widget)
            row.addSpacing(12)
            if stretching is None:
                row.addStretch(1)
            else:
                row.addWidget(stretching, 1)
            for widget in right:
                row.addWidget(widget)
            rows.addLayout(row)
        return rows

    def _print_keys(self) -> str:
        return self.print_button.shortcut().toString(QKeySequence.SequenceFormat.NativeText)

    # ---------------------------------------------------------------- pages and zoom

    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, index: int) -> None:
        if 0 <= index < self.page_count() and index != self.current_page():
            self.view.pageNavigator().jump(index, QPoint(), self.view.pageNavigator().currentZoom())

    def _zoom_by(self, factor: float) -> None:
        low, high = ZOOM_LIMITS
        self.view.setZoomMode(self.view.ZoomMode.Custom)
        self.view.setZoomFactor(min(high, max(low, self.view.zoomFactor() * factor)))

    def _document_changed(self, _status: object = None) -> None:
        count = self.page_count()
        self.page.blockSignals(True)
        self.page.setRange(1, max(count, 1))
        self.page.blockSignals(False)
        self.pages.setText(_("of {count}", self.lang, count=count))
        for widget in (self.page, self.previous_page, self.next_page, self.print_button, self.search):
            widget.setEnabled(count > 0)
        self._page_shown(self.current_page())
        self.search_model.setSearchString(self.search.text())

    def _page_shown(self, index: int) -> None:
        self.page.blockSignals(True)
        self.page.setValue(index + 1)
        self.page.blockSignals(False)
        self.previous_page.setEnabled(index > 0)
        self.next_page.setEnabled(index < self.page_count() - 1)

    # ---------------------------------------------------------------- search

    def show_next_match(self) -> None:
        """The next place the search text occurs, wrapping round to the first."""
        count = self.search_model.count()
        if not count:
            return
        index = (self.view.currentSearchResultIndex() + 1) % count
        self.view.setCurrentSearchResultIndex(index)
        self._show_matches()

    def _show_matches(self) -> None:
        count = self.search_model.count()
        if not self.search.text():
            self.matches.clear()
        elif not count:
            self.matches.setText(_("not found", self.lang))
        else:
            current = max(self.view.currentSearchResultIndex(), 0) + 1
            self.matches.setText(_("{current} of {count}", self.lang, current=current, count=count))
        self.next_match.setEnabled(count > 0)

    # ---------------------------------------------------------------- printing

    def print_plan(self) -> None:
        """The system's print dialog, then every chosen page, each scaled to fit the paper."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.window().windowTitle() or "Readiness")
        printer.setFromTo(1, self.page_count())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Print the plan", self.lang))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        first, last = printer.fromPage() or 1, printer.toPage() or self.page_count()
        painter = QPainter()
        if not painter.begin(printer):
            return
        try:
            for index in range(first - 1, min(last, self.page_count())):
                if index > first - 1:
                    printer.newPage()
                self._paint_page(painter, printer, index)
        finally:
            painter.end()

    def _paint_page(self, painter: QPainter, printer: QPrinter, index: int) -> None:
        """The page drawn at no more than ``PRINT_DPI`` (sharp on paper, a few tens of megabytes at most) and
        scaled onto the printable area, centred."""
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        points = self.document.pagePointSize(index)
        scale = min(area.width() / points.width(), area.height() / points.height())
        target = QRect(0, 0, round(points.width() * scale), round(points.height() * scale))
        target.moveCenter(QRect(0, 0, area.width(), area.height()).center())
        dpi = min(printer.resolution(), PRINT_DPI)
        image = self.document.render(index, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72)))
        painter.drawImage(target, image)
