"""Content files: every error names file, line and field; cross-references are checked."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import MINI_CONTENT, line_containing, write_edited

from readiness.core.content import load_content
from readiness.core.problems import ReadinessError


def broken_copy(tmp_path: Path, name: str, old: str, new: str) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(MINI_CONTENT, folder)
    write_edited(folder / name, (folder / name).read_text(encoding="utf-8"), old, new)
    return folder


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(ReadinessError) as caught:
        load_content(folder)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("old", "new", "needle", "expected"),
    [
        (
            "title: {en: Mini questionnaire, es: Cuestionario mínimo}",
            "title: {es: Cuestionario mínimo}",
            "title: {es: Cuestionario",
            "title.en: required field is missing",
        ),
        (
            "title: {en: Mini questionnaire, es: Cuestionario mínimo}",
            "title: {en: Mini questionnaire, es: '  '}",
            "title: {en: Mini",
            "title: empty es translation",
        ),
        (
            "    weight: 2\n",
            "    weight: heavy\n",
            "weight: heavy",
            "questions[0].weight: input should be a valid number",
        ),
        ("    type: duration\n", "    type: slider\n", "type: slider", "questions[0].type: input should be"),
        ("    effort: m\n", "    effort: m\n    colour: red\n", "colour: red", "actions[1].colour: unknown field"),
    ],
)
def test_questionnaire_errors_name_file_line_and_field(
    tmp_path: Path, old: str, new: str, needle: str, expected: str
) -> None:
    folder = broken_copy(tmp_path, "questionnaire.yaml", old, new)
    [problem] = problems_of(folder)
    line = line_containing(folder / "questionnaire.yaml", needle)
    assert problem.startswith(f"{folder / 'questionnaire.yaml'}:{line}: {expected}")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("question: q.bot, answer_in: [bot]", "question: q.later, answer_in: [bot]", "not an earlier question"),
        ("question: q.bot, answer_in: [bot]", "question: q.bot, answer_in: [robot]", "unknown choices ['robot']"),
        ("    depends_on: [act.sponsor]\n", "    depends_on: [act.bot_disclosure]\n", "dependency cycle"),
        ("actions: [act.measure]", "actions: [act.nothing]", "adds unknown actions ['act.nothing']"),
        ("      - {id: slow, upto: 240,", "      - {id: slow, upto: 10,", "must rise strictly"),
        (
            '{id: "yes", score: 100}\n      - {id: "no", score: 0, actions: [act.sponsor',
            '{id: "si", score: 100}\n      - {id: "no", score: 0, actions: [act.sponsor',
            "exactly the choices 'yes' and 'no'",
        ),
        ("{id: mid, min: 50,", "{id: mid, min: 90,", "'min' values must rise strictly"),
    ],
)
def test_questionnaire_rules(tmp_path: Path, old: str, new: str, expected: str) -> None:
    folder = broken_copy(tmp_path, "questionnaire.yaml", old, new)
    [problem] = problems_of(folder)
    assert expected in problem
    assert problem.startswith(f"{folder / 'questionnaire.yaml'}:")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "closes_gaps: [slow, switch]\n    blockers",
            "closes_gaps: [slow, nowhere]\n    blockers",
            "unknown id 'nowhere'",
        ),
        ("surface: website, channels: [wa]", "surface: website, channels: [fax]", "unknown id 'fax'"),
        ("surface: store, channels: [wa, apple]", "surface: shelf, channels: [wa, apple]", "unknown id 'shelf'"),
        ("    strong_in: [US, CA]\n", "    strong_in: [usa]\n", "'usa' is neither a country code nor a region group"),
        ("    discontinued_on: 2024-07-31\n", "", "discontinued_on is required"),
        ('url: "https://example.org/sms"', 'url: "file:///etc/passwd"', "sources[0].url: string should match"),
        ("    lead_time_days: 21\n", "    lead_time_days: 7\n", "lead_time_days 7 is shorter than blocker blk.verify"),
    ],
)
def test_catalog_rules(tmp_path: Path, old: str, new: str, expected: str) -> None:
    folder = broken_copy(tmp_path, "catalog.yaml", old, new)
    [problem] = problems_of(folder)
    assert expected in problem


@pytest.mark.parametrize(
    ("answered", "expected"),
    [
        ("{question: q.nowhere, choices: [bot]}", "done_if_answered: unknown question 'q.nowhere'"),
        ("{question: q.bot, choices: [robot]}", "done_if_answered: q.bot: unknown id 'robot'"),
    ],
)
def test_a_task_done_by_an_answer_names_a_real_question_and_choice(
    tmp_path: Path, answered: str, expected: str
) -> None:
    old = "owner_role: marketing, offset_days: -2, title: {en: Add a wa.me link"
    new = f"owner_role: marketing, offset_days: -2, done_if_answered: [{answered}], title: {{en: Add a wa.me link"
    [problem] = problems_of(broken_copy(tmp_path, "catalog.yaml", old, new))
    assert problem.endswith(f"promotion action web.wa_link: {expected}")


def test_a_sector_law_names_the_question_that_decides_it(tmp_path: Path) -> None:
    old = "    only_with_bot: true\n"
    new = '    only_with_bot: true\n    applies_if: [{question: q.nowhere, choices: ["yes"]}]\n'
    [problem] = problems_of(broken_copy(tmp_path, "catalog.yaml", old, new))
    assert problem.endswith("regulation bot_notice: applies_if: unknown question 'q.nowhere'")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "offset_days: -2, title: {en: Add a wa.me link",
            "offset_days: -2, skip_if_planned: [web.wa_link], title: {en: Add a wa.me link",
            "promotion action web.wa_link: skip_if_planned: web.wa_link skips for it in turn",
        ),
        (
            "offset_days: -2, title: {en: Add a wa.me link",
            "offset_days: -2, skip_if_planned: [blk.nowhere], title: {en: Add a wa.me link",
            "promotion action web.wa_link: skip_if_planned: unknown id 'blk.nowhere'",
        ),
        (
            "owner_role: bot_owner, lead_time_days: 3}",
            "owner_role: bot_owner, lead_time_days: 3, done_if_in_use: true}",
            "done_if_in_use is for a channel's own set-up steps, not a law's: reg.bot_notice",
        ),
    ],
)
def test_same_work_and_work_in_place_name_what_they_can(tmp_path: Path, old: str, new: str, expected: str) -> None:
    """A promotion item may step aside for another item, never for one that steps aside for it; only a channel's
    own set-up steps can be in place because the channel is in use."""
    [problem] = problems_of(broken_copy(tmp_path, "catalog.yaml", old, new))
    assert expected in problem


def test_a_blocker_waits_only_for_blockers_of_its_channel_and_never_for_itself(tmp_path: Path) -> None:
    text = (MINI_CONTENT / "catalog.yaml").read_text(encoding="utf-8")
    first, second = re.findall(r"- \{?id: (blk\.[a-z0-9_.]+)", text)[:2]
    looped = broken_copy(tmp_path / "loop", "catalog.yaml", f"id: {first},", f"id: {first}, after: [{first}],")
    assert any("waits for itself" in p for p in problems_of(looped))
    unknown = broken_copy(
        tmp_path / "unknown", "catalog.yaml", f"id: {second},", f"id: {second}, after: [blk.nowhere],"
    )
    assert any("after: unknown id 'blk.nowhere'" in p for p in problems_of(unknown))


def test_every_problem_of_every_file_is_reported_together(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "catalog.yaml", "cadence: weekly", "cadence: hourly")
    text = (folder / "questionnaire.yaml").read_text(encoding="utf-8")
    (folder / "questionnaire.yaml").write_text(text.replace("effort: s\n", "effort: xl\n", 1), encoding="utf-8")
    problems = problems_of(folder)
    assert len(problems) == 2
    assert {Path(p.split(":")[0]).name for p in problems} == {"catalog.yaml", "questionnaire.yaml"}


def test_unknown_kind_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    shutil.copytree(MINI_CONTENT, folder)
    (folder / "stray.yaml").write_text("kind: recipe\nid: x\n", encoding="utf-8")
    [problem] = problems_of(folder)
    assert (
        problem == f"{folder / 'stray.yaml'}:1: kind: expected kind 'questionnaire', 'catalog' or 'transcript-phrases'"
    )
