"""The window speaks the app's language, switched at once; the plan speaks the language chosen on the profile."""

from __future__ import annotations

from pathlib import Path

from app_support import answer_next_modal, main_window, open_sample
from pytestqt.qtbot import QtBot

from readiness.core.lang import Lang
from readiness.ui.dialogs import SettingsDialog
from readiness.ui.pages.profile import ProfilePanel


def choose_language(lang: Lang) -> object:
    def handle(dialog: object) -> None:
        assert isinstance(dialog, SettingsDialog)
        dialog.language.setCurrentIndex(dialog.language.findData(lang.value))
        dialog.accept()

    return handle


def test_a_spanish_assessment_opens_in_the_windows_language(qtbot: QtBot, tmp_path: Path) -> None:
    with main_window(qtbot, tmp_path, Lang.EN) as window:
        wizard = open_sample(qtbot, window, tmp_path, Lang.ES)
        assert wizard.tabs[2].tabText(0) == "Questions"
        profile = wizard.tabs[1].widget(0)
        assert isinstance(profile, ProfilePanel)
        assert profile.language.currentData() == Lang.ES.value
        assert "written in this language" in profile.language.accessibleDescription()


def test_changing_the_app_language_retranslates_the_open_wizard_in_place(qtbot: QtBot, tmp_path: Path) -> None:
    with main_window(qtbot, tmp_path, Lang.EN) as window:
        wizard = open_sample(qtbot, window, tmp_path, Lang.EN)
        session = window.session
        wizard.go_to("open", 1)
        answer_next_modal(choose_language(Lang.ES))  # type: ignore[arg-type]
        window.edit_settings()

        assert window.wizard is not None and window.wizard is not wizard
        assert window.session is session, "the assessment is not reloaded"
        assert (window.wizard.current_key(), window.wizard.current_tab()) == ("open", 1)
        assert window.wizard.tabs[3].tabText(1) == "Canales"
        assert window.wizard.next_button.text() == "Siguiente >"
        assert window.menuBar().actions()[0].text() == "&Archivo"
        assert window.stack.currentWidget() is window.wizard
        assert session is not None and session.assessment.language is Lang.EN, "the plan keeps its own language"
