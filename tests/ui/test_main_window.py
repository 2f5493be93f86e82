"""The library window: listing with scores, search, import (files and plan PDFs), export, re-assess, delete."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from app_support import answer_next_modal, main_window, press, type_and_accept
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit, QMessageBox, QPushButton, QTableWidget, QWidget
from pytestqt.qtbot import QtBot
from ui_support import sample, shipped_content, temporary_settings

from readiness.core.exchange import exchange_text, read_exchange_file, write_exchange_file
from readiness.core.text import Lang
from readiness.ui.dialogs import SettingsDialog, about_text


def _samples(tmp_path: Path) -> list[Path]:
    paths = []
    for profile in ("mx-retail", "us-dental"):
        path = tmp_path / f"{profile}.yaml"
        write_exchange_file(sample(Lang.EN, profile), path)
        paths.append(path)
    return paths


def _import_all(qtbot: QtBot, window: object, paths: list[Path]) -> None:
    for path in paths:
        window.import_path(path)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: len(window.library.rows) == len(paths), timeout=15_000)  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", [Lang.EN, Lang.ES])
def test_the_library_lists_imports_with_their_scores(qtbot: QtBot, tmp_path: Path, lang: Lang) -> None:
    with main_window(qtbot, tmp_path, lang) as window:
        _import_all(qtbot, window, _samples(tmp_path))
        names = {row.organisation for row in window.library.rows}
        assert names == {"Casa Jacaranda", "Fernhill Dental Group"}
        scores = {row.organisation: row.score for row in window.library.rows}
        assert scores["Casa Jacaranda"] == ("45.8" if lang is Lang.EN else "45,8")
        window.library.search.setText("fern")
        qtbot.waitUntil(lambda: [r.organisation for r in window.library.rows] == ["Fernhill Dental Group"])


def test_a_plan_pdf_is_imported_and_a_bad_file_gets_one_message(qtbot: QtBot, tmp_path: Path) -> None:
    source = _samples(tmp_path)[0]
    pdf = tmp_path / "plan.pdf"
    subprocess.run([sys.executable, "-m", "readiness", "plan", str(source), "-o", str(pdf)], check=True)
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: readiness-assessment\nformat_version: 1\nprofile: [\n", encoding="utf-8")
    with main_window(qtbot, tmp_path, Lang.EN) as window:
        window.import_path(pdf)
        qtbot.waitUntil(lambda: len(window.library.rows) == 1, timeout=15_000)
        seen = answer_next_modal(press(QMessageBox.StandardButton.Ok))
        window.import_path(broken)
        qtbot.waitUntil(lambda: bool(seen), timeout=15_000)
        assert seen[0].startswith(str(broken)) and "\n" not in seen[0].strip() and "Traceback" not in seen[0]
        assert len(window.library.rows) == 1


def test_export_reassess_and_delete(qtbot: QtBot, tmp_path: Path) -> None:
    with main_window(qtbot, tmp_path, Lang.EN) as window:
        _import_all(qtbot, window, _samples(tmp_path)[:1])
        first = window.library.rows[0].id
        exported = tmp_path / "out.yaml"
        window.export_to(first, exported)
        qtbot.waitUntil(exported.exists, timeout=10_000)
        assert exported.read_text(encoding="utf-8") == exchange_text(
            read_exchange_file(_samples(tmp_path)[0], shipped_content())
        )
        window.duplicate_assessment(first)
        qtbot.waitUntil(lambda: window.wizard is not None, timeout=10_000)
        window.close_wizard()
        qtbot.waitUntil(lambda: len(window.library.rows) == 2, timeout=10_000)
        assert sorted(r.baseline_id or 0 for r in window.library.rows) == [0, first]
        window.library.table.selectRow(0)
        seen = answer_next_modal(press(QMessageBox.StandardButton.Yes))
        window.library.buttons["delete"].click()
        qtbot.waitUntil(lambda: len(window.library.rows) == 1, timeout=10_000)
        assert seen and "Delete the assessment" in seen[0]


def test_new_assessment_opens_the_wizard_on_the_profile(qtbot: QtBot, tmp_path: Path) -> None:
    with main_window(qtbot, tmp_path, Lang.ES) as window:
        answer_next_modal(type_and_accept("Panadería Sol"))
        window.library.buttons["new"].click()
        qtbot.waitUntil(lambda: window.wizard is not None, timeout=10_000)
        assert window.wizard is not None and window.wizard.current_key() == "profile"
        assert window.session is not None and window.session.assessment.language is Lang.ES
        assert window.session.assessment.profile.organisation == "Panadería Sol"


def test_settings_are_typed_and_kept_in_their_own_file(qtbot: QtBot, tmp_path: Path) -> None:
    settings = temporary_settings(tmp_path)
    settings.language = Lang.ES
    settings.facilitator = "Lucía"
    settings.sync()
    again = temporary_settings(tmp_path)
    assert again.language is Lang.ES and again.facilitator == "Lucía" and again.theme is None
    assert (tmp_path / "settings.ini").is_file()


@pytest.mark.parametrize(
    ("lang", "cancel", "save"),
    [(Lang.ES, "Cancelar", "Guardar"), (Lang.PT_BR, "Cancelar", "Salvar"), (Lang.EN, "Cancel", "Save")],
)
def test_qt_dialogs_speak_the_app_language_and_every_input_is_named(
    qtbot: QtBot, tmp_path: Path, lang: Lang, cancel: str, save: str
) -> None:
    with main_window(qtbot, tmp_path, lang) as window:
        dialog = SettingsDialog(window.settings, lang, window)
        qtbot.addWidget(dialog)
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == cancel
        assert dialog.language.count() == len(Lang)
        qt_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
        assert qt_buttons.button(QDialogButtonBox.StandardButton.Save).text().replace("&", "") == save
        inputs = (QLineEdit, QComboBox, QTableWidget)
        for widget in [*dialog.findChildren(QWidget), *window.library.findChildren(QWidget)]:
            if isinstance(widget, inputs) and not isinstance(widget.parent(), QComboBox):
                assert widget.accessibleName(), widget
            if isinstance(widget, QPushButton):
                assert widget.text() or widget.accessibleName(), widget


def test_about_names_the_versions() -> None:
    text = about_text(Lang.EN)
    assert "Readiness 0." in text and "Qt 6." in text and "WeasyPrint 70" in text
