"""A fact asked by a question and recorded by a tab is one fact: ticking it on either side shows on the other."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from test_questions_panel import choose, click, tick
from test_wizard_flow import wizard_over
from ui_support import panel_context, sample, stored

from readiness.core.assessment import Assessment
from readiness.ui.pages.base import PageContext
from readiness.ui.pages.promotion import PromotionPanel
from readiness.ui.pages.question_widgets import ChoiceEditor, MultipleChoiceEditor
from readiness.ui.pages.questions import QuestionsPanel
from readiness.ui.pages.team import TeamPanel
from readiness.ui.wizard import WizardView

P = TypeVar("P", bound=QWidget)


def blank() -> Assessment:
    start = sample()
    no_bot = start.team.model_copy(update={"bot": start.team.bot.model_copy(update={"enabled": False})})
    return start.model_copy(update={"answers": {}, "promotion": (), "channels": (), "team": no_bot})


@contextmanager
def wizard_on_blank(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[PageContext, WizardView]]:
    with panel_context(tmp_path, blank()) as context:
        yield context, wizard_over(qtbot, context)


def shown_panel(wizard: WizardView, key: str, tab: int, kind: type[P]) -> P:
    wizard.go_to(key, tab)
    panel = wizard.tabs[wizard.stack.currentIndex()].currentWidget()
    assert isinstance(panel, kind)
    return panel


def ticked_surfaces(panel: PromotionPanel) -> set[str]:
    items = (panel.surfaces.item(row) for row in range(panel.surfaces.count()))
    return {item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked}


def test_surfaces_ticked_in_a_question_are_ticked_in_the_surfaces_tab_and_back(qtbot: QtBot, tmp_path: Path) -> None:
    with wizard_on_blank(qtbot, tmp_path) as (context, wizard):
        questions = shown_panel(wizard, "promote", 0, QuestionsPanel)
        tick(questions.card("promote.surfaces"), "website")
        tick(questions.card("promote.surfaces"), "store_qr")

        surfaces = shown_panel(wizard, "promote", 1, PromotionPanel)
        assert ticked_surfaces(surfaces) == {"website", "in_store"}
        packaging = next(
            surfaces.surfaces.item(r)
            for r in range(surfaces.surfaces.count())
            if surfaces.surfaces.item(r).data(Qt.ItemDataRole.UserRole) == "packaging"
        )
        packaging.setCheckState(Qt.CheckState.Checked)

        questions = shown_panel(wizard, "promote", 0, QuestionsPanel)
        editor = questions.card("promote.surfaces").editor
        assert isinstance(editor, MultipleChoiceEditor)
        assert {choice for choice, box in editor.boxes.items() if box.isChecked()} == {
            "website",
            "store_qr",
            "packaging",
        }
        qtbot.waitUntil(lambda: context.session.save_state.value == "saved")
        assert [c.surface for c in stored(context).promotion] == ["website", "in_store", "packaging"]


def test_the_bot_checkbox_answers_the_bot_question_and_shows_its_follow_ups(qtbot: QtBot, tmp_path: Path) -> None:
    with wizard_on_blank(qtbot, tmp_path) as (_context, wizard):
        team = shown_panel(wizard, "open", 2, TeamPanel)
        click(team.bot_enabled)

        questions = shown_panel(wizard, "open", 0, QuestionsPanel)
        editor = questions.card("open.bot_planned").editor
        assert isinstance(editor, ChoiceEditor)
        assert editor.buttons[editor.ids.index("yes")].isChecked()
        assert questions.card("open.bot_scope").isVisibleTo(questions)

        choose(questions.card("open.bot_planned"), "no")
        team = shown_panel(wizard, "open", 2, TeamPanel)
        assert not team.bot_enabled.isChecked()


def test_channels_ticked_in_the_open_question_are_the_channels_chosen(qtbot: QtBot, tmp_path: Path) -> None:
    with wizard_on_blank(qtbot, tmp_path) as (context, wizard):
        questions = shown_panel(wizard, "open", 0, QuestionsPanel)
        tick(questions.card("open.channels_planned"), "instagram")
        tick(questions.card("open.channels_planned"), "whatsapp")
        assert [(c.channel, c.role) for c in context.session.assessment.channels] == [
            ("instagram", "primary"),
            ("whatsapp_platform", "secondary"),
        ]
