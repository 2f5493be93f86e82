"""The plan's calendar (ICS), written through ``write_plan`` as the command line writes it and read back with
``icalendar``: every milestone and, on request, every task on its day, with its owner and the place the printed
plan lists it; reminders on the open launch blockers and the launch; the reviews repeating until the
re-assessment; events that keep their UID and grow their SEQUENCE from one generation to the next; the words in
the plan's language."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from conftest import TODAY, mini_assessment
from icalendar import Calendar, Event, vRecur
from markupsafe import escape
from report_support import mini_catalogue, shipped_content

from readiness.core.assessment import ActionOverride, ActionStatus, Assessment, Refine
from readiness.core.catalog import Cadence
from readiness.core.i18n import _
from readiness.core.lang import LANGUAGES, Lang
from readiness.core.plan.model import Plan, Task, TaskKind
from readiness.core.samples import SAMPLE_PROFILES, load_sample
from readiness.report.calendar_entries import MILESTONE_MEANINGS
from readiness.report.fmt import Formatter
from readiness.report.html import render_plan_html
from readiness.report.outputs import PlanSettings, plan_in, write_plan
from readiness.report.paper import Paper
from readiness.report.recurrence import reviews_after
from readiness.report.safetext import printable
from readiness.report.theme import load_theme
from readiness.resources import questionnaires

SAMPLES = [(profile, lang) for profile in SAMPLE_PROFILES for lang in LANGUAGES]
LABELS = {
    Lang.EN: ("Owner: ", "In the plan: section "),
    Lang.ES: ("Responsable: ", "En el plan: sección "),
    Lang.PT_BR: ("Responsável: ", "No plano: seção "),
}
"""How each language starts the description's owner line and plan line."""
FREQUENCIES = {Cadence.DAILY: "DAILY", Cadence.WEEKLY: "WEEKLY", Cadence.MONTHLY: "MONTHLY"}
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
REVIEW_SERIES = ("transcript_reviews", "kpi_reviews")
DOMAIN = "@readiness.plan"


def sample_assessment(profile: str, lang: Lang) -> Assessment:
    return load_sample(profile, lang, shipped_content(), questionnaires())


def written_calendar(path: Path, assessment: Assessment, *, with_tasks: bool, lang: Lang | None = None) -> Calendar:
    write_plan(path, assessment, shipped_content(), PlanSettings(lang=lang, ics_tasks=with_tasks))
    return Calendar.from_ical(path.read_bytes())


def all_events(calendar: Calendar) -> list[Event]:
    events = calendar.walk("VEVENT")
    assert all(isinstance(event, Event) for event in events)
    return [event for event in events if isinstance(event, Event)]


def events_by_key(calendar: Calendar) -> dict[str, Event]:
    """Every event by the part of its UID that names it within the plan (the UID is ``<key>-<plan>@…``)."""
    events: dict[str, Event] = {}
    for event in all_events(calendar):
        uid = str(event["UID"])
        assert uid.endswith(DOMAIN), uid
        key = uid.removesuffix(DOMAIN).rsplit("-", 1)[0]
        assert key not in events, f"two events are {key}"
        events[key] = event
    return events


def rule_of(event: Event) -> vRecur:
    rule = event["RRULE"]
    assert isinstance(rule, vRecur)
    return rule


def sequence_of(event: Event) -> int:
    sequence = event["SEQUENCE"]
    assert isinstance(sequence, int)
    return sequence


def description_lines(event: Event) -> list[str]:
    return str(event["DESCRIPTION"]).split("\n")


def the_day(event: Event) -> dt.date:
    """The event's day, checked to be an all-day event of one day."""
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert type(start) is dt.date and type(end) is dt.date, "all-day events"
    assert end == start + dt.timedelta(days=1)
    return start


def plan_line(event: Event, lang: Lang) -> tuple[int, str, str | None]:
    """Where the description says the plan covers the event: (section number, its title, the heading in it)."""
    line = description_lines(event)[-1]
    prefix = LABELS[lang][1]
    assert line.startswith(prefix), line
    number, place = line.removeprefix(prefix).split(", ", 1)
    title, _, part = place.partition(" › ")
    return int(number), title, part or None


def printed_chapters(plan: Plan) -> dict[int, tuple[str, str]]:
    """The chapters the printed plan has: number -> (title, the chapter's HTML)."""
    html = render_plan_html(plan, load_theme(), Paper.A4).html
    headings = list(re.finditer(r'<span class="eyebrow">(\d+)</span><span class="title-text">(.*?)</span></h1>', html))
    ends = [h.start() for h in headings[1:]] + [len(html)]
    return {int(h[1]): (unescape(h[2]), html[h.end() : end]) for h, end in zip(headings, ends, strict=True)}


def under_heading(chapter: str, heading: str | None) -> str:
    """The HTML under one <h2> of a chapter, up to the next; the whole chapter without a heading."""
    if heading is None:
        return chapter
    marker = f"<h2>{escape(heading)}</h2>"
    assert marker in chapter, heading
    return chapter.split(marker, 1)[1].split("<h2>", 1)[0]


def owner_shown(task: Task) -> str:
    return task.owner or task.owner_role_label


def is_open(task: Task) -> bool:
    return task.status in (ActionStatus.TODO, ActionStatus.DOING)


# ------------------------------------------------------------------ what the calendar holds


@pytest.mark.parametrize("with_tasks", [False, True], ids=["milestones", "tasks"])
@pytest.mark.parametrize(("profile", "lang"), SAMPLES)
def test_every_milestone_and_asked_for_task_is_on_its_day_with_its_owner_and_place_in_the_plan(
    tmp_path: Path, profile: str, lang: Lang, with_tasks: bool
) -> None:
    assessment = sample_assessment(profile, lang)
    events = events_by_key(written_calendar(tmp_path / "plan.ics", assessment, with_tasks=with_tasks))
    plan = plan_in(assessment, shipped_content(), None)
    chapters = printed_chapters(plan)
    owner_label = LABELS[lang][0]
    organisation = plan.header.organisation

    for milestone in plan.milestones:
        event = events.pop(milestone.id)
        assert the_day(event) == milestone.date
        assert str(event["SUMMARY"]) == f"{milestone.title} — {organisation}"
        lines = description_lines(event)
        meaning = _(MILESTONE_MEANINGS[milestone.id], lang)
        assert lines[0] == meaning and (lang is Lang.EN or meaning != MILESTONE_MEANINGS[milestone.id])
        assert f"{owner_label}{plan.team.channel_owner} (" in lines[-2]
        number, title, part = plan_line(event, lang)
        assert chapters[number][0] == title
        under_heading(chapters[number][1], part)

    assert {key for key in events if key in REVIEW_SERIES} == set(REVIEW_SERIES), "both reviews repeat"
    for key in REVIEW_SERIES:
        event = events.pop(key)
        assert f"{owner_label}{plan.team.channel_owner} (" in description_lines(event)[-2]
        number, title, _part = plan_line(event, lang)
        assert chapters[number][0] == title

    if not with_tasks:
        assert events == {}, "nothing but the milestones and the reviews"
        return
    tasks = plan.all_tasks()
    assert len(tasks) > 50
    for task in tasks:
        event = events.pop(f"task.{task.id}")
        assert the_day(event) == task.due
        assert str(event["SUMMARY"]) == f"{task.title} — {organisation}"
        lines = description_lines(event)
        assert lines[-2].startswith(owner_label) and owner_shown(task) in lines[-2], lines[-2]
        number, title, part = plan_line(event, lang)
        assert chapters[number][0] == title, (task.id, title)
        assert str(escape(printable(task.title))) in under_heading(chapters[number][1], part), (task.id, part)
        assert event.get("STATUS") == ("CANCELLED" if task.status is ActionStatus.DROPPED else None)
    assert events == {}, "nothing else"


def test_a_dropped_task_is_cancelled_and_a_done_blocker_has_no_reminder(tmp_path: Path) -> None:
    overrides = (
        ActionOverride(action="act.train", status=ActionStatus.DROPPED),
        ActionOverride(action="blk.verify@wa", status=ActionStatus.DONE),
    )
    out = tmp_path / "plan.ics"
    write_plan(out, mini_assessment(overrides=overrides), mini_catalogue(), PlanSettings(ics_tasks=True))
    events = events_by_key(Calendar.from_ical(out.read_bytes()))
    assert events["task.act.train"]["STATUS"] == "CANCELLED"
    assert "STATUS" not in events["task.act.measure"]
    assert events["task.blk.verify@wa"].walk("VALARM") == []
    assert events["task.blk.us_only@wa"].walk("VALARM") != []


@pytest.mark.parametrize(("profile", "lang"), SAMPLES)
def test_reminders_come_before_the_open_launch_blockers_and_the_launch_only(
    tmp_path: Path, profile: str, lang: Lang
) -> None:
    assessment = sample_assessment(profile, lang)
    events = events_by_key(written_calendar(tmp_path / "plan.ics", assessment, with_tasks=True))
    plan = plan_in(assessment, shipped_content(), None)
    open_blockers = {f"task.{t.id}": t for t in plan.all_tasks() if t.kind is TaskKind.BLOCKER and is_open(t)}
    assert open_blockers
    reminded = {key: event.walk("VALARM") for key, event in events.items() if event.walk("VALARM")}
    assert set(reminded) == {"launch", *open_blockers}

    for key, (alarm,) in reminded.items():
        assert alarm["ACTION"] == "DISPLAY"
        assert str(alarm["DESCRIPTION"]) == str(events[key]["SUMMARY"])
        trigger = alarm.decoded("TRIGGER")
        assert trigger.seconds == 9 * 3600, "at nine in the morning"
        goes_off = the_day(events[key]) + dt.timedelta(days=trigger.days)
        task = open_blockers.get(key)
        if task is not None and task.start and task.lead_time_days and not task.late_start:
            assert goes_off == task.start, "on the last day to start it"
        else:
            assert goes_off == the_day(events[key]) - dt.timedelta(days=7), "a week ahead"


@pytest.mark.parametrize(("profile", "lang"), SAMPLES)
def test_the_reviews_repeat_at_their_cadence_until_the_reassessment(tmp_path: Path, profile: str, lang: Lang) -> None:
    assessment = sample_assessment(profile, lang)
    events = events_by_key(written_calendar(tmp_path / "plan.ics", assessment, with_tasks=False))
    plan = plan_in(assessment, shipped_content(), None)
    firsts = {m.id: m.date for m in plan.milestones}
    assert (firsts["first_review"], firsts["kpi_review"]) == (plan.refine.first_review, plan.refine.first_kpi_review)
    cadences = {
        "transcript_reviews": (assessment.refine.transcript_review, plan.refine.first_review),
        "kpi_reviews": (Cadence.MONTHLY, plan.refine.first_kpi_review),
    }
    for key, (cadence, first) in cadences.items():
        event = events[key]
        rule = rule_of(event)
        assert rule["UNTIL"] == [plan.refine.reassessment]
        assert rule["FREQ"] == [FREQUENCIES[cadence]]
        start = the_day(event)
        assert first < start <= plan.refine.reassessment
        if cadence is Cadence.WEEKLY:
            assert start == first + dt.timedelta(weeks=1)
            assert "BYDAY" not in rule
        else:
            nth = (first.day - 1) // 7 + 1
            assert rule["BYDAY"] == [f"{nth if nth < 5 else -1}{WEEKDAYS[first.weekday()]}"]
            assert start.weekday() == first.weekday()
            assert (start.year * 12 + start.month) - (first.year * 12 + first.month) == 1
        assert description_lines(event)[0] == _(
            "Cadence: {cadence}, until the re-assessment on {date}.",
            lang,
            cadence=_(cadence.value, lang),
            date=Formatter(lang).date(plan.refine.reassessment, "long"),
        )
    assert {c for c, _first in cadences.values()} >= {Cadence.MONTHLY}


def test_a_reassessment_keeps_its_review_series_though_its_first_reviews_are_behind_it(tmp_path: Path) -> None:
    from conftest import reassessment

    again = reassessment(sample_assessment("us-dental", Lang.EN), shipped_content())
    events = events_by_key(written_calendar(tmp_path / "plan.ics", again, with_tasks=False))
    plan = plan_in(again, shipped_content(), None)
    assert {"launch", "first_review", "kpi_review"}.isdisjoint(m.id for m in plan.milestones)
    assert {"transcript_reviews", "kpi_reviews"} <= set(events)
    assert rule_of(events["kpi_reviews"])["UNTIL"] == [plan.refine.reassessment]
    assert all(the_day(events[key]) >= again.created for key in ("transcript_reviews", "kpi_reviews"))


@pytest.mark.parametrize(
    ("country", "first", "cadence", "holidays"),
    [
        # Mexico's Constitution, Benito Juárez and Revolution days fall on Mondays in 2027
        ("MX", dt.date(2027, 1, 4), Cadence.WEEKLY, [dt.date(2027, 2, 1), dt.date(2027, 3, 15), dt.date(2027, 11, 15)]),
        ("US", dt.date(2027, 1, 18), Cadence.MONTHLY, [dt.date(2027, 2, 15)]),  # Washington's Birthday, 3rd Monday
        (None, dt.date(2027, 1, 4), Cadence.WEEKLY, []),
    ],
)
def test_a_review_that_would_fall_on_a_public_holiday_is_left_out(
    country: str | None, first: dt.date, cadence: Cadence, holidays: list[dt.date]
) -> None:
    series = reviews_after(first, cadence, dt.date(2027, 12, 31), country)
    assert series is not None and list(series.skipped) == holidays


@pytest.mark.parametrize("profile", SAMPLE_PROFILES)
def test_the_calendar_leaves_out_the_reviews_on_the_team_s_public_holidays(tmp_path: Path, profile: str) -> None:
    from readiness.core.plan.schedule import public_holidays

    assessment = sample_assessment(profile, Lang.EN)
    events = events_by_key(written_calendar(tmp_path / "plan.ics", assessment, with_tasks=False))
    country = assessment.profile.home_country
    excluded = [
        day.dt
        for key in ("transcript_reviews", "kpi_reviews")
        if key in events
        for days in _as_list(events[key].get("EXDATE"))
        for day in days.dts
    ]
    assert all(country and day in public_holidays(country, day.year) for day in excluded), excluded
    expected = {"mx-retail": {dt.date(2027, 3, 15)}, "jp-brand": {dt.date(2027, 3, 22), dt.date(2027, 5, 3)}}
    assert expected.get(profile, set()) <= set(excluded), excluded


def _as_list(value: Any) -> list[Any]:
    """An event's EXDATE: absent, one property, or several."""
    return [] if value is None else value if isinstance(value, list) else [value]


@pytest.mark.parametrize(
    ("cadence", "reassess_after_days", "rule"),
    [
        (Cadence.DAILY, 90, {"FREQ": ["DAILY"], "BYDAY": [["MO", "TU", "WE", "TH", "FR"]]}),
        (Cadence.WEEKLY, 90, {"FREQ": ["WEEKLY"]}),
        (Cadence.MONTHLY, 180, {"FREQ": ["MONTHLY"]}),
        (Cadence.QUARTERLY, 400, {"FREQ": ["MONTHLY"], "INTERVAL": [3]}),
        (Cadence.QUARTERLY, 120, None),
    ],
)
def test_every_cadence_repeats_the_transcript_review_as_its_rule_says(
    tmp_path: Path, cadence: Cadence, reassess_after_days: int, rule: dict[str, list[object]] | None
) -> None:
    """The mini assessment launches on Monday 11 January 2027; a quarterly review after a re-assessment in 120 days
    does not come round again."""
    refine = Refine(transcript_review=cadence, reassess_after_days=reassess_after_days)
    out = tmp_path / "plan.ics"
    write_plan(out, mini_assessment(refine=refine), mini_catalogue(), PlanSettings())
    events = events_by_key(Calendar.from_ical(out.read_bytes()))
    reassessment = dt.date(2027, 1, 11) + dt.timedelta(days=reassess_after_days)
    if rule is None:
        assert "transcript_reviews" not in events
        assert "first_review" in events
        return
    recurrence = rule_of(events["transcript_reviews"])
    expected = {key: value for key, value in rule.items() if key != "BYDAY"}
    assert {key: recurrence[key] for key in expected} == expected
    assert recurrence["UNTIL"] == [reassessment]
    if "BYDAY" in rule:
        assert [list(recurrence["BYDAY"])] == rule["BYDAY"]


@pytest.mark.parametrize(
    ("first", "cadence", "start", "byday"),
    [
        (dt.date(2027, 1, 18), Cadence.DAILY, dt.date(2027, 1, 19), ["MO", "TU", "WE", "TH", "FR"]),
        (dt.date(2027, 1, 22), Cadence.DAILY, dt.date(2027, 1, 25), ["MO", "TU", "WE", "TH", "FR"]),
        (dt.date(2027, 1, 18), Cadence.WEEKLY, dt.date(2027, 1, 25), None),
        (dt.date(2027, 1, 18), Cadence.MONTHLY, dt.date(2027, 2, 15), "3MO"),
        (dt.date(2027, 1, 29), Cadence.MONTHLY, dt.date(2027, 2, 26), "-1FR"),
        (dt.date(2027, 11, 30), Cadence.MONTHLY, dt.date(2027, 12, 28), "-1TU"),
        (dt.date(2027, 1, 18), Cadence.QUARTERLY, dt.date(2027, 4, 19), "3MO"),
        (dt.date(2027, 12, 1), Cadence.QUARTERLY, dt.date(2028, 3, 1), "1WE"),
    ],
)
def test_a_review_comes_round_on_the_same_kind_of_day(
    first: dt.date, cadence: Cadence, start: dt.date, byday: list[str] | str | None
) -> None:
    """A Friday's daily review comes back on Monday; the third Monday stays the third, the last Friday the last."""
    series = reviews_after(first, cadence, dt.date(2030, 1, 1))
    assert series is not None
    assert series.start == start
    assert series.rule.get("byday") == byday
    assert reviews_after(first, cadence, start - dt.timedelta(days=1)) is None, "none before the re-assessment"


@pytest.mark.parametrize(
    ("first", "cadence", "not_before", "start"),
    [
        (dt.date(2027, 2, 23), Cadence.WEEKLY, dt.date(2027, 6, 6), dt.date(2027, 6, 8)),  # Tuesdays still
        (dt.date(2027, 3, 29), Cadence.MONTHLY, dt.date(2027, 5, 1), dt.date(2027, 5, 31)),  # the last Monday
        (dt.date(2027, 3, 29), Cadence.MONTHLY, dt.date(2027, 3, 1), dt.date(2027, 4, 26)),  # nothing to skip
    ],
)
def test_a_series_seen_from_a_later_day_starts_there_on_its_own_kind_of_day(
    first: dt.date, cadence: Cadence, not_before: dt.date, start: dt.date
) -> None:
    """A re-assessment's reviews start on or after its own day, and keep their rule: March 29, 2027 is the fifth,
    so the last, Monday, and so is May 31, though April's last Monday, the 26th, is its fourth."""
    series = reviews_after(first, cadence, dt.date(2030, 1, 1), not_before=not_before)
    assert series is not None and series.start == start
    assert series.rule == reviews_after(first, cadence, dt.date(2030, 1, 1)).rule  # type: ignore[union-attr]


# ------------------------------------------------------------------ updates in calendar apps


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("profile", SAMPLE_PROFILES)
def test_uids_stay_and_the_sequence_grows_from_one_generation_to_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, profile: str, lang: Lang
) -> None:
    assessment = sample_assessment(profile, lang)
    first, again = tmp_path / "first.ics", tmp_path / "again.ics"
    written = written_calendar(first, assessment, with_tasks=True)
    written_calendar(again, assessment, with_tasks=True)
    assert first.read_bytes() == again.read_bytes(), "the same plan at the same time: the same file"

    later = dt.datetime.combine(TODAY, dt.time(15, 42), dt.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(later.timestamp())))
    regenerated = written_calendar(tmp_path / "later.ics", assessment, with_tasks=True)
    english = written_calendar(tmp_path / "en.ics", assessment, with_tasks=True, lang=Lang.EN)

    uids = [str(e["UID"]) for e in all_events(written)]
    assert len(set(uids)) == len(uids) > 60
    assert [str(e["UID"]) for e in all_events(regenerated)] == uids
    assert [str(e["UID"]) for e in all_events(english)] == uids, "the same events, whatever the language"
    before = {sequence_of(e) for e in all_events(written)}
    after = {sequence_of(e) for e in all_events(regenerated)}
    assert len(before) == len(after) == 1
    assert after.pop() - before.pop() == 15 * 60 + 42, "one a minute"
    assert {e.decoded("DTSTAMP") for e in all_events(regenerated)} == {later}


def test_another_assessment_gets_other_uids(tmp_path: Path) -> None:
    mexican = sample_assessment("mx-retail", Lang.EN)
    renamed = mexican.model_copy(update={"profile": mexican.profile.model_copy(update={"organisation": "Otra"})})
    redone = mexican.model_copy(update={"created": mexican.created + dt.timedelta(days=1)})
    uids = [
        {str(e["UID"]) for e in all_events(written_calendar(tmp_path / f"{n}.ics", a, with_tasks=True))}
        for n, a in enumerate((mexican, renamed, redone))
    ]
    assert not uids[0] & uids[1] and not uids[0] & uids[2]


# ------------------------------------------------------------------ the file itself


ORGANISATION = "Sol, Luna; Mar\\Tierra\nNorte " + "Ñandú 日本語 " * 8
"""Every character iCalendar escapes, a line break, and enough multi-byte text to need folding."""


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_the_file_follows_rfc_5545_and_its_text_survives(tmp_path: Path) -> None:
    assessment = mini_assessment()
    assessment = assessment.model_copy(
        update={"profile": assessment.profile.model_copy(update={"organisation": ORGANISATION})}
    )
    out = tmp_path / "plan.ics"
    write_plan(out, assessment, mini_catalogue(), PlanSettings(ics_tasks=True))
    raw = out.read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    physical = raw.split(b"\r\n")[:-1]
    assert all(b"\r" not in line and b"\n" not in line for line in physical)
    assert all(len(line) <= 75 for line in physical)
    assert sum(line.startswith(b" ") for line in physical) > 20, "long lines are folded"
    for line in physical:
        line.decode("utf-8")  # folding never splits a character
    text = raw.decode("utf-8")
    assert "Sol\\, Luna\\; Mar\\\\Tierra Norte" in text.replace("\r\n ", "")

    calendar = Calendar.from_ical(raw)
    assert str(calendar["X-WR-CALNAME"]) == one_line(f"{ORGANISATION}: messaging rollout")
    plan = plan_in(assessment, mini_catalogue(), None)
    events = events_by_key(calendar)
    launch = next(m for m in plan.milestones if m.id == "launch")
    assert str(events["launch"]["SUMMARY"]) == one_line(f"{launch.title} — {ORGANISATION}")
    measure = next(t for t in plan.all_tasks() if t.detail)
    assert description_lines(events[f"task.{measure.id}"])[0] == measure.detail
    assert calendar.decoded("REFRESH-INTERVAL") == dt.timedelta(days=1)
