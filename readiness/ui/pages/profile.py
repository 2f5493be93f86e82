"""The organisation profile: who the business is, where and whom it serves, how it is reached today, who takes part.

The fields are built here; how each edit is written at once, or refused with a hint beside the
field, is in :mod:`readiness.ui.pages.profile_edits`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readiness.core.assessment import BusinessHours, Size
from readiness.core.catalog import Audience
from readiness.core.i18n import N_, _, language_name
from readiness.core.lang import LANGUAGES
from readiness.core.plan.figures import day_name
from readiness.ui.pages.base import PageContext
from readiness.ui.pages.inputs import ChoiceBox, CountBox, OptionalDate, TimeBox
from readiness.ui.pages.pickers import MultiPicker, SinglePicker, country_options, language_options, zone_options
from readiness.ui.pages.profile_edits import ProfileEdits
from readiness.ui.pages.profile_fields import Hint, add_row, set_text
from readiness.ui.pages.profile_rows import ChannelRows, ParticipantRows
from readiness.ui.pages.widgets import explanation, field_with, name_input, scrolling
from readiness.ui.zoom import large_while_presenting

DAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_PEOPLE = 1_000_000
SCROLLBAR_ROOM = 24
"""Width kept for the vertical scroll bar beside the groups."""


SIZE_NAMES = {
    Size.MICRO: N_("Micro (1–9 people)"),
    Size.SMALL: N_("Small (10–49 people)"),
    Size.MEDIUM: N_("Medium (50–249 people)"),
    Size.LARGE: N_("Large (250 people or more)"),
}
TEAM_LABELS = {"sales": N_("&Sales:"), "support": N_("S&upport:"), "marketing": N_("&Marketing:")}


class ProfilePanel(ProfileEdits):
    """The organisation profile, written field by field."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._loading = False
        self.lang = context.lang
        content = QWidget()
        self._grid = QGridLayout(content)
        self._left = (self._organisation_group(), self._markets_group(), self._hours_group(), self._team_group())
        self._right = (self._channels_group(), self._people_group())
        self._columns = 0
        self._lay_out_groups(2)
        scroll = scrolling(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.refresh()
        self._default_facilitator()

    def title(self) -> str:
        return _("Profile", self.lang)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Two columns where they fit side by side, one below the other on a narrow window (a laptop)."""
        super().resizeEvent(event)
        widest = [max(group.minimumSizeHint().width() for group in side) for side in (self._left, self._right)]
        margins = self._grid.contentsMargins()
        needed = sum(widest) + self._grid.horizontalSpacing() + margins.left() + margins.right() + SCROLLBAR_ROOM
        self._lay_out_groups(2 if event.size().width() >= needed else 1)

    def _lay_out_groups(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        grid = self._grid
        for group in (*self._left, *self._right):
            grid.removeWidget(group)
        if columns == 2:
            for row, group in enumerate(self._left):
                grid.addWidget(group, row, 0)
            grid.addWidget(self._right[0], 0, 1, 2, 1)
            grid.addWidget(self._right[1], 2, 1, 2, 1)
        else:
            for row, group in enumerate(
                (self._left[0], self._left[1], self._right[0], *self._left[2:], self._right[1])
            ):
                grid.addWidget(group, row, 0)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1 if columns == 2 else 0)
        for row in range(grid.rowCount()):
            grid.setRowStretch(row, 0)
        grid.setRowStretch(6, 1)

    # Building

    def _group(self, key: str) -> tuple[QGroupBox, QFormLayout]:
        group = QGroupBox(_(key, self.lang))
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return group, form

    def _name(self, label_key: str) -> str:
        """A field's accessible name: its label without the mnemonic and the colon."""
        return _(label_key, self.lang).replace("&", "").rstrip(":")

    def _line(self, label_key: str, placeholder_key: str | None = None) -> QLineEdit:
        line = QLineEdit()
        name_input(line, self._name(label_key))
        if placeholder_key:
            line.setPlaceholderText(_(placeholder_key, self.lang))
        return line

    def _organisation_group(self) -> QGroupBox:
        group, form = self._group(N_("Organisation"))
        self.organisation = self._line(N_("Organisation &name:"))
        self.organisation_hint = Hint(self.organisation)
        self.organisation.textEdited.connect(self._organisation_edited)
        add_row(
            form,
            _("Organisation &name:", self.lang),
            self.organisation,
            field_with(self.organisation, self.organisation_hint),
        )
        self.industry = self._line(N_("&Industry:"), N_("e.g. home and kitchen retail"))
        self.industry.textEdited.connect(lambda text: self._write_profile(industry=text.strip()))
        add_row(form, _("&Industry:", self.lang), self.industry)
        self.size_box = ChoiceBox()
        for size in Size:
            self.size_box.addItem(_(SIZE_NAMES[size], self.lang), size.value)
        name_input(self.size_box, self._name(N_("Si&ze:")))
        self.size_box.currentIndexChanged.connect(
            lambda _value: self._write_profile(size=Size(self.size_box.currentData()))
        )
        add_row(form, _("Si&ze:", self.lang), self.size_box)
        self.language = ChoiceBox()
        for lang in LANGUAGES:
            self.language.addItem(language_name(lang), lang.value)
        name_input(self.language, self._name(N_("Plan &language:")))
        plan_language_note = _(
            "The plan and the files made from it are written in this language. This window's own language is set "
            "in File > Settings.",
            self.lang,
        )
        self.language.currentIndexChanged.connect(self._language_chosen)
        add_row(
            form,
            _("Plan &language:", self.lang),
            self.language,
            field_with(self.language, explanation(plan_language_note, self.language)),
        )
        self.launch = OptionalDate(self._name(N_("Launch &date:")), _("No date yet", self.lang), self.lang)
        self.launch.setToolTip(_("Plan tasks are dated from the launch date", self.lang))
        self.launch.changed.connect(lambda: self._write_profile(launch_date=self.launch.value()))
        large_while_presenting(self.context.view, [self.launch.none_box])
        add_row(form, _("Launch &date:", self.lang), self.launch.date_box, self.launch)
        return group

    def _markets_group(self) -> QGroupBox:
        group, form = self._group(N_("Markets and audience"))
        self.countries = MultiPicker(country_options(self.lang), self.lang, self._name(N_("&Countries served:")))
        self.countries.setToolTip(
            _("The countries whose customers you serve: they decide which channels and rules apply", self.lang)
        )
        self.countries.changed.connect(self._countries_chosen)
        add_row(form, _("&Countries served:", self.lang), self.countries)
        self.home = SinglePicker(country_options(self.lang), self.lang, self._name(N_("&Home country:")))
        self.home.setToolTip(_("Where the business itself operates", self.lang))
        self.home.changed.connect(self._home_chosen)
        add_row(form, _("&Home country:", self.lang), self.home)
        self.audience = {
            Audience.B2C: QCheckBox(_("C&onsumers (B2C)", self.lang)),
            Audience.B2B: QCheckBox(_("&Businesses (B2B)", self.lang)),
        }
        row = QWidget()
        boxes = QHBoxLayout(row)
        boxes.setContentsMargins(0, 0, 0, 0)
        for box in self.audience.values():
            box.toggled.connect(self._audience_toggled)
            boxes.addWidget(box)
        boxes.addStretch(1)
        large_while_presenting(self.context.view, list(self.audience.values()))
        form.addRow(_("Audience:", self.lang), row)
        self.languages = MultiPicker(language_options(self.lang), self.lang, self._name(N_("Lan&guages served:")))
        self.languages.changed.connect(self._languages_chosen)
        add_row(form, _("Lan&guages served:", self.lang), self.languages)
        return group

    def _hours_group(self) -> QGroupBox:
        group, form = self._group(N_("Business hours"))
        self.days = {day: QCheckBox(day_name(day, self.lang)) for day in DAYS}
        row = QWidget()
        boxes = QHBoxLayout(row)
        boxes.setContentsMargins(0, 0, 0, 0)
        for day, box in self.days.items():
            box.setAccessibleName(_("Open on {day}", self.lang, day=day_name(day, self.lang, "wide")))
            box.toggled.connect(self._hours_changed)
            boxes.addWidget(box)
        boxes.addStretch(1)
        large_while_presenting(self.context.view, list(self.days.values()))
        form.addRow(_("Open on:", self.lang), row)
        self.opens, self.closes = TimeBox(), TimeBox()
        times = QWidget()
        line = QHBoxLayout(times)
        line.setContentsMargins(0, 0, 0, 0)
        for key, time_box in ((N_("O&pens:"), self.opens), (N_("Clos&es:"), self.closes)):
            name_input(time_box, self._name(key))
            time_box.timeChanged.connect(self._hours_changed)
            label = QLabel(_(key, self.lang))
            label.setBuddy(time_box)
            line.addWidget(label)
            line.addWidget(time_box)
        line.addStretch(1)
        form.addRow(times)
        self.timezone = SinglePicker(zone_options(self.lang), self.lang, self._name(N_("&Time zone:")), required=True)
        self.timezone_hint = Hint(self.timezone)
        self.timezone.changed.connect(self._hours_changed)
        add_row(form, _("&Time zone:", self.lang), self.timezone, field_with(self.timezone, self.timezone_hint))
        return group

    def _team_group(self) -> QGroupBox:
        group, form = self._group(N_("Team"))
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.team: dict[str, CountBox] = {}
        for role in ("sales", "support", "marketing"):
            box = CountBox(MAX_PEOPLE)
            name_input(box, self._name(TEAM_LABELS[role]))
            box.setToolTip(_("People who talk to customers in this team", self.lang))
            box.valueChanged.connect(self._team_changed)
            self.team[role] = box
            add_row(form, _(TEAM_LABELS[role], self.lang), box)
        return group

    def _channels_group(self) -> QGroupBox:
        group = QGroupBox(_("Current contact channels", self.lang))
        column = QVBoxLayout(group)
        intro = QLabel(_("How customers reach the business today, with rough monthly volumes.", self.lang))
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.channel_rows = ChannelRows(self.context.session.content.catalogs, self.lang)
        self.channel_rows.changed.connect(self._channels_changed)
        column.addWidget(self.channel_rows)
        self.channels_hint = Hint(self.channel_rows)
        column.addWidget(self.channels_hint)
        add = QPushButton(_("&Add channel", self.lang))
        add.clicked.connect(self.channel_rows.add)
        self.add_channel = add
        column.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        return group

    def _people_group(self) -> QGroupBox:
        group = QGroupBox(_("Facilitator and participants", self.lang))
        column = QVBoxLayout(group)
        form = QFormLayout()
        self.facilitator = self._line(N_("&Facilitator:"))
        self.facilitator.textEdited.connect(lambda text: self._write_profile(facilitator=text.strip()))
        add_row(form, _("&Facilitator:", self.lang), self.facilitator)
        column.addLayout(form)
        column.addWidget(QLabel("<b>" + _("Participants", self.lang) + "</b>"))
        self.participant_rows = ParticipantRows(self.lang)
        self.participant_rows.changed.connect(self._participants_changed)
        column.addWidget(self.participant_rows)
        self.participants_hint = Hint(self.participant_rows)
        column.addWidget(self.participants_hint)
        add = QPushButton(_("Add pa&rticipant", self.lang))
        add.clicked.connect(self.participant_rows.add)
        self.add_participant = add
        column.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        return group

    # Reading

    def refresh(self) -> None:
        assessment = self.context.session.assessment
        profile = assessment.profile
        self._loading = True
        try:
            set_text(self.organisation, profile.organisation)
            set_text(self.industry, profile.industry)
            self.size_box.setCurrentIndex(self.size_box.findData(profile.size.value))
            self.language.setCurrentIndex(self.language.findData(assessment.language.value))
            self.launch.set_value(profile.launch_date)
            self.countries.set_codes(profile.countries)
            self.home.set_code(profile.home_country)
            for audience, box in self.audience.items():
                box.setChecked(audience in profile.audience)
            self.languages.set_codes(str(code) for code in profile.languages)
            self._show_hours(profile.business_hours)
            for role, count in self.team.items():
                count.setValue(getattr(profile.team, role))
            set_text(self.facilitator, profile.facilitator)
            self.channel_rows.set_uses(profile.current_channels)
            self.participant_rows.set_participants(profile.participants)
        finally:
            self._loading = False
        for hint in self.findChildren(Hint):
            hint.clear_problem()

    def _show_hours(self, hours: BusinessHours) -> None:
        for day, box in self.days.items():
            box.setChecked(day in hours.days)
        self.opens.set_time_of_day(hours.opens)
        self.closes.set_time_of_day(hours.closes)
        self.timezone.set_code(hours.timezone)

    def _default_facilitator(self) -> None:
        """An assessment without a facilitator takes the one named in the settings."""
        name = self.context.settings.facilitator.strip()
        if name and not self.context.session.assessment.profile.facilitator:
            self.facilitator.setText(name)
            self._write_profile(facilitator=name)
