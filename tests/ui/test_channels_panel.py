"""The channels panel: the live ranking, the detail of the selected channel, and choices made by clicking."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
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

from readiness.core.assessment import ChannelChoice, ChannelUse
from readiness.core.lang import LANGUAGES, Lang
from readiness.ui.pages.channels import ChannelsPanel, choose


def click_channel(panel: ChannelsPanel, channel: str) -> None:
    row = next(i for i in range(panel.table.rowCount()) if panel._ranked[i].channel == channel)
    rect = panel.table.visualRect(panel.table.model().index(row, 1))
    QTest.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert panel.selected_channel() == channel


def click(panel: ChannelsPanel, role: str | None) -> None:
    QTest.mouseClick(panel.choice_buttons[role], Qt.MouseButton.LeftButton)


def roles(choices: tuple[ChannelChoice, ...]) -> list[tuple[str, str]]:
    return [(c.channel, c.role) for c in choices]


@pytest.mark.parametrize("lang", [Lang.EN, Lang.ES])
def test_pick_primary_and_secondary_by_clicking(qtbot: QtBot, tmp_path: Path, lang: Lang) -> None:
    with panel_context(tmp_path, sample(lang).model_copy(update={"channels": ()})) as context:
        panel = shown(qtbot, ChannelsPanel(context))
        assert panel.title() == ("Canales" if lang is Lang.ES else "Channels")

        click_channel(panel, "whatsapp_app")
        click(panel, "primary")
        click_channel(panel, "rcs")
        click(panel, "secondary")
        assert roles(stored(context).channels) == [("whatsapp_app", "primary"), ("rcs", "secondary")]
        primary_row = next(i for i, c in enumerate(panel._ranked) if c.channel == "whatsapp_app")
        assert cell_text(panel.table, primary_row, 3) == ("Principal" if lang is Lang.ES else "Primary")
        assert panel.choice_buttons["secondary"].isChecked()

        # A second primary demotes the first to secondary: one primary at most.
        click(panel, "primary")
        assert roles(stored(context).channels) == [("rcs", "primary"), ("whatsapp_app", "secondary")]

        click_channel(panel, "whatsapp_app")
        assert panel.choice_buttons["secondary"].isChecked()
        click(panel, None)
        assert roles(stored(context).channels) == [("rcs", "primary")]


def test_constraints_and_facts_show_in_the_detail_pane(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample()) as context:
        panel = shown(qtbot, ChannelsPanel(context))
        click_channel(panel, "apple_messages")
        assert panel.constraints.isVisible()
        assert "Requires live agents" in panel.constraints.text()
        assert "Constraints" in panel.constraints.text()
        assert panel.facts["lead_time"].text().startswith("about ")
        assert panel.facts["opt_in"].text()
        click_channel(panel, "whatsapp_app")
        assert not panel.constraints.isVisible()
        assert "Serves your audience" in panel.reasons.text()


def test_retired_channels_in_use_are_a_warning(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample(Lang.ES)) as context:
        panel = shown(qtbot, ChannelsPanel(context))
        assert panel.retired.isVisible()
        assert "Google Business Messages" in panel.retired.text()
        assert "retirado el 31 jul 2024" in panel.retired.text()

        context.session.update(
            lambda a: a.model_copy(
                update={"profile": a.profile.model_copy(update={"current_channels": (ChannelUse(channel="email"),)})}
            )
        )
        panel.refresh()
        assert not panel.retired.isVisible()


def test_refresh_ranks_again_after_the_gaps_change(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample()) as context:
        panel = shown(qtbot, ChannelsPanel(context))
        before = {c.channel: c.score for c in panel._ranked}
        context.session.update(lambda a: a.model_copy(update={"gaps": ()}))
        panel.refresh()
        after = {c.channel: c.score for c in panel._ranked}
        assert after["whatsapp_platform"] < before["whatsapp_platform"]


def test_choose_keeps_one_primary_first() -> None:
    start = (ChannelChoice(channel="a", role="secondary"), ChannelChoice(channel="b", role="primary"))
    assert roles(choose(start, "a", "primary")) == [("a", "primary"), ("b", "secondary")]
    assert roles(choose(start, "c", "secondary")) == [("b", "primary"), ("a", "secondary"), ("c", "secondary")]
    assert roles(choose(start, "b", None)) == [("a", "secondary")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_input_has_an_accessible_name_and_mnemonics_are_free(qtbot: QtBot, tmp_path: Path, lang: Lang) -> None:
    with panel_context(tmp_path, sample(lang)) as context:
        panel = shown(qtbot, ChannelsPanel(context))
        assert unnamed_inputs(panel) == []
        assert_mnemonics_are_free(panel, lang)


def test_screenshots(qtbot: QtBot, tmp_path: Path) -> None:
    for lang in (Lang.EN, Lang.ES):
        with panel_context(tmp_path / lang.value, sample(lang, "us-dental")) as context:
            panel = shown(qtbot, ChannelsPanel(context))
            click_channel(panel, "apple_messages")
            qtbot.wait(50)
            assert panel.grab().save(str(screenshot_folder(tmp_path) / f"channels_{lang.value}.png"))


@pytest.mark.parametrize("lang", [Lang.EN, Lang.ES])
def test_a_primary_not_ranked_first_asks_why_and_keeps_the_answer(qtbot: QtBot, tmp_path: Path, lang: Lang) -> None:
    with panel_context(tmp_path, sample(lang).model_copy(update={"channels": ()})) as context:
        panel = shown(qtbot, ChannelsPanel(context))
        top, lower = panel._ranked[0], panel._ranked[3]

        click_channel(panel, top.channel)
        click(panel, "primary")
        assert not panel.reason.isVisible()  # the first-ranked channel needs no reason

        click_channel(panel, lower.channel)
        click(panel, "primary")
        qtbot.waitUntil(panel.reason.hasFocus)
        assert top.name in panel.reason_label.text()
        QTest.keyClicks(panel.reason, "Our customers already write to us there")
        saved = {c.channel: c for c in stored(context).channels}
        assert saved[lower.channel].reason == "Our customers already write to us there"
        assert saved[lower.channel].role == "primary"

        click_channel(panel, top.channel)
        assert not panel.reason.isVisible()  # now secondary: no question
        click_channel(panel, lower.channel)
        assert panel.reason.toPlainText() == "Our customers already write to us there"


def test_a_chosen_channel_can_have_its_own_reply_time_promise(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample()) as context:
        panel = shown(qtbot, ChannelsPanel(context))
        chosen = context.session.assessment.channels[1].channel
        click_channel(panel, chosen)
        assert panel.promise.isVisible()
        assert panel.promise.minutes() is None  # the team's promise until set
        panel.promise.setFocus()
        QTest.keyClick(panel.promise, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(panel.promise, "1 h")
        assert {c.channel: c.promise_minutes for c in stored(context).channels}[chosen] == 60
        unchosen = next(c.channel for c in panel._ranked if not c.chosen)
        click_channel(panel, unchosen)
        assert not panel.promise.isVisible()
