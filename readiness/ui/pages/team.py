"""The team plan: who sponsors and owns the channel, the roles, coverage, the reply promise, training and the bot.

Below, a read-only preview of what the chosen channels require before and on launch day.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readiness.core.assessment import BotPlan, BusinessHours, Team, TeamRole
from readiness.core.i18n import N_, _
from readiness.core.plan.facts import hours_text
from readiness.core.plan.figures import day_name
from readiness.core.plan.team import BOT_RULES
from readiness.core.text import Role
from readiness.ui.pages.base import PageContext
from readiness.ui.pages.inputs import MinutesBox, TimeBox
from readiness.ui.pages.pickers import SinglePicker, zone_options
from readiness.ui.pages.reflow import Reflow
from readiness.ui.pages.team_launch import LaunchPreview
from readiness.ui.pages.team_training import TrainingSessions, fit_height, plain_table, role_label, titled
from readiness.ui.pages.widgets import (
    bullet_list,
    name_input,
    scrolling,
    shows_whole_text_on_hover,
)
from readiness.ui.zoom import large_while_presenting

DAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def with_role(roles: Sequence[TeamRole], role: Role, **changes: str) -> tuple[TeamRole, ...]:
    """The roles with the first entry for ``role`` changed (added if missing, dropped once blank)."""
    index = next((i for i, r in enumerate(roles) if r.role == role), None)
    current = roles[index] if index is not None else TeamRole(role=role)
    updated = current.model_copy(update=changes)
    blank = not updated.name.strip() and not updated.responsibilities.strip()
    kept = [r for i, r in enumerate(roles) if i != index]
    if not blank:
        kept.insert(len(kept) if index is None else index, updated)
    return tuple(kept)


ROLE_COLUMNS = (N_("Role"), N_("Person"), N_("Responsibilities"))


class NoteEdit(QPlainTextEdit):
    """A few lines of free text; Tab moves on instead of typing a tab."""

    LINES = 4

    def __init__(self) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self.setMinimumHeight(self._height(2))

    def _height(self, lines: int) -> int:
        margins = self.contentsMargins()
        document = round(self.document().documentMargin() * 2)
        return self.fontMetrics().lineSpacing() * lines + document + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height(self.LINES))


class TeamPanel(TrainingSessions):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._loading = False
        self._build()
        self.refresh()

    def title(self) -> str:
        return _("Team", self.context.lang)

    def refresh(self) -> None:
        self._loading = True
        try:
            self._load_people()
            self._load_roles()
            self._load_coverage()
            self._fill_training()
            self._load_bot()
        finally:
            self._loading = False
        self._update_preview()

    # Building

    def _build(self) -> None:
        left, right = QVBoxLayout(), QVBoxLayout()
        for column, parts in (
            (left, (self._make_people, self._make_coverage, self._make_bot)),
            (right, (self._make_roles, self._make_training, self._make_preview)),
        ):
            for make in parts:
                column.addWidget(make())
            column.addStretch(1)
        scroll = scrolling(Reflow((left, 2), (right, 3)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _promise_edited(self) -> None:
        self._edit_team(response_promise_minutes=self.promise.minutes())

    def _labelled(self, form: QFormLayout, label: str, widget: QWidget, tip: str | None = None) -> None:
        """A form row whose label carries a mnemonic to its field, which is named after the label."""
        caption = QLabel(_(label, self.context.lang))
        caption.setBuddy(widget)
        name_input(widget, caption.text().replace("&", "").rstrip(":"))
        if tip is not None:
            widget.setToolTip(_(tip, self.context.lang))
        form.addRow(caption, widget)

    def _make_people(self) -> QGroupBox:
        lang = self.context.lang
        box = QGroupBox(_("People and promise", lang))
        form = QFormLayout(box)
        self.sponsor = QLineEdit()
        self.sponsor.textEdited.connect(lambda text: self._edit_team(executive_sponsor=text))
        self.owner = QLineEdit()
        self.owner.textEdited.connect(lambda text: self._edit_team(channel_owner=text))
        self.promise = MinutesBox(lang, _("No promise yet", lang))
        self.promise.valueChanged.connect(
            lambda _value: self._edit_team(response_promise_minutes=self.promise.minutes())
        )
        self._labelled(
            form,
            N_("Executive &sponsor:"),
            self.sponsor,
            N_("The executive who backs the channel as a company initiative"),
        )
        self._labelled(form, N_("Channel &owner:"), self.owner, N_("The person accountable for the channel day to day"))
        self._labelled(
            form,
            N_("Response-time pro&mise:"),
            self.promise,
            N_("The first-reply time the business promises customers on messaging"),
        )
        return box

    def _make_roles(self) -> QWidget:
        lang = self.context.lang
        self.roles = QTableWidget(len(Role), 3)
        self.roles.setAccessibleName(_("Roles and responsibilities", lang))
        self.roles.setHorizontalHeaderLabels([_(header, lang) for header in ROLE_COLUMNS])
        plain_table(self.roles)
        self.roles.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.roles.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.roles.setColumnWidth(1, self.fontMetrics().averageCharWidth() * 22)
        self.role_edits: dict[Role, tuple[QLineEdit, QLineEdit]] = {}
        for row, role in enumerate(Role):
            name = role_label(self.catalogs, role, lang)
            item = QTableWidgetItem(name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.roles.setItem(row, 0, item)
            person, duties = QLineEdit(), shows_whole_text_on_hover(QLineEdit())
            person.textEdited.connect(lambda text, r=role: self._edit_role(r, name=text))
            duties.textEdited.connect(lambda text, r=role: self._edit_role(r, responsibilities=text))
            for column, edit in enumerate((person, duties), start=1):
                edit.setAccessibleName(_("{column}, {row}", lang, column=_(ROLE_COLUMNS[column], lang), row=name))
                self.roles.setCellWidget(row, column, edit)
            self.role_edits[role] = (person, duties)
        fit_height(self.roles)
        return titled(_("&Roles", lang), self.roles)

    def _make_coverage(self) -> QGroupBox:
        lang = self.context.lang
        box = QGroupBox(_("Coverage", lang))
        layout = QVBoxLayout(box)
        self.own_coverage = QCheckBox(_("Cover &different hours from the business hours", lang))
        self.own_coverage.setToolTip(
            _("When off, the channel is staffed during the business hours given in the profile", lang)
        )
        self.own_coverage.toggled.connect(self._own_coverage_toggled)
        self.profile_hours = QLabel()
        self.profile_hours.setWordWrap(True)
        self.day_boxes: dict[str, QCheckBox] = {}
        days = QHBoxLayout()
        for day in DAYS:
            check = QCheckBox(day_name(day, lang))
            check.setAccessibleName(_("Covered on {day}", lang, day=day_name(day, lang)))
            check.toggled.connect(lambda _value=False: self._edit_coverage())
            self.day_boxes[day] = check
            days.addWidget(check)
        days.addStretch(1)
        self.opens, self.closes = TimeBox(), TimeBox()
        for edit in (self.opens, self.closes):
            edit.timeChanged.connect(lambda _value=None: self._edit_coverage())
        self.timezone = SinglePicker(zone_options(lang), lang, _("&Time zone:", lang), required=True)
        self.timezone.changed.connect(self._edit_coverage)
        form = QFormLayout()
        self._labelled(form, N_("Op&ens:"), self.opens)
        self._labelled(form, N_("&Closes:"), self.closes)
        self._labelled(form, N_("&Time zone:"), self.timezone)
        self.hours = QWidget()
        hours_layout = QVBoxLayout(self.hours)
        hours_layout.setContentsMargins(0, 0, 0, 0)
        hours_layout.addLayout(days)
        hours_layout.addLayout(form)
        large_while_presenting(self.context.view, [self.own_coverage, *self.day_boxes.values()])
        layout.addWidget(self.own_coverage)
        layout.addWidget(self.profile_hours)
        layout.addWidget(self.hours)
        return box

    def _make_bot(self) -> QGroupBox:
        lang = self.context.lang
        box = QGroupBox(_("Bot", lang))
        self.bot_enabled = QCheckBox(_("A bot ans&wers customers", lang))
        self.bot_enabled.toggled.connect(lambda on: self._edit_bot(enabled=on))
        large_while_presenting(self.context.view, [self.bot_enabled])
        self.bot_scope, self.bot_handoff = NoteEdit(), NoteEdit()
        for edit, field in ((self.bot_scope, "scope"), (self.bot_handoff, "handoff")):
            edit.textChanged.connect(lambda e=edit, f=field: self._edit_bot(**{f: e.toPlainText()}))
        self.bot_rules = QLabel()
        self.bot_rules.setWordWrap(True)
        self.bot_rules.setTextFormat(Qt.TextFormat.RichText)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.bot_enabled)
        self._labelled(
            form,
            N_("Bot sco&pe:"),
            self.bot_scope,
            N_("What the bot answers on its own, and what always goes to a person"),
        )
        self._labelled(
            form,
            N_("Hand-off to a h&uman:"),
            self.bot_handoff,
            N_("When and how a conversation passes from the bot to a person"),
        )
        form.addRow(self.bot_rules)
        return box

    def _make_preview(self) -> QGroupBox:
        self.preview = LaunchPreview(self.context.lang)
        self.blockers, self.day_one = self.preview.blockers, self.preview.day_one
        return self.preview

    # Loading

    def _load_people(self) -> None:
        team = self.assessment.team
        self.sponsor.setText(team.executive_sponsor)
        self.owner.setText(team.channel_owner)
        self.promise.setValue(team.response_promise_minutes or 0)

    def _load_roles(self) -> None:
        team = self.assessment.team
        for role, (person, duties) in self.role_edits.items():
            entry = next((r for r in team.roles if r.role == role), TeamRole(role=role))
            person.setText(entry.name)
            duties.setText(entry.responsibilities)
            person.setCursorPosition(0)
            duties.setCursorPosition(0)
        self._show_role_placeholders()

    def _show_role_placeholders(self) -> None:
        """The sponsor and owner rows default to the names given above."""
        team = self.assessment.team
        self.role_edits[Role.EXECUTIVE_SPONSOR][0].setPlaceholderText(team.executive_sponsor)
        self.role_edits[Role.CHANNEL_OWNER][0].setPlaceholderText(team.channel_owner)

    def _load_coverage(self) -> None:
        lang = self.context.lang
        profile_hours = self.assessment.profile.business_hours
        coverage = self.assessment.team.coverage
        self.own_coverage.setChecked(coverage is not None)
        self.profile_hours.setText(_("Business hours: {hours}", lang, hours=hours_text(profile_hours, lang)))
        self.profile_hours.setVisible(coverage is None)
        self.hours.setEnabled(coverage is not None)
        self._show_hours(coverage or profile_hours)

    def _show_hours(self, hours: BusinessHours) -> None:
        for day, check in self.day_boxes.items():
            check.setChecked(day in hours.days)
        self.opens.setTime(QTime(hours.opens.hour, hours.opens.minute))
        self.closes.setTime(QTime(hours.closes.hour, hours.closes.minute))
        self.timezone.set_code(hours.timezone)

    def _load_bot(self) -> None:
        bot = self.assessment.team.bot
        self.bot_enabled.setChecked(bot.enabled)
        self.bot_scope.setPlainText(bot.scope)
        self.bot_handoff.setPlainText(bot.handoff)
        self._show_bot_state(bot.enabled)

    def _show_bot_state(self, enabled: bool) -> None:
        lang = self.context.lang
        self.bot_scope.setEnabled(enabled)
        self.bot_handoff.setEnabled(enabled)
        rules = [_(rule, lang) for rule in BOT_RULES] if enabled else []
        self.bot_rules.setText(bullet_list(_("The plan adds these rules:", lang), rules, bold=False) if rules else "")
        self.bot_rules.setVisible(enabled)

    # Editing

    def _edit_team(self, **changes: object) -> None:
        if self._loading:
            return
        self.context.session.update(
            lambda a: a.model_copy(update={"team": Team.model_validate({**a.team.model_dump(), **changes})})
        )
        self._show_role_placeholders()
        self._update_preview()

    def _edit_role(self, role: Role, **changes: str) -> None:
        self._edit_team(roles=with_role(self.assessment.team.roles, role, **changes))

    def _own_coverage_toggled(self, on: bool) -> None:
        if self._loading:
            return
        coverage = self._hours_shown() if on else None
        self._edit_team(coverage=coverage)
        self._loading = True
        try:
            self._load_coverage()
        finally:
            self._loading = False

    def _hours_shown(self) -> BusinessHours:
        days = tuple(day for day, check in self.day_boxes.items() if check.isChecked())
        return BusinessHours.model_validate(
            {
                "days": days,
                "opens": self.opens.time().toPython(),
                "closes": self.closes.time().toPython(),
                "timezone": self.timezone.code(),
            }
        )

    def _edit_coverage(self) -> None:
        if not self._loading and self.own_coverage.isChecked():
            self._edit_team(coverage=self._hours_shown())

    def _edit_bot(self, **changes: object) -> None:
        if self._loading:
            return
        bot = BotPlan.model_validate({**self.assessment.team.bot.model_dump(), **changes})
        self._edit_team(bot=bot)
        if "enabled" in changes:
            self._show_bot_state(bot.enabled)

    def _update_preview(self) -> None:
        self.preview.show_tasks(self.assessment, self.catalogs, self.context.lang)
