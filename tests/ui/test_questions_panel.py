"""The questions panel: every answer editor writes through the session, skip logic hides and shows cards live."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from ui_support import panel_context, sample, shown, stored, unnamed_inputs

from readiness.core.assessment import Answer
from readiness.core.lang import LANGUAGES, Lang
from readiness.core.text import Step
from readiness.ui.pages.question_widgets import ChoiceEditor, DateEditor, MultipleChoiceEditor, NumberEditor, TextEditor
from readiness.ui.pages.questions import QuestionCard, QuestionsPanel


def click(button: QAbstractButton) -> None:
    """Click the indicator: a check box's clickable area ends with its text, not with its row."""
    middle = button.height() // 2
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(middle, middle))


def choose(card: QuestionCard, choice_id: str) -> None:
    editor = card.editor
    assert isinstance(editor, ChoiceEditor)
    click(editor.buttons[editor.ids.index(choice_id)])


def tick(card: QuestionCard, choice_id: str) -> None:
    editor = card.editor
    assert isinstance(editor, MultipleChoiceEditor)
    click(editor.boxes[choice_id])


def retype(line: QWidget, text: str) -> None:
    """Select what the field holds and type over it, as a user would."""
    line.setFocus()
    QTest.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(line, text)


def na_box(card: QuestionCard) -> QCheckBox:
    assert card.na_row is not None
    return card.na_row[0]


def na_reason(card: QuestionCard) -> QLineEdit:
    assert card.na_row is not None
    return card.na_row[1]


@pytest.mark.parametrize(
    ("lang", "typed", "minutes"),
    [(Lang.EN, "2 hours", 120), (Lang.EN, "90 min", 90), (Lang.ES, "1,5 h", 90), (Lang.PT_BR, "1 dia", 1440)],
)
def test_a_duration_is_typed_as_people_say_it(
    qtbot: QtBot, tmp_path: Path, lang: Lang, typed: str, minutes: float
) -> None:
    with panel_context(tmp_path, sample(lang)) as context:
        panel = shown(qtbot, QuestionsPanel(context, Step.IDENTIFY), (1000, 700), active=True)
        editor = panel.card("identify.frt_support").editor
        assert isinstance(editor, NumberEditor)
        retype(editor.field, typed)
        assert context.session.assessment.answers["identify.frt_support"].value != minutes  # not while typing
        QTest.keyClick(editor.field, Qt.Key.Key_Return)
        assert context.session.assessment.answers["identify.frt_support"].value == minutes
        assert editor.problem.isHidden()


@pytest.mark.parametrize("typed", ["abc600", "2 hours and a bit", "abc"])
def test_a_duration_that_cannot_be_read_is_refused_and_left_unanswered(
    qtbot: QtBot, tmp_path: Path, typed: str
) -> None:
    with panel_context(tmp_path, sample()) as context:
        panel = shown(qtbot, QuestionsPanel(context, Step.IDENTIFY), (1000, 700), active=True)
        editor = panel.card("identify.frt_support").editor
        assert isinstance(editor, NumberEditor)
        retype(editor.field, typed)
        QTest.keyClick(editor.field, Qt.Key.Key_Return)
        assert editor.problem.isVisibleTo(panel) and typed in editor.problem.text()
        assert editor.field.text() == typed  # left for the user to correct
        answer = context.session.assessment.answers.get("identify.frt_support")
        assert answer is None or answer.value is None


def test_choice_number_na_note_and_flag_are_written_and_saved(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample()) as context:
        panel = shown(qtbot, QuestionsPanel(context, Step.IDENTIFY), (1000, 700), active=True)
        assert panel.title() == "Questions"

        choose(panel.card("identify.channel_switch"), "never")
        support = panel.card("identify.frt_support")
        assert isinstance(support.editor, NumberEditor)
        retype(support.editor.field, "45")
        QTest.keyClick(support.editor.field, Qt.Key.Key_Return)
        fcr = panel.card("identify.fcr")
        assert na_reason(fcr).isHidden()
        click(na_box(fcr))
        assert na_reason(fcr).isVisibleTo(panel)
        assert not fcr.editor.isEnabled()
        QTest.keyClicks(na_reason(fcr), "No ticket system yet")
        QTest.keyClicks(panel.card("identify.team_survey").note, "Asked in the March meeting")
        click(panel.card("identify.customer_shoes").flag_box)

        answers = context.session.assessment.answers
        assert answers["identify.channel_switch"].value == "never"
        assert answers["identify.frt_support"] == Answer(value=45.0, answered_by="Diego Salas")
        assert answers["identify.fcr"].na and answers["identify.fcr"].value is None
        assert answers["identify.fcr"].na_reason == "No ticket system yet"
        assert answers["identify.team_survey"].note == "Asked in the March meeting"
        assert answers["identify.team_survey"].value == "informal"
        assert answers["identify.customer_shoes"].flagged
        saved = stored(context).answers
        assert saved["identify.channel_switch"].value == "never"
        assert saved["identify.frt_support"].value == 45.0
        assert saved["identify.fcr"].na_reason == "No ticket system yet"
        assert saved["identify.team_survey"].note == "Asked in the March meeting"
        assert saved["identify.customer_shoes"].flagged

        click(na_box(fcr))
        assert context.session.assessment.answers["identify.fcr"].value == 64.0
        assert fcr.editor.isEnabled() and na_reason(fcr).isHidden()


def test_skip_logic_hides_and_shows_dependent_cards_live(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample()) as context:
        panel = shown(qtbot, QuestionsPanel(context, Step.IDENTIFY), (1000, 700), active=True)
        share = panel.card("identify.after_hours_share")
        assert share.isVisibleTo(panel)
        assert panel.progress.text() == "13 of 13 answered"

        choose(panel.card("identify.after_hours"), "answered_anytime")
        assert share.isHidden() and not share.isVisibleTo(panel)
        assert panel.progress.text() == "12 of 12 answered"

        choose(panel.card("identify.after_hours"), "can_wait_days")
        assert share.isVisibleTo(panel)
        assert context.session.assessment.answers["identify.after_hours_share"].value == 34.0


def test_spanish_multiple_choice_yes_no_and_skip_logic(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample(Lang.ES)) as context:
        panel = shown(qtbot, QuestionsPanel(context, Step.OPEN), (1000, 700), active=True)
        assert panel.title() == "Preguntas"
        sms = panel.card("open.sms_registration")
        assert sms.isHidden()
        before = panel.progress.text()
        assert before.startswith("22 de 22 respondidas")

        tick(panel.card("open.channels_planned"), "sms_rcs")
        assert context.session.assessment.answers["open.channels_planned"].value == ("whatsapp", "instagram", "sms_rcs")
        assert sms.isVisibleTo(panel)
        assert panel.progress.text() != before  # one more visible question, not answered yet
        channels_number = panel.card("open.channels_planned").header.text().split(".")[0]
        assert sms.follow_up.isVisibleTo(panel)
        assert sms.follow_up.text() == f"Seguimiento de la pregunta {channels_number}"
        assert sms.styleSheet() and not panel.card("open.bot_planned").styleSheet()  # framed as it appears
        qtbot.waitUntil(lambda: not sms.styleSheet(), timeout=5000)
        assert not panel.card("open.exec_sponsor").follow_up.isVisibleTo(panel)

        bot = panel.card("open.bot_planned")
        yes_no = bot.editor
        assert isinstance(yes_no, ChoiceEditor)
        assert [b.text() for b in yes_no.buttons] == ["Sí", "No"]
        click(yes_no.buttons[yes_no.ids.index("no")])
        dependants = [panel.card(q) for q in ("open.bot_scope", "open.bot_disclosure", "open.bot_handoff")]
        assert all(card.isHidden() for card in dependants)
        click(yes_no.buttons[yes_no.ids.index("yes")])
        assert all(card.isVisibleTo(panel) for card in dependants)

        tick(panel.card("open.channels_planned"), "sms_rcs")
        assert sms.isHidden()
        saved = stored(context)
        assert saved.answers["open.channels_planned"].value == ("whatsapp", "instagram")
        assert saved.answers["open.bot_planned"].value == "yes"
        assert saved.answers["open.channels_planned"].answered_by == "Paola Núñez"


def test_text_date_and_clear_answer(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample()) as context:
        panel = shown(qtbot, QuestionsPanel(context, Step.REFINE), (1000, 700), active=True)
        problem = panel.card("refine.next_problem")
        assert isinstance(problem.editor, TextEditor)
        retype(problem.editor.box, "Returns by chat")
        assert context.session.assessment.answers["refine.next_problem"].value == "Returns by chat"

        reassessment = panel.card("refine.reassessment_date")
        assert isinstance(reassessment.editor, DateEditor)
        dates = reassessment.editor.box
        assert dates.date_box.date() == QDate(2027, 8, 14)
        dates.date_box.setDate(QDate(2027, 9, 1))
        assert context.session.assessment.answers["refine.reassessment_date"].value == dt.date(2027, 9, 1)
        click(dates.none_box)
        assert context.session.assessment.answers["refine.reassessment_date"].value is None
        assert not dates.date_box.isEnabled()
        click(dates.none_box)
        assert context.session.assessment.answers["refine.reassessment_date"].value == dt.date(2027, 9, 1)

        csat = panel.card("refine.csat")
        click(csat.clear_button)
        answer = context.session.assessment.answers["refine.csat"]
        assert answer.value is None and answer.answered_by
        assert panel.card("refine.csat_score").isHidden()
        assert not csat.clear_button.isEnabled()
        assert stored(context).answers["refine.reassessment_date"].value == dt.date(2027, 9, 1)


def test_clear_answer_also_clears_not_applicable(qtbot: QtBot, tmp_path: Path) -> None:
    """Seen in a real window: with N/A ticked, "Clear answer" was greyed out."""
    with panel_context(tmp_path, sample()) as context:
        panel = shown(qtbot, QuestionsPanel(context, Step.REFINE), (1000, 700), active=True)
        csat = panel.card("refine.csat")
        assert csat.na_row is not None
        click(csat.na_row[0])
        QTest.keyClicks(csat.na_row[1], "No surveys yet")
        assert context.session.assessment.answers["refine.csat"].na and csat.clear_button.isEnabled()
        click(csat.clear_button)
        answer = context.session.assessment.answers.get("refine.csat")
        assert answer is None or (not answer.na and answer.na_reason == "" and answer.value is None)
        assert not csat.na_row[0].isChecked() and csat.editor.isEnabled()


def test_the_reassessment_date_offers_the_routines_date(qtbot: QtBot, tmp_path: Path) -> None:
    """Seen in a real window: unticking "No date" offered today, a date the routine cannot keep."""
    from readiness.core.plan.launch import next_reassessment

    assessment = sample()
    answers = {k: v for k, v in assessment.answers.items() if k != "refine.reassessment_date"}
    with panel_context(tmp_path, assessment.model_copy(update={"answers": answers})) as context:
        panel = shown(qtbot, QuestionsPanel(context, Step.REFINE), (1000, 700), active=True)
        dates = panel.card("refine.reassessment_date").editor
        assert isinstance(dates, DateEditor) and dates.value() is None
        click(dates.box.none_box)
        routine = next_reassessment(context.session.assessment)
        assert context.session.assessment.answers["refine.reassessment_date"].value == routine


def test_an_answer_left_empty_is_removed(qtbot: QtBot, tmp_path: Path) -> None:
    assessment = sample()
    answers = dict(assessment.answers)
    answers["refine.transcript_review"] = Answer(value="weekly")
    with panel_context(tmp_path, assessment.model_copy(update={"answers": answers})) as context:
        panel = shown(qtbot, QuestionsPanel(context, Step.REFINE), (1000, 700), active=True)
        click(panel.card("refine.transcript_review").clear_button)
        assert "refine.transcript_review" not in context.session.assessment.answers
        assert "refine.transcript_review" not in stored(context).answers


def test_typing_keeps_the_widgets_and_changes_elsewhere_show_on_refresh(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample()) as context:
        panel = shown(qtbot, QuestionsPanel(context, Step.REFINE), (1000, 700), active=True)
        cards = list(panel.cards)
        note = panel.card("refine.csat").note
        QTest.keyClicks(note, "abc")
        assert panel.cards == cards and panel.card("refine.csat").note is note
        assert context.session.assessment.answers["refine.csat"].note == "abc"

        bot_review = panel.card("refine.bot_review")
        assert bot_review.isVisibleTo(panel)
        context.session.set_answer("open.bot_planned", Answer(value="no"))  # answered on the Open step
        assert bot_review.isHidden()
        context.session.set_answer("refine.csat", Answer(value="no_survey", flagged=True))
        panel.refresh()
        csat = panel.card("refine.csat")
        assert csat.flag_box.isChecked() and csat.note.text() == ""
        assert "flagged" in panel.progress.text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_input_has_an_accessible_name(qtbot: QtBot, tmp_path: Path, lang: Lang) -> None:
    with panel_context(tmp_path, sample(lang)) as context:
        for step in Step:
            panel = QuestionsPanel(context, step)
            qtbot.addWidget(panel)
            assert unnamed_inputs(panel) == [], step
