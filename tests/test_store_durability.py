"""The library under hostile conditions: writers killed with SIGKILL, and two writers at once.

Real processes and a real SQLite file. The kill loop takes READINESS_KILL_RUNS runs (default 25, about
40 s on 2 cores); READINESS_KILL_SEED replays a run's random kill moments.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from readiness.core.content import load_content
from readiness.core.exchange import read_exchange_file
from readiness.resources import questionnaires
from readiness.store import load_assessment, open_library

SAMPLES = Path(__file__).resolve().parents[1] / "questionnaires" / "samples"
SAMPLE = SAMPLES / "us-dental.en.yaml"

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")

WRITER = '''\
"""Write assessments and edits as fast as possible; report each one only after its COMMIT returned."""
import random
import sys
from pathlib import Path

from readiness.core.assessment import Answer
from readiness.core.content import load_content
from readiness.core.exchange import read_exchange_file
from readiness.resources import questionnaires
from readiness.store import create_assessment, open_library, save_answer

db, sample, seed = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
assessment = read_exchange_file(sample, load_content(questionnaires()))
questions = sorted(assessment.answers)
rng = random.Random(seed)
print("ready", flush=True)
library = open_library(db)
ids = []
n = 0
while True:
    with library.session() as session:
        new_id = create_assessment(session=session, assessment=assessment)
    print(new_id, flush=True)
    ids.append(new_id)
    for _ in range(2):  # one update of an existing answer, one insert or update of an extra question
        n += 1
        target = rng.choice(ids)
        question = rng.choice(questions) if n % 2 else f"kill.extra{rng.randrange(3)}"
        value = f"edit-{seed}-{n}"
        with library.session() as session:
            save_answer(session=session, assessment_id=target, question_id=question, answer=Answer(value=value))
        print(f"edit {target} {question} {value}", flush=True)
'''

CONCURRENT_WRITER = '''\
"""Wait for the parent's go, then import COUNT assessments, one transaction each, printing each id.

Times are CLOCK_MONOTONIC, which is one clock for every process on the machine.
"""
import sys
import time
from pathlib import Path

from readiness.core.content import load_content
from readiness.core.exchange import read_exchange_file
from readiness.resources import questionnaires
from readiness.store import create_assessment, open_library

db, sample, count = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
assessment = read_exchange_file(sample, load_content(questionnaires()))
print("ready", flush=True)
sys.stdin.readline()
print("start", time.monotonic(), flush=True)
with open_library(db) as library:
    for _ in range(count):
        with library.session() as session:
            new_id = create_assessment(session=session, assessment=assessment)
        print(new_id, time.monotonic(), flush=True)
'''


@dataclass
class Acknowledged:
    """What the writers reported as committed: ids, and per (assessment, question) the newest edit number."""

    ids: list[int] = field(default_factory=list)
    edits: dict[tuple[int, str], int] = field(default_factory=dict)
    kills: int = 0
    cli_runs: int = 0

    def read(self, stdout: str) -> None:
        complete = stdout.splitlines(keepends=True)
        for line in (line.strip() for line in complete if line.endswith("\n")):
            if line.isdigit():
                self.ids.append(int(line))
            elif line.startswith("edit "):
                _, target, question, value = line.split(" ")
                number = int(value.rsplit("-", 1)[1])
                key = (int(target), question)
                self.edits[key] = max(number, self.edits.get(key, 0))


def cli(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "readiness", *map(str, args)]


def api_run(script: Path, db: Path, seed: int, delay: float, seen: Acknowledged) -> None:
    """Start the writer, let it write for ``delay`` seconds after it is ready, then SIGKILL it."""
    child = subprocess.Popen(
        [sys.executable, str(script), str(db), str(SAMPLE), str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    ready = child.stdout.readline()
    if ready != "ready\n":
        _, stderr = child.communicate(timeout=30)
        pytest.fail(f"the writer did not start: {ready!r} {stderr}")
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    stdout, stderr = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL, f"the writer stopped by itself (exit {child.returncode}): {stderr}"
    assert stderr == "", stderr
    seen.read(stdout)
    seen.kills += 1


def cli_run(db: Path, delay: float, seen: Acknowledged) -> None:
    """``readiness import`` as a user runs it, killed ``delay`` seconds after it started unless it finished."""
    child = subprocess.Popen(
        cli("--db", db, "import", SAMPLE), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        stdout, stderr = child.communicate(timeout=delay)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
        stdout, stderr = child.communicate(timeout=30)
        seen.kills += 1
    else:
        assert (child.returncode, stderr) == (0, ""), stderr
        assert stdout.strip().isdigit(), stdout
    if child.returncode == -signal.SIGKILL:
        assert stderr == "", stderr
    seen.read(stdout)
    seen.cli_runs += 1


def report(line: str) -> None:
    """A figure for the record: shown with ``-s`` or ``-rA``, and beside any failure."""
    sys.stdout.write(f"\n{line}\n")


def stretches(ids: list[int]) -> int:
    """How many runs of consecutive ids: 1 means the other writer never got in between."""
    return 1 + sum(b != a + 1 for a, b in itertools.pairwise(ids))


def check_file(db: Path) -> None:
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    connection.close()


def test_writers_killed_at_random_moments_lose_no_acknowledged_commit(tmp_path: Path) -> None:
    runs = int(os.environ.get("READINESS_KILL_RUNS", "25"))
    seed = int(os.environ.get("READINESS_KILL_SEED", str(time.time_ns() % 1_000_000)))
    rng = random.Random(seed)  # noqa: S311  (kill moments, not secrets)
    replay = f"replay with READINESS_KILL_SEED={seed} READINESS_KILL_RUNS={runs}"
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    db = tmp_path / "library.sqlite"
    seen = Acknowledged()

    for run in range(runs):
        delay = rng.uniform(0.2, 1.5)
        if run % 4 == 3:
            cli_run(db, delay, seen)
        else:
            api_run(script, db, seed * 1000 + run, delay, seen)

    check_file(db)
    sample = read_exchange_file(SAMPLE, load_content(questionnaires()))
    with sqlite3.connect(db) as connection:
        stored = {row[0] for row in connection.execute("SELECT id FROM assessment")}
        answers = dict(connection.execute("SELECT assessment_id, count(*) FROM answer GROUP BY assessment_id"))
        gaps = dict(connection.execute("SELECT assessment_id, count(*) FROM gap GROUP BY assessment_id"))
        values = {
            (assessment_id, question): json.loads(value)
            for assessment_id, question, value in connection.execute(
                "SELECT assessment_id, question_id, value_json FROM answer"
            )
        }
    connection.close()

    report(
        f"kill loop: {runs} runs ({seen.cli_runs} through the CLI), {seen.kills} SIGKILLs, "
        f"{len(seen.ids)} ids printed, {len(stored & set(seen.ids))} found, {len(stored)} stored, "
        f"{len(seen.edits)} edited answers checked, integrity ok; seed {seed}"
    )
    assert seen.ids, f"no writer got as far as one commit; {replay}"
    assert len(set(seen.ids)) == len(seen.ids), f"an id was handed out twice; {replay}"
    assert not set(seen.ids) - stored, f"acknowledged imports lost: {sorted(set(seen.ids) - stored)}; {replay}"
    # A kill can land between a COMMIT and its print, once per kill at most.
    assert len(stored) - len(seen.ids) <= seen.kills, replay
    # No torn transaction: every stored assessment has all of its answers and gaps.
    assert all(answers.get(i, 0) >= len(sample.answers) for i in stored), replay
    assert all(gaps.get(i, 0) == len(sample.gaps) for i in stored), replay
    for (assessment_id, question), number in seen.edits.items():
        value = values.get((assessment_id, question))
        assert isinstance(value, str), f"edit of {assessment_id} {question} lost; {replay}"
        assert value.startswith("edit-"), f"edit of {assessment_id} {question} lost: {value}; {replay}"
        # The same writer may have committed a newer edit of that answer before it was killed.
        assert int(value.rsplit("-", 1)[1]) >= number, f"edit of {assessment_id} {question} lost; {replay}"

    edited: dict[int, list[tuple[str, int]]] = {}
    for (assessment_id, question), number in seen.edits.items():
        edited.setdefault(assessment_id, []).append((question, number))
    with open_library(str(db)) as library, library.session() as session:
        for assessment_id in seen.ids:
            loaded = load_assessment(session=session, assessment_id=assessment_id)
            assert (loaded.profile, loaded.gaps, loaded.kpis) == (sample.profile, sample.gaps, sample.kpis)
            for question, number in edited.get(assessment_id, []):
                value = str(loaded.answers[question].value)
                assert int(value.rsplit("-", 1)[1]) >= number, f"edit {assessment_id} {question} lost; {replay}"
    check_file(db)


def test_two_processes_importing_at_once_both_succeed(tmp_path: Path) -> None:
    count = 30
    script = tmp_path / "importer.py"
    script.write_text(CONCURRENT_WRITER, encoding="utf-8")
    db = tmp_path / "library.sqlite"
    open_library(str(db)).close()
    children = [
        subprocess.Popen(
            [sys.executable, str(script), str(db), str(sample), str(count)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for sample in (SAMPLES / "us-dental.en.yaml", SAMPLES / "mx-retail.es.yaml")
    ]
    for child in children:
        assert child.stdout is not None
        assert child.stdout.readline() == "ready\n", child.communicate(timeout=30)[1]
    for child in children:  # release both writers at once
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    results = [child.communicate(timeout=120) for child in children]

    for child, (_, stderr) in zip(children, results, strict=True):
        assert (child.returncode, stderr) == (0, ""), stderr
    lines = [[line.split() for line in stdout.splitlines()] for stdout, _ in results]
    starts = [float(each[0][1]) for each in lines]
    ends = [float(each[-1][1]) for each in lines]
    first, second = ([int(word) for word, _ in each[1:]] for each in lines)
    assert (len(first), len(second)) == (count, count)
    # Each writer started before the other had finished: they really competed for the file.
    assert starts[0] < ends[1] and starts[1] < ends[0], (starts, ends)
    report(
        f"concurrent imports: 2 x {count}, no error; writer 1 got ids {first[0]}..{first[-1]} "
        f"in {stretches(first)} stretch(es), writer 2 got {second[0]}..{second[-1]} in {stretches(second)}"
    )
    check_file(db)
    with open_library(str(db)) as library, library.session() as session:
        stored = [
            row[0] for row in session.connection().exec_driver_sql("SELECT id FROM assessment ORDER BY id").fetchall()
        ]
        assert stored == sorted(first + second)
        organisations = {load_assessment(session=session, assessment_id=i).profile.organisation for i in stored}
    assert organisations == {"Fernhill Dental Group", "Casa Jacaranda"}
