"""The profile panel's edits: each field written as it changes, or refused with a hint beside it.

Input the assessment cannot take (an empty name, an unknown time zone) is not written: the last valid value
stays and the hint says why. Countries and languages are picked from lists, so they are always valid.
"""

from __future__ import annotations

from collections.abc import Callable

from pydantic import ValidationError
from PySide6.QtWidgets import QCheckBox

from readiness.core.assessment import Assessment, BusinessHours, TeamSizes
from readiness.core.catalog import Audience
from readiness.core.i18n import _
from readiness.core.lang import Lang
from readiness.ui.pages.base import Panel
from readiness.ui.pages.inputs import ChoiceBox, CountBox, TimeBox
from readiness.ui.pages.pickers import MultiPicker, SinglePicker
from readiness.ui.pages.profile_fields import Hint, validation_problem
from readiness.ui.pages.profile_rows import ChannelRows, ParticipantRows


class ProfileEdits(Panel):
    """What the profile panel writes; the panel builds the fields named here."""

    lang: Lang
    _loading: bool
    organisation_hint: Hint
    language: ChoiceBox
    countries: MultiPicker
    home: SinglePicker
    languages: MultiPicker
    audience: dict[Audience, QCheckBox]
    days: dict[str, QCheckBox]
    opens: TimeBox
    closes: TimeBox
    timezone: SinglePicker
    timezone_hint: Hint
    team: dict[str, CountBox]
    channel_rows: ChannelRows
    channels_hint: Hint
    participant_rows: ParticipantRows
    participants_hint: Hint

    def _write(self, change: Callable[[Assessment], Assessment], hint: Hint | None = None) -> bool:
        """Apply one change; if the assessment refuses it, keep the last valid one and say why."""
        if self._loading:
            return False
        try:
            self.context.session.update(change)
        except ValidationError as error:
            if hint is not None:
                hint.show_problem(_("Not saved: {problem}", self.lang, problem=validation_problem(error)))
            return False
        if hint is not None:
            hint.clear_problem()
        return True

    def _write_profile(self, hint: Hint | None = None, **changes: object) -> bool:
        return self._write(lambda a: a.model_copy(update={"profile": a.profile.model_copy(update=changes)}), hint)

    def _organisation_edited(self, text: str) -> None:
        name = text.strip()
        if not name:
            kept = self.context.session.assessment.profile.organisation
            self.organisation_hint.show_problem(
                _("The organisation needs a name; “{kept}” is kept.", self.lang, kept=kept)
            )
            return
        self._write_profile(self.organisation_hint, organisation=name)

    def _language_chosen(self, _index: int) -> None:
        lang = Lang(self.language.currentData())
        if lang is not self.context.session.assessment.language:
            self._write(lambda a: a.model_copy(update={"language": lang}))

    def _countries_chosen(self) -> None:
        self._write_profile(countries=self.countries.codes())

    def _home_chosen(self) -> None:
        self._write_profile(home_country=self.home.code())

    def _languages_chosen(self) -> None:
        self._write_profile(languages=self.languages.codes())

    def _audience_toggled(self, _checked: bool) -> None:
        chosen = tuple(audience for audience, box in self.audience.items() if box.isChecked())
        self._write_profile(audience=chosen)

    def _hours_changed(self) -> None:
        if self._loading:
            return
        zone = self.timezone.code()
        days = [day for day, box in self.days.items() if box.isChecked()]
        hours = BusinessHours.model_validate(
            {"days": days, "opens": self.opens.time_of_day(), "closes": self.closes.time_of_day(), "timezone": zone}
        )
        self._write_profile(self.timezone_hint, business_hours=hours)

    def _team_changed(self) -> None:
        sizes = TeamSizes(**{role: box.value() for role, box in self.team.items()})
        self._write_profile(team=sizes)

    def _channels_changed(self) -> None:
        uses = self.channel_rows.uses()
        ids = [use.channel for use in uses]
        twice = next((cid for cid in ids if ids.count(cid) > 1), None)
        if twice is not None:
            name = self.channel_rows.channel_name(twice)
            self.channels_hint.show_problem(
                _(
                    "{channel} is listed twice; the list is saved once each channel appears only once.",
                    self.lang,
                    channel=name,
                )
            )
            return
        self._write_profile(self.channels_hint, current_channels=tuple(uses))

    def _participants_changed(self) -> None:
        if self.participant_rows.has_nameless():
            self.participants_hint.show_problem(_("A participant without a name is not saved.", self.lang))
        else:
            self.participants_hint.clear_problem()
        self._write_profile(participants=tuple(self.participant_rows.participants()))
