"""Which participant is likely the business, offered first when the user chooses it."""

from __future__ import annotations

import datetime as dt

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
