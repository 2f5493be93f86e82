"""The library under hostile conditions: the app's own save killed with SIGKILL, and two writers at once.

Real processes, a real SQLite file and a real PostgreSQL server. The kill loop takes READINESS_KILL_RUNS rounds
(default 200 on SQLite, a quarter of that on PostgreSQL; about three minutes in all on 2 cores);
READINESS_KILL_SEED replays a run's random kill moments.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import app_save_writer
import pytest

from readiness.core.content import load_content
from readiness.core.exchange import read_exchange_file
from readiness.resources import questionnaires
from readiness.store import create_assessment, list_assessments, load_assessment, open_library

SAMPLES = Path(__file__).resolve().parents[1] / "questionnaires" / "samples"
SAMPLE = SAMPLES / "us-dental.en.yaml"

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")

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
            new_id = create_assessment(session=session, assessment=assessment, content=None)
        print(new_id, time.monotonic(), flush=True)
'''


@dataclass
class Record:
    """What the writers acknowledged, and what happened to them."""

    acked: int = 0
    """The newest edit number the app reported saved, over every round."""
    acks: int = 0
    kills: int = 0
    imports: list[int] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def read_log(self, log: Path) -> None:
        for line in log.read_text(encoding="utf-8").splitlines():
            word, _, rest = line.partition(" ")
            if word == "acked":
                self.acked = max(self.acked, int(rest))
                self.acks += 1
            elif word != "ready":
                self.failures.append(line)


def cli(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "readiness", *map(str, args)]


def app_round(server: Any, db: str, assessment_id: int, log: Path, seed: int, delay: float, seen: Record) -> None:
    """One run of the app's save path, killed ``delay`` seconds after it is ready."""
    child = server.Process(target=app_save_writer.write, args=(db, assessment_id, str(log), seed))
    child.start()
    waited = 0.0
    while not (log.exists() and log.read_text(encoding="utf-8").startswith("ready")):
        assert child.is_alive() and waited < 60, f"the writer did not start (exit {child.exitcode})"
        time.sleep(0.005)
        waited += 0.005
    time.sleep(delay)
    child.kill()
    child.join(30)
    assert child.exitcode == -signal.SIGKILL, f"the writer stopped by itself (exit {child.exitcode})"
    seen.kills += 1
    seen.read_log(log)


def cli_round(db: str, delay: float, seen: Record) -> None:
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
    assert stderr == "", stderr
    seen.imports += [int(line) for line in stdout.splitlines() if line.strip().isdigit()]


def report(line: str) -> None:
    """A figure for the record: shown with ``-s`` or ``-rA``, and beside any failure."""
    sys.stdout.write(f"\n{line}\n")


def stretches(ids: list[int]) -> int:
    """How many runs of consecutive ids: 1 means the other writer never got in between."""
    return 1 + sum(b != a + 1 for a, b in itertools.pairwise(ids))


def check_file(db: str | Path) -> None:
    """SQLite's own check of the whole file (a PostgreSQL server rolls back a killed client's transaction)."""
    if str(db).startswith("postgresql"):
        return
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    connection.close()


def stored_edit(db: str, assessment_id: int) -> int:
    with open_library(db) as library, library.session() as session:
        answer = load_assessment(session=session, assessment_id=assessment_id).answers.get(app_save_writer.QUESTION)
    return app_save_writer.edit_number(answer.value if answer else None)


def test_the_apps_save_killed_at_random_moments_loses_no_acknowledged_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, library_url: str
) -> None:
    """200 rounds on SQLite; a quarter of them on PostgreSQL, where the server, not a file, keeps the data."""
    rounds = int(os.environ.get("READINESS_KILL_RUNS", "200"))
    rounds = rounds if library_url.endswith(".sqlite") else max(rounds // 4, 1)
    seed = int(os.environ.get("READINESS_KILL_SEED", str(time.time_ns() % 1_000_000)))
    rng = random.Random(seed)  # noqa: S311  (kill moments, not secrets)
    replay = f"replay with READINESS_KILL_SEED={seed} READINESS_KILL_RUNS={rounds}"
    db = library_url
    sample = read_exchange_file(SAMPLE, load_content(questionnaires()))
    with open_library(db) as library, library.session() as session:
        assessment_id = create_assessment(session=session, assessment=sample, content=None)
    # The fork server imports the writer (and with it Qt, the store and the content) once. It does not apply the
    # parent's sys.path to its preloads (CPython's forkserver.main ignores it), hence PYTHONPATH.
    tests = str(Path(__file__).parent)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [tests, os.environ.get("PYTHONPATH")])))
    server = multiprocessing.get_context("forkserver")
    server.set_forkserver_preload(["app_save_writer"])
    seen = Record()

    for number in range(rounds):
        if number % 10 == 9:
            cli_round(db, rng.uniform(0.2, 1.2), seen)
        else:
            log = tmp_path / f"round-{number}.log"
            app_round(server, db, assessment_id, log, seed * 1000 + number, rng.uniform(0.05, 1.2), seen)
            assert not seen.failures, f"round {number}: {seen.failures}; {replay}"
            # The app may have saved a newer edit than it acknowledged before it was killed, never an older one.
            assert stored_edit(db, assessment_id) >= seen.acked, f"round {number} lost an acknowledged edit; {replay}"
        check_file(db)

    with open_library(db) as library, library.session() as session:
        stored = {row.id for row in list_assessments(session=session)}
        for imported in seen.imports:
            assert load_assessment(session=session, assessment_id=imported) == sample, replay
        edited = load_assessment(session=session, assessment_id=assessment_id)
    assert (edited.profile, edited.gaps, edited.kpis) == (sample.profile, sample.gaps, sample.kpis)
    assert set(seen.imports) <= stored, f"acknowledged imports lost; {replay}"
    checked = "integrity_check ok after every round" if db.endswith(".sqlite") else "on PostgreSQL"
    report(
        f"kill loop: {rounds} rounds, {seen.kills} SIGKILLs, {seen.acks} acknowledged saves up to edit "
        f"{seen.acked}, stored edit {stored_edit(db, assessment_id)}, {len(seen.imports)} CLI imports finished; "
        f"{checked}; seed {seed}"
    )
    assert seen.acks > rounds // 4, f"too few saves acknowledged to prove anything; {replay}"


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
            row[0]
            for row in session.connection().exec_driver_sql("SELECT id FROM assessment_document ORDER BY id").fetchall()
        ]
        assert stored == sorted(first + second)
        organisations = {load_assessment(session=session, assessment_id=i).profile.organisation for i in stored}
    assert organisations == {"Fernhill Dental Group", "Casa Jacaranda"}
