"""The brief edition: at most six pages for every sample profile, language and paper, with what a sponsor reads
in five minutes on its first page."""

from __future__ import annotations

from pathlib import Path

import pdfua
import pytest
from report_support import normalise, pdf_reader, pdf_text, shared_worker, shipped_content

from readiness.core.i18n import _
from readiness.core.lang import LANGUAGES, Lang
from readiness.core.plan.brief import NEXT_ACTIONS, brief_of
from readiness.core.plan.figures import money_text
from readiness.core.samples import SAMPLE_PROFILES, load_sample
from readiness.report.edition import Edition
from readiness.report.html import render_plan_html
from readiness.report.outputs import pdf_job, plan_in
from readiness.report.paper import Paper
from readiness.report.theme import load_theme
from readiness.resources import questionnaires

MAX_PAGES = 6


def brief_pdf(profile: str, lang: Lang, paper: Paper) -> tuple[bytes, int]:
    assessment = load_sample(profile, lang, shipped_content(), questionnaires())
    plan = plan_in(assessment, shipped_content(), None)
    page = render_plan_html(plan, load_theme(), paper, edition=Edition.BRIEF)
    result = shared_worker().render(pdf_job(assessment, plan, page))
    return result.pdf, result.pages


@pytest.mark.parametrize("paper", list(Paper), ids=lambda p: p.value)
@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.value)
@pytest.mark.parametrize("profile", SAMPLE_PROFILES)
def test_the_brief_fits_in_six_pages_with_the_dashboard_on_the_first(profile: str, lang: Lang, paper: Paper) -> None:
    pdf, pages = brief_pdf(profile, lang, paper)
    assert pages <= MAX_PAGES
    reader = pdf_reader(pdf)
    starts = [reader.get_destination_page_number(item) for item in reader.outline if not isinstance(item, list)]
    assert starts[:2] == [0, 1], "the dashboard is one page, the schedule the next"


@pytest.mark.parametrize(
    ("profile", "lang"), [("mx-retail", Lang.ES), ("us-dental", Lang.EN), ("br-services", Lang.PT_BR)]
)
def test_the_first_page_says_what_to_decide_what_blocks_and_what_comes_next(
    profile: str, lang: Lang, tmp_path: Path
) -> None:
    pdf, _pages = brief_pdf(profile, lang, Paper.A4)
    assessment = load_sample(profile, lang, shipped_content(), questionnaires())
    plan = plan_in(assessment, shipped_content(), None)
    brief = brief_of(plan)
    first = normalise(pdf_text_of_page(pdf, 0))
    headings = ("Decisions for the sponsor", "Chosen channels and why", "Blocking the launch", "Next five actions")
    for heading in headings:
        assert normalise(_(heading, lang)) in first, heading
    for decision in brief.decisions:
        assert normalise(decision.text)[:40] in first, decision.text
    for task in brief.next_actions:
        assert normalise(task.title)[:30] in first, task.title
    for blocker in plan.open_launch_blockers[:3]:
        assert normalise(blocker.title)[:30] in first, blocker.title
    for total in plan.running_cost.totals:  # a range may wrap after its dash in the narrow figure box
        assert money_text(total.low, total.high, total.currency, lang).replace("\u00a0", "") in first.replace(" ", "")
    path = tmp_path / "brief.pdf"
    path.write_bytes(pdf)
    assert pdfua.validate(str(path)).findings == ()
    outline = [item.title for item in pdf_reader(pdf).outline if not isinstance(item, list)]
    assert outline == [
        f"{n} {_(title, lang)}"
        for n, title in enumerate(
            (
                "Dashboard",
                "Schedule",
                "Launch blockers and compliance",
                "Promotion",
                "KPI targets and reviews",
                "Monthly running cost",
            ),
            1,
        )
    ]


def pdf_text_of_page(pdf: bytes, index: int) -> str:
    reader = pdf_reader(pdf)
    return str(reader.pages[index].extract_text())


def test_the_next_actions_are_the_open_work_to_start_first() -> None:
    assessment = load_sample("cn-exporter", Lang.EN, shipped_content(), questionnaires())
    plan = plan_in(assessment, shipped_content(), None)
    actions = brief_of(plan).next_actions
    assert len(actions) == NEXT_ACTIONS
    assert all(t.status in ("todo", "doing") for t in actions)
    keys = [(not t.late_start, t.start or t.due) for t in actions]
    assert keys == sorted(keys)
    later = [t for t in plan.all_tasks() if t.status in ("todo", "doing") and t not in actions]
    assert all((not t.late_start, t.start or t.due) >= keys[-1] for t in later)


def test_the_decisions_are_this_business_s_own() -> None:
    assessment = load_sample("de-b2b-software", Lang.EN, shipped_content(), questionnaires())
    plan = plan_in(assessment, shipped_content(), None)
    texts = [d.text for d in brief_of(plan).decisions]
    primary, secondary = plan.chosen_channels[0].name, plan.chosen_channels[1].name
    assert texts[0] == f"Open {primary} as the primary channel, with {secondary} as secondary."
    assert plan.team.response_promise in texts[1] and plan.team.coverage in texts[1]
    assert any(f"confirm {len(plan.compliance)} legal checklists" in t for t in texts)
    sponsor = [t.title for t in plan.all_tasks() if t.owner_role == "executive_sponsor" and t.status == "todo"]
    assert set(sponsor) <= set(texts)
    assert ("bot" in " ".join(texts)) == plan.team.bot_enabled


def test_the_full_plan_is_still_the_default_and_longer(tmp_path: Path) -> None:
    from readiness.report.outputs import PlanSettings, write_plan

    assessment = load_sample("jp-brand", Lang.EN, shipped_content(), questionnaires())
    full = write_plan(tmp_path / "full.pdf", assessment, shipped_content(), PlanSettings(), worker=shared_worker())
    brief = write_plan(
        tmp_path / "brief.pdf",
        assessment,
        shipped_content(),
        PlanSettings(edition=Edition.BRIEF),
        worker=shared_worker(),
    )
    assert full.pages is not None and brief.pages is not None and brief.pages <= MAX_PAGES < full.pages
    assert _("Messaging rollout plan, in brief", Lang.EN) in pdf_text((tmp_path / "brief.pdf").read_bytes())


def test_a_task_already_late_says_so_in_the_brief_without_a_start_date_long_past() -> None:
    import datetime as dt

    from readiness.core.plan.figures import date_text

    assessment = load_sample("mx-retail", Lang.EN, shipped_content(), questionnaires())
    plan = plan_in(assessment, shipped_content(), None, issued=dt.date(2027, 6, 15))
    late = [t for t in plan.launch_blockers if t.late_start and t.status == "todo" and t.lead_time_days]
    assert late and late[0].start is not None, "issued months after the launch, open blockers started late"
    brief = render_plan_html(plan, load_theme(), Paper.A4, edition=Edition.BRIEF).html
    full = render_plan_html(plan, load_theme(), Paper.A4).html
    start = f"Start by {date_text(late[0].start, Lang.EN)}"
    assert start in full and start not in brief
    assert brief.count('class="flag flag-late"') >= len(late)


def test_a_brief_that_runs_over_its_pages_is_set_tighter_until_it_fits() -> None:
    """Issued months after the launch with every launch task still open, the Chinese exporter's brief in Spanish runs
    to eight pages as designed; set tighter, it keeps to six."""
    import datetime as dt

    from readiness.report.edition import BRIEF_PAGES
    from readiness.report.outputs import render_edition

    assessment = load_sample("cn-exporter", Lang.ES, shipped_content(), questionnaires())
    plan = plan_in(assessment, shipped_content(), None, issued=dt.date(2027, 6, 24))
    as_designed = render_plan_html(plan, load_theme(), Paper.A4, edition=Edition.BRIEF)
    assert shared_worker().render(pdf_job(assessment, plan, as_designed)).pages > BRIEF_PAGES
    fitted = render_edition(assessment, plan, (load_theme(), Paper.A4, Edition.BRIEF), shared_worker().render)
    assert fitted.pages <= BRIEF_PAGES
    text = pdf_text(fitted.pdf)
    for part in ("Panel", "Calendario", "Promoción"):
        assert part in text, "every part is still there"


def test_a_reassessments_schedule_runs_from_its_own_day_without_the_launch_behind_it() -> None:
    """The schedule says "every task from now": a re-assessment's leaves out the work done before it and draws no
    launch line months in its past; a baseline's keeps both lines and says what they are."""
    import re

    from conftest import reassessment

    baseline = load_sample("us-dental", Lang.EN, shipped_content(), questionnaires())
    again = reassessment(baseline, shipped_content())
    for assessment, launch_shown in ((baseline, True), (again, False)):
        plan = plan_in(assessment, shipped_content(), None, issued=assessment.created)
        html = render_plan_html(plan, load_theme(), Paper.A4, edition=Edition.BRIEF).html
        ahead = [t for t in plan.all_tasks() if t.due >= assessment.created]
        drawn = sum(
            int(n) for n in re.findall(r"(\d+) tasks?;", html.split("<title>Schedule: ", 1)[1].split("</title>")[0])
        )
        assert drawn == len(ahead) <= len(plan.all_tasks())
        assert ("Solid line: launch." in html) is launch_shown and ("on the solid line" in html) is launch_shown
    assert len(ahead) < len(plan.all_tasks()), "the re-assessment's baseline work is left out"
