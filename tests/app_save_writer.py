"""The app's own save path in a process of its own, to be killed at a random moment by the durability test.

Edits go through ``AssessmentSession`` exactly as the wizard makes them: each one restarts the debounce timer,
and the whole document is saved on the library thread. Each time the session reports every edit saved, the
writer appends ``acked N`` (N = the newest edit) to its log with one ``write``, which a SIGKILL cannot tear.
Preloaded by a fork server, so a round costs a fork, not Python's and Qt's start-up.
"""

from __future__ import annotations

import os
import random

from PySide6.QtCore import QCoreApplication, QTimer

from readiness.core.assessment import Answer
from readiness.core.content import load_content
from readiness.resources import questionnaires
from readiness.store import open_library, read_assessment
from readiness.ui.app import collect_garbage_on_the_gui_thread
from readiness.ui.service import LibraryService
from readiness.ui.state import SAVE_DELAY_MS, AssessmentSession

CONTENT = load_content(questionnaires())
QUESTION = "identify.main_pain_point"


def edit_number(value: object) -> int:
    text = str(value)
    return int(text.rsplit("-", 1)[1]) if text.startswith("edit-") else 0


def write(db: str, assessment_id: int, log: str, seed: int) -> None:
    app = QCoreApplication([])
    collect_garbage_on_the_gui_thread(app)
    with open_library(db) as library, library.session() as db_session:
        stored = read_assessment(session=db_session, assessment_id=assessment_id)
    answer = stored.assessment.answers.get(QUESTION)
    number = edit_number(answer.value if answer else None)
    service = LibraryService(db)
    session = AssessmentSession(service, CONTENT, assessment_id, stored)
    out = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    rng = random.Random(seed)  # noqa: S311  (edit rhythm, not secrets)

    def report(state: str) -> None:
        if state == "saved":
            os.write(out, f"acked {number}\n".encode())
        elif state in ("failed", "conflict"):
            os.write(out, f"{state} {session.last_error}\n".encode())

    def edit() -> None:
        nonlocal number
        number += 1
        session.set_answer(QUESTION, Answer(value=f"edit-{number}", note="typed in the wizard " * rng.randint(0, 20)))
        pause = (
            rng.randint(0, SAVE_DELAY_MS // 3) if rng.random() < 0.6 else rng.randint(SAVE_DELAY_MS, 2 * SAVE_DELAY_MS)
        )
        timer.start(pause)  # bursts of typing within the debounce, and pauses long enough to save

    session.save_state_changed.connect(report)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(edit)
    timer.start(0)
    os.write(out, b"ready\n")
    app.exec()
