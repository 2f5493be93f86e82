"""Edit → Undo and Redo reverse every kind of edit in the wizard, named after what they undo; removing a row asks
nothing and the status bar says how to bring it back."""

from __future__ import annotations

from pathlib import Path

from app_support import main_window, open_sample
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from test_questions_panel import choose

from readiness.core.lang import Lang
from readiness.ui.main_window import MainWindow
from readiness.ui.pages.gaps import GapRegisterPanel
from readiness.ui.pages.kpis import KpiPanel
from readiness.ui.pages.profile import ProfilePanel
from readiness.ui.pages.questions import QuestionsPanel
from readiness.ui.state import AssessmentSession
from readiness.ui.wizard import WizardView


def session_of(window: MainWindow) -> AssessmentSession:
    assert window.session is not None
    return window.session


def panel_at(wizard: WizardView, key: str, tab: int) -> object:
    wizard.go_to(key, tab)
    return wizard.tabs[wizard.stack.currentIndex()].currentWidget()


def test_removing_a_gap_asks_nothing_and_undo_brings_it_back(qtbot: QtBot, tmp_path: Path) -> None:
    with main_window(qtbot, tmp_path, Lang.EN) as window:
        wizard = open_sample(qtbot, window, tmp_path, Lang.EN)
        gaps = panel_at(wizard, "identify", 1)
        assert isinstance(gaps, GapRegisterPanel)
        before = session_of(window).assessment.gaps
        undo, redo = window.undo_actions.undo, window.undo_actions.redo
        assert not undo.isEnabled() and undo.text() == "&Undo"

        gaps.table.selectRow(0)
        gaps.remove_button.click()  # no dialog: the test would hang on one
        assert len(session_of(window).assessment.gaps) == len(before) - 1
        assert window.statusBar().currentMessage() == "Done: removing a gap. Edit > Undo (Ctrl+Z) brings it back."
        assert undo.text() == "&Undo removing a gap"

        undo.trigger()
        assert session_of(window).assessment.gaps == before
        assert gaps.table.rowCount() == len(before), "the register on screen shows the gap again"
        assert window.statusBar().currentMessage() == "Undone: removing a gap."
        assert redo.text() == "&Redo removing a gap"

        redo.trigger()
        assert len(session_of(window).assessment.gaps) == len(before) - 1
        assert gaps.table.rowCount() == len(before) - 1
        qtbot.waitUntil(lambda: session_of(window).save_state.value == "saved")


def test_ctrl_z_undoes_an_answer_and_names_the_question(qtbot: QtBot, tmp_path: Path) -> None:
    with main_window(qtbot, tmp_path, Lang.EN) as window:
        wizard = open_sample(qtbot, window, tmp_path, Lang.EN)
        questions = panel_at(wizard, "identify", 0)
        assert isinstance(questions, QuestionsPanel)
        card = questions.card("identify.channel_switch")
        was = session_of(window).assessment.answers["identify.channel_switch"].value
        other = "never" if was != "never" else "often"
        choose(card, other)
        assert session_of(window).assessment.answers["identify.channel_switch"].value == other
        assert window.undo_actions.undo.text().startswith("&Undo the answer to “How often")

        wizard.navigator.setFocus()
        QTest.keyClick(wizard.navigator, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert session_of(window).assessment.answers["identify.channel_switch"].value == was
        editor_ids = card.editor.ids  # type: ignore[attr-defined]
        assert card.editor.buttons[editor_ids.index(was)].isChecked()  # type: ignore[attr-defined]


def test_profile_kpi_and_linked_edits_undo_one_step_each(qtbot: QtBot, tmp_path: Path) -> None:
    with main_window(qtbot, tmp_path, Lang.EN) as window:
        wizard = open_sample(qtbot, window, tmp_path, Lang.EN)
        session = session_of(window)
        start = session.assessment

        profile = panel_at(wizard, "profile", 0)
        assert isinstance(profile, ProfilePanel)
        profile.organisation.setFocus()
        QTest.keyClicks(profile.organisation, " Norte")  # one edit per letter, one step to undo
        kpis = panel_at(wizard, "refine", 1)
        assert isinstance(kpis, KpiPanel)
        kpis.table.selectRow(0)
        kpis.remove_selected()
        assert window.undo_actions.undo.text() == "&Undo removing a KPI target"

        window.undo_actions.undo.trigger()
        assert session.assessment.kpis == start.kpis
        assert window.undo_actions.undo.text() == "&Undo the profile"
        window.undo_actions.undo.trigger()
        assert session.assessment == start
        assert not window.undo_actions.undo.isEnabled()
        assert panel_at(wizard, "profile", 0) is profile and profile.organisation.text() == start.profile.organisation
