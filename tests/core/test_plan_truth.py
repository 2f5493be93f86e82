"""Every sentence of a plan is about the business it was built for: a property over random profiles.

Whatever the markets, the audience, the channels in use and the channels chosen, no text of the plan
outside the channel ranking names a channel that is neither chosen nor already in use, nor prints its
link format; copy that states hours or a reply time states the team's own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readiness.core.assessment import (
    Assessment,
    BotPlan,
    BusinessHours,
    ChannelChoice,
    ChannelUse,
    Gap,
    KpiTarget,
    Profile,
    PromotionChoice,
    Team,
)
from readiness.core.catalog import Audience, Cadence
from readiness.core.content import Content, load_content
from readiness.core.lang import LANGUAGES, Lang
from readiness.core.mentions import foreign_mentions
from readiness.core.plan.builder import build_plan
from readiness.core.plan.facts import hours_text, promise_text
from readiness.core.plan.kpis import suggested_kpis, tracked_kpis
from readiness.core.plan.model import TaskKind, Workstream
from readiness.core.samples import SAMPLE_PROFILES, load_sample
from readiness.resources import questionnaires

MARKETS = ("MX", "US", "BR", "DE", "JP", "CN", "GB", "IN", "FR", "AE", "TW", "TH", "CA", "AU", "ES", "SG", "ZA", "KR")
PLACEHOLDER = re.compile(r"\{(organisation|hours|promise|channels|channel|link)\}")
RANKING_ONLY = frozenset({"channels", "answers", "retired_channels_in_use"})
"""Plan fields that list every candidate, the client's own answers or the retired channels it still uses."""


@cache
def content() -> Content:
    return load_content(questionnaires())


@cache
def sample_answers() -> tuple[Assessment, ...]:
    return tuple(load_sample(profile, Lang.EN, content(), questionnaires()) for profile in SAMPLE_PROFILES)


@st.composite
def assessments(draw: st.DrawFn) -> Assessment:
    catalogs = content().catalogs
    recommendable = sorted(c.id for c in catalogs.channels.values() if c.recommendable)
    every_channel = sorted(catalogs.channels)
    countries = draw(st.lists(st.sampled_from(MARKETS), min_size=1, max_size=5, unique=True))
    in_use = draw(st.lists(st.sampled_from(every_channel), max_size=4, unique=True))
    chosen = draw(st.lists(st.sampled_from(recommendable), min_size=1, max_size=3, unique=True))
    base = draw(st.sampled_from(sample_answers()))
    bot = draw(st.booleans())
    return base.model_copy(
        update={
            "language": draw(st.sampled_from(LANGUAGES)),
            "profile": Profile(
                organisation="Acme",
                countries=tuple(countries),
                home_country=draw(st.sampled_from((None, *MARKETS))),
                audience=tuple(draw(st.lists(st.sampled_from(tuple(Audience)), min_size=1, unique=True))),
                current_channels=tuple(ChannelUse(channel=c) for c in in_use),
                business_hours=BusinessHours(days=("mon", "tue", "wed"), opens=dt.time(7, 30), closes=dt.time(16, 15)),
                launch_date=dt.date(2027, 3, 1),
            ),
            "gaps": tuple(
                Gap(id=f"g{i}", type=gap_type, touchpoint="support", frequency="daily", severity="high")
                for i, gap_type in enumerate(draw(st.lists(st.sampled_from(sorted(catalogs.gap_types)), max_size=4)))
            ),
            "channels": tuple(
                ChannelChoice(channel=c, role="primary" if i == 0 else "secondary") for i, c in enumerate(chosen)
            ),
            "team": Team(
                executive_sponsor="Ana",
                channel_owner="Luis",
                coverage=draw(st.sampled_from((None, BusinessHours(days=("sat", "sun"))))),
                response_promise_minutes=draw(st.sampled_from((None, 1, 45, 120))),
                bot=BotPlan(enabled=bot, scope="Order status" if bot else ""),
            ),
            "promotion": tuple(
                PromotionChoice(surface=s)
                for s in draw(st.lists(st.sampled_from(sorted(catalogs.surfaces)), max_size=9, unique=True))
            ),
            "kpis": (),
            "overrides": (),
        }
    )


def texts(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(where, text) for every string in the plan, leaving out the fields that list every candidate channel."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            if not (path == "" and field.name in RANKING_ONLY):
                yield from texts(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, tuple | list):
        for i, item in enumerate(value):
            yield from texts(item, f"{path}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(item, f"{path}.{key}")
    elif isinstance(value, str) and not isinstance(value, enum.Enum):
        yield path, value


def allowed_channels(assessment: Assessment) -> set[str]:
    return {c.channel for c in assessment.channels} | {c.channel for c in assessment.profile.current_channels}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(assessments())
def test_no_plan_text_names_a_channel_the_client_did_not_choose(assessment: Assessment) -> None:
    plan = build_plan(assessment, content())
    allowed = allowed_channels(assessment)
    wrong = [
        (where, words)
        for where, text in texts(plan)
        if (words := foreign_mentions(text, allowed, content().catalogs.channels))
    ]
    assert not wrong, wrong[:5]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(assessments())
def test_published_copy_carries_the_teams_own_hours_and_promise(assessment: Assessment) -> None:
    plan = build_plan(assessment, content())
    lang = assessment.language
    hours = hours_text(assessment.team.coverage or assessment.profile.business_hours, lang)
    promise = promise_text(assessment.team.response_promise_minutes, lang)
    assert plan.team.coverage == hours
    assert plan.team.response_promise == promise
    for where, text in texts(plan):
        assert not PLACEHOLDER.search(text), (where, text)  # every placeholder was filled
        assert "{?" not in text, (where, text)  # every bot clause was kept or left out
        if not where.startswith(GENERAL_TEXT):
            assert not _hedged(text), (where, text)  # the plan knows whether a bot answers
    copy = [text for _, text in texts(plan.promotion) if "\u201c" in text or "\u00ab" in text]
    for text in copy:  # a quoted time in copy to publish is the team's own, never an example
        for clock in ("8:00", "9:00", "20:00", "15 minutes", "15 minutos"):
            if clock not in hours and clock not in promise:
                assert clock not in text, text


GENERAL_TEXT = (".readiness.", ".channels")
"""The method's own step descriptions and the channels' facts, true of every business as they stand."""


def _hedged(text: str) -> bool:
    """A sentence that leaves the bot to the reader ("if a bot answers") instead of knowing whether there is one."""
    hedges = ("if a bot answers", "if one answers", "si responde un bot", "bot, si lo hay", "se um bot")
    return any(words in text for words in hedges)


def test_a_plan_names_the_bots_part_of_a_task_only_where_a_bot_answers() -> None:
    """us-dental has no bot: its gap and task texts leave the bot out; given one, they name it."""
    assessment = load_sample("us-dental", Lang.EN, content(), questionnaires())
    assert not assessment.team.bot.enabled

    def closing(bot: bool) -> str:
        team = assessment.team.model_copy(update={"bot": assessment.team.bot.model_copy(update={"enabled": bot})})
        plan = build_plan(assessment.model_copy(update={"team": team}), content())
        return " ".join(a for gap in plan.gaps for a in gap.closing_actions)

    assert "bot" not in closing(bot=False)
    assert "and the bot notice too" in closing(bot=True)


def test_each_channel_keeps_its_own_promise_and_an_invitation_only_channel_stays_out_of_public_copy() -> None:
    """de-b2b-software: 2 minutes on the website chat, 30 minutes on Slack Connect, which only invited accounts reach."""
    assessment = load_sample("de-b2b-software", Lang.EN, content(), questionnaires())
    promises = {c.channel: c.promise_minutes for c in assessment.channels}
    assert promises == {"web_chat": None, "slack_connect": 30} and assessment.team.response_promise_minutes == 2
    plan = build_plan(assessment, content())
    assert plan.team.response_promise == "2 minutes on the website chat and 30 minutes on Slack Connect"
    for checklist in plan.promotion:
        for task in checklist.tasks:
            text = f"{task.title} {task.detail}"
            if checklist.channel is None:
                assert "Slack" not in text, task.id  # copy for the public names the public channels only
            elif checklist.channel == "slack_connect" and "minute" in text:
                assert "30 minutes" in text and "2 minutes" not in text, task.id


@pytest.mark.parametrize(
    ("kpi", "target", "broken"),
    [
        ("frt_live_chat", 5.0, "2 minutes"),
        ("frt_live_chat", 2.0, None),
        ("frt_messaging", 45.0, "30 minutes"),  # Slack Connect's own promise, not the chat's 2 minutes
        ("frt_messaging", 20.0, None),
        ("csat", 95.0, None),
    ],
)
def test_a_median_reply_target_slower_than_the_promise_is_called_out(
    kpi: str, target: float, broken: str | None
) -> None:
    """de-b2b-software promises 2 minutes on the website chat and 30 on Slack Connect: a median reply target above
    the promise contradicts it (half the customers would wait longer than promised), and the plan says so."""
    assessment = load_sample("de-b2b-software", Lang.EN, content(), questionnaires())
    targets = (KpiTarget(kpi=kpi, target=target),)
    plan = build_plan(assessment.model_copy(update={"kpis": targets}), content())
    warning = plan.kpis[0].promise_warning
    if broken is None:
        assert warning == ""
    else:
        assert f"Slower than the promised reply within {broken}" in warning


def test_no_sample_sets_a_reply_target_slower_than_its_promise() -> None:
    for profile in SAMPLE_PROFILES:
        plan = build_plan(load_sample(profile, Lang.EN, content(), questionnaires()), content())
        assert [k.kpi for k in plan.kpis if k.promise_warning] == [], profile


def test_a_home_market_law_plans_customer_tasks_only_where_there_are_customers() -> None:
    """cn-exporter is based in China and sells abroad: the PIPL applies, its tasks for Chinese customers do not."""
    assessment = load_sample("cn-exporter", Lang.EN, content(), questionnaires())
    assert assessment.profile.home_country == "CN" and "CN" not in assessment.profile.countries

    def pipl_tasks(served: tuple[str, ...]) -> set[str]:
        profile = assessment.profile.model_copy(update={"countries": served})
        plan = build_plan(assessment.model_copy(update={"profile": profile}), content())
        return {t.id for c in plan.compliance if c.regulation == "cn_pipl" for t in c.tasks}

    abroad = pipl_tasks(assessment.profile.countries)
    assert "reg.cn_cross_border" in abroad and "reg.cn_pipl_notice_consent" not in abroad
    assert "reg.cn_pipl_notice_consent" in pipl_tasks((*assessment.profile.countries, "CN"))


def test_a_sector_law_applies_only_where_the_answers_show_its_data_and_its_market() -> None:
    """HIPAA for the US dental practice whose messages carry health information, not otherwise."""

    def regulations(profile: str, health_data: str) -> set[str]:
        assessment = load_sample(profile, Lang.EN, content(), questionnaires())
        answer = assessment.answers["open.health_data"].model_copy(update={"value": health_data})
        answers = {**assessment.answers, "open.health_data": answer}
        return {
            c.regulation for c in build_plan(assessment.model_copy(update={"answers": answers}), content()).compliance
        }

    assert "us_hipaa" in regulations("us-dental", "yes")
    assert "us_hipaa" not in regulations("us-dental", "no")
    assert "us_hipaa" not in regulations("de-b2b-software", "yes")


@pytest.mark.parametrize(
    ("question", "already", "otherwise", "task"),
    [
        ("open.consent", "provable", "implied", "reg.gdpr_consent_records"),
        ("open.optout", "yes", "no", "reg.gdpr_withdrawal"),
        ("open.bot_disclosure", "yes", "no", "reg.ai_act_bot_notice"),
        ("open.bot_disclosure", "yes", "no", "web.chat_bot_disclosure@web_chat"),
        ("open.bot_handoff", "anytime_with_context", "partial", "blk.webchat_handoff@web_chat"),
        ("open.bot_handoff", "anytime_with_context", "partial", "blk.webchat_offline_mode@web_chat"),
        ("open.consent", "provable", "implied", "reg.de_uwg_double_opt_in"),
        ("promote.phone_ivr", "ivr_and_hold", "hold_only", "ivr.deflection_branches"),
    ],
)
def test_what_the_answers_show_in_place_prints_as_done(question: str, already: str, otherwise: str, task: str) -> None:
    """de-b2b-software already records consent, automates opt-out and has its bot say it is a bot."""
    assessment = load_sample("de-b2b-software", Lang.EN, content(), questionnaires())

    def status(value: str) -> str:
        answer = assessment.answers[question].model_copy(update={"value": value})
        plan = build_plan(
            assessment.model_copy(update={"answers": {**assessment.answers, question: answer}}), content()
        )
        return next(t.status for t in plan.all_tasks() if t.id == task).value

    assert (status(already), status(otherwise)) == ("done", "todo")


@pytest.mark.parametrize("profile", SAMPLE_PROFILES)
def test_one_piece_of_work_is_one_task(profile: str) -> None:
    """A catalog item and a questionnaire action, or two catalog items, that do the same work never both reach the
    plan."""
    assessment = load_sample(profile, Lang.EN, content(), questionnaires())
    plan = build_plan(assessment, content())
    questionnaire = content().assessment_questionnaire(assessment)
    actions = {t.id for t in plan.actions}
    promoted = {t.id.partition("@")[0] for c in plan.promotion for t in c.tasks}
    checklists = (*plan.launch_blockers, *plan.day_one, *(t for c in plan.compliance for t in c.tasks))
    catalog_work = promoted | {t.id.partition("@")[0] for t in checklists}
    for item in promoted:
        assert not set(content().catalogs.promotion_actions[item].skip_if_planned) & (actions | catalog_work), item
    for action in actions:
        definition = questionnaire.action(action)
        assert definition is not None and not set(definition.skip_if_planned) & catalog_work, action


def statuses_when_running(current: tuple[ChannelUse, ...], task_ids: tuple[str, ...]) -> list[str]:
    """The statuses of de-b2b-software's tasks ``task_ids`` when the channels it runs today are ``current``."""
    assessment = load_sample("de-b2b-software", Lang.EN, content(), questionnaires())
    profile = assessment.profile.model_copy(update={"current_channels": current})
    tasks = {t.id: t for t in build_plan(assessment.model_copy(update={"profile": profile}), content()).all_tasks()}
    return [tasks[i].status.value for i in task_ids]


def test_a_set_up_step_of_a_channel_already_running_prints_as_done() -> None:
    """de-b2b-software runs its website chat and Slack Connect today: the tool and the paid plan exist."""
    running = load_sample("de-b2b-software", Lang.EN, content(), questionnaires()).profile.current_channels
    in_place = ("blk.webchat_tool@web_chat", "blk.slack_plan@slack_connect")
    assert statuses_when_running(running, in_place) == ["done", "done"]
    assert statuses_when_running((ChannelUse(channel="email", monthly_volume=1900),), in_place) == ["todo", "todo"]
    # the policy for shared channels is not a set-up step: running the channel does not settle it
    assert statuses_when_running(running, ("blk.slack_policy@slack_connect",)) != ["done"]


def test_an_answer_settles_a_channel_item_only_where_that_channel_already_runs() -> None:
    """The bot's notice is in place on de-b2b-software's running website chat; for a chat still to be installed the
    same answer settles nothing (seen: cn-exporter's new chat ticked done)."""
    running = load_sample("de-b2b-software", Lang.EN, content(), questionnaires()).profile.current_channels
    items = ("web.chat_bot_disclosure@web_chat", "blk.webchat_handoff@web_chat")
    assert statuses_when_running(running, items) == ["done", "done"]
    without_chat = tuple(c for c in running if c.channel != "web_chat")
    assert statuses_when_running(without_chat, items) == ["todo", "todo"]


def test_an_item_steps_aside_for_the_day_one_item_or_the_website_item_that_does_its_work() -> None:
    """mx-retail: the insert's update consent is the website's opt-in box; the high-intent pages are 'every page'."""
    plan = build_plan(load_sample("mx-retail", Lang.EN, content(), questionnaires()), content())
    ids = {t.id.partition("@")[0] for t in plan.all_tasks()}
    assert {"web.phone_optin_checkboxes", "web.message_us_links", "d1.ig_bio_link"} <= ids
    assert not {"pkg.update_optin_separate", "act.web_entry_points"} & ids


def test_the_broader_action_keeps_the_work_and_the_surface_item_steps_aside() -> None:
    plan = build_plan(load_sample("mx-retail", Lang.EN, content(), questionnaires()), content())
    ids = {t.id for t in plan.all_tasks()}
    assert {"act.audit_channel_switch", "act.tag_entry_points"} <= ids
    assert not {"web.replace_email_us", "web.tag_placements"} & ids
    # the WhatsApp opt-in blocker and California's bot rule do what the consent and bot-notice actions would
    assert {"blk.wa_opt_in@whatsapp_platform", "reg.sb1001_disclosure"} <= ids
    assert not {"act.consent_capture", "act.bot_disclosure"} & ids


def test_a_plan_issued_later_brings_forward_and_flags_what_already_fell_due() -> None:
    """Issued on Sunday 6 December, a plan from a 24 November workshop sets nothing due before Monday 7 December."""
    assessment = load_sample("mx-retail", Lang.EN, content(), questionnaires())
    issued = dt.date(2026, 12, 6)
    on_the_day = {t.id: t for t in build_plan(assessment, content(), assessment.created).all_tasks()}
    later = build_plan(assessment, content(), issued)
    assert later.header.issued == issued
    overdue = [t for t in later.all_tasks() if on_the_day[t.id].due < issued]
    assert overdue, "the sample has work due in its first two weeks"
    monday = dt.date(2026, 12, 7)
    for task in overdue:
        assert (task.due, task.late_start) == (monday, True), task.id
    assert min(t.due for t in later.all_tasks()) == monday


@pytest.mark.parametrize("profile", ["us-dental", "br-services"])
def test_a_blocker_starts_only_once_the_blockers_it_waits_for_are_due(profile: str) -> None:
    """Apple's readiness review after the provider is contracted; RCS launch approval after brand verification."""
    assessment = load_sample(profile, Lang.EN, content(), questionnaires())
    plan = build_plan(assessment, content(), assessment.created)
    blockers = {t.id: t for t in plan.launch_blockers}
    channels = content().catalogs.channels
    checked = 0
    for task in blockers.values():
        item = next(i for i in channels[task.channel or ""].blockers if f"{i.id}@{task.channel}" == task.id)
        for waited in item.after:
            if (before := blockers.get(f"{waited}@{task.channel}")) is not None:
                assert before.due < (task.start or task.due), (before.id, task.id)
                checked += 1
    assert checked >= 3


def test_a_promise_reads_as_the_team_states_it() -> None:
    assert [promise_text(m, Lang.EN) for m in (1, 60, 90, 120, 150)] == [
        "1 minute",
        "60 minutes",
        "90 minutes",
        "2 hours",
        "150 minutes",
    ]
    assert [promise_text(m, Lang.ES) for m in (1, 60, 120)] == ["1 minuto", "60 minutos", "2 horas"]
    assert promise_text(None, Lang.EN) == "[reply time not set yet]"


def test_review_tasks_fall_on_the_routines_first_review() -> None:
    """'Start the transcript review' is due on the day the refine routine holds the first review, at every cadence."""
    checked = set()
    for sample in sample_answers():
        for cadence in Cadence:
            refine = sample.refine.model_copy(update={"transcript_review": cadence})
            plan = build_plan(sample.model_copy(update={"refine": refine}), content())
            for task in plan.actions:
                if task.id in {"act.transcript_review", "act.bot_review"}:
                    assert task.due == plan.refine.first_review, (sample.profile.organisation, cadence, task.id)
                    checked.add(task.id)
    assert checked == {"act.transcript_review", "act.bot_review"}


@pytest.mark.parametrize("profile", ["mx-retail", "us-dental", "de-b2b-software"])
def test_suggested_targets_follow_the_answers_the_bot_and_the_currency(profile: str) -> None:
    """What the team ticked as tracked comes first; no bot KPI without a bot; no cost in a foreign currency."""
    content = load_content(questionnaires())
    assessment = load_sample(profile, Lang.EN, content, questionnaires())
    without_bot = assessment.model_copy(
        update={
            "team": assessment.team.model_copy(
                update={"bot": assessment.team.bot.model_copy(update={"enabled": False})}
            )
        }
    )
    chosen = tuple(c.channel for c in sorted(assessment.channels, key=lambda c: c.role != "primary"))
    ticked = set(tracked_kpis(assessment))
    suggested = [k.id for k in suggested_kpis(without_bot, chosen, content.catalogs)]
    fitting = {k.id for k in content.catalogs.kpis.values() if any(k.applies_to(c) for c in chosen)}
    first = [k for k in suggested if k in ticked]
    assert suggested[: len(first)] == first and set(first) == (ticked & fitting) - {"bot_resolution"}
    assert "bot_resolution" not in suggested
    home = assessment.profile.home_country
    if home != "US":
        assert "cost_per_subscriber" not in suggested  # counted in USD


@pytest.mark.parametrize("profile", SAMPLE_PROFILES)
def test_the_rehearsal_comes_after_the_day_one_set_up_it_rehearses(profile: str) -> None:
    plan = build_plan(load_sample(profile, Lang.EN, content(), questionnaires()), content())
    rehearsal = next((t for t in plan.actions if t.id == "act.day_one_rehearsal"), None)
    if rehearsal is not None:
        assert all(item.due <= rehearsal.due < plan.header.launch_date for item in plan.day_one), profile


@pytest.mark.parametrize("profile", SAMPLE_PROFILES)
def test_every_task_falls_in_a_workstream_that_fits_its_kind(profile: str) -> None:
    """The schedule groups tasks by workstream: a compliance item is compliance work, a promotion item promotion,
    a training session the team's; the bot owner's and the lawyer's tasks go with the bot and with compliance."""
    plan = build_plan(load_sample(profile, Lang.EN, content(), questionnaires()), content())
    expected = {TaskKind.COMPLIANCE: Workstream.COMPLIANCE, TaskKind.PROMOTION: Workstream.PROMOTION}
    for task in plan.all_tasks():
        if task.kind in expected:
            assert task.workstream is expected[task.kind], task.id
        elif task.kind is TaskKind.TRAINING or task.owner_role == "bot_owner":
            assert task.workstream is Workstream.TEAM, task.id
        elif task.owner_role == "legal":
            assert task.workstream is Workstream.COMPLIANCE, task.id
    assert {t.workstream for t in plan.all_tasks()} >= {Workstream.SET_UP, Workstream.PROMOTION, Workstream.COMPLIANCE}
