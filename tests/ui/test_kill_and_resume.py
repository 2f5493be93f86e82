"""Killing the app mid-edit loses nothing it had shown as saved, and reopening resumes on the same page."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from ui_support import sample

from readiness.store import create_assessment, list_assessments, load_assessment, open_library

CHILD = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QEventLoop, QSettings, QTimer
from readiness.ui.app import create_application
from readiness.ui.settings import Settings
from readiness.ui.state import SaveState
app = create_application([])
settings = Settings(QSettings(sys.argv[2], QSettings.Format.IniFormat))
settings.library = sys.argv[1]
from readiness.ui.main_window import MainWindow
window = MainWindow(settings)
window.show()
def wait_until(condition):
    while not condition():
        loop = QEventLoop(); QTimer.singleShot(20, loop.quit); loop.exec()
wait_until(lambda: window.content is not None and window.library.rows)
window.open_assessment(window.library.rows[0].id)
wait_until(lambda: window.wizard is not None)
window.wizard.go_to("identify")
session = window.session
question = sys.argv[3]
for round in range(int(sys.argv[4])):
    answer = session.assessment.answers[question].model_copy(update={"note": f"note {round}"})
    session.set_answer(question, answer)
    wait_until(lambda: session.save_state is SaveState.SAVED)
    print(f"ACK {round}", flush=True)
answer = session.assessment.answers[question].model_copy(update={"note": "typed but not yet saved"})
session.set_answer(question, answer)
print("EDITING", flush=True)
wait_until(lambda: False)
"""


def test_a_killed_app_keeps_every_saved_edit_and_resumes(tmp_path: Path) -> None:
    library_path = tmp_path / "library.sqlite"
    assessment = sample()
    question = next(iter(assessment.answers))
    with open_library(str(library_path)) as library, library.session() as session:
        assessment_id = create_assessment(session=session, assessment=assessment, content=None)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(library_path), str(tmp_path / "settings.ini"), question, "3"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert child.stdout is not None
    acknowledged = []
    for line in child.stdout:
        if line.startswith("ACK"):
            acknowledged.append(int(line.split()[1]))
        if line.startswith("EDITING"):
            break
    os.kill(child.pid, signal.SIGKILL)
    child.wait(10)
    child.stdout.close()
    assert acknowledged == [0, 1, 2]
    with open_library(str(library_path)) as library, library.session() as session:
        stored = load_assessment(session=session, assessment_id=assessment_id)
        (summary,) = list_assessments(session=session)
        integrity = session.connection().exec_driver_sql("PRAGMA integrity_check").scalar()
    assert stored.answers[question].note in {"note 2", "typed but not yet saved"}
    assert summary.last_page == "identify"
    assert integrity == "ok"
