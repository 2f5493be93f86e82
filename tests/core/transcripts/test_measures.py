"""The measures of docs/transcript-measures.md on threads written out by hand, each figure worked out beside it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from readiness.core.content import Content
from readiness.core.problems import ReadinessError
from readiness.core.transcripts.hours import DEFAULT_HOURS, BusinessHours
from readiness.core.transcripts.measures import Analysis, Settings
from readiness.core.transcripts.model import Kind, Message, Platform, Thread
from readiness.core.transcripts.phrases import PhraseMatcher

SHOP = "Casa Jacaranda"
MONDAY = dt.datetime(2026, 10, 5)


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A time in the week of Monday 5 October 2026 (day 0) and after."""
    return MONDAY + dt.timedelta(days=day, hours=hour, minutes=minute)


def thread(*messages: tuple[dt.datetime, str, str], key: str = "") -> Thread:
    kinds = {"<media>": Kind.MEDIA, "<system>": Kind.SYSTEM}
    return Thread(
        Platform.WHATSAPP, "chat.txt", key, iter(Message(t, s, x, kinds.get(x, Kind.TEXT)) for t, s, x in messages)
    )


def analysed(shipped: Content, *threads: Thread, promise: float = 60) -> dict[str, Any]:
    analysis = Analysis(
        Settings(SHOP, BusinessHours.parse(DEFAULT_HOURS), promise), PhraseMatcher.of(shipped.transcript_phrases)
    )
    for each in threads:
        analysis.add(each)
    return analysis.measures().as_json()


def test_every_measure_on_two_customers(shipped: Content) -> None:
    lucia = thread(
        (at(0, 10), "", "<system>"),
        # 1: Monday 10:00, in hours; answered after 5 min; asked to call; Lucía comes back within 7 days
        (at(0, 10), "Lucía Pérez", "Hola, ¿tienen la olla en rojo?"),
        (at(0, 10, 5), SHOP, "Hola Lucía, por favor llámenos al 55 1234 5678"),
        # 2: Wednesday 21:00, after hours, 61 h after the first ended: a repeat; answered after 90 min (late)
        (at(2, 21), "Lucía Pérez", "Sigo esperando"),
        (at(2, 22, 30), SHOP, "Perdón, ya lo revisamos"),
        (at(2, 22, 31), SHOP, "<media>"),
        (at(2, 22, 40), "Lucía Pérez", "Perfecto, gracias"),
        # 3: the business starts it: counted as a conversation, in no share
        (at(20, 9), SHOP, "Recordatorio: su pedido llega mañana"),
    )
    alex = thread(
        # 4: Saturday 11:00, after hours; never answered
        (at(5, 11), "+52 55 8765 4321", "hello? card 4539 1488 0343 6467"),
        key="2",
    )
    found = analysed(shipped, lucia, alex)
    assert found["messages"] == 8 and found["conversations"] == 4 and found["customer_started"] == 3
    assert found["period"] == {"first": "2026-10-05", "last": "2026-10-25"}
    assert found["first_response_minutes"] == {
        "median": 47.5,  # (5 + 90) / 2
        "p90": 90.0,  # rank ceil(0.9 * 2) = 2
        "answered": 2,
        "within_hours": {"median": 5.0, "p90": 5.0, "answered": 1},
    }
    assert found["answered_within_promise_share"] == pytest.approx(1 / 3, abs=1e-4)
    assert found["after_hours_share"] == pytest.approx(2 / 3, abs=1e-4)
    assert found["channel_switch_share"] == pytest.approx(1 / 3, abs=1e-4)
    assert found["repeat_contact_share"] == pytest.approx(1 / 3, abs=1e-4)
    # 1 switched and repeated: not resolved; 2 said "perfecto, gracias"; 4 no switch, no repeat: resolved
    assert found["resolved_in_channel_share"] == pytest.approx(2 / 3, abs=1e-4)
    assert found["business_messages_per_resolved"] == 1.0  # (2 + 0) / 2
    assert found["switch_reasons"] == [
        {"reason": "call", "conversations": 1, "example": "Hola Customer 1, por favor llámenos al [phone]"}
    ]
    assert found["redacted"] == {"card": 1, "name": 1, "phone": 2}
    assert "small_sample" in found["caveats"] and "recent_repeats" not in found["caveats"]


def test_an_empty_sample_is_null_not_zero(shipped: Content) -> None:
    found = analysed(shipped, thread((at(0, 9), SHOP, "Recordatorio de su cita")))
    assert found["customer_started"] == 0
    assert found["after_hours_share"] is None and found["business_messages_per_resolved"] is None
    assert found["first_response_minutes"]["median"] is None


def test_a_business_name_no_participant_has_lists_the_participants(shipped: Content) -> None:
    with pytest.raises(ReadinessError) as caught:
        analysed(shipped, thread((at(0, 9), "Lucía Pérez", "hola"), (at(0, 9, 1), "Jacaranda Home", "hola")))
    (problem,) = caught.value.problems
    assert problem.message == (
        "no participant is called 'Casa Jacaranda'; the participants: Lucía Pérez (1 message), Jacaranda Home (1 message)"
    )


def test_a_conversation_splits_only_after_more_than_the_gap(shipped: Content) -> None:
    found = analysed(
        shipped,
        thread(
            (at(0, 10), "Lucía Pérez", "hola"),
            (at(1, 10), SHOP, "hola"),  # exactly 24 h later: the same conversation
            (at(2, 10, 1), "Lucía Pérez", "otra cosa"),  # 24 h 1 min later: a new one
        ),
    )
    assert found["conversations"] == 2
    assert found["first_response_minutes"]["median"] == 1440.0
