"""Which participant is likely the business, offered first when the user chooses it."""

from __future__ import annotations

import datetime as dt

import pytest

from readiness.core.transcripts.model import Kind, Message, Platform, Thread
from readiness.core.transcripts.sources import Participants

AT = dt.datetime(2026, 10, 5, 10, 0)


def chat(*senders: str) -> Thread:
    messages = [Message(AT, "", "Messages are end-to-end encrypted.", Kind.SYSTEM)]
    messages += [Message(AT + dt.timedelta(minutes=i), sender, "hi") for i, sender in enumerate(senders)]
    return Thread(Platform.WHATSAPP, "chat.txt", "", iter(messages))


def participants(*chats: Thread) -> Participants:
    found = Participants()
    for each in chats:
        found.add(each)
    return found


def test_counts_and_threads_leave_system_lines_out() -> None:
    found = participants(chat("Ana", "Shop", "Ana"), chat("Bruno", "Shop"))
    assert found.messages == {"Ana": 2, "Shop": 2, "Bruno": 1} and "" not in found.messages
    assert found.threads == {"Ana": 1, "Shop": 2, "Bruno": 1} and found.thread_count == 2


def test_the_business_is_told_by_its_name_its_words_or_being_in_every_chat() -> None:
    one_chat = participants(chat("Lucía Pérez", "Lucía Pérez", "Jacaranda Home"))
    assert one_chat.likely_business("Casa Jacaranda") == "Jacaranda Home", "shares the word 'jacaranda'"
    assert one_chat.likely_business("CASA JACARANDA ") != "Lucía Pérez"
    exact = participants(chat("Casa Jacaranda", "Jacaranda Fan"))
    assert exact.likely_business("casa jacaranda") == "Casa Jacaranda", "the exact name wins over a shared word"
    several = participants(chat("Ana", "Tienda Sur"), chat("Bruno", "Tienda Sur"))
    assert several.likely_business("Casa Jacaranda") == "Tienda Sur", "the only one in every chat"
    assert one_chat.likely_business("Fernhill Dental") is None, "nothing tells in one chat: the user chooses"


@pytest.mark.parametrize(
    "source",
    [
        "/exports/WhatsApp Chat with Lucía Pérez.txt",
        "/exports/Chat de WhatsApp con Lucia Perez.txt",
        "/exports/Conversa do WhatsApp com Lucía Pérez.txt",
        "/exports/WhatsApp Chat - Lucía Pérez.zip:_chat.txt",
    ],
)
def test_in_one_whatsapp_chat_the_business_is_the_one_the_export_is_not_named_after(source: str) -> None:
    messages = [Message(AT + dt.timedelta(minutes=i), s, "hi") for i, s in enumerate(("Lucía Pérez",) * 3 + ("Ops",))]
    found = participants(Thread(Platform.WHATSAPP, source, "", iter(messages)))
    assert found.likely_business("Fernhill Dental") == "Ops", "the customer writes more, the export names her"


def test_an_export_named_otherwise_tells_nothing() -> None:
    messages = [Message(AT, "Lucía Pérez", "hi"), Message(AT, "Ops", "hello")]
    found = participants(Thread(Platform.WHATSAPP, "/exports/chat.txt", "", iter(messages)))
    assert found.likely_business("Fernhill Dental") is None
