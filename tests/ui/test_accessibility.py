"""Every input on every page and tab of the wizard has an accessible name, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_support import every_tab, main_window, open_sample
from pytestqt.qtbot import QtBot
from ui_support import unnamed_inputs

from readiness.core.lang import LANGUAGES, Lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_input_of_the_wizard_is_named(qtbot: QtBot, tmp_path: Path, lang: Lang) -> None:
    with main_window(qtbot, tmp_path, lang) as window:
        wizard = open_sample(qtbot, window, tmp_path, lang)
        missing: dict[str, list[str]] = {}
        for where, panel in every_tab(wizard):
            unnamed = unnamed_inputs(panel)
            if unnamed:
                missing[where] = unnamed
        assert missing == {}
        assert wizard.navigator.accessibleName() and window.library.table.accessibleName()
        assert window.library.search.accessibleName()
        assert all(b.text() for b in (wizard.back_button, wizard.next_button, wizard.library_button))
