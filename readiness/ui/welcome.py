"""What an empty library shows: what Readiness does, and the two ways to begin — a new assessment, or one of the
sample assessments to look around in (in the window's language)."""

from __future__ import annotations

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from readiness.core.i18n import N_, _
from readiness.core.lang import Lang
from readiness.ui.zoom import scaled_font

SAMPLE_NAMES = {
    "mx-retail": N_("Casa Jacaranda: home and kitchen stores, Mexico"),
    "us-dental": N_("Fernhill Dental Group: dental clinics, United States"),
    "jp-brand": N_("Tsukiyo Skincare: skincare brand, Japan"),
    "de-b2b-software": N_("Nordkai Systems: business software, Germany"),
    "cn-exporter": N_("Lanhai Tools: hand-tool exporter, China"),
    "br-services": N_("Ipê Assistência Técnica: appliance repair, Brazil"),
}
"""The shipped sample profiles (core.samples), as a menu names them; kept here so the window opens without
reading any content (a test keeps the two lists in step)."""


def fill_sample_menu(menu: QMenu, lang: Lang, chosen: SignalInstance) -> None:
    """One item per sample profile; choosing one emits ``chosen`` with the profile."""
    for profile in SAMPLE_NAMES:
        action = menu.addAction(_(SAMPLE_NAMES[profile], lang))
        action.triggered.connect(lambda _checked=False, p=profile: chosen.emit(p))


def centred(widget: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(widget)
    row.addStretch(1)
    return row


class Welcome(QWidget):
    new_requested = Signal()
    sample_requested = Signal(str)
    """A sample profile to open, such as ``mx-retail``."""

    def __init__(self, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(_("Welcome to Readiness", lang))
        scaled_font(title, 1.5, bold=True)
        about = QLabel(
            _(
                "Readiness walks a team through four steps: find where communication with customers breaks, open a "
                "messaging channel, promote it, and refine it. At the end it writes a rollout plan to print and "
                "share, with checklists, owners, dates and targets.",
                lang,
            )
        )
        about.setWordWrap(True)
        self.start = QPushButton(_("S&tart a new assessment", lang))
        self.start.setDefault(True)
        scaled_font(self.start, 1.15, bold=True)
        self.sample = QPushButton(_("Open a s&ample assessment", lang))
        scaled_font(self.sample, 1.15)
        samples = QMenu(self.sample)
        fill_sample_menu(samples, lang, self.sample_requested)
        self.sample.setMenu(samples)
        hint = QLabel(_("Help > Readiness guide (F1) explains each step.", lang))
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.start.clicked.connect(self.new_requested)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addLayout(centred(title))
        column.addWidget(about)
        for widget in (self.start, self.sample, hint):
            column.addLayout(centred(widget))
        column.addStretch(2)
        layout = QHBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(column, 4)
        layout.addStretch(1)
