"""The KPI panel: sourced suggestions when there are no targets, editable rows, and the refine routine."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox, QWidget
from pytestqt.qtbot import QtBot
from ui_support import panel_context, sample, stored, unnamed_inputs

from readiness.core.assessment import KpiTarget
from readiness.core.catalog import Cadence
from readiness.core.lang import Lang
from readiness.core.plan.kpis import DEFAULT_DEADLINE_DAYS, suggested_kpis
from readiness.ui.pages.kpis import KpiPanel
from readiness.ui.pages.kpis_table import COLUMNS


def cell(panel: KpiPanel, row: int, column: str) -> Any:
    return panel.table.cellWidget(row, list(COLUMNS).index(column))


def unit(panel: KpiPanel, row: int) -> str:
    item = panel.table.item(row, list(COLUMNS).index("unit"))
    assert item is not None
    return item.text()


def type_into(widget: QWidget, text: str) -> None:
    """Replace the widget's text as a user would: select all, type, then Enter."""
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(widget, text)
    QTest.keyClick(widget, Qt.Key.Key_Return)


def without_targets(lang: Lang = Lang.EN) -> Any:
    return sample(lang).model_copy(update={"kpis": ()})


def test_suggested_targets_are_offered_then_added(qtbot: QtBot, tmp_path: Path) -> None:
    assessment = without_targets()
    with panel_context(tmp_path, assessment) as context:
        panel = KpiPanel(context)
        qtbot.addWidget(panel)
        assert panel.title() == "KPI targets"
        catalogs = context.session.content.catalogs
        chosen = tuple(c.channel for c in sorted(assessment.channels, key=lambda c: c.role != "primary"))
        suggested = suggested_kpis(assessment, chosen, catalogs)
        assert suggested
        assert not panel.suggestion_box.isHidden()
        assert panel.add_suggested.isEnabled()
        for kpi in suggested:
            assert kpi.name.en in panel.suggestion.text()
        assert panel.table.rowCount() == 0
        assert not panel.remove.isEnabled()

        QTest.mouseClick(panel.add_suggested, Qt.MouseButton.LeftButton)
        expected = tuple(
            KpiTarget(kpi=k.id, target=k.default_target, deadline_days=DEFAULT_DEADLINE_DAYS) for k in suggested
        )
        assert stored(context).kpis == expected
        assert panel.table.rowCount() == len(suggested)
        assert panel.suggestion_box.isHidden()
        for row, kpi in enumerate(suggested):
            assert cell(panel, row, "kpi").currentText() == kpi.name.en
            assert cell(panel, row, "target").value() == kpi.default_target
            assert unit(panel, row) == kpi.unit.en
        assert unnamed_inputs(panel) == []


def test_editing_a_row_writes_the_target(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample()) as context:
        panel = KpiPanel(context)
        qtbot.addWidget(panel)
        target: QDoubleSpinBox = cell(panel, 0, "target")
        type_into(target, "20")
        baseline: QLineEdit = cell(panel, 1, "baseline")
        type_into(baseline, "12.5")
        owner: QLineEdit = cell(panel, 1, "owner")
        type_into(owner, "Ines")
        deadline: QSpinBox = cell(panel, 1, "deadline")
        deadline.setValue(45)
        cadence: QComboBox = cell(panel, 1, "cadence")
        cadence.setCurrentIndex(cadence.findData(Cadence.QUARTERLY.value))
        saved = stored(context).kpis
        assert saved[0].target == 20.0
        assert saved[1].baseline == 12.5
        assert saved[1].owner == "Ines"
        assert saved[1].deadline_days == 45
        assert saved[1].cadence is Cadence.QUARTERLY

        baseline.selectAll()
        QTest.keyClick(baseline, Qt.Key.Key_Backspace)
        QTest.keyClick(baseline, Qt.Key.Key_Return)
        assert stored(context).kpis[1].baseline is None, "an empty baseline means none is known"


def test_picking_a_kpi_fills_its_sourced_default_and_shows_its_sources(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample()) as context:
        panel = KpiPanel(context)
        qtbot.addWidget(panel)
        csat = context.session.content.catalogs.kpis["csat"]
        combo: QComboBox = cell(panel, 0, "kpi")
        combo.setFocus()
        combo.setCurrentIndex(combo.findData("fcr"))
        fcr = context.session.content.catalogs.kpis["fcr"]
        first = stored(context).kpis[0]
        assert (first.kpi, first.target, first.baseline) == ("fcr", fcr.default_target, None)
        assert first.owner == "Diego Salas", "the owner stays with the row"
        assert cell(panel, 0, "target").value() == fcr.default_target
        assert unit(panel, 0) == fcr.unit.en
        assert fcr.benchmark.en.split(" ")[0] in panel.details.text()
        assert all(s.title.split(" ")[0] in panel.details.text() for s in fcr.sources)

        panel.table.setCurrentCell(3, 0)
        assert csat.name.en in panel.details.text()


def test_add_and_remove_targets(qtbot: QtBot, tmp_path: Path) -> None:
    assessment = sample()
    with panel_context(tmp_path, assessment) as context:
        panel = KpiPanel(context)
        qtbot.addWidget(panel)
        count = len(assessment.kpis)
        QTest.mouseClick(panel.add, Qt.MouseButton.LeftButton)
        saved = stored(context).kpis
        assert len(saved) == count + 1
        assert saved[-1].kpi not in {k.kpi for k in assessment.kpis}
        assert panel.table.currentRow() == count

        panel.table.setCurrentCell(0, 0)
        QTest.mouseClick(panel.remove, Qt.MouseButton.LeftButton)
        saved = stored(context).kpis
        assert [k.kpi for k in saved] == [k.kpi for k in assessment.kpis[1:]] + [saved[-1].kpi]
        assert panel.table.rowCount() == count


def test_in_spanish_numbers_and_the_refine_routine(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample(Lang.ES)) as context:
        panel = KpiPanel(context)
        qtbot.addWidget(panel)
        assert panel.title() == "Objetivos de KPI"
        header = panel.table.horizontalHeaderItem(list(COLUMNS).index("baseline"))
        assert header is not None
        assert header.text() == "Punto de partida"
        target = cell(panel, 0, "target")
        assert isinstance(target, QDoubleSpinBox)
        assert target.text() == "15"  # as people write it, not "15,00"
        target.setValue(0.8)
        assert target.text() == "0,8"
        assert context.session.assessment.kpis[0].target == 0.8
        target.setValue(15)
        deadline = cell(panel, 0, "deadline")
        assert isinstance(deadline, QSpinBox)
        deadline.setValue(1)
        assert deadline.text().endswith(" día")
        deadline.setValue(2)
        assert deadline.text().endswith(" días")
        assert cell(panel, 0, "kpi").currentText() == context.session.content.catalogs.kpis["frt_messaging"].name.get(
            Lang.ES
        )
        type_into(cell(panel, 1, "baseline"), "7,5")
        assert stored(context).kpis[1].baseline == 7.5
        first_response = cell(panel, 0, "baseline")
        type_into(first_response, "2 horas")  # kept in the KPI's minutes
        assert stored(context).kpis[0].baseline == 120 and first_response.text() == "120"
        type_into(first_response, "unas dos horas")
        assert first_response.refused and stored(context).kpis[0].baseline is None

        panel.transcripts.setCurrentIndex(panel.transcripts.findData(Cadence.MONTHLY.value))
        type_into(panel.reassess, "90")
        refine = stored(context).refine
        assert refine.transcript_review is Cadence.MONTHLY
        assert refine.reassess_after_days == 90
        assert "Días tras el lanzamiento" in panel.reassess_date.text()
        assert unnamed_inputs(panel) == []


def test_without_channels_nothing_is_suggested(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, without_targets(Lang.ES).model_copy(update={"channels": ()})) as context:
        panel = KpiPanel(context)
        qtbot.addWidget(panel)
        assert not panel.add_suggested.isEnabled()
        assert panel.suggestion.text().startswith("Aún no hay objetivos. Elegir antes los canales")


def test_the_selected_targets_baseline_says_where_it_was_measured(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample()) as context:
        panel = KpiPanel(context)
        qtbot.addWidget(panel)
        csat = next(i for i, k in enumerate(context.session.assessment.kpis) if k.kpi == "csat")
        panel.table.setCurrentCell(csat, 0)
        assert panel.baseline_source.text() == context.session.assessment.kpis[csat].baseline_source
        type_into(panel.baseline_source, "Post-chat survey, October")
        assert stored(context).kpis[csat].baseline_source == "Post-chat survey, October"
        panel.table.setCurrentCell(0 if csat else 1, 0)
        assert panel.baseline_source.text() != "Post-chat survey, October"
        panel.table.setCurrentCell(csat, 0)
        assert panel.baseline_source.text() == "Post-chat survey, October"


def test_the_selected_targets_sources_are_edited_under_the_table(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample()) as context:
        panel = KpiPanel(context)
        qtbot.addWidget(panel)
        panel.table.setCurrentCell(1, 0)
        chosen = context.session.assessment.kpis[1]
        kpi = context.session.content.catalogs.kpis[chosen.kpi]
        assert panel.data_source.text() == chosen.data_source
        assert panel.data_source.placeholderText() == kpi.data_source.en
        type_into(panel.data_source, "Inbox report, weekly export")
        assert stored(context).kpis[1].data_source == "Inbox report, weekly export"
        panel.table.setCurrentCell(0, 0)
        assert panel.data_source.text() == context.session.assessment.kpis[0].data_source


def test_a_reply_target_slower_than_the_promise_is_flagged_where_it_is_typed(qtbot: QtBot, tmp_path: Path) -> None:
    """mx-retail promises a reply within 60 minutes; a median reply target of 90 minutes contradicts it."""
    with panel_context(tmp_path, sample()) as context:
        panel = KpiPanel(context)
        qtbot.addWidget(panel)
        target: QDoubleSpinBox = cell(panel, 0, "target")
        assert stored(context).kpis[0].kpi == "frt_messaging" and target.styleSheet() == ""
        type_into(target, "90")
        panel.table.setCurrentCell(0, 0)
        said = "Slower than the promised reply within 60 minutes"
        assert said in target.toolTip() and said in target.accessibleDescription()
        assert target.styleSheet() != "" and said in panel.details.text()
        type_into(target, "45")
        assert target.toolTip() == "The figure to reach by the deadline." and target.styleSheet() == ""
        assert said not in panel.details.text() and stored(context).kpis[0].target == 45.0
