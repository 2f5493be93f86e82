"""Every input on every page and tab of the wizard has an accessible name, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_support import main_window
from pytestqt.qtbot import QtBot
from ui_support import sample, unnamed_inputs

from readiness.core.exchange import write_exchange_file
from readiness.core.text import Lang


@pytest.mark.parametrize("lang", [Lang.EN, Lang.ES])
def test_every_input_of_the_wizard_is_named(qtbot: QtBot, tmp_path: Path, lang: Lang) -> None:
    source = tmp_path / "sample.yaml"
    write_exchange_file(sample(lang), source)
    with main_window(qtbot, tmp_path, lang) as window:
        window.import_path(source)
        qtbot.waitUntil(lambda: len(window.library.rows) == 1, timeout=15_000)
        window.open_assessment(window.library.rows[0].id)
        qtbot.waitUntil(lambda: window.wizard is not None, timeout=10_000)
        wizard = window.wizard
        assert wizard is not None
        missing: dict[str, list[str]] = {}
        for index, page in enumerate(wizard.pages):
            wizard.go(index)
            tabs = wizard.tabs[index]
            for tab in range(tabs.count()):
                tabs.setCurrentIndex(tab)
                panel = tabs.widget(tab)
                assert panel is not None
                unnamed = unnamed_inputs(panel)
                if unnamed:
                    missing[f"{page.key}/{tab}"] = unnamed
        assert missing == {}
        assert wizard.navigator.accessibleName() and window.library.table.accessibleName()
        assert window.library.search.accessibleName()
        assert all(b.text() for b in (wizard.back_button, wizard.next_button, wizard.library_button))
