"""Shared fixtures: a small content folder and an assessment that exercises every plan section."""

from __future__ import annotations

import atexit
import datetime as dt
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fontenv import bundled_font, write_config

from readiness.core import clock
from readiness.core.assessment import (
    ActionOverride,
    ActionStatus,
    Answer,
    Assessment,
    ChannelChoice,
    ChannelUse,
    Gap,
    KpiTarget,
    Profile,
    PromotionChoice,
    Team,
    TeamRole,
    Touchpoint,
    TranscriptEvidence,
)
from readiness.core.content import Content, load_content
from readiness.core.lang import Lang
from readiness.core.text import Role
from readiness.core.transcripts.model import Platform

# The tests own their environment, whatever the machine: no display but a laptop-sized screen of their own (before
# any QApplication exists), a time zone and a locale of their own, and fonts from a fontconfig configuration written
# here (inherited by the render child), so that no result depends on the machine they run on.
_SCREEN_FOLDER = Path(tempfile.mkdtemp(prefix="readiness-test-screen-"))
atexit.register(shutil.rmtree, _SCREEN_FOLDER, ignore_errors=True)
LAPTOP_SCREEN = (1280, 720)
"""The screen every GUI test runs on: the small laptop the app must fit, at 96 dpi."""
(_SCREEN_FOLDER / "screen.json").write_text(
    json.dumps(
        {
            "screens": [
                {
                    "name": "laptop",
                    "x": 0,
                    "y": 0,
                    "width": LAPTOP_SCREEN[0],
                    "height": LAPTOP_SCREEN[1],
                    "logicalDpi": 96,
                    "logicalBaseDpi": 96,
                    "dpr": 1,
                }
            ]
        }
    ),
    encoding="utf-8",
)
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN_FOLDER / 'screen.json'}"
os.environ["TZ"] = "UTC"
time.tzset()
os.environ["LC_ALL"] = "C.UTF-8"
_FONT_FOLDER = Path(tempfile.mkdtemp(prefix="readiness-test-fonts-"))
atexit.register(shutil.rmtree, _FONT_FOLDER, ignore_errors=True)
os.environ["FONTCONFIG_FILE"] = str(write_config(_FONT_FOLDER, (bundled_font(),)))

FIXTURES = Path(__file__).parent / "fixtures"
MINI_CONTENT = FIXTURES / "content"


@pytest.fixture(scope="session")
def mini_content() -> Content:
    return load_content(MINI_CONTENT)


def mini_assessment(lang: Lang = Lang.EN, **changes: object) -> Assessment:
    assessment = Assessment(
        questionnaire_id="mini",
        questionnaire_version="1.0",
        language=lang,
        created=dt.date(2026, 11, 2),
        profile=Profile(
            organisation="Tienda Sol",
            countries=("MX", "US"),
            current_channels=(ChannelUse(channel="gbm", monthly_volume=40), ChannelUse(channel="sms")),
            launch_date=dt.date(2027, 1, 11),
        ),
        answers={
            "q.frt": Answer(value=300.0, note="Measured from the inbox"),
            "q.sponsor": Answer(value="no"),
            "q.bot": Answer(value="bot"),
            "q.bot_disclosed": Answer(value="no", flagged=True),
            "q.surfaces": Answer(value=("web", "mail")),
            "q.resolved": Answer(na=True, na_reason="No transcripts yet"),
        },
        gaps=(
            Gap(id="g1", type="slow", touchpoint="support", frequency="daily", severity="high", measured_value=90),
            Gap(id="g2", type="switch", touchpoint="sales", frequency="weekly", severity="medium"),
        ),
        channels=(ChannelChoice(channel="wa", role="primary"), ChannelChoice(channel="sms", role="secondary")),
        team=Team(executive_sponsor="Ana", roles=(TeamRole(role=Role.SUPPORT, name="Luis"),)),
        promotion=(PromotionChoice(surface="website", owner="Marta"), PromotionChoice(surface="store")),
        kpis=(KpiTarget(kpi="frt", baseline=300, target=15, deadline_days=60, owner="Luis"),),
        overrides=(ActionOverride(action="act.train", owner="Pia", status=ActionStatus.DOING),),
    )
    return assessment.model_copy(update=changes)


def write_edited(path: Path, text: str, old: str, new: str) -> Path:
    """Write ``text`` with its first ``old`` replaced by ``new``: a file broken in one known place."""
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_containing(path: Path, needle: str) -> int:
    """The last line of a file that contains ``needle`` (1-based)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return max(i for i, line in enumerate(lines, start=1) if needle in line)


TODAY = dt.date(2026, 11, 2)
"""The day every test runs on: no later than any assessment the tests build (the mini assessment is of this day,
the shipped samples of 24 November), so a plan is issued as of its assessment day unless a test says otherwise."""


@pytest.fixture(autouse=True)
def _the_clock_reads_a_day_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """Through SOURCE_DATE_EPOCH, which the commands a test starts inherit too."""
    midnight = dt.datetime.combine(TODAY, dt.time(), dt.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(midnight.timestamp())))
    assert clock.today() == TODAY


@pytest.fixture(autouse=True)
def _garbage_collected_on_the_gui_thread(request: pytest.FixtureRequest) -> None:
    """GUI tests collect garbage as the app does, only on the GUI thread (see readiness.ui.app)."""
    if "ui" in request.path.relative_to(Path(__file__).parent).parts:
        from readiness.ui.app import collect_garbage_on_the_gui_thread

        collect_garbage_on_the_gui_thread(request.getfixturevalue("qapp"))


@pytest.fixture(autouse=True)
def _lanes_run_at_once(request: pytest.FixtureRequest) -> Iterator[None]:
    """In GUI tests, library, file and content jobs run on the calling thread and answer before ``run`` returns
    (readiness.ui.jobs), so tests check results instead of waiting. The real threads are exercised in their own
    processes: the kill test and the UI benchmark."""
    if "ui" not in request.path.relative_to(Path(__file__).parent).parts:
        yield
        return
    from readiness.ui.jobs import synchronous_lanes

    with synchronous_lanes():
        yield


# --- the shipped content and samples --------------------------------------------------------------------------------

SAMPLE_FILES = sorted((Path(__file__).resolve().parents[1] / "questionnaires" / "samples").glob("*.yaml"))


@pytest.fixture(scope="session")
def shipped() -> Content:
    """The content that ships with Readiness, loaded once."""
    from readiness.resources import questionnaires

    return load_content(questionnaires())


@pytest.fixture(scope="session")
def samples(shipped: Content) -> dict[str, Assessment]:
    """Every shipped sample assessment, by file stem (``us-dental.en``)."""
    from readiness.core.exchange import read_exchange_file

    return {path.stem: read_exchange_file(path, shipped) for path in SAMPLE_FILES}


# --- libraries on both engines -------------------------------------------------------------------------------------


def postgres_url() -> str:
    """The test server's URL; CI sets READINESS_REQUIRE_POSTGRES so that a missing server fails, never skips."""
    url = os.environ.get("READINESS_TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("READINESS_REQUIRE_POSTGRES"):
            pytest.fail("READINESS_REQUIRE_POSTGRES is set but READINESS_TEST_POSTGRES_URL is not")
        pytest.skip("no PostgreSQL server: set READINESS_TEST_POSTGRES_URL to run")
    return url


def emptied_postgres() -> str:
    """The test database with nothing in it, as a new team library starts."""
    from sqlalchemy import create_engine

    url = postgres_url()
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP SCHEMA public CASCADE")
        connection.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def library_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a new, empty library lives: a SQLite file, or the test PostgreSQL database emptied."""
    return str(tmp_path / "library.sqlite") if request.param == "sqlite" else emptied_postgres()


# --- transcript evidence -------------------------------------------------------------------------------------------


def transcript_evidence(
    first: dt.date, last: dt.date, median: float, within: float, **more: object
) -> TranscriptEvidence:
    """What an import of 1,240 WhatsApp conversations measured, with these figures (and any others given)."""
    return TranscriptEvidence.model_validate(
        {
            "measured_on": last + dt.timedelta(days=1),
            "platforms": [Platform.WHATSAPP],
            "first": first,
            "last": last,
            "messages": 5210,
            "conversations": 1300,
            "customer_started": 1240,
            "answered": 1100,
            "first_response_median_minutes": median,
            "first_response_p90_minutes": median * 6,
            "promise_minutes": 60,
            "answered_within_promise_share": within,
            "after_hours_share": 0.31,
            "channel_switch_share": 0.18,
            "resolved_in_channel_share": 0.64,
            "switch_reasons": {"call": 120, "email": 40},
            "redacted": {"phone": 212, "email": 31, "card": 2, "name": 95},
            **more,
        }
    )


def reassessment(baseline: Assessment, content: Content) -> Assessment:
    """``baseline`` assessed again 120 days after its launch, as a consultant would find it: the first three Identify
    questions answered with their best choice, the top gap gone and the same kind of gap found at billing, and the
    transcripts of the months since the launch imported (median reply 12.5 min, 88% within the promise)."""
    from readiness.core.plan.launch import launch_date
    from readiness.core.text import Step

    launch, _ = launch_date(baseline)
    questionnaire = content.assessment_questionnaire(baseline)
    answers = dict(baseline.answers)
    improvable = [
        q
        for q in questionnaire.questions
        if q.step is Step.IDENTIFY and q.choices and q.id in answers and isinstance(answers[q.id].value, str)
    ]
    for question in improvable[:3]:
        best = max(question.choices, key=lambda choice: choice.score or 0)
        answers[question.id] = answers[question.id].model_copy(update={"value": best.id})
    first = baseline.gaps[0]
    elsewhere = first.model_copy(update={"id": "found-again", "touchpoint": Touchpoint.BILLING})
    measured = transcript_evidence(launch + dt.timedelta(days=30), launch + dt.timedelta(days=110), 12.5, 0.88)
    return baseline.model_copy(
        update={
            "created": launch + dt.timedelta(days=120),
            "answers": answers,
            "gaps": (*baseline.gaps[1:], elsewhere),
            "transcripts": (*baseline.transcripts, measured),
        }
    )
