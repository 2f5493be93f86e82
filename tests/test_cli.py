"""The command line, run as a user runs it: a real process, real files, exit codes and stderr."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import MINI_CONTENT, mini_assessment
from icalendar import Calendar

from readiness import __version__
from readiness.core.exchange import exchange_text
from readiness.core.safeyaml import MAX_BYTES
from readiness.core.samples import SAMPLE_PROFILES


def run(
    *args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, **env} if env else None
    return subprocess.run(
        [sys.executable, "-m", "readiness", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
        env=environ,
    )


@pytest.fixture
def mini_file(tmp_path: Path) -> Path:
    path = tmp_path / "tienda.yaml"
    path.write_text(exchange_text(mini_assessment()), encoding="utf-8")
    return path


def test_version() -> None:
    result = run("--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"readiness {__version__}")


def test_validate_shipped_content() -> None:
    result = run("validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("content OK: ")


def test_validate_with_an_extra_folder_checks_the_merged_content() -> None:
    result = run("--content", MINI_CONTENT, "validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("content OK: 2 questionnaires, ")


def test_the_command_line_speaks_the_locale() -> None:
    spanish = run("validate", env={"LC_ALL": "", "LANG": "es_ES.UTF-8"})
    portuguese = run("validate", env={"LC_ALL": "", "LANG": "pt_BR.UTF-8"})
    assert spanish.stdout.startswith("contenido correcto: 1 cuestionario, "), spanish.stdout
    assert portuguese.stdout.startswith("conteúdo OK: 1 questionário, "), portuguese.stdout


def test_validate_files_and_folders(mini_file: Path) -> None:
    result = run("--content", MINI_CONTENT, "validate", mini_file, MINI_CONTENT, MINI_CONTENT / "questionnaire.yaml")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"{mini_file}: assessment OK",
        f"{MINI_CONTENT}: content folder OK: 1 questionnaire, 9 questions, 5 channels, 3 gap types, "
        "2 surfaces, 6 promotion actions, 2 KPIs, 3 regulations",
        f"{MINI_CONTENT / 'questionnaire.yaml'}: questionnaire OK (mini 1.0, 9 questions)",
    ]


@pytest.mark.parametrize("lang", ["en", "es", "pt-BR"])
@pytest.mark.parametrize("profile", SAMPLE_PROFILES)
def test_sample_is_complete_and_canonical(tmp_path: Path, profile: str, lang: str) -> None:
    out = tmp_path / f"{profile}.{lang}.yaml"
    result = run("sample", "--profile", profile, "--lang", lang, "-o", out)
    assert result.returncode == 0, result.stderr
    assert run("validate", out).returncode == 0
    text = out.read_text(encoding="utf-8")
    assert f"language: {lang}" in text
    scored = run("score", "--json", out)
    report = json.loads(scored.stdout)
    assert report["overall"]["score"] is not None
    assert report["unanswered"] is not None


def test_score_text_and_json(mini_file: Path) -> None:
    text = run("--content", MINI_CONTENT, "score", mini_file)
    assert text.returncode == 0, text.stderr
    assert (
        "Overall" in text.stdout
        and "Identify" in text.stdout
        and "Flagged for review: 1 (q.bot_disclosed)" in text.stdout
    )
    data = json.loads(run("--content", MINI_CONTENT, "score", "--json", mini_file).stdout)
    assert data["steps"]["open"]["formula"] == "Σ(weight × score) ÷ Σ weight = 100 ÷ 3 = 33.3"
    assert data["steps"]["identify"]["items"][0] == {
        "question": "q.frt",
        "status": "scored",
        "weight": 2.0,
        "score": 0.0,
        "basis": ["very_slow"],
    }


def test_plan_to_json(mini_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    result = run("--content", MINI_CONTENT, "plan", mini_file, "-o", out)
    assert result.returncode == 0, result.stderr
    plan = json.loads(out.read_text(encoding="utf-8"))
    assert plan["header"]["organisation"] == "Tienda Sol"
    assert [g["id"] for g in plan["gaps"]] == ["g1", "g2"]
    assert {t["id"] for t in plan["launch_blockers"]} == {"blk.verify@wa", "blk.us_only@wa", "blk.10dlc@sms"}


def test_plan_to_xlsx(mini_file: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "tasks.xlsx"
    result = run("--content", MINI_CONTENT, "plan", mini_file, "-o", out, "--lang", "es")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {out}"
    assert sorted(tmp_path.iterdir()) == [out, mini_file], "no temporary file is left behind"
    workbook = load_workbook(out)
    assert workbook.sheetnames == ["Tareas", "Objetivos de KPI", "Registro de brechas"]
    tasks, _kpis, gaps = workbook.worksheets
    ids = {row[0] for row in tasks.iter_rows(min_row=2, values_only=True)}
    assert {"blk.verify@wa", "blk.us_only@wa", "blk.10dlc@sms"} <= ids
    assert [row[:2] for row in gaps.iter_rows(min_row=2, values_only=True)] == [
        (1, "Primera respuesta lenta"),
        (2, "Cambio de canal forzado"),
    ]


def test_plan_to_a_close_out_bundle(mini_file: Path, tmp_path: Path) -> None:
    """Both editions, the task list, the calendar and the assessment file, named after the organisation and day."""
    import zipfile

    from pypdf import PdfReader

    out = tmp_path / "everything.zip"
    result = run("--content", MINI_CONTENT, "plan", mini_file, "-o", out)
    assert result.returncode == 0, result.stderr
    assert sorted(tmp_path.iterdir()) == [out, mini_file], "no temporary file is left behind"
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        stem = names[0].removesuffix("brief.pdf")
        assert re.fullmatch(r"[a-z0-9-]+-\d{4}-\d{2}-\d{2}-", stem), stem
        assert names == [
            f"{stem}{part}"
            for part in ("brief.pdf", "plan.pdf", "tasks.xlsx", "plan.docx", "calendar.ics", "readiness.yaml")
        ]
        brief, full = (len(PdfReader(io.BytesIO(archive.read(n))).pages) for n in names[:2])
        assert brief <= 6 < full
        assert archive.read(names[4]).startswith(b"BEGIN:VCALENDAR")
        exported, given = yaml.safe_load(archive.read(names[5])), yaml.safe_load(mini_file.read_text(encoding="utf-8"))
        assert exported["profile"]["organisation"] == given["profile"]["organisation"]


def test_plan_to_docx(mini_file: Path, tmp_path: Path) -> None:
    from docx import Document

    out = tmp_path / "plan.docx"
    result = run("--content", MINI_CONTENT, "plan", mini_file, "-o", out, "--lang", "es", "--edition", "brief")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {out}"
    assert sorted(tmp_path.iterdir()) == [out, mini_file], "no temporary file is left behind"
    document = Document(str(out))
    assert document.core_properties.language == "es"
    assert [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"] == [
        "1 Panel",
        "2 Calendario",
        "3 Bloqueos de lanzamiento y cumplimiento",
        "4 Promoción",
        "5 Objetivos de KPI y revisiones",
        "6 Costo mensual de operación",
    ]


def test_plan_refuses_an_unknown_format_and_writes_nothing(mini_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.odt"
    result = run("--content", MINI_CONTENT, "plan", mini_file, "-o", out)
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        == f"{out}: unsupported output format '.odt'; supported: .pdf, .html, .csv, .xlsx, .docx, .ics, .json, .zip"
    )
    assert not out.exists()


def test_plan_to_a_calendar_with_every_task(mini_file: Path, tmp_path: Path) -> None:
    """Without --ics-tasks the calendar holds the plan's milestones and the two review series; with it, every task
    of the task list too, in its order."""
    calendars = tmp_path / "plan.ics", tmp_path / "tasks.ics"
    plan, task_list = tmp_path / "plan.json", tmp_path / "tasks.csv"
    for out in (calendars[0], plan, task_list):
        assert run("--content", MINI_CONTENT, "plan", mini_file, "-o", out).returncode == 0
    result = run("--content", MINI_CONTENT, "plan", mini_file, "-o", calendars[1], "--ics-tasks")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {calendars[1]}"

    without, with_tasks = (
        [str(event["UID"]).rsplit("-", 1)[0] for event in Calendar.from_ical(path.read_bytes()).walk("VEVENT")]
        for path in calendars
    )
    milestones = [m["id"] for m in json.loads(plan.read_text(encoding="utf-8"))["milestones"]]
    assert without == [*milestones, "transcript_reviews", "kpi_reviews"]
    task_ids = [row[0] for row in csv.reader(task_list.read_text(encoding="utf-8-sig").splitlines()[1:])]
    assert len(task_ids) > 10
    assert with_tasks == [*without, *(f"task.{task}" for task in task_ids)]


def test_plan_takes_ics_tasks_only_for_a_calendar(mini_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "tasks.csv"
    result = run("--content", MINI_CONTENT, "plan", mini_file, "-o", out, "--ics-tasks")
    assert result.returncode == 2
    assert result.stderr.strip() == "plan: --ics-tasks adds the tasks to a calendar: OUT must end in .ics"
    assert not out.exists()


def test_environment_adds_content(mini_file: Path) -> None:
    env_run = subprocess.run(
        [sys.executable, "-m", "readiness", "score", str(mini_file)],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "READINESS_CONTENT": str(MINI_CONTENT)},
        timeout=60,
    )
    assert env_run.returncode == 0, env_run.stderr


MALFORMED: dict[str, bytes] = {
    "syntax.yaml": b"format: readiness-assessment\nformat_version: 1\nprofile: {organisation: [x\n",
    "alias_bomb.yaml": b'a: &a ["lol","lol"]\nb: &b [*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b]\n',
    "python_tag.yaml": b"format: !!python/object/apply:os.system ['touch pwned']\n",
    "duplicate.yaml": b"format: readiness-assessment\nformat_version: 1\nformat_version: 2\n",
    "wrong_type.yaml": b"format: readiness-assessment\nformat_version: 1\nquestionnaire_id: readiness-core\n"
    b"questionnaire_version: '1.0.0'\ncreated: 2026-11-24\nprofile: {organisation: X}\nanswers: [1, 2]\n",
    "wrong_root.yaml": b"- format: readiness-assessment\n- format_version: 1\n",
    "scalar_root.yaml": b"just some words\n",
    "empty.yaml": b"",
    "binary.yaml": bytes(range(256)),
    "not_utf8.yaml": "format: café\n".encode("latin-1"),
    "deep.yaml": b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n",
    "newer.yaml": b"format: readiness-assessment\nformat_version: 99\n",
    "unknown_kind.yaml": b"kind: spreadsheet\n",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for name, raw in MALFORMED.items():
        (folder / name).write_bytes(raw)
    (folder / "oversized.yaml").write_bytes(b"a: '" + b"x" * (MAX_BYTES + 10) + b"'\n")
    return folder


@pytest.mark.parametrize("command", ["validate", "score"])
@pytest.mark.parametrize("name", [*MALFORMED, "oversized.yaml"])
def test_malformed_file_is_one_line_and_exit_2(corpus: Path, command: str, name: str) -> None:
    before = sorted(p.name for p in corpus.iterdir())
    result = run(command, corpus / name, cwd=corpus)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"{corpus / name}"), lines[0]
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert sorted(p.name for p in corpus.iterdir()) == before  # nothing written, nothing executed


@pytest.mark.parametrize(
    ("command", "target"),
    [
        (command, target)
        for command in ("validate", "score", "import")
        for target in ("device.yaml", "device.pdf", "pipe.yaml", "folder.pdf")
        if (command, target) != ("validate", "folder.pdf")  # a folder given to validate is a content folder
    ],
)
def test_a_device_a_pipe_or_a_folder_is_refused_before_anything_is_read(
    tmp_path: Path, command: str, target: str
) -> None:
    """/dev/zero has st_size 0: without the check, reading it would never end."""
    path = tmp_path / target
    if target.startswith("device"):
        path.symlink_to("/dev/zero")
    elif target.startswith("pipe"):
        os.mkfifo(path)
    else:
        path.mkdir()
    extra = ["--db", str(tmp_path / "library.sqlite")] if command == "import" else []
    result = run(command, *extra, path)
    assert result.returncode == 2
    assert result.stderr == f"{path}: not a regular file (a device, a pipe or a folder): nothing was read\n"


DUPLICATE_OVERRIDE = "- action: act.train\n  owner: Pia\n  due: null\n  status: doing\n"


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        ("launch_date: 2027-01-11", "launch_date: 0001-01-01", "profile.launch_date", "expected a date between 1900"),
        ("  due: null", "  due: 9999-12-31", "overrides[0].due", "expected a date between 1900 and 2200"),
        ("  target: 15.0", "  target: .nan", "kpis[0].target", "finite number"),
        ("  measured_value: 90.0", "  measured_value: .inf", "gaps[0].measured_value", "finite number"),
        ("  baseline: 300.0", "  baseline: -.inf", "kpis[0].baseline", "finite number"),
        ("    note: Measured from the inbox", '    note: "nul\\0here"', ".note", "cannot be stored (U+0000)"),
        (DUPLICATE_OVERRIDE, DUPLICATE_OVERRIDE * 2, "overrides", "the task act.train is listed twice"),
    ],
)
def test_validate_refuses_what_a_plan_or_a_library_cannot_hold(
    tmp_path: Path, old: str, new: str, field: str, message: str
) -> None:
    text = exchange_text(mini_assessment())
    assert old in text
    path = tmp_path / "edge.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    for command in ("validate", "score", "import"):
        extra = ["--db", str(tmp_path / "library.sqlite")] if command == "import" else []
        result = run("--content", MINI_CONTENT, command, *extra, path)
        assert result.returncode == 2, (command, result.stdout)
        [line] = result.stderr.splitlines()
        assert line.startswith(f"{path}:") and field in line and message in line, line


def test_a_command_whose_work_committed_succeeds_even_when_its_backup_cannot_be_taken(
    tmp_path: Path, mini_file: Path
) -> None:
    library = tmp_path / "library.sqlite"
    (tmp_path / "backups").write_text("a file where the backups folder should be", encoding="utf-8")
    result = run("--content", MINI_CONTENT, "import", "--db", library, mini_file)
    assert result.returncode == 0 and result.stdout.strip() == "1", result.stderr
    [warning] = result.stderr.splitlines()
    assert warning.startswith(f"warning: {library}: the daily backup could not be taken")
    listed = run("--content", MINI_CONTENT, "list", "--db", library)
    assert "Tienda Sol" in listed.stdout


def test_a_library_that_cannot_be_one_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    for db, message in (
        (str(tmp_path / "a"), "cannot open the library: the path is a loop of symbolic links"),
        ("sqlite://", "an in-memory SQLite database forgets everything"),
    ):
        result = run("list", "--db", db)
        assert result.returncode == 2
        [line] = result.stderr.splitlines()
        assert line.startswith(f"{db}: {message}"), line


def test_a_read_only_library_is_one_line_and_nothing_is_reported_saved(tmp_path: Path, mini_file: Path) -> None:
    library = tmp_path / "library.sqlite"
    assert run("--content", MINI_CONTENT, "import", "--db", library, mini_file).returncode == 0
    read_only = f"sqlite:///file:{library}?mode=ro&uri=true"
    result = run("--content", MINI_CONTENT, "import", "--db", read_only, mini_file)
    assert result.returncode == 2 and result.stdout == ""
    assert (
        result.stderr.splitlines()[-1]
        == f"file:{library}: the library file or its folder is read-only: nothing was saved"
    )
    assert "SQL" not in result.stderr and "Traceback" not in result.stderr
    listed = run("--content", MINI_CONTENT, "list", "--db", library)
    assert listed.stdout.count("Tienda Sol") == 1


def test_syntax_errors_name_the_line(corpus: Path) -> None:
    result = run("validate", corpus / "syntax.yaml")
    assert result.stderr.startswith(f"{corpus / 'syntax.yaml'}:4: YAML syntax error")


def test_missing_file_and_unwritable_output(tmp_path: Path) -> None:
    missing = run("score", tmp_path / "nope.yaml")
    assert missing.returncode == 2 and missing.stderr.startswith(f"{tmp_path / 'nope.yaml'}: cannot read file")
    out = tmp_path / "no" / "such" / "dir" / "s.yaml"
    unwritable = run("sample", "-o", out)
    assert unwritable.returncode == 2 and "cannot write file" in unwritable.stderr
    assert len(unwritable.stderr.splitlines()) == 1


def test_every_problem_of_a_bad_assessment_is_listed(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    text = exchange_text(mini_assessment()).replace("severity: high", "severity: dire").replace("type: slow", "type: x")
    path.write_text(text, encoding="utf-8")
    result = run("--content", MINI_CONTENT, "validate", path)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1  # the type error stops before id checks: one fix at a time
    assert "gaps[0].severity" in result.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("plan",), "readiness plan: the following arguments are required: -o/--output"),
        (("sample", "--lang", "eo", "-o", "x.yaml"), "readiness sample: argument --lang: invalid choice: 'eo'"),
        (("frobnicate",), "readiness: argument COMMAND: invalid choice: 'frobnicate'"),
        (("export", str(2**63), "-o", "x.yaml"), "readiness export: argument ID: an assessment id is a whole number"),
        (("delete", "abc"), "readiness delete: argument ID: not a whole number: abc"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(args: tuple[str, ...], expected: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stderr.startswith(expected)
    assert len(result.stderr.splitlines()) == 1


def test_a_reader_that_stops_reading_gets_no_error_line(tmp_path: Path, mini_file: Path) -> None:
    """`readiness score FILE --json | head -1`: the pipe closes early, and that is not an internal error."""
    read, write = os.pipe()
    os.close(read)  # every write to stdout now fails at once, as after `head` has exited
    try:
        done = subprocess.run(
            [sys.executable, "-m", "readiness", "--content", str(MINI_CONTENT), "score", str(mini_file), "--json"],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(write)
    assert done.stderr == "" and done.returncode == 2
