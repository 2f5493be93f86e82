"""``readiness transcripts analyze`` run as a user runs it, on exports written from the documented formats with
figures worked out apart from the analyser (tests/core/transcripts/truth/README.md); and its refusals."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

TRUTH = Path(__file__).parent / "core" / "transcripts" / "truth"
CASES = sorted(p for p in TRUTH.iterdir() if (p / "expected.yaml").is_file()) if TRUTH.is_dir() else []
SHARES = (
    "answered_within_promise_share",
    "after_hours_share",
    "channel_switch_share",
    "repeat_contact_share",
    "resolved_in_channel_share",
    "business_messages_per_resolved",
)


def readiness(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "readiness", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "LANGUAGE": "en"},
    )


def analyze(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return readiness("transcripts", "analyze", *args)


def test_the_truth_corpus_covers_every_family_of_formats() -> None:
    assert {case.name.split("-")[0] for case in CASES} >= {"whatsapp", "messenger", "telegram"}, "no case, no check"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_measures_match_the_figures_worked_out_by_hand(case: Path) -> None:
    truth = yaml.safe_load((case / "expected.yaml").read_text(encoding="utf-8"))
    files = sorted(p for p in case.iterdir() if p.name not in {"expected.yaml", "README.md"})
    done = analyze(*files, *truth["args"], "--json")
    assert done.returncode == 0, done.stderr
    found: dict[str, Any] = json.loads(done.stdout)
    expected = truth["expected"]
    for key in ("messages", "conversations", "customer_started", "period", "redacted"):
        assert found[key] == expected[key], key
    for key in SHARES:
        assert found[key] == pytest.approx(expected[key], abs=1e-4), key
    times, wanted = found["first_response_minutes"], expected["first_response_minutes"]
    for scope, want in ((times, wanted), (times["within_hours"], wanted["within_hours"])):
        assert scope["answered"] == want["answered"]
        for figure in ("median", "p90"):
            assert scope[figure] == pytest.approx(want[figure], abs=0.05), figure
    listed = [(r["reason"], r["conversations"]) for r in found["switch_reasons"]]
    assert listed == list(expected["switch_reasons"].items()), "most frequent first, ties by the reason's name"
    for raw in truth.get("must_not_appear", []):
        assert raw not in done.stdout, f"{raw!r} was printed"


def chat_of(tmp_path: Path, customer_said: str, minutes_later: int, business_said: str) -> Path:
    """A WhatsApp chat of one question, on Monday 5 October 2026 at 10:00, and one answer."""
    chat = tmp_path / "chat.txt"
    answered = f"10/5/26, 10:{minutes_later:02d} AM - Fernhill Dental: {business_said}\n"
    chat.write_text(f"10/5/26, 10:00 AM - Alex Doe: {customer_said}\n{answered}", encoding="utf-8")
    return chat


def test_text_output_is_in_words_with_its_caveats(tmp_path: Path) -> None:
    asked = "Hi, can I book for Friday? My cell is 555 201 3344"
    chat = chat_of(tmp_path, asked, 12, "Sure! Please call us at (555) 201-9999 to confirm.")
    done = analyze(chat, "--business", "fernhill dental", "--tz", "America/New_York")
    assert done.returncode == 0, done.stderr
    assert "First response: median 12 min, 90th percentile 12 min (1 answered)" in done.stdout
    assert "Asked to switch channel: 100.0 %" in done.stdout
    assert "Fewer than 30 conversations" in done.stdout
    assert "3344" not in done.stdout and "Alex" not in done.stdout


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (("--business", "Nobody"), "--business: no participant is called 'Nobody'; the participants: Fernhill"),
        (("--business", "Fernhill Dental", "--tz", "Mars/Olympus"), "--tz: 'Mars/Olympus' is not a time zone"),
        (("--business", "Fernhill Dental", "--hours", "9 to 5"), "--hours: '9 to 5' is not like"),
    ],
)
def test_a_wrong_option_is_one_line_and_exit_2(tmp_path: Path, args: tuple[str, ...], problem: str) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text("10/5/26, 10:00 AM - Fernhill Dental: Hello\n10/5/26, 10:01 AM - Alex Doe: Hi\n", encoding="utf-8")
    done = analyze(chat, *args)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith(problem) and len(done.stderr.splitlines()) == 1


def written(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_unknown_formats_bombs_and_devices_are_refused_with_nothing_printed(tmp_path: Path) -> None:
    unknown = tmp_path / "notes.docx"
    unknown.write_bytes(b"PK\x03\x04")
    bomb = tmp_path / "chat.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_chat.txt", b"\n" * 60_000_000)
    for path, problem in (
        (unknown, "not a transcript Readiness reads"),
        (bomb, "refused as a zip bomb"),
        (Path("/dev/zero"), "not a regular file"),
        (tmp_path / "missing.txt", "cannot read file"),
        (written(tmp_path / "notes.txt", "Shopping list\nmilk, eggs\n"), "no chat message found in it"),
        (written(tmp_path / "empty.txt", ""), "no chat message found in it"),
        (written(tmp_path / "tickets.csv", "Ticket ID,Created at,Author,Author role,Body\n"), "no chat message found"),
    ):
        done = analyze(path, "--business", "Fernhill Dental")
        assert done.returncode == 2 and done.stdout == "", path
        assert problem in done.stderr and len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr


def test_a_consultant_adds_switch_phrases_in_a_content_folder_and_validate_checks_them(tmp_path: Path) -> None:
    chat = chat_of(tmp_path, "Can I change my appointment?", 2, "Use the patient portal for that.")
    before = json.loads(analyze(chat, "--business", "Fernhill Dental", "--json").stdout)
    assert before["channel_switch_share"] == 0.0
    folder = tmp_path / "ours"
    folder.mkdir()
    phrases = folder / "phrases.yaml"
    phrases.write_text('kind: transcript-phrases\nswitch:\n  other_channel:\n    en: ["patient portal"]\n', "utf-8")
    validated = readiness("validate", phrases)
    assert validated.returncode == 0 and "transcript phrases OK" in validated.stdout
    done = readiness("--content", folder, "transcripts", "analyze", chat, "--business", "Fernhill Dental", "--json")
    after = json.loads(done.stdout)
    assert after["channel_switch_share"] == 1.0 and after["switch_reasons"][0]["reason"] == "other_channel"
    phrases.write_text('kind: transcript-phrases\nswitch:\n  phone:\n    en: ["ring us"]\n', "utf-8")
    refused = readiness("validate", phrases)
    assert refused.returncode == 2 and refused.stderr.startswith(f"{phrases}:3: switch.phone: input should be 'call'")


def test_add_keeps_the_evidence_and_fills_gaps_and_kpi_baselines_in_the_library(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite"
    sample = tmp_path / "dental.yaml"
    assert readiness("sample", "--profile", "us-dental", "-o", sample).returncode == 0
    assert readiness("--db", library, "import", sample).stdout.strip() == "1"
    case = TRUTH / "telegram-en"
    truth = yaml.safe_load((case / "expected.yaml").read_text(encoding="utf-8"))
    hours = ("--hours", "mon-fri 09:00-18:00")  # the figures were worked out with the default hours, not the clinic's
    done = readiness("--db", library, "transcripts", "add", case / "result.json", *truth["args"], *hours, "--id", "1")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[:2] == [
        "From 8 Telegram conversations, Oct 1\u2009–\u200931, 2026:",
        "  Slow first response (gap gap-1): measured 30 min",
    ]
    exported = tmp_path / "back.yaml"
    assert readiness("--db", library, "export", "1", "-o", exported).returncode == 0
    stored = yaml.safe_load(exported.read_text(encoding="utf-8"))
    (evidence,) = stored["transcripts"]
    expected = truth["expected"]
    assert evidence["customer_started"] == expected["customer_started"]
    assert evidence["first_response_median_minutes"] == expected["first_response_minutes"]["median"]
    assert evidence["redacted"] == expected["redacted"] and evidence["platforms"] == ["telegram"]
    gaps = {gap["type"]: gap for gap in stored["gaps"]}
    assert gaps["slow_first_response"]["measured_value"] == expected["first_response_minutes"]["median"]
    assert gaps["after_hours"]["measured_value"] == round(100 * expected["after_hours_share"], 1)
    assert gaps["slow_first_response"]["evidence"] == "from 8 Telegram conversations, Oct 1\u2009–\u200931, 2026"
    kpis = {kpi["kpi"]: kpi for kpi in stored["kpis"]}
    assert kpis["channel_switch_rate"]["baseline"] == round(100 * expected["channel_switch_share"], 1)
    text = exported.read_text(encoding="utf-8")
    for raw in truth["must_not_appear"]:
        assert raw not in text, f"{raw!r} reached the library"
