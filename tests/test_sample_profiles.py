"""The six sample profiles get different, defensible plans for their markets."""

from __future__ import annotations

import itertools

import pytest

from readiness.core.content import Content, load_content
from readiness.core.lang import LANGUAGES, Lang
from readiness.core.plan.builder import build_plan
from readiness.core.plan.model import Plan
from readiness.core.samples import SAMPLE_PROFILES, load_sample
from readiness.resources import questionnaires

FOLDER = questionnaires()

EXPECTED = {
    # profile: (primary channel, markets, a launch blocker id it must have, a regulation it must meet, one it must not)
    "mx-retail": ("whatsapp_platform", {"MX"}, "blk.wa_business_verification@whatsapp_platform", None, "gdpr"),
    "us-dental": ("sms", {"US"}, "blk.sms_us_registration@sms", "tcpa", "gdpr"),
    "jp-brand": ("line", {"JP", "TW", "TH"}, "blk.line_account@line", None, "tcpa"),
    "de-b2b-software": ("web_chat", {"DE"}, "blk.webchat_handoff@web_chat", "gdpr", "tcpa"),
    "cn-exporter": (
        "whatsapp_platform",
        {"MX", "BR", "AE"},
        "blk.wa_business_verification@whatsapp_platform",
        None,
        None,
    ),
    "br-services": ("whatsapp_platform", {"BR"}, "blk.wa_business_verification@whatsapp_platform", "br_lgpd", "gdpr"),
}


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(FOLDER)


@pytest.fixture(scope="module")
def plans(content: Content) -> dict[str, Plan]:
    return {p: build_plan(load_sample(p, Lang.EN, content, FOLDER), content) for p in SAMPLE_PROFILES}


def test_every_sample_profile_has_its_expectations() -> None:
    assert set(SAMPLE_PROFILES) == set(EXPECTED)


@pytest.mark.parametrize("profile", sorted(EXPECTED))
def test_profile_picks_a_channel_that_fits_its_market(plans: dict[str, Plan], profile: str) -> None:
    plan = plans[profile]
    primary, markets, blocker, required, absent = EXPECTED[profile]
    assert plan.chosen_channels[0].channel == primary
    assert markets <= set(plan.header.countries)
    for chosen in plan.chosen_channels:
        assert chosen.rank <= 4, (chosen.channel, chosen.rank, [c.channel for c in plan.channels[:5]])
    assert blocker in {t.id for t in plan.launch_blockers}
    regulations = {c.regulation for c in plan.compliance}
    if required:
        assert required in regulations
    if absent:
        assert absent not in regulations


def test_profiles_differ_in_channels_blockers_and_checklists(plans: dict[str, Plan]) -> None:
    for (a, plan_a), (b, plan_b) in itertools.combinations(plans.items(), 2):
        assert {c.channel for c in plan_a.chosen_channels} != {c.channel for c in plan_b.chosen_channels}, (a, b)
        assert {t.id for t in plan_a.launch_blockers} != {t.id for t in plan_b.launch_blockers}, (a, b)
        promotion_a = {t.id for c in plan_a.promotion for t in c.tasks}
        promotion_b = {t.id for c in plan_b.promotion for t in c.tasks}
        assert promotion_a != promotion_b, (a, b)


def test_b2b_profiles_never_get_consumer_only_channels_on_top(plans: dict[str, Plan], content: Content) -> None:
    for profile in ("de-b2b-software", "cn-exporter"):
        top = plans[profile].channels[0]
        assert "b2b" in {a.value for a in content.catalogs.channels[top.channel].audience}, (profile, top.channel)


@pytest.mark.parametrize(("profile", "lang"), list(itertools.product(SAMPLE_PROFILES, LANGUAGES)))
def test_baseline_answer_agrees_with_the_kpi_table(content: Content, profile: str, lang: Lang) -> None:
    """'Every indicator has a baseline' is said only where every KPI row carries one."""
    sample = load_sample(profile, lang, content, FOLDER)
    every_row_measured = bool(sample.kpis) and all(k.baseline is not None for k in sample.kpis)
    assert (sample.answers["refine.baselines"].value == "yes") == every_row_measured
