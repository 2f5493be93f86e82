"""Meta's Messenger and Instagram message files: repaired text, local times, oldest first; one clear line when broken."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from readiness.core.problems import ReadinessError
from readiness.core.transcripts.meta import platform_of, read_meta, repair
from readiness.core.transcripts.model import Kind, Message, Platform

SPECIMENS = Path(__file__).parent / "specimens"
MESSENGER = SPECIMENS / "messenger" / "message_1.json"
INSTAGRAM = SPECIMENS / "instagram" / "message_1.json"
MEXICO_CITY = ZoneInfo("America/Mexico_City")
SAO_PAULO = ZoneInfo("America/Sao_Paulo")
UTC = ZoneInfo("UTC")
BAKERY = "Panadería La Espiga"
JOSE = "José Martínez"


def at(day: int, hour: int, minute: int, second: int = 0, microsecond: int = 0) -> dt.datetime:
    return dt.datetime(2026, 10, day, hour, minute, second, microsecond)


def problem(path: Path) -> str:
    with pytest.raises(ReadinessError) as caught:
        [list(thread.messages) for thread in read_meta(path, MEXICO_CITY)]
    assert len(caught.value.problems) == 1
    return str(caught.value.problems[0])


def test_a_messenger_thread_comes_out_oldest_first_repaired_and_in_local_time() -> None:
    (thread,) = read_meta(MESSENGER, MEXICO_CITY)
    assert (thread.platform, thread.source, thread.key) == (Platform.MESSENGER, str(MESSENGER), "")
    assert list(thread.messages) == [
        Message(at(1, 9, 15, 2, 250_000), JOSE, "Hola, ¿tienen pan de muerto hoy? 🥐"),
        Message(at(1, 9, 20), BAKERY, "¡Sí! Abrimos hasta las 8 pm.\nTambién hay conchas y orejas."),
        Message(at(1, 9, 21, 30), JOSE, "", Kind.MEDIA),
        Message(at(1, 9, 22), JOSE, "José Martínez sent an attachment.", Kind.MEDIA),
        Message(at(1, 9, 25), "", "Panadería La Espiga called you.", Kind.SYSTEM),
        Message(at(1, 9, 26), "", "", Kind.SYSTEM),
        Message(at(1, 21, 0), JOSE, "Gracias, mañana paso. ¿Aceptan tarjeta?"),  # 03:00 UTC the next day
        Message(at(2, 8, 5), BAKERY, "Sí, aceptamos tarjeta."),  # the same millisecond: as written, not as stored
        Message(at(2, 8, 5), BAKERY, "Y también transferencia."),
    ]


def test_an_instagram_thread_drops_reactions_written_as_messages() -> None:
    (thread,) = read_meta(INSTAGRAM, SAO_PAULO)
    assert thread.platform is Platform.INSTAGRAM
    atelier, joao = "Ateliê Flor de Maracujá", "João Conceição"
    assert list(thread.messages) == [
        Message(at(1, 9, 15, 2), joao, "Olá! Vocês fazem entrega em Niterói?"),
        Message(at(1, 9, 18), atelier, "Fazemos sim 😊\nFrete grátis acima de R$ 150."),
        Message(at(1, 9, 20), joao, "", Kind.MEDIA),
        Message(at(1, 23, 30), joao, "", Kind.MEDIA),
        Message(at(2, 9, 0), atelier, "Bom dia, João! Recebemos o áudio: a encomenda sai hoje."),
    ]


def test_the_same_instants_read_in_another_zone_give_that_zones_wall_clock() -> None:
    (thread,) = read_meta(INSTAGRAM, ZoneInfo("UTC"))
    assert next(thread.messages).at == at(1, 12, 15, 2)


def test_the_caller_may_name_the_platform() -> None:
    (thread,) = read_meta(INSTAGRAM, SAO_PAULO, Platform.MESSENGER)
    assert thread.platform is Platform.MESSENGER


@pytest.mark.parametrize(
    ("path", "platform"),
    [
        (Path("instagram-aiko-2026-10-31/your_instagram_activity/messages/inbox/x_1/message_1.json"), "instagram"),
        (Path("/exports/Instagram/message_2.json"), "instagram"),
        (Path("facebook-aiko-2026-10-31/your_facebook_activity/messages/inbox/x_1/message_1.json"), "messenger"),
        (Path("message_1.json"), "messenger"),
    ],
)
def test_the_platform_is_told_by_the_folder_names(path: Path, platform: str) -> None:
    assert platform_of(path) == platform


@pytest.mark.parametrize(
    ("stored", "meant"),
    [
        ("JosÃ© MartÃ\xadnez", "José Martínez"),
        ("ð\x9f\x98\x8a", "😊"),
        ("plain ASCII", "plain ASCII"),
        ("é", "é"),  # already right: one Latin-1 byte that is not UTF-8
        ("😊", "😊"),  # already right: no Latin-1 bytes at all
    ],
)
def test_strings_are_repaired_only_when_they_are_utf8_bytes(stored: str, meant: str) -> None:
    assert repair(stored) == meant


def test_a_truncated_file_is_one_line_with_its_line_number(tmp_path: Path) -> None:
    path = tmp_path / "message_1.json"
    path.write_bytes(MESSENGER.read_bytes()[:700])
    assert problem(path) == f"{path}:26: not valid JSON: Unterminated string starting at"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"[]", "expected an object, found a list"),
        (b'{"participants": []}', 'not a Messenger or Instagram message file: it has no "messages"'),
        (b'{"messages": {}}', "messages: expected a list, found an object"),
        (b'{"messages": [7]}', "messages[0]: expected an object, found a number"),
        (b'{"messages": [{"sender_name": "A"}]}', 'messages[0]: "timestamp_ms" is missing'),
        (b'{"messages": [{"sender_name": "A", "timestamp_ms": "1"}]}', "messages[0].timestamp_ms: expected a whole"),
        (b'{"messages": [{"sender_name": "A", "timestamp_ms": true}]}', "messages[0].timestamp_ms: expected a whole"),
        (b'{"messages": [{"sender_name": "A", "timestamp_ms": 1e30}]}', "messages[0].timestamp_ms: expected a whole"),
        (b'{"messages": [{"sender_name": "A", "timestamp_ms": 99999999999999999}]}', "instant out of range"),
        (b'{"messages": [{"timestamp_ms": 1}]}', 'messages[0]: "sender_name" is missing'),
        (b'{"messages": [{"sender_name": null, "timestamp_ms": 1}]}', "messages[0].sender_name: expected text"),
        (
            b'{"messages": [{"sender_name": "A", "timestamp_ms": 1, "content": 5}]}',
            "messages[0].content: expected text",
        ),
        (b"", "file is empty"),
        (b'\n{"messages": ["caf\xe9"]}', "2: not UTF-8 text (invalid byte 0xe9)"),
        (b"[" * 100_000, "not valid JSON: nested too deeply"),
    ],
)
def test_a_file_of_the_wrong_shape_is_one_line_naming_the_field(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "message_1.json"
    path.write_bytes(content)
    message = problem(path)
    assert message.startswith(str(path))
    assert expected in message
    assert "\n" not in message


def test_a_device_or_a_folder_is_refused_unread(tmp_path: Path) -> None:
    assert (
        problem(Path("/dev/null")) == "/dev/null: not a regular file (a device, a pipe or a folder): nothing was read"
    )
    assert problem(tmp_path).endswith(": not a regular file (a device, a pipe or a folder): nothing was read")


@pytest.mark.parametrize(
    ("fields", "kind"),
    [
        ({"content": "You sent an attachment."}, Kind.MEDIA),
        ({"content": "Ana sent a voice message."}, Kind.MEDIA),
        ({"content": "I sent a photo."}, Kind.TEXT),  # the customer's own words, not Meta's placeholder
        ({"content": "Ana", "type": "Subscribe"}, Kind.SYSTEM),
        ({"content": "You called Ana.", "type": "Call"}, Kind.SYSTEM),
        ({"sticker": {"uri": "s.png"}}, Kind.MEDIA),
        ({"content": "Ana reacted 😂 to your message"}, None),
        ({"content": "Liked a message"}, None),
        ({"content": "I liked a message you wrote, thanks"}, Kind.TEXT),
    ],
)
def test_what_meta_writes_itself_is_told_from_what_people_write(
    tmp_path: Path, fields: dict[str, object], kind: Kind | None
) -> None:
    path = tmp_path / "message_1.json"
    path.write_text(json.dumps({"messages": [{"sender_name": "Ana", "timestamp_ms": 1_790_000_000_000, **fields}]}))
    (thread,) = read_meta(path, MEXICO_CITY)
    assert [message.kind for message in thread.messages] == ([] if kind is None else [kind])


def meta_part(folder: Path, number: int, *messages: tuple[str, int, str]) -> Path:
    """``message_<number>.json`` of one thread, its messages newest first as Meta writes them."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"message_{number}.json"
    stored = [{"sender_name": s, "timestamp_ms": t, "content": c} for s, t, c in sorted(messages, key=lambda m: -m[1])]
    path.write_text(json.dumps({"participants": [{"name": "Ana"}, {"name": "Shop"}], "messages": stored}))
    return path


def test_a_thread_split_over_several_files_is_read_as_one(tmp_path: Path) -> None:
    from readiness.core.transcripts.sources import threads_in

    minute = 60_000
    start = 1_790_000_000_000
    inbox = tmp_path / "inbox"
    newer = meta_part(inbox / "ana_1", 1, ("Shop", start + 5 * minute, "Hello Ana!"), ("Ana", start + 9 * minute, "ok"))
    older = meta_part(inbox / "ana_1", 2, ("Ana", start, "Hi, are you open?"))
    other = meta_part(inbox / "bo_2", 1, ("Bo", start, "Hi"))
    seen: list[Path] = []
    threads = [(t.source, [m.text for m in t.messages]) for t in threads_in([newer, other, older], UTC, seen.append)]
    assert threads == [
        (str(newer), ["Hi, are you open?", "Hello Ana!", "ok"]),
        (str(other), ["Hi"]),
    ], "the customer's question in the older file and the answer in the newer one stay one conversation"
    assert sorted(seen) == sorted([newer, older, other]), "each file is reported as it is read"
