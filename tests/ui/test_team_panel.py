"""The team panel: people, roles, promise, coverage, training and bot edited through widgets; the launch preview."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QLineEdit, QPushButton, QSpinBox
from pytestqt.qtbot import QtBot
from ui_support import (
    assert_mnemonics_are_free,
    cell_text,
    panel_context,
    sample,
    screenshot_folder,
    shown,
    stored,
    unnamed_inputs,
)

from readiness.core.assessment import Assessment, BotPlan, ChannelChoice, Team
from readiness.core.lang import Lang
from readiness.core.plan.builder import build_plan
from readiness.core.text import Role
from readiness.ui.pages.team import TeamPanel, with_role


def blank_team(lang: Lang, **changes: object) -> Assessment:
    return sample(lang).model_copy(update={"team": Team(), **changes})


def click_box(box: QCheckBox) -> None:
    """Click a check box on its indicator: a wide box's middle may lie past its label."""
    QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))


def erase(qtbot: QtBot, edit: QLineEdit) -> None:
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_Delete)


@pytest.mark.parametrize("lang", [Lang.EN, Lang.ES])
def test_people_roles_promise_and_bot_are_saved(qtbot: QtBot, tmp_path: Path, lang: Lang) -> None:
    with panel_context(tmp_path, blank_team(lang)) as context:
        panel = shown(qtbot, TeamPanel(context))
        assert panel.title() == ("Equipo" if lang is Lang.ES else "Team")
        QTest.keyClicks(panel.sponsor, "Mariana")
        QTest.keyClicks(panel.owner, "Diego")
        person, duties = panel.role_edits[Role.SUPPORT]
        QTest.keyClicks(person, "Luis")
        QTest.keyClicks(duties, "Runs the inbox")
        panel.promise.setFocus()
        panel.promise.selectAll()
        QTest.keyClicks(panel.promise, "45")

        assert not panel.bot_scope.isEnabled() and not panel.bot_handoff.isEnabled()
        click_box(panel.bot_enabled)
        assert panel.bot_enabled.isChecked()
        assert panel.bot_scope.isEnabled() and panel.bot_handoff.isEnabled()
        assert panel.bot_rules.isVisible()
        QTest.keyClicks(panel.bot_scope, "Order status")
        QTest.keyClicks(panel.bot_handoff, "Type agent")

        team = stored(context).team
        assert (team.executive_sponsor, team.channel_owner) == ("Mariana", "Diego")
        assert [(r.role, r.name, r.responsibilities) for r in team.roles] == [(Role.SUPPORT, "Luis", "Runs the inbox")]
        assert team.response_promise_minutes == 45
        assert team.bot == BotPlan(enabled=True, scope="Order status", handoff="Type agent")
        # The sponsor's role row offers the sponsor's name.
        assert panel.role_edits[Role.EXECUTIVE_SPONSOR][0].placeholderText() == "Mariana"

        erase(qtbot, person)
        erase(qtbot, duties)
        assert stored(context).team.roles == ()  # a role with neither person nor duties is dropped

        click_box(panel.bot_enabled)
        assert not panel.bot_scope.isEnabled()
        assert stored(context).team.bot == BotPlan(enabled=False, scope="Order status", handoff="Type agent")


@pytest.mark.parametrize(
    ("lang", "typed", "minutes", "worded"),
    [(Lang.EN, "2 hours", 120, "2 h"), (Lang.ES, "1 h 30", 90, "90 min"), (Lang.PT_BR, "2,5 horas", 150, "150 min")],
)
def test_a_promise_is_typed_as_people_say_it(
    qtbot: QtBot, tmp_path: Path, lang: Lang, typed: str, minutes: int, worded: str
) -> None:
    """Seen in a real window: "2 hours" typed in the promise was saved as 2 minutes, then shown as "120 min". The
    box words it as the plan does: minutes, or hours where they are whole from 90 minutes on."""
    with panel_context(tmp_path, blank_team(lang)) as context:
        panel = shown(qtbot, TeamPanel(context), active=True)
        for text, expected in ((typed, minutes), ("soon", minutes)):  # what is no duration leaves the promise be
            panel.promise.setFocus()
            panel.promise.selectAll()
            QTest.keyClicks(panel.promise, text)
            panel.owner.setFocus()
            assert stored(context).team.response_promise_minutes == expected
        assert panel.promise.text() == worded
        panel.promise.setFocus()
        panel.promise.selectAll()
        QTest.keyClicks(panel.promise, worded)  # what the box shows, typed back, is the same duration
        panel.owner.setFocus()
        assert stored(context).team.response_promise_minutes == minutes


def test_no_promise_is_stored_as_none(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample()) as context:
        panel = shown(qtbot, TeamPanel(context))
        assert panel.promise.value() == 60
        panel.promise.setValue(0)
        assert panel.promise.text() == "No promise yet"
        assert stored(context).team.response_promise_minutes is None


def test_coverage_hours_of_the_team(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, blank_team(Lang.ES)) as context:
        panel = shown(qtbot, TeamPanel(context), active=True)
        assert not panel.hours.isEnabled()
        assert "Horario comercial" in panel.profile_hours.text()
        click_box(panel.own_coverage)
        assert panel.hours.isEnabled()
        panel.day_boxes["sat"].setChecked(True)
        panel.closes.setTime(QTime(20, 30))
        assert panel.timezone.text() == "Ciudad de México"
        panel.timezone.setFocus()
        panel.timezone.selectAll()
        QTest.keyClicks(panel.timezone, "Ciudad de M")  # half typed: nothing is picked and the zone stays
        if (popup := panel.timezone.completer().popup()) is not None and popup.isVisible():
            QTest.keyClick(popup, Qt.Key.Key_Escape)
        QTest.keyClick(panel.timezone, Qt.Key.Key_Tab)
        assert panel.timezone.text() == "Ciudad de México"
        coverage = stored(context).team.coverage
        assert coverage is not None
        assert coverage.days == ("mon", "tue", "wed", "thu", "fri", "sat")
        assert coverage.closes == dt.time(20, 30)
        assert coverage.timezone == "America/Mexico_City"
        panel.day_boxes["sun"].setChecked(True)
        coverage = stored(context).team.coverage
        assert coverage is not None
        assert (coverage.days[-1], coverage.timezone) == ("sun", "America/Mexico_City")

        click_box(panel.own_coverage)
        assert stored(context).team.coverage is None


def test_training_sessions_are_added_edited_and_removed(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, blank_team(Lang.EN)) as context:
        panel = shown(qtbot, TeamPanel(context))
        assert panel.no_sessions.isVisible()
        QTest.mouseClick(panel.add_session, Qt.MouseButton.LeftButton)
        QTest.mouseClick(panel.add_session, Qt.MouseButton.LeftButton)
        assert panel.training.rowCount() == 2
        title = panel.training.cellWidget(1, 0)
        assert isinstance(title, QLineEdit)
        qtbot.waitUntil(title.hasFocus)
        QTest.keyClicks(title, "Inbox drill")  # replaces the selected default title
        offset = panel.training.cellWidget(1, 2)
        assert isinstance(offset, QSpinBox)
        assert offset.text() == "14 days before"
        offset.setValue(-7)
        assert offset.text() == "7 days before"
        offset.lineEdit().selectAll()
        QTest.keyClicks(offset, "8")  # a number typed keeps the side of launch the box is on
        assert offset.value() == -8
        offset.setValue(1)
        assert offset.text() == "1 day after"
        offset.setValue(-7)
        audience = panel.training.cellWidget(1, 1)
        assert isinstance(audience, QPushButton)
        support = next(a for a in audience.menu().actions() if a.data() == Role.SUPPORT.value)
        support.trigger()
        assert audience.toolTip() == "Customer support"
        launch = context.session.assessment.profile.launch_date
        assert launch is not None
        assert launch - dt.timedelta(days=7) == dt.date(2027, 2, 8)
        assert cell_text(panel.training, 1, 3) == "Feb 8, 2027", "dates as everywhere else in the app"
        sessions = stored(context).team.training
        assert [(s.title, s.offset_days, s.audience) for s in sessions] == [
            ("New training session", -14, ()),
            ("Inbox drill", -7, (Role.SUPPORT,)),
        ]

        panel.training.cellWidget(0, 0).setFocus()
        qtbot.waitUntil(lambda: panel.training.currentRow() == 0)
        QTest.mouseClick(panel.remove_session, Qt.MouseButton.LeftButton)
        assert [s.title for s in stored(context).team.training] == ["Inbox drill"]
        assert panel.training.rowCount() == 1


@pytest.mark.parametrize("lang", [Lang.EN, Lang.ES])
def test_preview_lists_the_blockers_of_the_chosen_channel(qtbot: QtBot, tmp_path: Path, lang: Lang) -> None:
    chosen = (ChannelChoice(channel="sms", role="primary"),)
    with panel_context(tmp_path, sample(lang).model_copy(update={"channels": chosen})) as context:
        panel = shown(qtbot, TeamPanel(context))

        def shown_as_in_the_plan() -> set[str]:
            """The blockers and day-one items the plan has, as it words them (the team's promise filled in)."""
            plan = build_plan(context.session.assessment, context.session.content)
            for task in (*plan.launch_blockers, *plan.day_one):
                assert html.escape(task.title) in panel.blockers.text() + panel.day_one.text(), task.title
            heading = "Bloqueos de lanzamiento ({})" if lang is Lang.ES else "Launch blockers ({})"
            assert heading.format(len(plan.launch_blockers)) in panel.blockers.text()
            return {t.id for t in plan.launch_blockers}

        both_markets = shown_as_in_the_plan()
        context.session.update(
            lambda a: a.model_copy(update={"profile": a.profile.model_copy(update={"countries": ("MX",)})})
        )
        panel.refresh()
        mexico_only = shown_as_in_the_plan()
        assert mexico_only < both_markets  # the US-only registration is gone
        sms = context.session.content.catalogs.channels["sms"]
        us_only = [b for b in sms.blockers if b.countries == ("US",)]
        assert us_only and all(html.escape(b.title.get(lang)) not in panel.blockers.text() for b in us_only)


def test_preview_without_channels_says_what_to_do(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample(Lang.ES).model_copy(update={"channels": ()})) as context:
        panel = shown(qtbot, TeamPanel(context))
        assert "Elegir un canal principal" in panel.blockers.text()
        assert not panel.day_one.isVisible()


def test_the_preview_follows_owner_names(qtbot: QtBot, tmp_path: Path) -> None:
    chosen = (ChannelChoice(channel="sms", role="primary"),)
    with panel_context(tmp_path, blank_team(Lang.EN, channels=chosen)) as context:
        panel = shown(qtbot, TeamPanel(context))
        owner_role = context.session.content.catalogs.channels["sms"].blockers[1].owner_role
        assert "Andres" not in panel.blockers.text()
        QTest.keyClicks(panel.role_edits[owner_role][0], "Andres")
        assert "Andres (IT)" in panel.blockers.text(), "the person with the role they hold"


def test_with_role_keeps_order_and_drops_blank_entries() -> None:
    team = sample().team
    roles = with_role(team.roles, Role.SALES, name="Ana")
    assert [r.role for r in roles] == [r.role for r in team.roles]
    assert roles[1].name == "Ana"
    cleared = with_role(with_role(roles, Role.SALES, name=""), Role.SALES, responsibilities="")
    assert Role.SALES not in [r.role for r in cleared]
    assert with_role((), Role.IT, name="Bo")[0].name == "Bo"


@pytest.mark.parametrize("lang", [Lang.EN, Lang.ES, Lang.PT_BR])
def test_every_input_has_an_accessible_name_and_mnemonics_are_free(qtbot: QtBot, tmp_path: Path, lang: Lang) -> None:
    with panel_context(tmp_path, sample(lang)) as context:
        panel = shown(qtbot, TeamPanel(context))
        assert unnamed_inputs(panel) == []
        assert_mnemonics_are_free(panel, lang)
        expected = {
            Lang.EN: ("Executive sponsor", "Person, Customer support"),
            Lang.ES: ("Patrocinador ejecutivo", "Persona, Atención al cliente"),
            Lang.PT_BR: ("Patrocinador executivo", "Pessoa, Atendimento ao cliente"),
        }[lang]
        assert panel.sponsor.accessibleName() == expected[0]
        assert panel.role_edits[Role.SUPPORT][0].accessibleName() == expected[1]


def test_screenshots(qtbot: QtBot, tmp_path: Path) -> None:
    for lang in (Lang.EN, Lang.ES):
        with panel_context(tmp_path / lang.value, sample(lang)) as context:
            panel = shown(qtbot, TeamPanel(context))
            qtbot.wait(50)
            assert panel.grab().save(str(screenshot_folder(tmp_path) / f"team_{lang.value}.png"))


def test_a_cut_responsibility_or_session_title_shows_whole_on_hover(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample()) as context:
        panel = shown(qtbot, TeamPanel(context))
        for _person, duties in panel.role_edits.values():
            assert duties.toolTip() == duties.text()
        _person, duties = next(iter(panel.role_edits.values()))
        duties.setFocus()
        QTest.keyClicks(duties, " and the weekly report")
        assert duties.toolTip() == duties.text() and duties.text().endswith("weekly report")
        title = panel.training.cellWidget(0, 0)
        assert isinstance(title, QLineEdit) and title.toolTip() == title.text() != ""


@pytest.mark.parametrize("bot", [True, False])
def test_suggested_sessions_follow_the_chosen_channels_and_the_bot(qtbot: QtBot, tmp_path: Path, bot: bool) -> None:
    team = Team(bot=BotPlan(enabled=bot))
    with panel_context(tmp_path, blank_team(Lang.EN, team=team)) as context:
        panel = shown(qtbot, TeamPanel(context))
        assert panel.add_suggested.isVisible()
        QTest.mouseClick(panel.add_suggested, Qt.MouseButton.LeftButton)
        titles = [s.title for s in stored(context).team.training]
        catalogs = context.session.content.catalogs
        chosen = [catalogs.channels[c.channel].name.en for c in context.session.assessment.channels]
        assert titles[0].startswith("Channel basics")
        assert [t.split(":")[0] for t in titles[1 : 1 + len(chosen)]] == chosen
        assert any(t.startswith("Bot hand-off drill") for t in titles) is bot
        assert panel.training.rowCount() == len(titles) and not panel.add_suggested.isVisible()
