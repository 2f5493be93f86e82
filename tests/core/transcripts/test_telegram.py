"""Telegram Desktop's result.json: one chat or a whole export, local times, joined texts; one clear line when broken."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from readiness.core.problems import ReadinessError
from readiness.core.transcripts.model import Kind, Message, Platform
from readiness.core.transcripts.telegram import read_telegram

SPECIMENS = Path(__file__).parent / "specimens"
ONE_CHAT = SPECIMENS / "telegram-chat" / "result.json"
WHOLE_EXPORT = SPECIMENS / "telegram-full" / "result.json"
SAO_PAULO = ZoneInfo("America/Sao_Paulo")
MEXICO_CITY = ZoneInfo("America/Mexico_City")
BAKERY = "Padaria Pão Dourado"
MARCIA = "Márcia Gonçalves"


def at(day: int, hour: int, minute: int, second: int = 0) -> dt.datetime:
    return dt.datetime(2026, 10, day, hour, minute, second)


def problem(path: Path) -> str:
    with pytest.raises(ReadinessError) as caught:
        [list(thread.messages) for thread in read_telegram(path, SAO_PAULO)]
    assert len(caught.value.problems) == 1
    return str(caught.value.problems[0])


def written(tmp_path: Path, document: Any) -> Path:
    path = tmp_path / "result.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_one_chat_is_one_thread_with_joined_texts_media_and_service_lines() -> None:
    (thread,) = read_telegram(ONE_CHAT, SAO_PAULO)
    assert (thread.platform, thread.source, thread.key) == (Platform.TELEGRAM, str(ONE_CHAT), "")
    assert list(thread.messages) == [
        Message(at(1, 9, 15, 2), MARCIA, "Bom dia! Vocês têm pão de queijo sem glúten?"),
        Message(at(1, 9, 17, 40), BAKERY, "Temos sim! Veja o cardápio: https://exemplo.com.br/cardapio 🧀"),
        Message(at(1, 9, 20), MARCIA, "", Kind.MEDIA),
        Message(at(1, 9, 21), "", "phone_call", Kind.SYSTEM),
        Message(at(1, 9, 25, 30), MARCIA, "", Kind.MEDIA),
        Message(at(1, 9, 26, 10), BAKERY, "Perfeito.\nSeparamos 6 unidades para a senhora."),
        Message(at(1, 23, 50), MARCIA, "Olha que lindo ficou! 😍"),
        Message(at(2, 8, 0), "user4455", "Oi, aqui é o Conceição, marido da Márcia."),
    ]


def test_unixtimes_are_given_in_the_callers_zone_and_a_bare_date_as_written() -> None:
    (thread,) = read_telegram(ONE_CHAT, MEXICO_CITY)
    times = [message.at for message in thread.messages]
    assert times[0] == at(1, 6, 15, 2)
    assert times[6] == at(1, 20, 50)
    assert times[7] == at(2, 8, 0)  # no date_unixtime: its "date" is already local


def test_a_whole_export_is_one_thread_per_chat_keyed_by_its_id() -> None:
    threads = [(thread.key, list(thread.messages)) for thread in read_telegram(WHOLE_EXPORT, MEXICO_CITY)]
    assert threads == [
        (
            "4455667788",
            [
                Message(dt.datetime(2026, 10, 5, 10, 0), "Ramón Ibáñez", "Buenas, ¿tienen taladros en existencia?"),
                Message(
                    dt.datetime(2026, 10, 5, 10, 4), "Ferretería El Tornillo Feliz", "Sí, ¿de qué potencia lo busca?"
                ),
            ],
        ),
        (
            "987654321",
            [
                Message(dt.datetime(2026, 10, 6, 8, 0), "", "create_group", Kind.SYSTEM),
                Message(dt.datetime(2026, 10, 6, 8, 5), "Inés Peña", "", Kind.MEDIA),
            ],
        ),
    ]


def test_messages_written_out_of_order_come_out_in_time_order(tmp_path: Path) -> None:
    later = {"id": 2, "type": "message", "date": "2026-10-01T10:00:00", "from": "Inês", "text": "depois"}
    earlier = {"id": 1, "type": "message", "date": "2026-10-01T09:00:00", "from": "Inês", "text": "antes"}
    (thread,) = read_telegram(written(tmp_path, {"messages": [later, earlier]}), SAO_PAULO)
    assert [message.text for message in thread.messages] == ["antes", "depois"]


def test_a_truncated_file_is_one_line_with_its_line_number(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_bytes(ONE_CHAT.read_bytes()[:400])
    assert problem(path) == f"{path}:17: not valid JSON: Unterminated string starting at"


def message(**fields: Any) -> dict[str, Any]:
    return {"id": 1, "type": "message", "date": "2026-10-01T09:00:00", "from": "Inês", "text": "oi", **fields}


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ([], "expected an object, found a list"),
        ({"name": "x"}, 'not a Telegram export: it has neither "messages" nor "chats"'),
        ({"chats": []}, "chats: expected an object, found a list"),
        ({"chats": {}}, 'chats: "list" is missing'),
        ({"chats": {"list": [{"id": 1}]}}, 'chats.list[0]: "messages" is missing'),
        ({"chats": {"list": [{"messages": []}]}}, 'chats.list[0]: "id" is missing'),
        ({"chats": {"list": [{"id": None, "messages": []}]}}, "chats.list[0].id: expected a number or text"),
        ({"messages": [message(text=["a", 5])]}, "messages[0].text[1]: expected an object, found a number"),
        ({"messages": [message(text=["a", {"type": "bold"}])]}, 'messages[0].text[1]: "text" is missing'),
        ({"messages": [message(text=None)]}, "messages[0].text: expected a list, found null"),
        ({"messages": [message(date_unixtime="soon")]}, "messages[0].date_unixtime: expected whole seconds"),
        ({"messages": [message(date_unixtime="9" * 15)]}, "messages[0].date_unixtime: instant out of range"),
        ({"messages": [message(date="yesterday")]}, "messages[0].date: not a date and time: 'yesterday'"),
        ({"messages": [{"id": 1, "from": "Inês", "text": "oi"}]}, 'messages[0]: "date" is missing'),
        ({"messages": [message(**{"from": None})]}, 'messages[0]: a message with neither "from" nor "from_id"'),
    ],
)
def test_a_file_of_the_wrong_shape_is_one_line_naming_the_field(tmp_path: Path, document: Any, expected: str) -> None:
    path = written(tmp_path, document)
    assert problem(path).startswith(f"{path}: {expected}")


def test_bytes_that_are_not_utf8_are_one_line_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_bytes(b'{\n"name": "Jo\xe3o",\n"messages": []}')
    assert problem(path) == f"{path}:2: not UTF-8 text (invalid byte 0xe3)"


def test_a_device_is_refused_unread() -> None:
    assert (
        problem(Path("/dev/null")) == "/dev/null: not a regular file (a device, a pipe or a folder): nothing was read"
    )
