"""WhatsApp exports in the layouts phones write: Android and iOS, 12- and 24-hour clocks, day- and month-first
dates, system lines and media markers in English, Spanish and Portuguese, multi-line messages, the app's zip."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from readiness.core.problems import ReadinessError
from readiness.core.transcripts.model import Kind, Message
from readiness.core.transcripts.whatsapp import read_whatsapp

NARROW = "\u202f"
LTR = "\u200e"


def messages(path: Path) -> list[Message]:
    (thread,) = read_whatsapp(path)
    return list(thread.messages)


def written(tmp_path: Path, text: str, name: str = "WhatsApp Chat with Alex Doe.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_android_in_english_month_first_with_a_twelve_hour_clock(tmp_path: Path) -> None:
    path = written(
        tmp_path,
        f"10/2/26, 9:41{NARROW}PM - Messages and calls are end-to-end encrypted. No one outside of this chat, not "
        "even WhatsApp, can read or listen to them. Tap to learn more.\n"
        f"10/2/26, 9:41{NARROW}PM - Alex Doe: Hi, is the clinic open on Saturday?\n"
        "I need a cleaning 🦷\n"
        f"10/13/26, 12:05{NARROW}AM - Fernhill Dental: <Media omitted>\n"
        f"10/13/26, 12:06{NARROW}PM - Alex Doe: This message was deleted\n",
    )
    found = messages(path)
    assert [(m.at, m.sender, m.kind) for m in found] == [
        (dt.datetime(2026, 10, 2, 21, 41), "", Kind.SYSTEM),
        (dt.datetime(2026, 10, 2, 21, 41), "Alex Doe", Kind.TEXT),
        (dt.datetime(2026, 10, 13, 0, 5), "Fernhill Dental", Kind.MEDIA),
        (dt.datetime(2026, 10, 13, 12, 6), "Alex Doe", Kind.SYSTEM),
    ]
    assert found[1].text == "Hi, is the clinic open on Saturday?\nI need a cleaning 🦷"


def test_android_in_spanish_day_first_with_a_m_and_p_m(tmp_path: Path) -> None:
    path = written(
        tmp_path,
        f"3/10/26, 9:05{NARROW}a.{NARROW}m. - Los mensajes y las llamadas están cifrados de extremo a extremo.\n"
        f"3/10/26, 9:06{NARROW}a.{NARROW}m. - Lucía Pérez: ¿Tienen envío a Puebla?\n"
        f"14/10/26, 4:30{NARROW}p.{NARROW}m. - Casa Jacaranda: <Multimedia omitido>\n"
        f"14/10/26, 4:31{NARROW}p.{NARROW}m. - Lucía Pérez: Se eliminó este mensaje\n",
    )
    assert [(m.at, m.kind) for m in messages(path)] == [
        (dt.datetime(2026, 10, 3, 9, 5), Kind.SYSTEM),
        (dt.datetime(2026, 10, 3, 9, 6), Kind.TEXT),
        (dt.datetime(2026, 10, 14, 16, 30), Kind.MEDIA),
        (dt.datetime(2026, 10, 14, 16, 31), Kind.SYSTEM),
    ]


def test_android_in_portuguese_with_four_digit_years_and_a_24_hour_clock(tmp_path: Path) -> None:
    path = written(
        tmp_path,
        "01/10/2026 08:00 - As mensagens e as chamadas são protegidas com a criptografia de ponta a ponta.\n"
        "01/10/2026 08:02 - João Silva: Bom dia! Meu micro-ondas parou\n"
        "01/10/2026 08:30 - Ipê Assistência: <Mídia oculta>\n"
        "02/10/2026 19:45 - Ipê Assistência: Mensagem apagada\n",
    )
    found = messages(path)
    assert [(m.at, m.sender, m.kind) for m in found] == [
        (dt.datetime(2026, 10, 1, 8, 0), "", Kind.SYSTEM),
        (dt.datetime(2026, 10, 1, 8, 2), "João Silva", Kind.TEXT),
        (dt.datetime(2026, 10, 1, 8, 30), "Ipê Assistência", Kind.MEDIA),
        (dt.datetime(2026, 10, 2, 19, 45), "Ipê Assistência", Kind.SYSTEM),
    ], "01/10 is read day first: a 24-hour clock and no date settles it otherwise"


def test_ios_in_a_zip_as_the_app_exports_it(tmp_path: Path) -> None:
    chat = (
        f"[31/10/26, 21:41:05] Casa Jacaranda: {LTR}Los mensajes y las llamadas están cifrados de extremo a extremo.\n"
        "[31/10/26, 21:41:05] Lucía Pérez: Hola, ¿siguen abiertos?\n"
        "Es por un pedido\n"
        f"{LTR}[31/10/26, 21:50:12] Casa Jacaranda: {LTR}imagen omitida\n"
        f"[1/11/26, 9:02:00] Casa Jacaranda: {LTR}<adjunto: 00000012-PHOTO-2026-11-01.jpg>\n"
        "[1/11/26, 9:03:30] Casa Jacaranda: Sí, hasta las 8 p. m.\n"
    )
    path = tmp_path / "WhatsApp Chat - Lucía Pérez.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_chat.txt", chat)
        archive.writestr("00000012-PHOTO-2026-11-01.jpg", b"\xff\xd8")
    (thread,) = read_whatsapp(path)
    assert thread.source.endswith(".zip:_chat.txt")
    found = list(thread.messages)
    assert [(m.at, m.sender, m.kind) for m in found] == [
        (dt.datetime(2026, 10, 31, 21, 41, 5), "Casa Jacaranda", Kind.SYSTEM),
        (dt.datetime(2026, 10, 31, 21, 41, 5), "Lucía Pérez", Kind.TEXT),
        (dt.datetime(2026, 10, 31, 21, 50, 12), "Casa Jacaranda", Kind.MEDIA),
        (dt.datetime(2026, 11, 1, 9, 2), "Casa Jacaranda", Kind.MEDIA),
        (dt.datetime(2026, 11, 1, 9, 3, 30), "Casa Jacaranda", Kind.TEXT),
    ]
    assert found[1].text == "Hola, ¿siguen abiertos?\nEs por un pedido"


def test_an_ambiguous_twelve_hour_export_is_read_month_first(tmp_path: Path) -> None:
    path = written(tmp_path, "3/4/26, 10:00 AM - Alex Doe: hi\n")
    assert messages(path)[0].at == dt.datetime(2026, 3, 4, 10, 0)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"10/2/26, 9:41 PM - Alex Doe: caf\xe9\n", "not UTF-8 text"),
        (b"31/2/26, 9:41 - Alex Doe: hi\n", "a date or time that does not exist"),
    ],
)
def test_a_broken_export_is_one_line_naming_file_and_line(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes(content)
    with pytest.raises(ReadinessError) as caught:
        messages(path)
    (found,) = caught.value.problems
    assert found.file == str(path) and found.line == 1 and problem in found.message


def test_a_device_or_a_folder_is_refused_unread(tmp_path: Path) -> None:
    for path in (Path("/dev/zero"), tmp_path):
        with pytest.raises(ReadinessError, match="not a regular file"):
            read_whatsapp(path).__next__()


def test_a_zip_bomb_and_a_zip_of_two_chats_are_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_chat.txt", b"0" * 50_000_000)
    with pytest.raises(ReadinessError, match="zip bomb"):
        read_whatsapp(bomb).__next__()
    two = tmp_path / "two.zip"
    with zipfile.ZipFile(two, "w") as archive:
        archive.writestr("a.txt", "x")
        archive.writestr("b.txt", "y")
    with pytest.raises(ReadinessError, match="expected one chat text"):
        read_whatsapp(two).__next__()


def test_a_line_longer_than_the_cap_is_read_in_pieces(tmp_path: Path) -> None:
    long = "a" * 200_000
    path = written(tmp_path, f"10/2/26, 9:41 PM - Alex Doe: {long}\n10/2/26, 9:42 PM - Alex Doe: next\n")
    found = messages(path)
    assert [m.text for m in found] == [long, "next"]


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("Contact card omitted", Kind.MEDIA),
        ("tarjeta de contacto omitida", Kind.MEDIA),
        ("cartão de contato oculto", Kind.MEDIA),
        ("Location: https://maps.google.com/?q=19.43,-99.13", Kind.MEDIA),
        ("Missed voice call", Kind.SYSTEM),
        ("This message was deleted.", Kind.SYSTEM),
    ],
)
def test_what_an_ios_export_leaves_out_is_media_and_its_own_lines_are_system(
    tmp_path: Path, said: str, kind: Kind
) -> None:
    chat = f"[10/1/26, 9:15:00{NARROW}AM] Alex Doe: Hi\n[10/1/26, 9:16:00{NARROW}AM] Alex Doe: {LTR}{said}\n"
    assert [m.kind for m in messages(written(tmp_path, chat))] == [Kind.TEXT, kind]
