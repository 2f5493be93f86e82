"""The profile panel: each field is written through the session; input the model refuses keeps the last value."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from ui_support import panel_context, sample, shown, stored, unnamed_inputs

from readiness.core.assessment import Assessment, ChannelUse, Participant, Size, TeamSizes
from readiness.core.catalog import Audience
from readiness.core.lang import LANGUAGES, Lang
from readiness.ui.pages.formatting import format_date
from readiness.ui.pages.profile import ProfilePanel
from readiness.ui.zoom import apply_zoom


def click(button: QAbstractButton) -> None:
    """Click a button where its indicator or text is."""
    middle = button.height() // 2
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(middle, middle))


def retype(field: QWidget, text: str) -> None:
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        QTest.keyClicks(field, text)
    else:
        QTest.keyClick(field, Qt.Key.Key_Backspace)


def without_facilitator(assessment: Assessment) -> Assessment:
    return assessment.model_copy(update={"profile": assessment.profile.model_copy(update={"facilitator": ""})})


def test_organisation_is_written_and_an_empty_name_is_refused(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample()) as context:
        panel = shown(qtbot, ProfilePanel(context), active=True)
        assert panel.title() == "Profile"
        assert panel.organisation.text() == "Casa Jacaranda"

        retype(panel.organisation, "Casa Jacaranda SA")
        assert context.session.assessment.profile.organisation == "Casa Jacaranda SA"
        assert panel.organisation_hint.isHidden()

        retype(panel.organisation, "")
        assert context.session.assessment.profile.organisation == "Casa Jacaranda SA"
        assert panel.organisation_hint.isVisibleTo(panel)
        assert "Casa Jacaranda SA" in panel.organisation_hint.text()
        assert panel.organisation.accessibleDescription() == panel.organisation_hint.text()

        QTest.keyClicks(panel.organisation, "Jacaranda Home")
        assert panel.organisation_hint.isHidden()
        assert stored(context).profile.organisation == "Jacaranda Home"


def pick(qtbot: QtBot, field: QLineEdit, typed: str, entry: str) -> None:
    """Type into a picker as a person would, then choose ``entry`` from the list that opens (arrows, Enter)."""
    retype(field, typed)
    completer = field.completer()
    popup = completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    shown = [completer.completionModel().index(r, 0).data() for r in range(completer.completionModel().rowCount())]
    assert entry in shown, shown
    for _ in range(shown.index(entry) + 1):
        QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)


def leave(field: QLineEdit) -> None:
    """Close the suggestions (Escape), if open, and Tab to the next field, as a person leaves a field."""
    popup = field.completer().popup()
    if popup is not None and popup.isVisible():
        QTest.keyClick(popup, Qt.Key.Key_Escape)
    QTest.keyClick(field, Qt.Key.Key_Tab)


def test_countries_and_languages_are_picked_by_name_in_the_app_language(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample(Lang.ES)) as context:
        panel = shown(qtbot, ProfilePanel(context), active=True)
        assert panel.home.text() == "México"
        pick(qtbot, panel.home, "Alem", "Alemania (DE)")
        qtbot.waitUntil(lambda: context.session.assessment.profile.home_country == "DE", timeout=5000)
        qtbot.waitUntil(lambda: panel.home.text() == "Alemania", timeout=5000)  # the list's "Alemania (DE)" settles

        pick(qtbot, panel.countries.search, "canad", "Canadá (CA)")
        qtbot.waitUntil(lambda: context.session.assessment.profile.countries == ("MX", "US", "CA"), timeout=5000)
        assert panel.countries.search.text() == ""  # ready for the next one
        pick(qtbot, panel.languages.search, "portu", "portugués (pt)")
        qtbot.waitUntil(lambda: "pt" in context.session.assessment.profile.languages, timeout=5000)

        panel.countries.chosen.setFocus()
        panel.countries.chosen.setCurrentRow(0)
        QTest.keyClick(panel.countries.chosen, Qt.Key.Key_Delete)
        assert context.session.assessment.profile.countries == ("US", "CA")
        panel.countries.chosen.setCurrentRow(1)
        click(panel.countries.remove)
        assert stored(context).profile.countries == ("US",)


def test_a_half_typed_country_is_never_saved(qtbot: QtBot, tmp_path: Path) -> None:
    """The bug a user met: "Germany" typed letter by letter was saved as GE (Georgia) along the way."""
    with panel_context(tmp_path, sample()) as context:
        panel = shown(qtbot, ProfilePanel(context), active=True)
        seen: list[str | None] = []
        context.session.changed.connect(lambda: seen.append(context.session.assessment.profile.home_country))
        retype(panel.home, "Germ")
        assert seen == []
        leave(panel.home)  # a part of a name, not picked from the list: the choice comes back
        assert panel.home.text() == "Mexico" and seen == []

        retype(panel.home, "Germany")
        assert seen == []
        leave(panel.home)  # a name typed in full is taken on leaving, once
        assert panel.home.text() == "Germany" and seen == ["DE"]

        retype(panel.home, "nl")
        QTest.keyClick(panel.home, Qt.Key.Key_Return)  # a code typed in full, then Enter, picks it
        qtbot.waitUntil(lambda: seen == ["DE", "NL"], timeout=5000)
        assert panel.home.text() == "Netherlands"
        retype(panel.home, "")
        leave(panel.home)
        assert seen == ["DE", "NL", None] and stored(context).profile.home_country is None

        retype(panel.countries.search, "Canada")
        leave(panel.countries.search)  # the same in a list of countries: added, the line emptied
        assert stored(context).profile.countries[-1] == "CA" and panel.countries.search.text() == ""


def test_audience_size_hours_and_team(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample()) as context:
        panel = shown(qtbot, ProfilePanel(context), active=True)
        click(panel.audience[Audience.B2B])
        assert context.session.assessment.profile.audience == (Audience.B2C, Audience.B2B)
        panel.size_box.setCurrentIndex(panel.size_box.findData(Size.LARGE.value))
        retype(panel.team["support"], "9")
        click(panel.days["sun"])
        panel.closes.setTime(QTime(21, 30))

        profile = stored(context).profile
        assert profile.countries == ("MX", "US")
        assert profile.size is Size.LARGE
        assert profile.team == TeamSizes(sales=14, support=9, marketing=3)
        assert profile.business_hours.days == ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
        assert profile.business_hours.closes == dt.time(21, 30)


def test_a_time_typed_after_a_click_in_its_minutes_replaces_the_whole_time(qtbot: QtBot, tmp_path: Path) -> None:
    """A person clicks the minutes of "10:00" and types 0830: 08:30, not the digits typed into the minutes."""
    with panel_context(tmp_path, sample()) as context:
        panel = shown(qtbot, ProfilePanel(context), active=True)
        box = panel.opens
        minutes = QPoint(box.fontMetrics().horizontalAdvance("10:0"), box.height() // 2)
        QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=minutes)
        qtbot.waitUntil(lambda: box.lineEdit().selectedText() == "10", timeout=5000)
        QTest.keyClicks(box, "0830")
        QTest.keyClick(box, Qt.Key.Key_Tab)
        assert stored(context).profile.business_hours.opens == dt.time(8, 30)


@pytest.mark.parametrize(
    ("lang", "city", "typed", "entry"),
    [
        (Lang.EN, "Mexico City", "madr", "Madrid (Europe/Madrid)"),
        (Lang.ES, "Ciudad de México", "nueva y", "Nueva York (America/New_York)"),
    ],
)
def test_a_time_zone_is_picked_by_its_city_and_a_half_typed_one_is_never_saved(
    qtbot: QtBot, tmp_path: Path, lang: Lang, city: str, typed: str, entry: str
) -> None:
    with panel_context(tmp_path, sample(lang)) as context:
        panel = shown(qtbot, ProfilePanel(context), active=True)
        assert panel.timezone.text() == city
        retype(panel.timezone, "Mars/Olymp")
        leave(panel.timezone)
        assert panel.timezone.text() == city
        retype(panel.timezone, "")
        leave(panel.timezone)
        assert (panel.timezone.text(), stored(context).profile.business_hours.timezone) == (
            city,
            "America/Mexico_City",
        )
        pick(qtbot, panel.timezone, typed, entry)
        zone = entry.rsplit("(", 1)[1].rstrip(")")
        qtbot.waitUntil(lambda: stored(context).profile.business_hours.timezone == zone, timeout=5000)
        qtbot.waitUntil(lambda: panel.timezone.text() == entry.rsplit(" (", 1)[0], timeout=5000)


def test_participants_can_be_added_and_removed(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample()) as context:
        panel = shown(qtbot, ProfilePanel(context), active=True)
        rows = panel.participant_rows
        assert len(rows.rows) == 6

        QTest.mouseClick(panel.add_participant, Qt.MouseButton.LeftButton)
        name, role, _ = rows.rows[-1]
        assert name.hasFocus()
        assert panel.participants_hint.isVisibleTo(panel)  # a row without a name yet
        assert len(context.session.assessment.profile.participants) == 6
        QTest.keyClicks(name, "Ana Ruiz")
        QTest.keyClicks(role, "CFO")
        assert panel.participants_hint.isHidden()
        assert context.session.assessment.profile.participants[-1] == Participant(name="Ana Ruiz", role="CFO")

        QTest.mouseClick(rows.rows[0][2], Qt.MouseButton.LeftButton)
        participants = stored(context).profile.participants
        assert [p.name for p in participants] == [
            "Diego Salas",
            "Paola Núñez",
            "Andrés Vega",
            "Rocío Méndez",
            "Jorge Ibarra",
            "Ana Ruiz",
        ]


def test_spanish_current_channel_with_volume_and_launch_date(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample(Lang.ES)) as context:
        panel = shown(qtbot, ProfilePanel(context), active=True)
        assert panel.title() == "Perfil"
        rows = panel.channel_rows
        assert len(rows.rows) == 5

        QTest.mouseClick(panel.add_channel, Qt.MouseButton.LeftButton)
        box, volume, _ = rows.rows[-1]
        assert box.currentIndex() == -1 and box.placeholderText() == "Elija un canal…"
        assert len(context.session.assessment.profile.current_channels) == 5  # nothing saved until one is picked
        assert box.findData("email") < 0  # a channel already listed is not offered again
        box.setCurrentIndex(box.findData("sms"))
        assert box.currentText() == context.session.content.catalogs.channels["sms"].name.get(Lang.ES)
        volume.setFocus()
        QTest.keyClicks(volume, "300")
        assert context.session.assessment.profile.current_channels[-1] == ChannelUse(channel="sms", monthly_volume=300)

        first = rows.rows[0][0]
        first.setCurrentIndex(first.findData("sms"))  # the same channel twice
        assert panel.channels_hint.isVisibleTo(panel) and "dos veces" in panel.channels_hint.text()
        assert context.session.assessment.profile.current_channels[0].channel == "email"
        first.setCurrentIndex(first.findData("email"))
        box.setCurrentIndex(box.findData("telegram"))
        assert panel.channels_hint.isHidden()

        QTest.mouseClick(rows.rows[0][2], Qt.MouseButton.LeftButton)  # remove email
        panel.launch.date_box.setDate(QDate(2027, 3, 1))
        assert context.session.assessment.profile.launch_date == dt.date(2027, 3, 1)
        saved = stored(context).profile
        assert [c.channel for c in saved.current_channels] == [
            "whatsapp_app",
            "messenger",
            "web_chat",
            "google_business_messages",
            "telegram",
        ]
        assert saved.current_channels[-1].monthly_volume == 300
        assert saved.launch_date == dt.date(2027, 3, 1)

        click(panel.launch.none_box)
        assert not panel.launch.date_box.isEnabled()
        assert stored(context).profile.launch_date is None


def test_the_facilitator_defaults_to_the_settings(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, without_facilitator(sample())) as context:
        context.settings.facilitator = "Marta Gil"
        panel = shown(qtbot, ProfilePanel(context), active=True)
        assert panel.facilitator.text() == "Marta Gil"
        assert stored(context).profile.facilitator == "Marta Gil"
        retype(panel.facilitator, "Pablo Mora")  # QTest.keyClicks aborts on characters beyond ASCII
        assert stored(context).profile.facilitator == "Pablo Mora"


def test_a_facilitator_already_named_is_kept(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample()) as context:
        context.settings.facilitator = "Marta Gil"
        panel = shown(qtbot, ProfilePanel(context), active=True)
        assert panel.facilitator.text() == "Lucía Herrera"


def test_the_plan_language_is_written_and_the_window_keeps_its_own(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample()) as context:
        panel = shown(qtbot, ProfilePanel(context), active=True)
        panel.language.setCurrentIndex(panel.language.findData(Lang.ES.value))
        assert context.plan_lang is Lang.ES
        assert context.lang is Lang.EN
        assert stored(context).language is Lang.ES


def test_refresh_shows_changes_made_elsewhere(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample()) as context:
        panel = shown(qtbot, ProfilePanel(context), active=True)
        QTest.keyClicks(panel.home, "Ger")
        context.session.update(
            lambda a: a.model_copy(
                update={"profile": a.profile.model_copy(update={"industry": "Furniture", "countries": ("MX", "CA")})}
            )
        )
        panel.refresh()
        assert panel.industry.text() == "Furniture"
        assert panel.countries.codes() == ("MX", "CA")
        assert [panel.countries.chosen.item(r).text() for r in range(2)] == ["Mexico (MX)", "Canada (CA)"]
        assert panel.home.text() == "Mexico"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_input_has_an_accessible_name(qtbot: QtBot, tmp_path: Path, lang: Lang) -> None:
    with panel_context(tmp_path, sample(lang)) as context:
        panel = ProfilePanel(context)
        qtbot.addWidget(panel)
        QTest.mouseClick(panel.add_participant, Qt.MouseButton.LeftButton)
        QTest.mouseClick(panel.add_channel, Qt.MouseButton.LeftButton)
        assert unnamed_inputs(panel) == []


@pytest.mark.parametrize("lang", [Lang.EN, Lang.ES, Lang.PT_BR])
def test_the_launch_date_reads_as_every_other_date_in_the_app(qtbot: QtBot, tmp_path: Path, lang: Lang) -> None:
    with panel_context(tmp_path, sample(lang)) as context:
        panel = shown(qtbot, ProfilePanel(context), active=True)
        launch = context.session.assessment.profile.launch_date
        assert launch is not None
        assert panel.launch.date_box.text() == format_date(lang, launch)  # "Feb 15, 2027", "15 feb 2027"…


@pytest.mark.parametrize(("tz", "expected"), [("America/Mexico_City", "America/Mexico_City"), ("UTC", "UTC")])
def test_a_new_assessment_starts_in_the_computers_own_time_zone(tz: str, expected: str) -> None:
    probe = "from readiness.ui.pages.pickers import system_zone; print(system_zone())"
    found = subprocess.run(  # a process of its own: Qt reads the zone once, at start
        [sys.executable, "-c", probe], capture_output=True, text=True, env={**os.environ, "TZ": tz}, check=True
    )
    assert found.stdout.strip() == expected


def test_the_chosen_countries_grow_with_the_zoom(qtbot: QtBot, tmp_path: Path) -> None:
    """Seen at the presentation zoom: "México (MX)" cut in half, the list still as tall as at 100 %."""
    with panel_context(tmp_path, sample()) as context:
        panel = shown(qtbot, ProfilePanel(context), active=True)
        chosen = panel.countries.chosen
        rows = chosen.count()
        assert rows == 2 and chosen.height() >= rows * chosen.sizeHintForRow(0)
        small = chosen.height()
        try:
            apply_zoom(150)
            qtbot.waitUntil(lambda: chosen.height() > small, timeout=5000)
            assert chosen.height() >= rows * chosen.sizeHintForRow(0)
        finally:
            apply_zoom(100)
        qtbot.waitUntil(lambda: chosen.height() == small, timeout=5000)
