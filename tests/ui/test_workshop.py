"""For a workshop: the client's or the facilitator's view, zoom that every text follows, high contrast, and
presentation mode with one question at a time."""

from __future__ import annotations

from pathlib import Path

from app_support import main_window, open_sample
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QRadioButton
from pytestqt.qtbot import QtBot

from readiness.core.lang import Lang
from readiness.core.questionnaire import QuestionType
from readiness.ui.pages.inputs import AnswerButton
from readiness.ui.pages.kpis import KpiPanel
from readiness.ui.pages.profile import ProfilePanel
from readiness.ui.pages.questions import QuestionsPanel
from readiness.ui.pages.review import ReviewPanel
from readiness.ui.pages.team import TeamPanel
from readiness.ui.wizard import WizardView

FINGER = 44
"""The smallest touch target, in pixels, that platform guidelines allow (Apple's 44 pt; Material asks 48 dp)."""


def questions_of(wizard: WizardView, key: str = "identify") -> QuestionsPanel:
    wizard.go_to(key, 0)
    panel = wizard.tabs[wizard.stack.currentIndex()].currentWidget()
    assert isinstance(panel, QuestionsPanel)
    return panel


def shown_cards(panel: QuestionsPanel) -> list[str]:
    return [card.question.id for card in panel.cards if card.isVisibleTo(panel)]


def test_the_client_view_hides_what_is_for_the_facilitator(qtbot: QtBot, tmp_path: Path) -> None:
    with main_window(qtbot, tmp_path, Lang.EN) as window:
        wizard = open_sample(qtbot, window, tmp_path, Lang.EN)
        facilitator = window.view_actions.facilitator
        assert not facilitator.isChecked(), "someone who has not named themselves a facilitator is a client"
        card = questions_of(wizard).card("identify.frt_support")
        assert card.question.facilitator_note is not None
        assert not card.facilitator_note.isVisibleTo(card)
        assert card.question.summary is not None and card.question.help is not None
        assert card.summary.isVisibleTo(card) and card.summary.text() == card.question.summary.en
        assert not card.help.isVisibleTo(card), "the long guidance is one click away"
        card.more.click()
        assert card.help.isVisibleTo(card) and card.help.text() == card.question.help.en
        assert card.question.evidence_prompt is not None
        assert card.note.placeholderText() != card.question.evidence_prompt.en
        wizard.go_to("review")
        review = wizard.tabs[wizard.stack.currentIndex()].currentWidget()
        assert isinstance(review, ReviewPanel)
        assert not review.explanation.isVisibleTo(review), "no scoring formula for the client"
        wizard.go_to("refine", 1)
        kpis = wizard.tabs[wizard.stack.currentIndex()].currentWidget()
        assert isinstance(kpis, KpiPanel)
        kpis.table.selectRow(0)
        assert "Formula" not in kpis.details.text() and "Sources" not in kpis.details.text()

        facilitator.trigger()
        assert window.settings.client_view is False
        assert card.facilitator_note.isVisibleTo(card)
        assert card.help.isVisibleTo(card) and not card.summary.isVisibleTo(card) and not card.more.isVisibleTo(card)
        assert card.note.placeholderText() == card.question.evidence_prompt.en
        assert review.explanation.isVisibleTo(review)
        assert "Formula" in kpis.details.text() and "Sources" in kpis.details.text()


def test_each_assessment_opens_in_the_view_last_used_with_it(qtbot: QtBot, tmp_path: Path) -> None:
    with main_window(qtbot, tmp_path, Lang.EN) as window:
        open_sample(qtbot, window, tmp_path, Lang.EN)
        first = window.library.rows[0].id if window.library.rows else None
        facilitator = window.view_actions.facilitator
        facilitator.trigger()  # this client's workshop is run in the facilitator's view
        assert facilitator.isChecked() and not window.view.client
        window.close_wizard()
        window.duplicate_assessment(window.library.rows[0].id)
        qtbot.waitUntil(lambda: len(window.library.rows) == 2, timeout=15_000)
        second = next(r.id for r in window.library.rows if r.id != first)
        window.open_assessment(second)
        qtbot.waitUntil(lambda: window.wizard is not None, timeout=10_000)
        assert not window.view.client, "an assessment never opened takes the view last chosen"
        facilitator.trigger()  # shown to this client on a projector
        assert window.view.client
        window.close_wizard()

        assert first is not None
        window.open_assessment(first)
        qtbot.waitUntil(lambda: window.wizard is not None, timeout=10_000)
        assert not window.view.client and facilitator.isChecked()
        window.close_wizard()
        window.open_assessment(second)
        qtbot.waitUntil(lambda: window.wizard is not None, timeout=10_000)
        assert window.view.client and not facilitator.isChecked()


def test_zoom_grows_every_text_keeps_ratios_and_is_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    with main_window(qtbot, tmp_path, Lang.EN) as window:
        wizard = open_sample(qtbot, window, tmp_path, Lang.EN)
        base = QApplication.font().pointSizeF()
        actions = window.view_actions
        zoom_keys = (actions.zoom_in, actions.zoom_out, actions.zoom_reset)
        assert {action.shortcutContext() for action in zoom_keys} == {Qt.ShortcutContext.ApplicationShortcut}
        try:
            actions.zoom_in.trigger()
            actions.zoom_in.trigger()
            assert window.settings.zoom == 125
            assert QApplication.font().pointSizeF() == base * 1.25
            qtbot.waitUntil(lambda: wizard.next_button.font().pointSizeF() == base * 1.25)
            assert wizard.title.font().pointSizeF() == base * 1.25 * 1.25, "the title stays a quarter larger"
            actions.zoom_out.trigger()
            assert window.settings.zoom == 110
        finally:
            actions.zoom_reset.trigger()
        assert QApplication.font().pointSizeF() == base and window.settings.zoom == 100


def test_presentation_mode_is_full_screen_large_and_one_question_at_a_time(qtbot: QtBot, tmp_path: Path) -> None:
    with main_window(qtbot, tmp_path, Lang.EN) as window:
        wizard = open_sample(qtbot, window, tmp_path, Lang.EN)
        panel = questions_of(wizard)
        before = len(shown_cards(panel))
        base = QApplication.font().pointSizeF()
        radio = panel.cards[0].editor.findChildren(QRadioButton)[0]
        small = radio.sizeHint().height()
        placed = window.geometry()
        window.view_actions.presenting.trigger()
        try:
            assert window.windowState() & Qt.WindowState.WindowFullScreen
            assert QApplication.font().pointSizeF() == base * 1.5
            assert not wizard.navigator.isVisible(), "the page gets the room the step list took"
            window.view_actions.steps.trigger()
            assert wizard.navigator.isVisible()
            window.view_actions.steps.trigger()
            first = shown_cards(panel)
            assert len(first) == 1 and panel.presenting_bar.isVisibleTo(panel)
            answer = radio.parentWidget()
            assert isinstance(answer, AnswerButton)
            assert answer.sizeHint().height() >= FINGER, "answers are large enough to hit in a room"
            window.view_actions.zoom_in.trigger()
            qtbot.waitUntil(lambda: radio.font().pointSizeF() == base * 1.75, timeout=2000)
            assert panel.progress.text().startswith(f"Question 1 of {before}")
            panel.next_question.click()
            assert shown_cards(panel) != first and len(shown_cards(panel)) == 1
            assert window.settings.zoom == 100, "presenting does not change the remembered zoom"
        finally:
            window.view_actions.presenting.trigger()
        assert not window.windowState() & Qt.WindowState.WindowFullScreen
        assert QApplication.font().pointSizeF() == base
        assert wizard.navigator.isVisible() and window.view_actions.steps.isChecked()
        assert len(shown_cards(panel)) == before and not panel.presenting_bar.isVisibleTo(panel)
        qtbot.waitUntil(lambda: radio.font().pointSizeF() == base, timeout=2000)
        assert radio.sizeHint().height() == small
        qtbot.waitUntil(lambda: window.geometry() == placed, timeout=2000)  # back where and as large as it was


def test_presenting_draws_each_answer_as_a_large_button_hit_anywhere_on_it(qtbot: QtBot, tmp_path: Path) -> None:
    with main_window(qtbot, tmp_path, Lang.EN) as window:
        panel = questions_of(open_sample(qtbot, window, tmp_path, Lang.EN))
        window.view_actions.presenting.trigger()
        try:
            while (card := panel.card(shown_cards(panel)[0])).question.type is not QuestionType.SINGLE_CHOICE:
                panel.next_question.click()
            answers = card.editor.findChildren(AnswerButton)
            assert len(answers) >= 3
            qtbot.waitUntil(lambda: all(a.height() >= FINGER for a in answers), timeout=2000)
            assert all(a.width() == card.editor.width() for a in answers), "each answer spans the question's width"
            target = next(a for a in answers if not a.button.isChecked())
            QTest.mouseClick(target, Qt.MouseButton.LeftButton, pos=QPoint(target.width() - 6, target.height() // 2))
            assert target.button.isChecked() and target.property("chosen") is True
            assert [a.property("chosen") for a in answers].count(True) == 1
        finally:
            window.view_actions.presenting.trigger()
        qtbot.waitUntil(lambda: all(a.height() < FINGER for a in answers), timeout=2000)


def test_presenting_enlarges_the_tick_boxes_outside_the_questions_too(qtbot: QtBot, tmp_path: Path) -> None:
    with main_window(qtbot, tmp_path, Lang.EN) as window:
        wizard = open_sample(qtbot, window, tmp_path, Lang.EN)
        wizard.go_to("profile", 0)
        profile = wizard.tabs[wizard.stack.currentIndex()].currentWidget()
        wizard.go_to("open", 2)
        team = wizard.tabs[wizard.stack.currentIndex()].currentWidget()
        assert isinstance(profile, ProfilePanel) and isinstance(team, TeamPanel)
        boxes = [*profile.days.values(), *profile.audience.values(), profile.launch.none_box]
        boxes += [*team.day_boxes.values(), team.bot_enabled]
        assert not any(box.styleSheet() for box in boxes)
        window.view_actions.presenting.trigger()
        try:
            assert all("indicator" in box.styleSheet() for box in boxes)
        finally:
            window.view_actions.presenting.trigger()
        assert not any(box.styleSheet() for box in boxes), "back to the style's own size"


def test_high_contrast_is_black_on_white_and_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    with main_window(qtbot, tmp_path, Lang.EN) as window:
        contrast = window.view_actions.contrast
        contrast.trigger()
        try:
            palette = QApplication.palette()
            assert palette.color(QPalette.ColorRole.WindowText).name() == "#000000"
            assert palette.color(QPalette.ColorRole.PlaceholderText).name() == "#3a3a3a"
            assert window.settings.high_contrast
        finally:
            contrast.trigger()
        assert not window.settings.high_contrast
