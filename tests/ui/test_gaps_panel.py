"""The gap register panel: rows edited through real widgets, ranked live, saved to the library."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QComboBox,
    QWidget,
)
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

from readiness.core.assessment import Frequency, Severity
from readiness.core.lang import Lang
from readiness.ui.pages.gaps import GapRegisterPanel
from readiness.ui.pages.gaps_columns import Column
from readiness.ui.pages.quantity_field import QuantityField


def choose(combo: QWidget, value: object) -> None:
    assert isinstance(combo, QComboBox)
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


@pytest.mark.parametrize("lang", [Lang.EN, Lang.ES])
def test_add_edit_rank_and_remove_a_gap(qtbot: QtBot, tmp_path: Path, lang: Lang) -> None:
    with panel_context(tmp_path, sample(lang)) as context:
        panel = shown(qtbot, GapRegisterPanel(context))
        before = len(context.session.assessment.gaps)
        assert panel.table.rowCount() == before

        QTest.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
        row = panel.table.rowCount() - 1
        assert row == before
        assert panel.table.currentRow() == row
        qtbot.waitUntil(panel.cell(row, Column.TYPE).hasFocus)
        new_id = context.session.assessment.gaps[-1].id
        assert new_id not in {g.id for g in sample(lang).gaps}

        choose(panel.cell(row, Column.TYPE), "slow_first_response")
        choose(panel.cell(row, Column.TOUCHPOINT), "sales")
        choose(panel.cell(row, Column.CHANNEL), "email")
        choose(panel.cell(row, Column.FREQUENCY), Frequency.CONSTANT.value)
        choose(panel.cell(row, Column.SEVERITY), Severity.CRITICAL.value)
        measured = panel.cell(row, Column.MEASURED)
        assert isinstance(measured, QuantityField)
        QTest.keyClicks(measured, "4 horas" if lang is Lang.ES else "4 h")  # a time in any unit, kept in minutes
        QTest.keyClick(measured, Qt.Key.Key_Return)
        assert measured.text() == "240"
        QTest.keyClicks(panel.texts["evidence"], "Inbox export")

        # 5 × 4 = 20, × 1.5 for a figure worse than the poor mark (60 min): first in the ranking, explained.
        assert cell_text(panel.table, row, Column.RANK) == "1"
        assert cell_text(panel.table, row, Column.PRIORITY) == "30"
        explanation = panel.ranking.text()
        assert ("Puesto 1 de" if lang is Lang.ES else "Rank 1 of") in explanation
        assert ("× 1,5" if lang is Lang.ES else "× 1.5") in explanation
        benchmark = context.session.content.catalogs.gap_types["slow_first_response"].benchmark
        assert benchmark.unit is not None
        unit = panel.table.cellWidget(row, Column.MEASURED).findChildren(QWidget)
        assert any(getattr(w, "text", lambda: "")() == benchmark.unit.get(lang) for w in unit)

        saved = {g.id: g for g in stored(context).gaps}[new_id]
        assert (saved.type, saved.touchpoint, saved.current_channel) == ("slow_first_response", "sales", "email")
        assert (saved.frequency, saved.severity) == (Frequency.CONSTANT, Severity.CRITICAL)
        assert saved.measured_value == 240
        assert saved.evidence == "Inbox export"

        measured.selectAll()
        QTest.keyClicks(measured, "2 hours and a bit")  # refused in place, never read as 2
        QTest.keyClick(measured, Qt.Key.Key_Return)
        assert measured.refused and measured.text() == "2 hours and a bit"
        assert ("no es una duración" if lang is Lang.ES else "is not a duration") in measured.toolTip()
        assert stored(context).gaps[-1].measured_value is None
        assert cell_text(panel.table, row, Column.PRIORITY) == "20"
        assert ("Aún no hay una cifra medida" if lang is Lang.ES else "No measured figure yet") in panel.ranking.text()

        QTest.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
        assert panel.table.rowCount() == before
        assert new_id not in {g.id for g in stored(context).gaps}


def test_rows_read_in_rank_order_and_the_texts_follow_the_selected_row(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample()) as context:
        panel = shown(qtbot, GapRegisterPanel(context))
        ranks = [cell_text(panel.table, row, Column.RANK) for row in range(panel.table.rowCount())]
        assert ranks == [str(rank) for rank in range(1, len(ranks) + 1)]
        gaps = {g.id: g for g in context.session.assessment.gaps}
        for row in (0, 2):
            panel.table.selectRow(row)
            gap = gaps[panel.selected_gap_id() or ""]
            assert (panel.texts["evidence"].text(), panel.texts["notes"].text()) == (gap.evidence, gap.notes)

        panel.table.selectRow(1)
        notes = panel.texts["notes"]
        notes.setFocus()
        notes.end(False)
        QTest.keyClicks(notes, " Checked twice.")
        edited = {g.id: g for g in stored(context).gaps}[panel.selected_gap_id() or ""]
        assert edited.notes.endswith(" Checked twice.")
        assert notes.text() == edited.notes


def test_focusing_a_cell_selects_its_row_and_shows_its_guidance(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample()) as context:
        panel = shown(qtbot, GapRegisterPanel(context))
        gap = context.session.assessment.gaps[2]
        row = panel.row_of(gap.id)
        assert row != panel.table.currentRow()
        panel.cell(row, Column.MEASURED).setFocus()
        qtbot.waitUntil(lambda: panel.table.currentRow() == row)
        name = context.session.content.catalogs.gap_types[gap.type].name.en
        assert name in panel.guidance_box.title()
        assert "Good: 5 % of inbound contacts or less" in panel.guidance.text() or "Good: 5" in panel.guidance.text()


@pytest.mark.parametrize("lang", [Lang.EN, Lang.ES, Lang.PT_BR])
def test_every_input_has_an_accessible_name_and_mnemonics_are_free(qtbot: QtBot, tmp_path: Path, lang: Lang) -> None:
    with panel_context(tmp_path, sample(lang)) as context:
        panel = shown(qtbot, GapRegisterPanel(context))
        expected = {
            Lang.EN: ("Gap register", "Severity, gap 1"),
            Lang.ES: ("Registro de brechas", "Gravedad, brecha 1"),
            Lang.PT_BR: ("Registro de lacunas", "Gravidade, lacuna 1"),
        }[lang]
        assert panel.title() == expected[0]
        assert unnamed_inputs(panel) == []
        assert_mnemonics_are_free(panel, lang)
        severity = panel.cell(0, Column.SEVERITY).accessibleName()
        assert severity == expected[1]


def test_screenshots(qtbot: QtBot, tmp_path: Path) -> None:
    for lang in (Lang.EN, Lang.ES):
        with panel_context(tmp_path / lang.value, sample(lang)) as context:
            panel = shown(qtbot, GapRegisterPanel(context))
            panel.cell(0, Column.TYPE).setFocus()
            qtbot.wait(50)
            assert panel.grab().save(str(screenshot_folder(tmp_path) / f"gaps_{lang.value}.png"))
