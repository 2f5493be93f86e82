"""A question and a tab that record the same fact stay one fact, whichever side is edited."""

from __future__ import annotations

import datetime as dt

import pytest

from readiness.core.assessment import Answer, Assessment, ChannelChoice, PromotionChoice
from readiness.core.catalog import Cadence
from readiness.core.content import Content
from readiness.core.linked import (
    BOT_QUESTION,
    CHANNELS_OF_CHOICE,
    CHANNELS_QUESTION,
    REASSESSMENT_DATE_QUESTION,
    SURFACE_OF_CHOICE,
    SURFACES_QUESTION,
    reconcile,
)
from readiness.core.plan.builder import build_plan
from readiness.core.plan.reassess import reassessed


@pytest.fixture
def blank(samples: dict[str, Assessment]) -> Assessment:
    sample = samples["mx-retail.en"]
    return sample.model_copy(update={"answers": {}, "promotion": (), "channels": ()})


def answered(assessment: Assessment, question: str, value: str | tuple[str, ...] | dt.date) -> Assessment:
    return assessment.model_copy(update={"answers": {**assessment.answers, question: Answer(value=value)}})


def value(assessment: Assessment, question: str) -> object:
    answer = assessment.answers.get(question)
    return None if answer is None else answer.value


def test_every_linked_choice_names_a_real_choice_surface_and_channel(shipped: Content) -> None:
    questionnaire = next(q for (name, _version), q in shipped.questionnaires.items() if name == "readiness-core")
    by_id = {q.id: q for q in questionnaire.questions}
    surface_choices = {c.id for c in by_id[SURFACES_QUESTION].choices}
    channel_choices = {c.id for c in by_id[CHANNELS_QUESTION].choices}
    assert set(SURFACE_OF_CHOICE) <= surface_choices
    assert set(SURFACE_OF_CHOICE.values()) <= set(shipped.catalogs.surfaces)
    assert set(CHANNELS_OF_CHOICE) <= channel_choices
    assert {c for covered in CHANNELS_OF_CHOICE.values() for c in covered} <= set(shipped.catalogs.channels)
    assert {c.id for c in by_id[BOT_QUESTION].choices} == {"yes", "no"}


def test_a_surface_reads_the_same_in_the_question_and_the_tab(shipped: Content) -> None:
    questionnaire = next(q for (name, _version), q in shipped.questionnaires.items() if name == "readiness-core")
    question = next(q for q in questionnaire.questions if q.id == SURFACES_QUESTION)
    for choice in question.choices:
        if (surface := SURFACE_OF_CHOICE.get(choice.id)) is not None:
            assert choice.label == shipped.catalogs.surfaces[surface].name, choice.id


def test_surfaces_ticked_in_the_question_appear_in_the_tab_and_back(blank: Assessment) -> None:
    ticked = reconcile(blank, answered(blank, SURFACES_QUESTION, ("website", "store_qr")))
    assert [c.surface for c in ticked.promotion] == ["website", "in_store"]

    owned = ticked.model_copy(
        update={"promotion": (PromotionChoice(surface="website", owner="Ana"), *ticked.promotion[1:])}
    )
    with_packaging = owned.model_copy(update={"promotion": (*owned.promotion, PromotionChoice(surface="packaging"))})
    synced = reconcile(owned, with_packaging)
    assert value(synced, SURFACES_QUESTION) == ("website", "store_qr", "packaging")

    unticked = reconcile(synced, answered(synced, SURFACES_QUESTION, ("website",)))
    assert [(c.surface, c.owner) for c in unticked.promotion] == [("website", "Ana")]


def test_removing_every_surface_clears_the_answer_but_nothing_planned_stays(blank: Assessment) -> None:
    ticked = reconcile(blank, answered(blank, SURFACES_QUESTION, ("website",)))
    emptied = reconcile(ticked, ticked.model_copy(update={"promotion": ()}))
    assert SURFACES_QUESTION not in emptied.answers

    nothing = reconcile(blank, answered(blank, SURFACES_QUESTION, ("none",)))
    assert nothing.promotion == ()
    assert value(nothing, SURFACES_QUESTION) == ("none",)


def test_a_surface_with_no_question_choice_is_kept_when_the_question_changes(blank: Assessment) -> None:
    other = blank.model_copy(update={"promotion": (PromotionChoice(surface="other"),)})
    changed = reconcile(other, answered(other, SURFACES_QUESTION, ("social",)))
    assert [c.surface for c in changed.promotion] == ["other", "social"]


def test_channels_ticked_in_the_question_are_chosen_primary_first(blank: Assessment) -> None:
    ticked = reconcile(blank, answered(blank, CHANNELS_QUESTION, ("whatsapp", "instagram")))
    assert [(c.channel, c.role) for c in ticked.channels] == [
        ("whatsapp_platform", "primary"),
        ("instagram", "secondary"),
    ]
    fewer = reconcile(ticked, answered(ticked, CHANNELS_QUESTION, ("instagram",)))
    assert [c.channel for c in fewer.channels] == ["instagram"]


def test_whatsapp_follows_the_setup_answer(blank: Assessment) -> None:
    app = answered(blank, "open.whatsapp_setup", "business_app_fits")
    ticked = reconcile(app, answered(app, CHANNELS_QUESTION, ("whatsapp",)))
    assert [c.channel for c in ticked.channels] == ["whatsapp_app"]


def test_the_setup_answered_after_choosing_whatsapp_switches_it_to_the_app_and_back(blank: Assessment) -> None:
    """Seen in a real window: WhatsApp ticked first became the Business Platform, and answering that the app is
    enough changed nothing."""
    ticked = reconcile(blank, answered(blank, CHANNELS_QUESTION, ("whatsapp", "instagram")))
    app = reconcile(ticked, answered(ticked, "open.whatsapp_setup", "business_app_fits"))
    assert [(c.channel, c.role) for c in app.channels] == [("whatsapp_app", "primary"), ("instagram", "secondary")]
    platform = reconcile(app, answered(app, "open.whatsapp_setup", "not_started"))
    assert [c.channel for c in platform.channels] == ["whatsapp_platform", "instagram"]
    assert value(platform, CHANNELS_QUESTION) == ("whatsapp", "instagram")


def test_the_review_cadence_answered_is_the_routines_and_the_routines_answers_it(blank: Assessment) -> None:
    """Seen in a real window: "Every month" answered, yet the refine routine still read "Weekly"."""
    monthly = reconcile(blank, answered(blank, "refine.transcript_review", "monthly"))
    assert monthly.refine.transcript_review == Cadence.MONTHLY
    weekly = monthly.model_copy(
        update={"refine": monthly.refine.model_copy(update={"transcript_review": Cadence.WEEKLY})}
    )
    assert value(reconcile(monthly, weekly), "refine.transcript_review") == "weekly"
    on_complaint = reconcile(weekly, answered(weekly, "refine.transcript_review", "ad_hoc"))
    assert on_complaint.refine.transcript_review == Cadence.WEEKLY  # no cadence to copy: the routine stays
    quarterly = on_complaint.model_copy(
        update={"refine": on_complaint.refine.model_copy(update={"transcript_review": Cadence.QUARTERLY})}
    )
    assert value(reconcile(on_complaint, quarterly), "refine.transcript_review") == "ad_hoc"


def test_channels_chosen_in_the_tab_answer_the_question(blank: Assessment) -> None:
    chosen = blank.model_copy(
        update={
            "channels": (
                ChannelChoice(channel="sms", role="primary"),
                ChannelChoice(channel="telegram", role="secondary"),
            )
        }
    )
    assert value(reconcile(blank, chosen), CHANNELS_QUESTION) == ("sms_rcs", "other")


def test_the_bot_checkbox_and_the_bot_question_are_one_fact(blank: Assessment) -> None:
    yes = reconcile(blank, answered(blank, BOT_QUESTION, "yes"))
    assert yes.team.bot.enabled
    bot = yes.team.bot.model_copy(update={"enabled": False})
    off = reconcile(yes, yes.model_copy(update={"team": yes.team.model_copy(update={"bot": bot})}))
    assert value(off, BOT_QUESTION) == "no"


def test_the_reassessment_date_and_the_routines_days_after_launch_are_one_fact(blank: Assessment) -> None:
    launch = blank.profile.launch_date
    assert launch is not None
    dated = reconcile(blank, answered(blank, REASSESSMENT_DATE_QUESTION, launch + dt.timedelta(days=210)))
    assert dated.refine.reassess_after_days == 210
    sooner = dated.model_copy(update={"refine": dated.refine.model_copy(update={"reassess_after_days": 120})})
    assert value(reconcile(dated, sooner), REASSESSMENT_DATE_QUESTION) == launch + dt.timedelta(days=120)
    later_launch = dated.profile.model_copy(update={"launch_date": launch + dt.timedelta(days=7)})
    moved = reconcile(dated, dated.model_copy(update={"profile": later_launch}))
    assert value(moved, REASSESSMENT_DATE_QUESTION) == launch + dt.timedelta(days=217)  # the routine counts from launch
    assert reconcile(blank, blank) == blank  # unanswered, it stays unanswered


def test_a_reassessment_made_after_the_routines_date_plans_the_next_one_not_a_day_past(blank: Assessment) -> None:
    launch = blank.profile.launch_date
    assert launch is not None
    dated = reconcile(blank, answered(blank, REASSESSMENT_DATE_QUESTION, launch + dt.timedelta(days=180)))
    assert reassessed(dated, launch + dt.timedelta(days=90)) == dated.model_copy(
        update={"created": launch + dt.timedelta(days=90)}
    ), "still ahead: nothing moves"
    again = reassessed(dated, launch + dt.timedelta(days=200))
    assert again.created == launch + dt.timedelta(days=200)
    assert value(again, REASSESSMENT_DATE_QUESTION) == launch + dt.timedelta(days=360)
    assert again.refine == dated.refine, "the routine itself is unchanged: every 180 days after launch"
    on_the_day = reassessed(dated, launch + dt.timedelta(days=180))
    assert value(on_the_day, REASSESSMENT_DATE_QUESTION) == launch + dt.timedelta(days=360), "this one is today's"
    unanswered = reassessed(blank, launch + dt.timedelta(days=200))
    assert REASSESSMENT_DATE_QUESTION not in unanswered.answers


def test_a_note_on_the_question_survives_a_change_made_in_the_tab(blank: Assessment) -> None:
    noted = blank.model_copy(
        update={"answers": {SURFACES_QUESTION: Answer(value=("website",), note="ask the web agency", flagged=True)}}
    )
    noted = reconcile(blank, noted)
    emptied = reconcile(noted, noted.model_copy(update={"promotion": ()}))
    kept = emptied.answers[SURFACES_QUESTION]
    assert (kept.value, kept.note, kept.flagged) == (None, "ask the web agency", True)


def test_an_edit_elsewhere_changes_nothing_linked(samples: dict[str, Assessment]) -> None:
    sample = samples["us-dental.en"]
    renamed = sample.model_copy(update={"profile": sample.profile.model_copy(update={"organisation": "Renamed"})})
    assert reconcile(sample, renamed) == renamed


def test_every_sample_records_each_linked_fact_once(samples: dict[str, Assessment]) -> None:
    """A sample answers each linked question as its tab records it, so opening one changes nothing."""
    from readiness.core.linked import agreeing

    for name, sample in samples.items():
        assert agreeing(sample) == sample, name


def test_a_reassessment_stored_with_a_past_date_still_prints_one_day_in_its_plan(
    samples: dict[str, Assessment], shipped: Content
) -> None:
    """A re-assessment made before the routine looked ahead kept its baseline's day, now past: the plan's answers
    and its timeline agree on the next one all the same."""
    sample = samples["mx-retail.es"]
    launch = sample.profile.launch_date
    assert launch is not None and isinstance(value(sample, REASSESSMENT_DATE_QUESTION), dt.date)
    stale = sample.model_copy(update={"created": launch + dt.timedelta(days=sample.refine.reassess_after_days + 20)})
    plan = build_plan(stale, shipped, issued=stale.created)
    printed = next(line for line in plan.answers if line.question == REASSESSMENT_DATE_QUESTION)
    assert printed.date_value == plan.refine.reassessment > stale.created
