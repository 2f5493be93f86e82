"""Every edit is saved through the library thread shortly after it is made, and the saved state is announced."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from ui_support import panel_context, sample, stored

from readiness.core.assessment import Answer, Assessment
from readiness.ui.state import SAVE_DELAY_MS, SaveState


def test_an_edit_is_pending_then_saved(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample()) as context:
        session = context.session
        with qtbot.waitSignal(session.save_state_changed, timeout=1000) as pending:
            session.set_answer("identify.frt_support", Answer(value=42.0, note="typed"))
        assert pending.args == [SaveState.PENDING.value]
        qtbot.waitUntil(lambda: session.save_state is SaveState.SAVED, timeout=SAVE_DELAY_MS + 5000)
        assert stored(context).answers["identify.frt_support"].note == "typed"


def test_a_burst_of_edits_is_saved_once_with_the_last_value(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample()) as context:
        session = context.session
        for text in ("a", "ab", "abc"):

            def typed(assessment: Assessment, text: str = text) -> Assessment:
                profile = assessment.profile.model_copy(update={"industry": text})
                return assessment.model_copy(update={"profile": profile})

            session.update(typed)
        qtbot.waitUntil(lambda: session.save_state is SaveState.SAVED, timeout=SAVE_DELAY_MS + 5000)
        assert stored(context).profile.industry == "abc"
