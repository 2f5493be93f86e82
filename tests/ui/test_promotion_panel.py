"""The surfaces panel: ticking surfaces writes the promotion choices and the checklist preview follows at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QListWidgetItem
from pytestqt.qtbot import QtBot
from ui_support import panel_context, sample, stored, unnamed_inputs

from readiness.core.lang import Lang
from readiness.core.plan.builder import build_plan
from readiness.core.plan.model import Task
from readiness.report.fmt import Formatter
from readiness.ui.pages.promotion import PromotionPanel


def surface_item(panel: PromotionPanel, surface_id: str) -> QListWidgetItem:
    for row in range(panel.surfaces.count()):
        item = panel.surfaces.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == surface_id:
            return item
    raise AssertionError(surface_id)


def preview_surfaces(panel: PromotionPanel) -> list[str]:
    """The surface headings of the preview, in order."""
    document = panel.preview.document()
    block = document.begin()
    headings = []
    while block.isValid():
        if block.blockFormat().headingLevel() == 3:
            headings.append(block.text())
        block = block.next()
    return headings


def preview_tasks(panel: PromotionPanel) -> list[Task]:
    return [t for c in panel.checklists for t in c.tasks]


def test_the_panel_shows_the_chosen_surfaces_and_their_checklist(qtbot: QtBot, tmp_path: Path) -> None:
    assessment = sample()
    with panel_context(tmp_path, assessment) as context:
        panel = PromotionPanel(context)
        qtbot.addWidget(panel)
        assert panel.title() == "Surfaces"
        chosen = {c.surface for c in assessment.promotion}
        for surface in context.session.content.catalogs.surfaces.values():
            item = surface_item(panel, surface.id)
            assert item.text() == surface.name.en
            assert item.toolTip() == surface.description.en
            assert (item.checkState() == Qt.CheckState.Checked) == (surface.id in chosen)
        plan = build_plan(assessment, context.session.content)
        assert panel.checklists == plan.promotion
        text = panel.preview.toPlainText()
        for task in preview_tasks(panel):
            assert task.title in text
        assert panel.summary.text() == f"Tasks: {len(preview_tasks(panel))} · Surfaces: {len(assessment.promotion)}"
        surfaces = context.session.content.catalogs.surfaces
        assert preview_surfaces(panel) == [surfaces[c.surface].name.en for c in assessment.promotion]
        assert unnamed_inputs(panel) == []


def test_unticking_and_ticking_surfaces_updates_the_preview_and_storage(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample()) as context:
        panel = PromotionPanel(context)
        qtbot.addWidget(panel)
        surfaces = context.session.content.catalogs.surfaces
        before = len(preview_tasks(panel))

        surface_item(panel, "website").setCheckState(Qt.CheckState.Unchecked)
        assert surfaces["website"].name.en not in preview_surfaces(panel)
        assert len(preview_tasks(panel)) < before
        assert "website" not in [c.surface for c in stored(context).promotion]

        surface_item(panel, "email_signature").setCheckState(Qt.CheckState.Checked)
        assert surfaces["email_signature"].name.en in preview_surfaces(panel)
        saved = [c.surface for c in stored(context).promotion]
        assert "email_signature" in saved
        assert saved == [s for s in surfaces if s in saved], "kept in catalog order"


def test_the_keyboard_ticks_a_surface_and_an_owner_reaches_the_tasks(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample()) as context:
        panel = PromotionPanel(context)
        qtbot.addWidget(panel)
        row = panel.surfaces.row(surface_item(panel, "email_signature"))
        panel.surfaces.setCurrentRow(row)
        assert not panel.owner.isEnabled(), "an unticked surface has no owner"
        QTest.keyClick(panel.surfaces, Qt.Key.Key_Space)
        assert surface_item(panel, "email_signature").checkState() == Qt.CheckState.Checked
        assert panel.owner.isEnabled()

        QTest.keyClicks(panel.owner, "Lucia Paz")  # ASCII only: QTest aborts on other characters
        signature = [c for c in stored(context).promotion if c.surface == "email_signature"]
        assert signature[0].owner == "Lucia Paz"
        signature_tasks = [t for c in panel.checklists if c.surface == "email_signature" for t in c.tasks]
        assert signature_tasks
        assert {t.owner for t in signature_tasks} == {"Lucia Paz"}
        role = signature_tasks[0].owner_role_label
        assert f"Lucia Paz (task role: {role})" in panel.preview.toPlainText(), "she holds no team role"

        QTest.keyClick(panel.surfaces, Qt.Key.Key_Space)
        assert "email_signature" not in [c.surface for c in stored(context).promotion]
        QTest.keyClick(panel.surfaces, Qt.Key.Key_Space)
        assert panel.owner.text() == "Lucia Paz", "the owner comes back when the surface is ticked again"


def test_in_spanish_names_and_due_dates_follow_the_language(qtbot: QtBot, tmp_path: Path) -> None:
    assessment = sample(Lang.ES)
    with panel_context(tmp_path, assessment) as context:
        panel = PromotionPanel(context)
        qtbot.addWidget(panel)
        assert panel.title() == "Superficies"
        plan = build_plan(assessment, context.session.content)
        text = panel.preview.toPlainText()
        assert "Fecha límite" in text
        for task in (t for c in plan.promotion for t in c.tasks):
            assert Formatter("es").date(task.due) in text
        assert plan.promotion[0].surface_name == preview_surfaces(panel)[0]

        for row in range(panel.surfaces.count()):
            panel.surfaces.item(row).setCheckState(Qt.CheckState.Unchecked)
        assert preview_surfaces(panel) == []
        assert panel.summary.text() == "Marcar una superficie para ver las tareas que añade al plan."
        assert stored(context).promotion == ()


def test_refresh_reads_choices_made_elsewhere(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample()) as context:
        panel = PromotionPanel(context)
        qtbot.addWidget(panel)
        context.session.update(lambda a: a.model_copy(update={"promotion": (), "channels": ()}))
        panel.refresh()
        assert all(
            surface_item(panel, s).checkState() == Qt.CheckState.Unchecked
            for s in context.session.content.catalogs.surfaces
        )
        surface_item(panel, "website").setCheckState(Qt.CheckState.Checked)
        assert "No channels chosen yet" in panel.summary.text()
        assert {c.channel_name for c in panel.checklists} == {"All channels"}
        assert preview_surfaces(panel) == ["Website"]
