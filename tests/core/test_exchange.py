"""The exchange file: writing then reading gives the same assessment; bad files give one clear line each."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import line_containing, mini_assessment, write_edited
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readiness.core.assessment import (
    ActionOverride,
    ActionStatus,
    Answer,
    Assessment,
    BusinessHours,
    Gap,
    Participant,
    Profile,
)
from readiness.core.content import Content
from readiness.core.exchange import FORMAT_VERSION, exchange_text, read_exchange_bytes, read_exchange_file
from readiness.core.lang import Lang
from readiness.core.problems import ReadinessError

# Any text a library can store: no surrogates, no control characters but tab and line breaks, no non-characters.
storable = st.characters(exclude_categories=["Cs", "Cc", "Cn"], include_characters="\t\n\r")
free_text = st.text(storable, max_size=60)
names = st.text(storable, min_size=1, max_size=30).filter(lambda s: s.strip())
dates = st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31))


@st.composite
def assessments(draw: st.DrawFn) -> Assessment:
    base = mini_assessment(draw(st.sampled_from(list(Lang))))
    answers = {
        "q.frt": Answer(value=draw(st.floats(0, 10_000, allow_nan=False)), note=draw(free_text)),
        "q.sponsor": Answer(value=draw(st.sampled_from(["yes", "no"])), answered_by=draw(free_text)),
        "q.surfaces": Answer(value=tuple(draw(st.lists(st.sampled_from(["web", "mail", "store"]), unique=True)))),
        "q.resolved": Answer(na=True, na_reason=draw(free_text), flagged=draw(st.booleans())),
        "q.notes": Answer(value=draw(free_text)),
        "q.review_date": Answer(value=draw(dates)),
    }
    profile = Profile(
        organisation=draw(names),
        industry=draw(free_text),
        countries=tuple(draw(st.lists(st.sampled_from(["MX", "US", "NO", "ES", "JP"]), unique=True))),
        business_hours=BusinessHours(opens=dt.time(draw(st.integers(0, 11)), draw(st.integers(0, 59)))),
        participants=tuple(Participant(name=n, role=draw(free_text)) for n in draw(st.lists(names, max_size=3))),
        launch_date=draw(st.none() | dates),
    )
    gaps = tuple(
        Gap(
            id=f"g{i}",
            type=draw(st.sampled_from(["slow", "switch", "hours"])),
            touchpoint=draw(st.sampled_from(["sales", "support", "billing"])),
            frequency=draw(st.sampled_from(["rare", "daily"])),
            severity=draw(st.sampled_from(["low", "critical"])),
            measured_value=draw(st.none() | st.floats(-1e6, 1e6, allow_nan=False)),
            notes=draw(free_text),
        )
        for i in range(draw(st.integers(0, 3)))
    )
    overrides = (
        ActionOverride(
            action="act.train", owner=draw(free_text), due=draw(st.none() | dates), status=ActionStatus.DONE
        ),
    )
    return base.model_copy(
        update={"answers": answers, "profile": profile, "gaps": gaps, "overrides": overrides, "created": draw(dates)}
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(assessments())
def test_write_then_read_gives_an_equal_assessment(mini_content: Content, assessment: Assessment) -> None:
    text = exchange_text(assessment)
    assert read_exchange_bytes(text.encode(), "a.yaml", mini_content) == assessment


def test_file_starts_with_format_and_version() -> None:
    assert exchange_text(mini_assessment()).startswith(
        f"format: readiness-assessment\nformat_version: {FORMAT_VERSION}\n"
    )


def problem(mini_content: Content, tmp_path: Path, old: str, new: str) -> tuple[Path, list[str]]:
    path = write_edited(tmp_path / "client.yaml", exchange_text(mini_assessment()), old, new)
    with pytest.raises(ReadinessError) as caught:
        read_exchange_file(path, mini_content)
    return path, [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("old", "new", "needle", "expected"),
    [
        (
            "format_version: 1",
            "format_version: 7",
            "format_version",
            "format_version: written by a newer Readiness (format 7)",
        ),
        ("format_version: 1", "format_version: one", "format_version", "format_version: must be a whole number"),
        (
            "format: readiness-assessment",
            "format: something-else",
            "format:",
            "format: not a Readiness assessment file",
        ),
        ("  q.sponsor:\n", "  q.unknown:\n", "q.unknown", "answers.q.unknown: unknown question id 'q.unknown'"),
        ("    value: 300.0\n", "    value: [a, b]\n", "value: [a, b]", "answers.q.frt.value: expected a number"),
        ("    value: 300.0\n", "    value: {a: 1}\n", "value: {a: 1}", "answers.q.frt.value: expected text, a list"),
        ("    value: bot\n", "    value: robot\n", "value: robot", "answers.q.bot.value: expected one of none, bot"),
        ("  organisation: Tienda Sol\n", "", "profile:", "profile.organisation: required field is missing"),
        ("  severity: high\n", "  severity: dire\n", "severity: dire", "gaps[0].severity: input should be"),
        ("  type: slow\n", "  type: slowness\n", "type: slowness", "gaps[0].type: unknown gap type 'slowness'"),
        (
            "- channel: sms\n  role: secondary",
            "- channel: gbm\n  role: secondary",
            "channel: gbm",
            "channels[1].channel: 'gbm' was discontinued on 2024-07-31",
        ),
        ("created: 2026-11-02", "created: last week", "created:", "created: input should be a valid date"),
        (
            "questionnaire_version: '1.0'",
            "questionnaire_version: '9.9'",
            "questionnaire_version",
            "questionnaire_version: questionnaire mini 9.9 is not installed",
        ),
        ("    na: true\n", "    na: true\n    surprise: 1\n", "surprise", "answers.q.resolved.surprise: unknown field"),
    ],
)
def test_bad_exchange_file_names_file_line_and_field(
    mini_content: Content, tmp_path: Path, old: str, new: str, needle: str, expected: str
) -> None:
    path, problems = problem(mini_content, tmp_path, old, new)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{path}:{line_containing(path, needle)}: {expected}"), problems[0]


def test_na_on_a_question_that_does_not_allow_it(mini_content: Content) -> None:
    assessment = mini_assessment(answers={"q.sponsor": Answer(na=True)})
    with pytest.raises(ReadinessError, match=r"answers\.q\.sponsor\.na: this question cannot be answered N/A"):
        read_exchange_bytes(exchange_text(assessment).encode(), "a.yaml", mini_content)
