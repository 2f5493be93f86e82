"""Channels ranked for this profile, with the reasons and constraints behind each rank; the user picks the roles."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readiness.core.assessment import Assessment, ChannelChoice
from readiness.core.i18n import N_, _
from readiness.core.lang import Lang
from readiness.core.names import CHANNEL_ROLE_NAMES, name
from readiness.core.plan.channels import rank_channels, retired_in_use
from readiness.core.plan.gaps import rank_gaps
from readiness.core.plan.launch import launch_date
from readiness.core.plan.model import RankedChannel, RetiredChannel
from readiness.ui.pages.base import PageContext, Panel
from readiness.ui.pages.channels_facts import FACT_CAPTIONS, fact_values, retired_lines
from readiness.ui.pages.formatting import number_text
from readiness.ui.pages.inputs import MinutesBox
from readiness.ui.pages.reflow import Reflow
from readiness.ui.pages.widgets import bare_column, bullet_list, name_input, rich_label, scrolling, split
from readiness.ui.zoom import scaled_font

ChannelRole = Literal["primary", "secondary"]


TABLE_COLUMNS = (N_("Rank"), N_("Channel"), N_("Score"), N_("Choice"))
CHOICE_BUTTONS: dict[str | None, tuple[str, str]] = {
    "primary": (
        N_("Make &primary"),
        N_("The main channel of the launch; the current primary, if any, becomes secondary"),
    ),
    "secondary": (N_("Make &secondary"), N_("Open it too, after or beside the primary")),
    None: (N_("Not &chosen"), N_("Leave it out of the plan")),
}
_NUMERIC_COLUMNS = (0, 2)


def choose(choices: Sequence[ChannelChoice], channel: str, role: ChannelRole | None) -> tuple[ChannelChoice, ...]:
    """The choices with ``channel`` given ``role`` (None: not chosen); one primary at most, listed first.

    A new primary demotes the old one to secondary, so the earlier pick is kept.
    """
    kept = []
    for choice in choices:
        if choice.channel == channel:
            continue
        if role == "primary" and choice.role == "primary":
            choice = choice.model_copy(update={"role": "secondary"})
        kept.append(choice)
    if role is not None:
        position = next((i for i, c in enumerate(choices) if c.channel == channel), len(kept))
        kept.insert(min(position, len(kept)), ChannelChoice(channel=channel, role=role))
    return tuple(sorted(kept, key=lambda c: c.role != "primary"))


def role_text(role: str | None, lang: Lang) -> str:
    return name(CHANNEL_ROLE_NAMES, role, lang) if role else "—"


class ChannelsPanel(Panel):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._ranked: tuple[RankedChannel, ...] = ()
        self._build()
        self.refresh()

    def title(self) -> str:
        return _("Channels", self.context.lang)

    def refresh(self) -> None:
        """Rank again: the gaps, the profile or the choices may have changed."""
        selected = self.selected_channel()
        catalogs = self.context.session.content.catalogs
        assessment = self.assessment
        gaps = rank_gaps(assessment, catalogs, self.context.lang)
        launch, _unused = launch_date(assessment)
        self._ranked = rank_channels(assessment, gaps, catalogs, launch)
        self._show_retired(retired_in_use(assessment, catalogs))
        self._fill_table()
        ids = [c.channel for c in self._ranked]
        if ids:
            self.select_channel(selected if selected in ids else ids[0])
        self._show_detail()

    def selected_channel(self) -> str | None:
        row = self.table.currentRow()
        return self._ranked[row].channel if 0 <= row < len(self._ranked) else None

    def select_channel(self, channel: str) -> None:
        row = next(i for i, c in enumerate(self._ranked) if c.channel == channel)
        self.table.setCurrentCell(row, 1)

    def set_choice(self, role: ChannelRole | None) -> None:
        """Give the selected channel a role (None: not chosen) and rank again; a primary not ranked first asks why."""
        channel = self.selected_channel()
        if channel is None:
            return
        self.context.session.update(lambda a: a.model_copy(update={"channels": choose(a.channels, channel, role)}))
        self.refresh()
        if self.reason.isVisible():
            self.reason.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_reason(self, text: str) -> None:
        """The team's reason for its primary channel, kept with the choice."""
        self._update_choice(reason=text)

    def set_promise(self, minutes: int | None) -> None:
        """This channel's own reply-time promise; None: the team's."""
        self._update_choice(promise_minutes=minutes)

    def _update_choice(self, **changes: object) -> None:
        channel = self.selected_channel()

        def change(assessment: Assessment) -> Assessment:
            choices = tuple(c.model_copy(update=changes) if c.channel == channel else c for c in assessment.channels)
            return assessment.model_copy(update={"channels": choices})

        self.context.session.update(change)

    # Building

    def _build(self) -> None:
        lang = self.context.lang
        intro = QLabel(
            _(
                "Channels ranked for this profile: markets, audience, the gaps they close and what stands in the "
                "way. Pick one primary channel and any secondary ones.",
                lang,
            )
        )
        intro.setWordWrap(True)
        self.retired = QLabel()
        self.retired.setWordWrap(True)
        self.retired.setTextFormat(Qt.TextFormat.RichText)
        self.retired.setObjectName("retired")
        self.retired.setStyleSheet(_WARNING_STYLE.format(name="retired"))
        self.table = self._make_table()
        table_label = QLabel(_("&Recommended channels", lang))
        table_label.setBuddy(self.table)
        left, left_layout = bare_column()
        left_layout.addWidget(table_label)
        left_layout.addWidget(self.table)
        splitter = split(Qt.Orientation.Horizontal, left, self._make_detail(), (1, 1))
        splitter.setSizes([400, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.retired)
        layout.addWidget(splitter, 1)

    def _make_table(self) -> QTableWidget:
        lang = self.context.lang
        table = QTableWidget(0, 4)
        table.setAccessibleName(_("Recommended channels", lang))
        table.setHorizontalHeaderLabels([_(header, lang) for header in TABLE_COLUMNS])
        table.model().setHeaderData(
            2,
            Qt.Orientation.Horizontal,
            _(
                "Out of 100: markets, audience, reach, gaps closed and current use, minus poor fit and late set-up",
                lang,
            ),
            Qt.ItemDataRole.ToolTipRole,
        )
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setCornerButtonEnabled(False)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.currentCellChanged.connect(self._current_changed)
        return table

    def _make_detail(self) -> QWidget:
        lang = self.context.lang
        self.heading = QLabel()
        scaled_font(self.heading, 1.25, bold=True)
        self.heading.setWordWrap(True)
        self.summary = QLabel()
        self.buttons = QButtonGroup(self)
        self.choice_buttons: dict[str | None, QPushButton] = {}
        for role, (text, tip) in CHOICE_BUTTONS.items():
            button = QPushButton(_(text, lang))
            button.setCheckable(True)
            button.setToolTip(_(tip, lang))
            button.clicked.connect(lambda _value=False, r=role: self.set_choice(r))
            self.buttons.addButton(button)
            self.choice_buttons[role] = button
        row = Reflow(*((button, 0) for button in self.choice_buttons.values()), margins=False)
        self.reason_label = QLabel()
        self.reason_label.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(
            _(
                "For example: most customers already reach us here; the other channel needs a set-up we cannot "
                "finish before launch.",
                lang,
            )
        )
        name_input(self.reason, _("Why this primary channel", lang))
        self.reason.setMaximumHeight(self.reason.fontMetrics().lineSpacing() * 4 + 12)
        self.reason.textChanged.connect(lambda: self.set_reason(self.reason.toPlainText()))
        self.reason_label.setBuddy(self.reason)
        self.promise = MinutesBox(lang, _("same as the team's", lang))
        self.promise.setToolTip(
            _(
                "Leave it at the team's promise (Team tab), or set another for this channel, e.g. a slower one for "
                "a channel staffed by account managers. The plan prints each channel's own promise in its copy.",
                lang,
            )
        )
        self.promise.valueChanged.connect(lambda _value: self.set_promise(self.promise.minutes()))
        self.promise_label = QLabel(_("Reply-time pro&mise on this channel:", lang))
        self.promise_label.setBuddy(self.promise)
        name_input(self.promise, _("Reply-time pro&mise on this channel:", lang).replace("&", "").rstrip(":"))
        self.reasons = rich_label()
        self.constraints = rich_label()
        self.constraints.setObjectName("constraints")
        self.constraints.setStyleSheet(_WARNING_STYLE.format(name="constraints"))
        facts = QFormLayout()
        facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        facts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.facts: dict[str, QLabel] = {}
        for key, caption_text in FACT_CAPTIONS.items():
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            caption = QLabel(f"<b>{html.escape(_(caption_text, lang))}</b>")
            caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            facts.addRow(caption, value)
            self.facts[key] = value
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(row)
        promise_row = QHBoxLayout()
        promise_row.addWidget(self.promise_label)
        promise_row.addWidget(self.promise)
        promise_row.addStretch(1)
        layout.addLayout(promise_row)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.reasons)
        layout.addWidget(self.constraints)
        layout.addLayout(facts)
        layout.addStretch(1)
        scroll = scrolling(body, QFrame.Shape.StyledPanel)
        return scroll

    # Showing

    def _fill_table(self) -> None:
        lang = self.context.lang
        self.table.blockSignals(True)
        try:
            self.table.setRowCount(len(self._ranked))
            for row, channel in enumerate(self._ranked):
                name = channel.name + (" ⚠" if channel.constraints else "")
                cells = (str(channel.rank), name, number_text(channel.score, lang), role_text(channel.chosen, lang))
                for column, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    if column in _NUMERIC_COLUMNS:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    if channel.chosen:
                        font = item.font()
                        font.setBold(True)
                        item.setFont(font)
                    tip = [channel.name, _("Has constraints: see the details", lang) if channel.constraints else ""]
                    item.setToolTip("\n".join(t for t in tip if t))
                    self.table.setItem(row, column, item)
        finally:
            self.table.blockSignals(False)

    def _current_changed(self, row: int, _column: int, previous: int, _previous_column: int) -> None:
        if row != previous:
            self._show_detail()

    def _show_detail(self) -> None:
        lang = self.context.lang
        row = self.table.currentRow()
        channel = self._ranked[row] if 0 <= row < len(self._ranked) else None
        for button in self.choice_buttons.values():
            button.setEnabled(channel is not None)
        if channel is None:
            self._show_promise(None)
            self._show_reason(None)
            self.heading.setText(
                _("No channel can be recommended with the installed catalog.", lang) if not self._ranked else ""
            )
            for label in (self.summary, self.reasons, self.constraints, *self.facts.values()):
                label.setText("")
            self.constraints.hide()
            return
        self.heading.setText(channel.name)
        self.summary.setText(
            _("Rank {rank} · score {score} of 100", lang, rank=channel.rank, score=number_text(channel.score, lang))
        )
        self.choice_buttons[channel.chosen].setChecked(True)
        self._show_promise(channel)
        self._show_reason(channel)
        self.reasons.setText(
            bullet_list(
                _("Why it ranks here", lang), channel.reasons or (_("Nothing in its favour for this profile.", lang),)
            )
        )
        self.constraints.setText(bullet_list("⚠ " + _("Constraints", lang), channel.constraints))
        self.constraints.setVisible(bool(channel.constraints))
        for key, text in fact_values(channel, lang).items():
            self.facts[key].setText(text)

    def _show_promise(self, channel: RankedChannel | None) -> None:
        """The promise box, for a chosen channel."""
        chosen = channel is not None and channel.chosen is not None
        self.promise_label.setVisible(chosen)
        self.promise.setVisible(chosen)
        if channel is None or not chosen:
            return
        own = next((c.promise_minutes for c in self.assessment.channels if c.channel == channel.channel), None)
        if self.promise.minutes() != own:
            self.promise.blockSignals(True)
            self.promise.setValue(own or 0)
            self.promise.blockSignals(False)

    def _show_reason(self, channel: RankedChannel | None) -> None:
        """The reason box, for a primary channel that is not the one ranked first."""
        asked = channel is not None and channel.chosen == "primary" and channel.rank != 1
        self.reason_label.setVisible(asked)
        self.reason.setVisible(asked)
        if channel is None or not asked:
            return
        self.reason_label.setText(
            _(
                "&Why this channel as the primary, although {top} ranks first? The plan prints your reason.",
                self.context.lang,
                top=self._ranked[0].name,
            )
        )
        saved = next((c.reason for c in self.assessment.channels if c.channel == channel.channel), "")
        if self.reason.toPlainText() != saved:
            self.reason.blockSignals(True)
            self.reason.setPlainText(saved)
            self.reason.blockSignals(False)

    def _show_retired(self, retired: tuple[RetiredChannel, ...]) -> None:
        lang = self.context.lang
        title = "⚠ " + _("Still listed among the current channels, but discontinued:", lang)
        self.retired.setText(bullet_list(title, retired_lines(retired, lang)))
        self.retired.setVisible(bool(retired))


_WARNING_STYLE = (
    "QLabel#{name} {{ border-left: 4px solid #b45309; background: rgba(217, 119, 6, 0.12); padding: 6px; }}"
)
