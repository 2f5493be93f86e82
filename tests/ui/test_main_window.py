"""The library window: listing with scores, search, import (files and plan PDFs), export, re-assess, delete."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from app_support import answer_next_modal, click_labelled, main_window, open_sample, press, type_and_accept
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from ui_support import sample, shipped_content, temporary_settings

from readiness.core.assessment import ActionStatus, Answer
from readiness.core.exchange import exchange_text, read_exchange_file, write_exchange_file
from readiness.core.lang import Lang
from readiness.core.plan.reassess import launch_tasks_left_open
from readiness.store import list_assessments, load_assessment, open_library, read_assessment, replace_assessment
from readiness.ui.dialogs import SettingsDialog, about_text
from readiness.ui.library_place import is_team_library, library_description
from readiness.ui.main_window import MainWindow


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
        original = read_exchange_file(_samples(tmp_path)[0], shipped_content())
        assert window.session is not None and window.session.baseline == original, "compared from the start"
        again = window.session.assessment_id
        window.close_wizard()
        qtbot.waitUntil(lambda: len(window.library.rows) == 2, timeout=10_000)
        assert sorted(r.baseline_id or 0 for r in window.library.rows) == [0, first]
        window.open_assessment(again)
        qtbot.waitUntil(lambda: window.wizard is not None, timeout=10_000)
        assert window.session is not None and window.session.baseline == original, "and when opened again"
        window.close_wizard()
        window.library.table.selectRow(0)
        seen = answer_next_modal(press(QMessageBox.StandardButton.Yes))
        window.library.buttons["delete"].click()
        qtbot.waitUntil(lambda: len(window.library.rows) == 1, timeout=10_000)
        assert seen and "Delete the assessment" in seen[0]


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])
def test_reassessing_after_the_launch_asks_whether_the_launch_tasks_left_open_were_done(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton
) -> None:
    baseline = sample(Lang.EN, "us-dental")
    assert baseline.profile.launch_date is not None
    later = baseline.profile.launch_date + dt.timedelta(days=120)
    left = {t.id for t in launch_tasks_left_open(baseline, shipped_content(), later)}
    assert left
    with main_window(qtbot, tmp_path, Lang.EN) as window:
        _import_all(qtbot, window, _samples(tmp_path)[1:])
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime.combine(later, dt.time(), dt.UTC).timestamp())))
        seen = answer_next_modal(press(answer))
        window.duplicate_assessment(window.library.rows[0].id)
        qtbot.waitUntil(lambda: window.wizard is not None, timeout=10_000)
        assert len(seen) == 1 and f"{len(left)} tasks due by then are not marked done" in seen[0]
        assert window.session is not None
        again = window.session.assessment
        done = {o.action for o in again.overrides if o.status is ActionStatus.DONE}
        assert again.created == later
        assert (left <= done) is (answer is QMessageBox.StandardButton.Yes)
        assert window.session.baseline == baseline, "the baseline itself is left as it was"


def someone_else_saves(library: str, assessment_id: int, industry: str) -> None:
    """A colleague's save through their own connection, from the revision that is stored now."""
    with open_library(library) as theirs, theirs.session() as session:
        stored = read_assessment(session=session, assessment_id=assessment_id)
        profile = stored.assessment.profile.model_copy(update={"industry": industry})
        edited = stored.assessment.model_copy(update={"profile": profile})
        replace_assessment(
            session=session, assessment_id=assessment_id, assessment=edited, content=None, started_from=stored.revision
        )


@pytest.mark.parametrize("choice", ["Keep mine as a copy", "Open their version"])
def test_a_save_over_a_colleagues_newer_version_asks_and_loses_nothing(
    qtbot: QtBot, tmp_path: Path, library_url: str, choice: str
) -> None:
    """On a local file and on a team library alike."""
    with main_window(qtbot, tmp_path, Lang.EN, library_url) as window:
        wizard = open_sample(qtbot, window, tmp_path, Lang.EN)
        session = window.session
        assert session is not None and wizard is not None
        assessment_id, organisation = session.assessment_id, session.assessment.profile.organisation
        someone_else_saves(library_url, assessment_id, "Theirs")

        seen = answer_next_modal(click_labelled(choice))
        session.set_answer("identify.main_pain_point", Answer(value="Mine"))
        qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
        assert "saved a newer version of this assessment at" in seen[0]
        qtbot.waitUntil(lambda: window.session is not None and window.session is not session, timeout=10_000)
        reopened = window.session
        assert reopened is not None
        assert (reopened.assessment.profile.industry == "Theirs") is choice.startswith("Open")
        window.close_wizard()
        qtbot.waitUntil(lambda: len(window.library.rows) == (2 if choice.startswith("Keep") else 1), timeout=10_000)

    with open_library(library_url) as library, library.session() as db:
        theirs = load_assessment(session=db, assessment_id=assessment_id)
        rows = list_assessments(session=db)
        copies = [load_assessment(session=db, assessment_id=r.id) for r in rows if r.id != assessment_id]
    assert theirs.profile.industry == "Theirs" and theirs.answers["identify.main_pain_point"].value != "Mine"
    if choice.startswith("Keep"):
        [mine] = copies
        assert mine.profile.organisation == f"{organisation} (my copy)"
        assert mine.answers["identify.main_pain_point"].value == "Mine"
        assert mine.profile.industry != "Theirs"
    else:
        assert copies == []


def test_an_assessment_is_copied_to_another_library(qtbot: QtBot, tmp_path: Path, library_url: str) -> None:
    local = str(tmp_path / "local.sqlite")
    with main_window(qtbot, tmp_path, Lang.EN, local) as window:
        _import_all(qtbot, window, _samples(tmp_path)[:1])
        assert not window.library.buttons["copy"].isEnabled()  # nothing chosen to copy yet
        window.library.table.selectRow(0)
        assert window.library.buttons["copy"].isEnabled()
        refused = answer_next_modal(press(QMessageBox.StandardButton.Ok))
        window.copy_to(window.library.rows[0].id, local)
        qtbot.waitUntil(lambda: bool(refused), timeout=15_000)
        assert refused[0] == f"{local}: the assessment is already in this library"
        seen = answer_next_modal(type_and_accept(library_url))
        window.library.buttons["copy"].click()
        qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Copied."), timeout=15_000)
        assert seen and "team library URL" in seen[0]
    with open_library(library_url) as target, target.session() as session:
        [row] = list_assessments(session=session)
        copied = load_assessment(session=session, assessment_id=row.id)
    assert copied == read_exchange_file(_samples(tmp_path)[0], shipped_content())
    assert row.score is not None


def test_new_assessment_opens_the_wizard_on_the_profile(qtbot: QtBot, tmp_path: Path) -> None:
    with main_window(qtbot, tmp_path, Lang.ES) as window:
        asked: list[str] = []

        def label_then(text: str, after: Callable[[], object] | None = None) -> Callable[[QWidget], None]:
            def handle(dialog: QWidget) -> None:
                asked.append(dialog.labelText() if isinstance(dialog, QInputDialog) else "")
                type_and_accept(text)(dialog)
                if after is not None:
                    after()

            return handle

        # An empty name is asked again, saying why; then a name opens the wizard.
        answer_next_modal(label_then("  ", lambda: answer_next_modal(label_then("Panadería Sol"))))
        window.library.buttons["new"].click()
        qtbot.waitUntil(lambda: window.wizard is not None, timeout=10_000)
        assert window.wizard is not None and window.wizard.current_key() == "profile"
        assert window.session is not None and window.session.assessment.language is Lang.ES
        assert window.session.assessment.profile.organisation == "Panadería Sol"
        assert len(asked) == 2 and asked[1] != asked[0] and "nombre" in asked[1], asked


def test_settings_are_typed_and_kept_in_their_own_file(qtbot: QtBot, tmp_path: Path) -> None:
    settings = temporary_settings(tmp_path)
    settings.language = Lang.ES
    settings.facilitator = "Lucía"
    settings.sync()
    again = temporary_settings(tmp_path)
    assert again.language is Lang.ES and again.facilitator == "Lucía" and again.theme is None
    assert (tmp_path / "settings.ini").is_file()


def test_a_team_library_url_with_a_password_is_not_kept_in_the_settings(qtbot: QtBot, tmp_path: Path) -> None:
    settings = temporary_settings(tmp_path)
    dialog = SettingsDialog(settings, Lang.EN)
    qtbot.addWidget(dialog)
    dialog.library.setText("postgresql+psycopg://ana:s3cret@db.example:5432/clients")
    seen = answer_next_modal(press(QMessageBox.StandardButton.Ok))
    QTimer.singleShot(0, dialog.accept)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert "~/.pgpass" in seen[0]
    assert dialog.result() != SettingsDialog.DialogCode.Accepted and settings.library == ""

    dialog.library.setText("postgresql+psycopg://ana@db.example:5432/clients")
    dialog.accept()
    dialog.apply()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert temporary_settings(tmp_path).library == "postgresql+psycopg://ana@db.example:5432/clients"


@pytest.mark.parametrize(
    ("location", "shown"),
    [
        ("", "Library: the default library in your data folder"),
        ("/home/ana/clients.sqlite", "Library: /home/ana/clients.sqlite"),
        ("postgresql+psycopg://ana:pw@db.example:5433/clients", "Team library: ana@db.example:5433/clients"),
        ("postgresql://db.example/clients", "Team library: db.example/clients"),
    ],
)
def test_the_open_library_is_named_never_with_its_password(location: str, shown: str) -> None:
    assert library_description(location, Lang.EN) == shown
    assert is_team_library(location) is location.startswith("postgresql")


def test_an_unreachable_team_library_is_one_line_and_the_local_library_is_offered(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    local = tmp_path / "local.sqlite"
    monkeypatch.setenv("READINESS_DB", str(local))  # what "the local library" is on this machine
    settings = temporary_settings(tmp_path)
    settings.library = "postgresql+psycopg://nobody@127.0.0.1:1/clients"
    seen = answer_next_modal(press(QMessageBox.StandardButton.Yes))
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    assert "127.0.0.1:1/clients" in seen[0] and "cannot reach the PostgreSQL server" in seen[0]
    assert len(seen[0].split("\n\n")[0].splitlines()) == 1
    qtbot.waitUntil(lambda: window.library_label.text() == library_description("", Lang.EN), timeout=10_000)
    qtbot.waitUntil(lambda: window.library.status.text().startswith("No assessments yet"), timeout=10_000)
    assert local.exists()
    assert settings.library.startswith("postgresql")  # tried again at the next start
    window.close()


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
