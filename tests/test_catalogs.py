"""The shipped catalogs: complete, sourced, translated, cross-referenced, and actually driving the plan."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readiness.core.assessment import Assessment, ChannelChoice, Gap, Profile
from readiness.core.content import Content, load_content
from readiness.core.lang import Lang
from readiness.core.plan.builder import build_plan
from readiness.core.plan.schedule import team_calendar
from readiness.core.safeyaml import dump_yaml, load_yaml_file
from readiness.core.samples import load_sample
from readiness.resources import questionnaires

FOLDER = questionnaires()
REQUIRED_CHANNELS = {
    "messenger",
    "instagram",
    "whatsapp_app",
    "whatsapp_platform",
    "apple_messages",
    "rcs",
    "sms",
    "line",
    "wechat",
    "telegram",
    "viber",
    "web_chat",
    "slack_connect",
    "email",
}
REQUIRED_GAPS = {
    "slow_first_response",
    "forced_channel_switch",
    "after_hours",
    "repeat_contacts",
    "low_in_channel_resolution",
    "context_loss",
    "channel_preference_mismatch",
    "discoverability",
    "reactive_status_load",
    "bot_dead_ends",
    "consent_compliance",
    "measurement",
    "capacity",
    "language",
    "commerce",
}
REQUIRED_SURFACES = {
    "website",
    "social",
    "email_newsletter",
    "email_signature",
    "in_store",
    "packaging",
    "paid_ads",
    "phone_ivr",
    "other",
}
REQUIRED_KPIS = {
    "frt_live_chat",
    "frt_messaging",
    "within_promise",
    "replies_in_window",
    "fcr",
    "in_channel_resolution",
    "channel_switch_rate",
    "csat",
    "bot_resolution",
    "optin_growth",
    "cost_per_subscriber",
    "conversation_conversion",
    "optout_rate",
}
REQUIRED_REGULATIONS = {"gdpr", "eprivacy", "uk_pecr", "can_spam", "tcpa", "casl", "eu_ai_act_art50", "ca_sb1001"}


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(FOLDER)


def test_catalogs_cover_what_the_plan_needs(content: Content) -> None:
    catalogs = content.catalogs
    active = {c.id for c in catalogs.channels.values() if c.status == "active"}
    assert active >= REQUIRED_CHANNELS
    retired = {c.id: c.discontinued_on for c in catalogs.channels.values() if c.status == "discontinued"}
    assert retired == {"google_business_messages": dt.date(2024, 7, 31), "messenger_chat_plugin": dt.date(2024, 5, 9)}
    assert set(catalogs.gap_types) >= REQUIRED_GAPS
    assert set(catalogs.surfaces) == REQUIRED_SURFACES
    assert len(catalogs.promotion_actions) >= 50
    assert set(catalogs.kpis) >= REQUIRED_KPIS
    assert set(catalogs.regulations) >= REQUIRED_REGULATIONS


def test_every_active_channel_is_fully_described(content: Content) -> None:
    for channel in content.catalogs.channels.values():
        if not channel.recommendable:
            continue
        assert channel.onboarding, channel.id
        assert channel.entry_points, channel.id
        assert channel.use_cases, channel.id
        assert channel.blockers, channel.id
        assert channel.day_one, channel.id
        assert channel.closes_gaps, channel.id
        assert channel.strong_in or channel.global_reach, channel.id


def test_promotion_is_concrete_for_every_surface_and_channel(content: Content) -> None:
    actions = content.catalogs.promotion_actions.values()
    for surface in content.catalogs.surfaces:
        assert sum(a.surface == surface for a in actions) >= 4, surface
    for channel in REQUIRED_CHANNELS:
        assert sum(channel in a.channels for a in actions) >= 3, channel
    links = {
        r"(?<![\w.])wa\.me\b": {"whatsapp_app", "whatsapp_platform"},
        r"(?<![\w.])ig\.me\b": {"instagram"},
        r"(?<![\w.])m\.me\b": {"messenger"},
    }
    for action in actions:
        text = action.title.en + " " + (action.detail.en if action.detail else "")
        mentioned = [channels for pattern, channels in links.items() if re.search(pattern, text)]
        if len(mentioned) == 1 and "all" not in action.channels:
            # an action about one link format applies only to that link's channels
            assert set(action.channels) <= mentioned[0] | {"web_chat", "email"}, action.id


def test_retired_channels_are_never_recommended(content: Content) -> None:
    retired = {c.id for c in content.catalogs.channels.values() if c.status == "discontinued"}
    for action in content.catalogs.promotion_actions.values():
        assert not retired & set(action.channels), action.id
    for kpi in content.catalogs.kpis.values():
        assert not retired & set(kpi.channels), kpi.id


countries = st.lists(
    st.sampled_from(["US", "MX", "BR", "DE", "GB", "JP", "TH", "CN", "IN", "AE", "NG", "UA", "CA"]),
    max_size=4,
    unique=True,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    countries,
    st.sampled_from([("b2c",), ("b2b",), ("b2c", "b2b")]),
    st.lists(st.sampled_from(sorted(REQUIRED_GAPS)), max_size=5),
)
def test_no_profile_gets_a_retired_channel(
    content: Content, served: list[str], audience: tuple[str, ...], gap_types: list[str]
) -> None:
    base = load_sample("mx-retail", Lang.EN, content, FOLDER)
    gaps = tuple(
        Gap(id=f"g{i}", type=t, touchpoint="support", frequency="daily", severity="high")
        for i, t in enumerate(gap_types)
    )
    profile = Profile.model_validate({**base.profile.model_dump(), "countries": served, "audience": audience})
    plan = build_plan(base.model_copy(update={"profile": profile, "gaps": gaps}), content)
    retired = {c.id for c in content.catalogs.channels.values() if c.status == "discontinued"}
    assert not retired & {c.channel for c in plan.channels}
    assert not retired & {c.channel for c in plan.chosen_channels}


# --- Changing a YAML value changes the plan -------------------------------------------------------


def edited_content(tmp_path: Path, file: str, edit: Callable[[dict[str, Any]], None]) -> Content:
    folder = tmp_path / "content"
    shutil.copytree(FOLDER, folder)
    path = folder / file
    data = load_yaml_file(path).data
    edit(data)
    path.write_text(dump_yaml(data), encoding="utf-8")
    return load_content(folder)


def entry(data: dict[str, Any], section: str, entry_id: str) -> dict[str, Any]:
    return next(e for e in data[section] if e["id"] == entry_id)


@pytest.fixture
def sample(content: Content) -> Assessment:
    return load_sample("mx-retail", Lang.EN, content, FOLDER)


def test_a_blockers_lead_time_moves_its_start_date(tmp_path: Path, content: Content, sample: Assessment) -> None:
    before = build_plan(sample, content)
    target = next(t for t in before.launch_blockers if not t.late_start and t.status.value == "todo")
    blocker_id, channel_id = target.id.split("@")

    def lengthen(data: dict[str, Any]) -> None:
        channel = entry(data, "channels", channel_id)
        item = next(b for b in channel["blockers"] if b["id"] == blocker_id)
        item["lead_time_days"] += 5
        channel["lead_time_days"] = max(channel["lead_time_days"], item["lead_time_days"])

    after = build_plan(sample, edited_content(tmp_path, "catalog/channels.yaml", lengthen))
    moved = next(t for t in after.launch_blockers if t.id == target.id)
    assert moved.due == target.due  # every blocker is due the same buffer before launch
    # it starts five working days earlier, on the calendar of the business's home country
    assert moved.start == team_calendar(sample).before(target.start or target.due, 5)


def test_a_channels_markets_change_its_rank(tmp_path: Path, content: Content, sample: Assessment) -> None:
    rank = {c.channel: c.rank for c in build_plan(sample, content).channels}

    def forget_markets(data: dict[str, Any]) -> None:
        channel = entry(data, "channels", "whatsapp_platform")
        channel["strong_in"], channel["global_reach"] = [], False

    after = {
        c.channel: c.rank
        for c in build_plan(sample, edited_content(tmp_path, "catalog/channels.yaml", forget_markets)).channels
    }
    assert after["whatsapp_platform"] > rank["whatsapp_platform"]


def test_a_kpi_default_changes_the_suggested_target(tmp_path: Path, content: Content, sample: Assessment) -> None:
    no_targets = sample.model_copy(update={"kpis": ()})
    suggested = {k.kpi: k.target for k in build_plan(no_targets, content).kpis}
    kpi_id = next(iter(suggested))

    def raise_target(data: dict[str, Any]) -> None:
        entry(data, "kpis", kpi_id)["default_target"] = 42.5

    after = {
        k.kpi: k.target
        for k in build_plan(no_targets, edited_content(tmp_path, "catalog/kpis.yaml", raise_target)).kpis
    }
    assert after[kpi_id] == 42.5 != suggested[kpi_id]


def test_a_gap_benchmark_changes_the_priority(tmp_path: Path, content: Content, sample: Assessment) -> None:
    before = {g.id: g.priority for g in build_plan(sample, content).gaps}

    def tolerate_slowness(data: dict[str, Any]) -> None:
        benchmark = entry(data, "gap_types", "slow_first_response")["benchmark"]
        benchmark["good"], benchmark["poor"] = 300, 600

    after = {
        g.id: g.priority
        for g in build_plan(sample, edited_content(tmp_path, "catalog/gaps.yaml", tolerate_slowness)).gaps
    }
    slow = next(g.id for g in sample.gaps if g.type == "slow_first_response")
    assert after[slow] < before[slow]


def test_a_promotion_offset_moves_the_item(tmp_path: Path, content: Content, sample: Assessment) -> None:
    before = {t.id: t.due for c in build_plan(sample, content).promotion for t in c.tasks}
    task_id = next(iter(before))
    action_id = task_id.split("@")[0]

    def later(data: dict[str, Any]) -> None:
        entry(data, "promotion_actions", action_id)["offset_days"] += 7

    after = {
        t.id: t.due
        for c in build_plan(sample, edited_content(tmp_path, "catalog/promotion.yaml", later)).promotion
        for t in c.tasks
    }
    assert after[task_id] == before[task_id] + dt.timedelta(days=7)


def test_a_regulations_markets_decide_whether_it_applies(tmp_path: Path, content: Content, sample: Assessment) -> None:
    applied = [c.regulation for c in build_plan(sample, content).compliance]
    assert applied
    regulation_id = applied[0]

    def move_away(data: dict[str, Any]) -> None:
        entry(data, "regulations", regulation_id)["applies_in"] = ["NZ"]

    after = [
        c.regulation
        for c in build_plan(sample, edited_content(tmp_path, "catalog/regulations.yaml", move_away)).compliance
    ]
    assert regulation_id not in after


def test_us_marketing_texts_bring_the_us_rules(content: Content, sample: Assessment) -> None:
    texting = sample.model_copy(
        update={
            "profile": Profile(organisation="X", countries=("US",), launch_date=sample.profile.launch_date),
            "channels": (ChannelChoice(channel="sms", role="primary"),),
        }
    )
    plan = build_plan(texting, content)
    assert {"tcpa", "us_carrier_rules"} <= {c.regulation for c in plan.compliance}
    assert "gdpr" not in {c.regulation for c in plan.compliance}
