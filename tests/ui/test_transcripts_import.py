"""Import transcripts… on the gap register: a real export read, the business chosen among its participants, the
figures ticked or not, and only the ticked ones and the aggregates kept in the assessment."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_support import answer_next_modal
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QListWidget, QWidget
from pytestqt.qtbot import QtBot
from ui_support import panel_context, sample, shown

from readiness.core.lang import Lang
from readiness.ui.pages.gaps import GapRegisterPanel
from readiness.ui.pages.gaps_columns import Column

EXPORT = Path(__file__).parents[1] / "core" / "transcripts" / "truth" / "telegram-en" / "result.json"


def test_an_import_fills_the_ticked_figures_and_keeps_only_aggregates(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("readiness.ui.file_dialogs.ask_open_files", lambda *_args: [EXPORT])
    shop = sample(Lang.EN)
    shop = shop.model_copy(update={"gaps": tuple(g for g in shop.gaps if g.type != "forced_channel_switch")})
    with panel_context(tmp_path, shop) as context:
        panel = shown(qtbot, GapRegisterPanel(context))
        before = {gap.type: gap for gap in context.session.assessment.gaps}
        offered: list[str] = []
        shown_first: list[str] = []

        def untick_the_first_and_keep(dialog: QWidget) -> None:
            figures = dialog.findChild(QListWidget)
            assert figures is not None
            offered.extend(figures.item(i).text() for i in range(figures.count()))
            figures.item(0).setCheckState(Qt.CheckState.Unchecked)
            assert isinstance(dialog, QDialog)
            dialog.accept()

        def choose_the_bike_shop(dialog: QWidget) -> None:
            assert isinstance(dialog, QInputDialog)
            items = dialog.comboBoxItems()
            shown_first.append(items[0])
            answer_next_modal(untick_the_first_and_keep)
            dialog.setTextValue("Brightwater Bikes (8 messages)")
            dialog.accept()

        answer_next_modal(choose_the_bike_shop)
        panel.import_button.click()
        qtbot.waitUntil(lambda: bool(context.session.assessment.transcripts), timeout=10_000)

        assert shown_first == ["Sam Carter (16 messages)"], "the busiest participant first, with the counts"
        assessment = context.session.assessment
        (evidence,) = assessment.transcripts
        assert evidence.customer_started == 8 and evidence.platforms == ("telegram",)
        assert offered[0] == "Slow first response: 30 min as measured value (now 190)"
        after = {gap.type: gap for gap in assessment.gaps}
        assert after["slow_first_response"] == before["slow_first_response"], "unticked: left as it was"
        assert after["after_hours"].measured_value == 50.0, (
            "by the shop's own hours and zone: every day 09-21, Mexico City"
        )
        assert after["after_hours"].evidence.startswith("from 8 Telegram conversations, Oct")
        row = [gap.id for gap in assessment.gaps].index(after["after_hours"].id)
        shown_value = panel.cell(row, Column.MEASURED)
        assert isinstance(shown_value, QLineEdit) and shown_value.text() == "50", "the register shows what was kept"
        assert offered[-1] == "Add the gap \u201cForced channel switch\u201d to the register, measured at 37.5 %"
        added = assessment.gaps[-1]
        assert (added.type, added.measured_value) == ("forced_channel_switch", 37.5), "a gap the register lacked"
        assert panel.table.rowCount() == len(assessment.gaps), "the register shows it"
        kpis = {kpi.kpi: kpi for kpi in assessment.kpis}
        assert kpis["frt_messaging"].baseline == 30.0
        stored = assessment.model_dump_json()
        for private in ("Brightwater", "result.json", "+44"):
            assert private not in stored, f"{private!r} reached the assessment"
