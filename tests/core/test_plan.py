"""The plan model: ranking, checklists and dates all follow from the assessment and the catalogs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from conftest import mini_assessment
from pydantic import ValidationError

from readiness.core.assessment import (
    ActionOverride,
    ActionStatus,
    Answer,
    BotPlan,
    ChannelChoice,
    ChannelUse,
    Gap,
    Profile,
)
from readiness.core.catalog import Benchmark
from readiness.core.content import Content
from readiness.core.lang import Lang
from readiness.core.plain import to_json
from readiness.core.plan.builder import build_plan
from readiness.core.plan.launch import DEFAULT_LEAD_DAYS
from readiness.core.plan.model import Plan, RankedChannel, TaskKind
from readiness.core.plan.schedule import DAY_ONE_READY_WORKING_DAYS, WorkingDays
from readiness.core.questionnaire import ActionDef
from readiness.core.text import LocalText

LAUNCH = dt.date(2027, 1, 11)
BUFFERED = dt.date(2027, 1, 4)
"""Five working days before the Monday launch: when every blocker and compliance item is due."""


@pytest.fixture
def plan(mini_content: Content) -> Plan:
    return build_plan(mini_assessment(), mini_content)


def test_gaps_rank_by_frequency_times_severity_and_measured_figures(plan: Plan) -> None:
    first, second = plan.gaps
    assert (first.id, first.rank, first.priority) == ("g1", 1, 4 * 3 * 1.5)
    assert "poor threshold (60)" in first.explanation[1]
    assert (second.id, second.priority) == ("g2", 6)
    assert "No measured figure" in second.explanation[1]


def test_a_good_measured_figure_lowers_priority(mini_content: Content) -> None:
    gap = Gap(id="g", type="slow", touchpoint="support", frequency="daily", severity="high", measured_value=5)
    plan = build_plan(mini_assessment(gaps=(gap,)), mini_content)
    assert plan.gaps[0].priority == 12 * 0.75


@pytest.mark.parametrize(
    ("lang", "figure", "said"),
    [
        (Lang.EN, "42.5% of issues switching channel", "has no published threshold"),
        (Lang.ES, "42,5\u00a0% de casos con cambio de canal", "no tiene un umbral publicado"),
    ],
)
def test_a_figure_without_published_thresholds_is_shown_and_leaves_priority(
    mini_content: Content, lang: Lang, figure: str, said: str
) -> None:
    gap = Gap(id="g", type="switch", touchpoint="sales", frequency="weekly", severity="medium", measured_value=42.5)
    ranked = build_plan(mini_assessment(lang, gaps=(gap,)), mini_content).gaps[0]
    assert ranked.priority == 6
    assert f"({figure}) {said}" in ranked.explanation[1]


def test_thresholds_need_a_unit_but_a_unit_may_stand_alone() -> None:
    text = LocalText(en="x", es="x")
    assert Benchmark(text=text, unit=text).comparable is False
    with pytest.raises(ValidationError, match="with a unit"):
        Benchmark(text=text, direction="lower_is_better", good=1, poor=2)


def test_discontinued_channels_are_never_ranked_but_are_flagged_when_in_use(plan: Plan) -> None:
    assert "gbm" not in {c.channel for c in plan.channels}
    assert [r.channel for r in plan.retired_channels_in_use] == ["gbm"]
    assert plan.retired_channels_in_use[0].discontinued_on == dt.date(2024, 7, 31)


def test_channel_ranking_explains_itself(plan: Plan) -> None:
    by_id = {c.channel: c for c in plan.channels}
    assert [c.rank for c in plan.channels] == [1, 2, 3]
    assert by_id["wa"].chosen == "primary" and by_id["sms"].chosen == "secondary"
    assert any("MX" in r for r in by_id["wa"].reasons)
    assert "A poor fit in US." in by_id["wa"].constraints
    assert any("live agents" in c for c in by_id["apple"].constraints)
    assert by_id["wa"].closes_gaps == ("slow", "switch")
    assert [c.channel for c in plan.chosen_channels] == ["wa", "sms"]


def test_markets_change_the_ranking(mini_content: Content) -> None:
    mexico = build_plan(mini_assessment(profile=Profile(organisation="X", countries=("MX",))), mini_content)
    usa = build_plan(mini_assessment(profile=Profile(organisation="X", countries=("US",))), mini_content)
    assert mexico.channels[0].channel == "wa"
    assert usa.channels[0].channel != "wa"


def test_b2b_only_profile_excludes_consumer_channels(mini_content: Content) -> None:
    plan = build_plan(mini_assessment(profile=Profile(organisation="X", audience=("b2b",))), mini_content)
    scores = {c.channel: c.score for c in plan.channels}
    assert scores["sms"] == 0 and scores["apple"] == 0 and scores["wa"] > 0


def test_lead_time_longer_than_the_runway_is_a_constraint(mini_content: Content) -> None:
    profile = Profile(organisation="X", countries=("US",), launch_date=dt.date(2026, 11, 12))
    plan = build_plan(mini_assessment(profile=profile), mini_content)
    apple = next(c for c in plan.channels if c.channel == "apple")
    assert any("30 days" in c and "10 days" in c for c in apple.constraints)


def test_an_assessment_dated_after_its_launch_has_no_launch_for_a_channel_to_miss(mini_content: Content) -> None:
    """A re-assessment keeps its channel's launch date: "launch is -120 days away" would be nonsense."""
    profile = Profile(organisation="X", countries=("US",), launch_date=dt.date(2026, 6, 1))
    plan = build_plan(mini_assessment(profile=profile), mini_content)
    assert not any("to set up" in constraint for channel in plan.channels for constraint in channel.constraints)


def test_blockers_apply_only_in_their_countries(plan: Plan, mini_content: Content) -> None:
    assert {t.id for t in plan.launch_blockers} == {"blk.verify@wa", "blk.us_only@wa", "blk.10dlc@sms"}
    mexico_only = build_plan(mini_assessment(profile=Profile(organisation="X", countries=("MX",))), mini_content)
    assert {t.id for t in mexico_only.launch_blockers} == {"blk.verify@wa"}


def test_blockers_are_due_a_buffer_before_launch_and_start_their_lead_time_earlier(plan: Plan) -> None:
    assert {t.due for t in plan.launch_blockers} == {BUFFERED}
    start = {t.id: t.start or t.due for t in plan.launch_blockers}
    assert start["blk.verify@wa"] == dt.date(2026, 12, 4)  # 21 working days before Monday 4 January
    assert start["blk.10dlc@sms"] == dt.date(2026, 12, 7)
    for task in plan.launch_blockers:
        assert task.start is not None and WorkingDays().between(task.start, task.due) == task.lead_time_days
        assert not task.late_start
    assert [start[t.id] for t in plan.launch_blockers] == sorted(start.values())


def test_promotion_checklist_per_surface_and_channel(plan: Plan) -> None:
    groups = [(c.surface, c.channel, [t.id for t in c.tasks]) for c in plan.promotion]
    assert groups == [
        ("website", None, ["web.remove_gbm", "web.links", "web.order_status"]),
        ("website", "wa", ["web.wa_link@wa"]),
        ("website", "sms", ["web.sms_optin@sms"]),
        ("store", "wa", ["store.qr@wa"]),
    ]
    website = plan.promotion[0].tasks[1]
    assert website.owner == "Marta"  # the surface's owner
    assert website.due == LAUNCH - dt.timedelta(days=3)


def test_actions_come_from_answers_deduplicated_and_dependencies_first(plan: Plan) -> None:
    ids = [t.id for t in plan.actions]
    assert sorted(ids) == ["act.bot_disclosure", "act.measure", "act.sponsor", "act.train"]
    assert ids.index("act.sponsor") < ids.index("act.train") < ids.index("act.bot_disclosure")
    train = next(t for t in plan.actions if t.id == "act.train")
    assert train.triggered_by == ("q.sponsor",)
    assert train.depends_on == ("act.sponsor",)


def test_skipped_questions_add_no_actions(mini_content: Content) -> None:
    answers = {**mini_assessment().answers, "q.bot": Answer(value="none")}
    plan = build_plan(mini_assessment(answers=answers), mini_content)
    assert "act.bot_disclosure" not in {t.id for t in plan.actions}


def test_overrides_set_owner_date_and_status(mini_content: Content) -> None:
    override = ActionOverride(action="blk.verify@wa", owner="Rosa", due=dt.date(2026, 12, 1), status=ActionStatus.DONE)
    plan = build_plan(mini_assessment(overrides=(override,)), mini_content)
    task = next(t for t in plan.launch_blockers if t.id == "blk.verify@wa")
    assert (task.owner, task.due, task.status) == ("Rosa", dt.date(2026, 12, 1), ActionStatus.DONE)
    train = next(t for t in build_plan(mini_assessment(), mini_content).actions if t.id == "act.train")
    assert (train.owner, train.status) == ("Pia", ActionStatus.DOING)


def test_owners_come_from_the_team(plan: Plan) -> None:
    sponsor = next(t for t in plan.actions if t.id == "act.sponsor")
    assert sponsor.owner == "Ana"
    welcome = plan.day_one[0]
    assert (welcome.kind, welcome.owner) == (TaskKind.DAY_ONE, "Luis")
    assert welcome.due == WorkingDays().before(LAUNCH, DAY_ONE_READY_WORKING_DAYS), "ready for the rehearsal"


def test_kpis_use_the_users_targets_and_catalog_details(plan: Plan) -> None:
    [kpi] = plan.kpis
    assert (kpi.kpi, kpi.baseline, kpi.target, kpi.unit) == ("frt", 300, 15, "minutes")
    assert kpi.deadline == LAUNCH + dt.timedelta(days=60)
    assert kpi.cadence == "weekly" and not kpi.suggested
    assert [s.url for s in kpi.sources] == ["https://example.org/frt"]


def test_without_targets_the_catalog_suggests_kpis_for_the_chosen_channels(mini_content: Content) -> None:
    plan = build_plan(mini_assessment(kpis=()), mini_content)
    assert {k.kpi for k in plan.kpis} == {"frt", "optout"}
    assert all(k.suggested and k.baseline is None for k in plan.kpis)
    whatsapp_only = build_plan(
        mini_assessment(kpis=(), channels=(ChannelChoice(channel="wa", role="primary"),)), mini_content
    )
    assert {k.kpi for k in whatsapp_only.kpis} == {"frt"}


def test_milestones_are_dated_from_launch_and_in_order(plan: Plan) -> None:
    dates = {m.id: m.date for m in plan.milestones}
    assert dates["launch"] == LAUNCH
    assert dates["start"] == dt.date(2026, 11, 2)
    assert dates["reassessment"] == LAUNCH + dt.timedelta(days=180) == plan.refine.reassessment  # the team's own day
    assert dates["first_review"] == LAUNCH + dt.timedelta(days=7)
    assert [m.date for m in plan.milestones] == sorted(dates.values())


@pytest.mark.parametrize(("days_after_launch", "periods"), [(-30, 1), (0, 1), (179, 1), (180, 2), (200, 2), (400, 3)])
def test_the_next_reassessment_is_the_routines_first_date_after_the_assessment(
    mini_content: Content, days_after_launch: int, periods: int
) -> None:
    """A re-assessment dated after the launch plans the one after it: "next re-assessment" is never a past day."""
    assessment = mini_assessment(created=LAUNCH + dt.timedelta(days=days_after_launch))
    plan = build_plan(assessment, mini_content)
    assert plan.refine.reassessment == LAUNCH + dt.timedelta(days=180 * periods) > assessment.created
    assert {m.id: m.date for m in plan.milestones}["reassessment"] == plan.refine.reassessment


def test_a_reassessment_lists_only_the_milestones_ahead_of_it(mini_content: Content) -> None:
    """Its timeline says "from today on": the launch and the first reviews, behind it, are left out."""
    assessment = mini_assessment(created=LAUNCH + dt.timedelta(days=100))
    plan = build_plan(assessment, mini_content, issued=assessment.created)
    assert plan.milestones[0].id == "start"
    assert all(m.date >= assessment.created for m in plan.milestones)
    assert {"launch", "first_review", "kpi_review"}.isdisjoint(m.id for m in plan.milestones)
    assert plan.refine.first_review < plan.refine.first_kpi_review < assessment.created


def test_missing_launch_date_is_assumed_and_said(mini_content: Content) -> None:
    plan = build_plan(mini_assessment(profile=Profile(organisation="X")), mini_content)
    assert plan.header.launch_date_assumed
    assert plan.header.launch_date == dt.date(2026, 11, 2) + dt.timedelta(days=DEFAULT_LEAD_DAYS)


def test_spanish_plan_speaks_spanish(mini_content: Content) -> None:
    plan = build_plan(mini_assessment(Lang.ES), mini_content)
    assert plan.gaps[0].type_name == "Primera respuesta lenta"
    assert plan.gaps[0].explanation[0].startswith("Frecuencia: diaria (4) × gravedad: alta (3)")
    assert plan.promotion[0].channel_name == "Todos los canales"
    assert plan.refine.transcript_review == "semanal"


def test_plan_is_plain_data_and_serialises(plan: Plan) -> None:
    data = json.loads(to_json(plan))
    assert data["header"]["launch_date"] == "2027-01-11"
    assert set(data) == {f.name for f in dataclasses.fields(Plan)}


def test_every_task_in_one_list(plan: Plan) -> None:
    kinds = {t.kind for t in plan.all_tasks()}
    assert kinds == set(TaskKind)


def test_promotion_actions_limited_to_markets(mini_content: Content) -> None:
    mexico = build_plan(mini_assessment(profile=Profile(organisation="X", countries=("MX",))), mini_content)
    ids = {t.id for checklist in mexico.promotion for t in checklist.tasks}
    assert "web.sms_optin@sms" not in ids
    assert "web.wa_link@wa" in ids


def test_a_figure_exactly_at_the_poor_threshold_is_not_poor(mini_content: Content) -> None:
    gap = Gap(id="g", type="slow", touchpoint="support", frequency="daily", severity="high", measured_value=60)
    assert build_plan(mini_assessment(gaps=(gap,)), mini_content).gaps[0].priority == 12


def test_a_blocker_that_cannot_start_in_time_says_so(mini_content: Content) -> None:
    profile = Profile(organisation="X", countries=("MX",), launch_date=dt.date(2026, 11, 20))
    plan = build_plan(mini_assessment(profile=profile), mini_content)
    verify = next(t for t in plan.launch_blockers if t.id == "blk.verify@wa")
    assert verify.due == dt.date(2026, 11, 13)  # still five working days before launch
    assert verify.start == dt.date(2026, 10, 15)  # 21 working days earlier: before the plan starts
    assert verify.late_start
    welcome = plan.day_one[0]
    assert (welcome.due, welcome.late_start) == (dt.date(2026, 11, 18), False)  # ready two working days before


def test_a_blocker_whose_buffer_has_passed_is_due_at_once(mini_content: Content) -> None:
    profile = Profile(organisation="X", countries=("MX",), launch_date=dt.date(2026, 11, 4))
    verify = next(
        t for t in build_plan(mini_assessment(profile=profile), mini_content).launch_blockers if t.id == "blk.verify@wa"
    )
    assert (verify.due, verify.late_start) == (dt.date(2026, 11, 2), True)


@pytest.mark.parametrize(
    ("status", "due", "late"),
    [
        (ActionStatus.TODO, dt.date(2026, 11, 2), True),
        (ActionStatus.DOING, dt.date(2026, 11, 2), True),
        (ActionStatus.DONE, dt.date(2026, 10, 28), False),
        (ActionStatus.DROPPED, dt.date(2026, 10, 28), False),
    ],
)
def test_only_work_still_to_do_is_brought_forward_and_said_to_start_late(
    mini_content: Content, status: ActionStatus, due: dt.date, late: bool
) -> None:
    """A blocker done or dropped keeps its own day: it is not due today, nor late."""
    profile = Profile(organisation="X", countries=("MX",), launch_date=dt.date(2026, 11, 4))
    ticked = ActionOverride(action="blk.verify@wa", status=status)
    plan = build_plan(mini_assessment(profile=profile, overrides=(ticked,)), mini_content)
    verify = next(t for t in plan.launch_blockers if t.id == "blk.verify@wa")
    assert (verify.status, verify.due, verify.late_start) == (status, due, late)


def test_regulations_apply_by_market_and_channel(plan: Plan, mini_content: Content) -> None:
    assert [c.regulation for c in plan.compliance] == ["us_texting", "latam_privacy"]
    texting = plan.compliance[0]
    assert [t.id for t in texting.tasks] == ["reg.written_consent", "reg.quiet_hours"]  # the longest starts first
    assert [t.due for t in texting.tasks] == [BUFFERED, BUFFERED]
    assert texting.tasks[0].start == dt.date(2026, 12, 15)
    assert texting.tasks[0].kind is TaskKind.COMPLIANCE
    assert "not legal advice" in plan.compliance_notice
    whatsapp_in_mexico = build_plan(
        mini_assessment(
            profile=Profile(organisation="X", countries=("MX",)),
            channels=(ChannelChoice(channel="wa", role="primary"),),
        ),
        mini_content,
    )
    assert [c.regulation for c in whatsapp_in_mexico.compliance] == ["latam_privacy"]


def test_gaps_name_the_active_channels_that_close_them(plan: Plan) -> None:
    slow = next(g for g in plan.gaps if g.type == "slow")
    assert slow.closing_channels == ("WhatsApp", "SMS")  # the retired channel is never offered


def test_bot_rules_apply_only_when_a_bot_answers(mini_content: Content) -> None:
    without_bot = build_plan(mini_assessment(), mini_content)
    assert "bot_notice" not in {c.regulation for c in without_bot.compliance}
    team = mini_assessment().team.model_copy(update={"bot": BotPlan(enabled=True, scope="FAQ")})
    with_bot = build_plan(mini_assessment(team=team), mini_content)
    assert "bot_notice" in {c.regulation for c in with_bot.compliance}


def test_contact_only_channels_can_be_current_but_are_never_recommended(mini_content: Content) -> None:
    profile = Profile(
        organisation="X", countries=("MX",), current_channels=(ChannelUse(channel="phone", monthly_volume=900),)
    )
    plan = build_plan(mini_assessment(profile=profile), mini_content)
    assert "phone" not in {c.channel for c in plan.channels}
    assert "Phone" not in next(g for g in plan.gaps if g.type == "slow").closing_channels


def test_business_buyers_count_only_where_they_use_the_channel(mini_content: Content) -> None:
    def whatsapp(countries: tuple[str, ...], audience: tuple[str, ...]) -> RankedChannel:
        profile = Profile.model_validate({"organisation": "X", "countries": countries, "audience": audience})
        return next(c for c in build_plan(mini_assessment(profile=profile), mini_content).channels if c.channel == "wa")

    assert any("Business buyers use it widely in your market (MX)" in r for r in whatsapp(("MX",), ("b2b",)).reasons)
    brazil_b2b, brazil_b2c = whatsapp(("BR",), ("b2b",)), whatsapp(("BR",), ("b2c",))
    assert brazil_b2b.score < brazil_b2c.score  # strong with Brazilian consumers, not listed for business buyers


def test_promotion_items_fit_the_audience_and_the_channels_in_use(mini_content: Content) -> None:
    def website_items(**profile: object) -> set[str]:
        plan = build_plan(
            mini_assessment(profile=Profile.model_validate({"organisation": "X", **profile})), mini_content
        )
        return {t.id for c in plan.promotion if c.surface == "website" for t in c.tasks}

    assert "web.order_status" in website_items(audience=["b2c"])
    assert "web.order_status" not in website_items(audience=["b2b"])
    assert "web.remove_gbm" not in website_items()
    assert "web.remove_gbm" in website_items(current_channels=[{"channel": "gbm"}])


def test_the_home_countrys_rules_apply_even_where_it_does_not_sell(mini_content: Content) -> None:
    abroad = Profile(organisation="X", countries=("GB",), home_country="MX")
    plan = build_plan(
        mini_assessment(profile=abroad, channels=(ChannelChoice(channel="wa", role="primary"),)), mini_content
    )
    assert "latam_privacy" in {c.regulation for c in plan.compliance}


def test_dates_counted_from_launch_fall_on_working_days(plan: Plan) -> None:
    counted = [t.due for t in plan.actions] + [k.deadline for k in plan.kpis] + [plan.refine.first_review]
    counted += [t.due for c in plan.promotion for t in c.tasks] + [t.due for t in plan.team.training]
    assert counted and all(day.weekday() < 5 for day in counted)


@pytest.mark.parametrize("dates", [{}, {"offset_days": 3, "on_first_review": True}])
def test_an_action_has_exactly_one_due_date(dates: dict[str, object]) -> None:
    text = LocalText(en="Do it", es="Hacerlo")
    with pytest.raises(ValidationError, match="one of the two"):
        ActionDef(id="act.x", title=text, step="refine", owner_role="support", effort="s", **dates)


def test_bands_are_coloured_from_red_to_green_whatever_their_number() -> None:
    """The window and the plan colour a band alike (seen: "Emerging" orange in the plan, blue in the window)."""
    from readiness.core.plan.readiness import BAND_RAMP, band_colour

    three = ["not_ready", "emerging", "ready"]
    assert [band_colour(b, three) for b in three] == [BAND_RAMP[0], BAND_RAMP[1], BAND_RAMP[-1]]
    assert [band_colour(b, "abcd") for b in "abcd"] == list(BAND_RAMP)
    assert band_colour("unknown", three) is None
