"""Facts the wizard asks in two places, kept as one.

Five questions ask what a tab also records:
- the surfaces that will promote the channel (Promote question and Surfaces tab);
- the channels to open (Open question and Channels tab; the WhatsApp setup question picks the app or the
  Business Platform);
- whether a bot answers customers (Open question and Team tab);
- how often transcripts are read (Refine question and the refine routine);
- the date of the next re-assessment (Refine question and the refine routine's days after launch).

Every edit passes through ``reconcile``: whichever side the edit changed is copied to the other, so both always
show the same fact and the plan never reads two versions of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from readiness.core.assessment import REASSESS_DAYS, Answer, Assessment, ChannelChoice, PromotionChoice
from readiness.core.catalog import Cadence
from readiness.core.plan.launch import launch_date, next_reassessment

SURFACES_QUESTION = "promote.surfaces"
SURFACE_OF_CHOICE: Mapping[str, str] = {
    "website": "website",
    "social": "social",
    "newsletter": "email_newsletter",
    "signatures": "email_signature",
    "store_qr": "in_store",
    "packaging": "packaging",
    "ads": "paid_ads",
    "phone": "phone_ivr",
}
"""Each choice of the surfaces question and the catalog surface it is."""
NOTHING_PLANNED = "none"

CHANNELS_QUESTION = "open.channels_planned"
CHANNELS_OF_CHOICE: Mapping[str, tuple[str, ...]] = {
    "whatsapp": ("whatsapp_platform", "whatsapp_app"),
    "messenger": ("messenger",),
    "instagram": ("instagram",),
    "apple_messages": ("apple_messages",),
    "sms_rcs": ("sms", "rcs"),
    "line": ("line",),
    "wechat": ("wechat",),
    "web_chat": ("web_chat",),
}
"""Each choice of the channels question and the catalog channels it covers; the first is the one added when the
choice is ticked."""
OTHER_CHANNEL = "other"
"""The question's choice for any channel not listed above."""
WHATSAPP_SETUP_QUESTION = "open.whatsapp_setup"
WHATSAPP_APP_IS_ENOUGH = "business_app_fits"

BOT_QUESTION = "open.bot_planned"


def reconcile(before: Assessment, after: Assessment) -> Assessment:
    """``after`` with each linked pair agreeing again: the side this edit changed wins."""
    for link in (_link_surfaces, _link_channels, _link_whatsapp_setup, _link_bot, _link_review, _link_reassessment):
        after = link(before, after)
    return after


def agreeing(assessment: Assessment) -> Assessment:
    """``assessment`` with each linked question answered as its tab records it (the tabs are what the plan reads)."""
    for from_tab in (_question_from_surfaces, _question_from_channels, _question_from_bot, _question_from_review):
        assessment = from_tab(assessment)
    return reassessment_date_of_routine(assessment)


def _question_changed(before: Assessment, after: Assessment, question: str) -> bool:
    return _value(before, question) != _value(after, question)


def _value(assessment: Assessment, question: str) -> object:
    answer = assessment.answers.get(question)
    return None if answer is None or answer.na else answer.value


def _choices(assessment: Assessment, question: str) -> tuple[str, ...]:
    value = _value(assessment, question)
    return value if isinstance(value, tuple) else ()


def _with_value(assessment: Assessment, question: str, value: str | tuple[str, ...] | dt.date) -> Assessment:
    """The question answered ``value``, keeping its note, flag and author; an empty value clears the answer."""
    answers = dict(assessment.answers)
    kept = answers.get(question, Answer())
    if value in ((), "") and not (kept.note or kept.flagged):
        answers.pop(question, None)
    else:
        answers[question] = kept.model_copy(update={"value": value or None, "na": False, "na_reason": ""})
    return assessment.model_copy(update={"answers": answers})


def _follow(
    before: Assessment,
    after: Assessment,
    question: str,
    state: Callable[[Assessment], object],
    to_state: Callable[[Assessment], Assessment],
    to_question: Callable[[Assessment], Assessment],
) -> Assessment:
    if _question_changed(before, after, question):
        return to_state(after)
    if state(before) != state(after):
        return to_question(after)
    return after


# ---------------------------------------------------------------- surfaces


def _link_surfaces(before: Assessment, after: Assessment) -> Assessment:
    return _follow(
        before,
        after,
        SURFACES_QUESTION,
        lambda a: {c.surface for c in a.promotion},
        _surfaces_from_question,
        _question_from_surfaces,
    )


def _surfaces_from_question(assessment: Assessment) -> Assessment:
    ticked = {SURFACE_OF_CHOICE[c] for c in _choices(assessment, SURFACES_QUESTION) if c in SURFACE_OF_CHOICE}
    linked = set(SURFACE_OF_CHOICE.values())
    kept = [c for c in assessment.promotion if c.surface in ticked or c.surface not in linked]
    added = [PromotionChoice(surface=s) for s in SURFACE_OF_CHOICE.values() if s in ticked - {c.surface for c in kept}]
    return assessment.model_copy(update={"promotion": (*kept, *added)})


def _question_from_surfaces(assessment: Assessment) -> Assessment:
    chosen = {c.surface for c in assessment.promotion}
    value = tuple(choice for choice, surface in SURFACE_OF_CHOICE.items() if surface in chosen)
    if not value and _choices(assessment, SURFACES_QUESTION) == (NOTHING_PLANNED,):
        return assessment
    return _with_value(assessment, SURFACES_QUESTION, value)


# ---------------------------------------------------------------- channels


def _channel_choice(channel: str) -> str:
    return next((choice for choice, covered in CHANNELS_OF_CHOICE.items() if channel in covered), OTHER_CHANNEL)


def _link_channels(before: Assessment, after: Assessment) -> Assessment:
    return _follow(
        before,
        after,
        CHANNELS_QUESTION,
        lambda a: {_channel_choice(c.channel) for c in a.channels},
        lambda a: _channels_from_question(before, a),
        _question_from_channels,
    )


def _channels_from_question(before: Assessment, after: Assessment) -> Assessment:
    """Ticking a channel adds it (the primary if there is none yet); unticking removes what it covers."""
    ticked, was_ticked = set(_choices(after, CHANNELS_QUESTION)), set(_choices(before, CHANNELS_QUESTION))
    unticked = was_ticked - ticked
    channels = [c for c in after.channels if _channel_choice(c.channel) not in unticked]
    present = {_channel_choice(c.channel) for c in channels}
    for choice in CHANNELS_OF_CHOICE:
        if choice in ticked - was_ticked and choice not in present:
            role = "secondary" if any(c.role == "primary" for c in channels) else "primary"
            channels.append(ChannelChoice(channel=_channel_added_for(choice, after), role=role))
    return after.model_copy(update={"channels": tuple(channels)})


def _channel_added_for(choice: str, assessment: Assessment) -> str:
    covered = CHANNELS_OF_CHOICE[choice]
    if choice == "whatsapp" and _value(assessment, WHATSAPP_SETUP_QUESTION) == WHATSAPP_APP_IS_ENOUGH:
        return "whatsapp_app"
    return covered[0]


WHATSAPP_VARIANTS = CHANNELS_OF_CHOICE["whatsapp"]


def _link_whatsapp_setup(before: Assessment, after: Assessment) -> Assessment:
    """The setup answer given after WhatsApp was chosen picks its variant: the app when the app is enough, else the
    Business Platform; the choice keeps its role, reason and promise."""
    if not _question_changed(before, after, WHATSAPP_SETUP_QUESTION) or _value(after, WHATSAPP_SETUP_QUESTION) is None:
        return after
    wanted = _channel_added_for("whatsapp", after)
    if any(c.channel == wanted for c in after.channels):
        return after
    channels = tuple(
        c.model_copy(update={"channel": wanted}) if c.channel in WHATSAPP_VARIANTS else c for c in after.channels
    )
    return after.model_copy(update={"channels": channels})


def _question_from_channels(assessment: Assessment) -> Assessment:
    """Ticked in the order the channels are listed, the primary first."""
    value = tuple(dict.fromkeys(_channel_choice(c.channel) for c in assessment.channels))
    return _with_value(assessment, CHANNELS_QUESTION, value)


# ---------------------------------------------------------------- bot


def _link_bot(before: Assessment, after: Assessment) -> Assessment:
    return _follow(before, after, BOT_QUESTION, lambda a: a.team.bot.enabled, _bot_from_question, _question_from_bot)


def _bot_from_question(assessment: Assessment) -> Assessment:
    value = _value(assessment, BOT_QUESTION)
    if value not in ("yes", "no") or (value == "yes") == assessment.team.bot.enabled:
        return assessment
    bot = assessment.team.bot.model_copy(update={"enabled": value == "yes"})
    return assessment.model_copy(update={"team": assessment.team.model_copy(update={"bot": bot})})


def _question_from_bot(assessment: Assessment) -> Assessment:
    return _with_value(assessment, BOT_QUESTION, "yes" if assessment.team.bot.enabled else "no")


# ---------------------------------------------------------------- transcript review

REVIEW_QUESTION = "refine.transcript_review"
REVIEW_CADENCES: Mapping[str, Cadence] = {"weekly": Cadence.WEEKLY, "monthly": Cadence.MONTHLY}
"""The question's choices that are a cadence; the others (on complaint only, not kept) leave the routine as set."""


def _link_review(before: Assessment, after: Assessment) -> Assessment:
    return _follow(
        before,
        after,
        REVIEW_QUESTION,
        lambda a: a.refine.transcript_review,
        _review_from_question,
        _question_from_review,
    )


def _review_from_question(assessment: Assessment) -> Assessment:
    cadence = REVIEW_CADENCES.get(str(_value(assessment, REVIEW_QUESTION)))
    if cadence is None or cadence == assessment.refine.transcript_review:
        return assessment
    refine = assessment.refine.model_copy(update={"transcript_review": cadence})
    return assessment.model_copy(update={"refine": refine})


def _question_from_review(assessment: Assessment) -> Assessment:
    """A cadence the question offers answers it, unless it was answered with no cadence at all."""
    choice = next((c for c, cadence in REVIEW_CADENCES.items() if cadence == assessment.refine.transcript_review), None)
    answered = _value(assessment, REVIEW_QUESTION)
    if choice is None or (answered is not None and answered not in REVIEW_CADENCES):
        return assessment
    return _with_value(assessment, REVIEW_QUESTION, choice)


# ---------------------------------------------------------------- re-assessment date

REASSESSMENT_DATE_QUESTION = "refine.reassessment_date"
"""Asked only when a re-assessment is planned; the routine's days after launch always exist."""


def _link_reassessment(before: Assessment, after: Assessment) -> Assessment:
    return _follow(
        before,
        after,
        REASSESSMENT_DATE_QUESTION,
        next_reassessment,
        _days_from_question,
        reassessment_date_of_routine,
    )


def _days_from_question(assessment: Assessment) -> Assessment:
    value = _value(assessment, REASSESSMENT_DATE_QUESTION)
    if not isinstance(value, dt.date):
        return assessment
    lowest, highest = REASSESS_DAYS
    days = min(max((value - launch_date(assessment)[0]).days, lowest), highest)
    refine = assessment.refine.model_copy(update={"reassess_after_days": days})
    return assessment.model_copy(update={"refine": refine})


def reassessment_date_of_routine(assessment: Assessment) -> Assessment:
    """A date already answered follows the routine; an unanswered (or hidden) question is left alone. The plan is
    built from this, so its answers never name another day than its timeline, whatever an older file stored."""
    if not isinstance(_value(assessment, REASSESSMENT_DATE_QUESTION), dt.date):
        return assessment
    return _with_value(assessment, REASSESSMENT_DATE_QUESTION, next_reassessment(assessment))
