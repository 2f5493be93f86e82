"""The monthly running cost: figures from the catalog's dated rates or the user's quote, staff time from volume and
handling time, a range where inputs are uncertain, and "not estimated" with its reason where a figure is unknown."""

from __future__ import annotations

from functools import cache

import pytest

from readiness.core.assessment import Answer, Assessment, ChannelChoice, ChannelUse
from readiness.core.content import Content, load_content
from readiness.core.lang import Lang
from readiness.core.plan.builder import build_plan
from readiness.core.plan.cost_lines import CostLine, LineKind, Money
from readiness.core.plan.costs import (
    EXPECTED_CONVERSATIONS,
    HANDLING_TIME,
    MARKETING_MESSAGES,
    MARKETING_PRICE,
    STAFF_HOUR_COST,
    UPDATE_MESSAGES,
    UPDATE_PRICE,
    RunningCost,
)
from readiness.core.samples import load_sample
from readiness.resources import questionnaires


@cache
def content() -> Content:
    return load_content(questionnaires())


def sample(profile: str, lang: Lang = Lang.EN) -> Assessment:
    return load_sample(profile, lang, content(), questionnaires())


def answered(assessment: Assessment, **values: float | None) -> Assessment:
    """``assessment`` with these questions (keys with '.' written as '__') answered, or cleared for None."""
    answers = dict(assessment.answers)
    for key, value in values.items():
        question = key.replace("__", ".")
        if value is None:
            answers.pop(question, None)
        else:
            answers[question] = Answer(value=value)
    return assessment.model_copy(update={"answers": answers})


def cost_of(assessment: Assessment) -> RunningCost:
    return build_plan(assessment, content()).running_cost


def line(cost: RunningCost, item: str) -> CostLine:
    return next(found for found in cost.lines if found.item == item)


def money(amount: Money | None) -> tuple[float, float, str]:
    assert amount is not None
    return round(amount.low, 2), round(amount.high, 2), amount.currency


def test_brazilian_whatsapp_fees_come_from_the_dated_rate_card_and_staff_time_from_volume() -> None:
    cost = cost_of(sample("br-services"))  # 6,000 conversations, 3,000 marketing, 8,000 updates, 5 min, R$45/h, bot
    assert money(line(cost, "WhatsApp: marketing messages").amount) == (187.5, 187.5, "USD")  # 3,000 × US$0.0625
    assert money(line(cost, "WhatsApp: update messages").amount) == (54.4, 54.4, "USD")  # 8,000 × US$0.0068
    replies = line(cost, "WhatsApp: replies beyond the free 1,000 a month")
    assert money(replies.amount) == (74.8, 156.4, "USD")  # (6,000 × 2 − 1,000) to (6,000 × 4 − 1,000) × US$0.0068
    assert "Dec 5, 2026" in replies.basis and "Brazil" in replies.basis
    assert line(cost, "WhatsApp: provider's fee").kind is LineKind.NOT_ESTIMATED
    staff = line(cost, "Staff time")  # a bot answers first: people handle half to all of the conversations
    assert money(staff.amount) == (11250.0, 22500.0, "BRL")
    assert cost.staff_hours == (250.0, 500.0)
    assert [money(total) for total in cost.totals] == [(316.7, 398.3, "USD"), (11250.0, 22500.0, "BRL")]
    assert any("free for 72 hours" in said and "does not deduct" in said for said in cost.assumptions)


def test_a_market_without_a_verified_rate_is_not_estimated_until_the_user_types_a_quote() -> None:
    mexico = sample("mx-retail")  # WhatsApp for Mexico and the United States: no verified figures in the catalog
    fees = line(cost_of(mexico), "WhatsApp: message fees")
    assert fees.kind is LineKind.NOT_ESTIMATED and fees.amount is None
    assert "no verified rate for Mexico and United States" in fees.basis
    quoted = cost_of(answered(mexico, open__marketing_price=0.05, open__update_price=0.01))
    assert money(line(quoted, "WhatsApp: marketing messages").amount) == (200.0, 200.0, "USD")  # 4,000 × US$0.05
    assert "the provider's quote of $0.05 a message" in line(quoted, "WhatsApp: marketing messages").basis


def test_without_a_volume_the_profile_contacts_give_the_range_and_without_either_nothing_is_guessed() -> None:
    dental = answered(sample("us-dental"), **{EXPECTED_CONVERSATIONS.replace(".", "__"): None})
    cost = cost_of(dental)
    assert "at the low end" in cost.volume and "at the high end" in cost.volume
    uses = dental.profile.current_channels
    low = sum(u.monthly_volume or 0 for u in uses if u.channel == "sms")
    high = sum(u.monthly_volume or 0 for u in uses)
    assert cost.staff_hours == pytest.approx((low * 4 / 60, high * 4 / 60))
    unknown = dental.model_copy(
        update={"profile": dental.profile.model_copy(update={"current_channels": (ChannelUse(channel="email"),)})}
    )
    staff = line(cost_of(unknown), "Staff time")
    assert staff.kind is LineKind.NOT_ESTIMATED and "not known" in staff.basis


def test_sms_bills_every_message_each_way_plus_carrier_fees_on_those_sent() -> None:
    cost = cost_of(sample("us-dental"))  # 4,000 conversations, 0 marketing, 6,000 updates
    fees = line(cost, "SMS: message fees")
    each_way = (4000 * 2, 4000 * 4)
    low = (2 * each_way[0] + 6000) * 0.0083 + (each_way[0] + 6000) * 0.002
    high = (2 * each_way[1] + 6000) * 0.0083 + (each_way[1] + 6000) * 0.00875
    assert money(fees.amount) == (round(low, 2), round(high, 2), "USD")


def test_line_picks_the_cheapest_monthly_plan_whose_quota_covers_what_the_business_sends() -> None:
    brand = sample("jp-brand")
    light = cost_of(
        answered(brand, open__marketing_messages=3000, open__update_messages=1000, open__expected_conversations=0)
    )
    assert money(line(light, "LINE: monthly plan in Japan").amount) == (5000.0, 5000.0, "JPY")
    standard = cost_of(brand)  # 13,500 messages: only the Standard plan's 30,000 covers them
    assert money(line(standard, "LINE: monthly plan in Japan").amount) == (15000.0, 15000.0, "JPY")
    assert (
        line(standard, "LINE: fees").basis
        == "no verified prices for Thailand and Taiwan: read the provider's current plans"
    )


def test_a_free_channel_costs_no_message_fee_and_adds_nothing() -> None:
    brand = sample("jp-brand")
    instagram_only = brand.model_copy(update={"channels": (ChannelChoice(channel="instagram", role="primary"),)})
    cost = cost_of(answered(instagram_only, **{STAFF_HOUR_COST.replace(".", "__"): None}))
    assert line(cost, "Instagram: message fees").kind is LineKind.FREE
    assert cost.totals == ()
    assert "the cost of an hour is not given" in line(cost, "Staff time").basis


def test_without_a_home_country_staff_time_is_given_in_hours_only() -> None:
    dental = sample("us-dental")
    abroad = dental.model_copy(update={"profile": dental.profile.model_copy(update={"home_country": None})})
    staff = line(cost_of(abroad), "Staff time")
    assert staff.kind is LineKind.NOT_ESTIMATED
    assert "267 h a month" in staff.basis and "currency is not known" in staff.basis


@pytest.mark.parametrize(
    "question",
    [MARKETING_MESSAGES, UPDATE_MESSAGES, HANDLING_TIME, MARKETING_PRICE, UPDATE_PRICE, EXPECTED_CONVERSATIONS],
)
def test_every_input_is_a_question_of_the_open_step(question: str) -> None:
    found = content().default_questionnaire().question(question)
    assert found is not None and found.step == "open" and not found.scored


def test_the_estimate_speaks_the_plan_language() -> None:
    cost = cost_of(sample("br-services", Lang.PT_BR))
    assert line(cost, "Tempo da equipe").amount is not None
    assert "por mensagem" in line(cost, "WhatsApp: mensagens de marketing").basis


def test_the_readiness_target_the_business_set_reaches_the_plan() -> None:
    plan = build_plan(sample("br-services"), content())
    assert plan.readiness_target == 75.0
    cleared = answered(sample("br-services"), refine__readiness_target=None)
    assert build_plan(cleared, content()).readiness_target is None
