"""LINE's saved chat history: the English and Japanese layouts, quoted multi-line messages, streamed; one clear line
when broken."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from readiness.core.problems import ReadinessError
from readiness.core.transcripts import line
from readiness.core.transcripts.jsontext import MAX_LINE_BYTES
from readiness.core.transcripts.line import read_line
from readiness.core.transcripts.model import Kind, Message, Platform

SPECIMENS = Path(__file__).parent / "specimens"
YEAR_FIRST = SPECIMENS / "line-chat.txt"
MONTH_FIRST = SPECIMENS / "line-chat-us.txt"
HEADER = "[LINE] Chat history with Sakura Beauty\nSaved on: 2026/10/31 21:04\n\n"


def at(day: int, hour: int, minute: int) -> dt.datetime:
    return dt.datetime(2026, 10, day, hour, minute)


def written(tmp_path: Path, content: str | bytes) -> Path:
    path = tmp_path / "chat.txt"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def problem(path: Path) -> str:
    with pytest.raises(ReadinessError) as caught:
        [list(thread.messages) for thread in read_line(path)]
    assert len(caught.value.problems) == 1
    return str(caught.value.problems[0])


def test_the_year_first_layout() -> None:
    (thread,) = read_line(YEAR_FIRST)
    assert (thread.platform, thread.source, thread.key) == (Platform.LINE, str(YEAR_FIRST), "")
    assert list(thread.messages) == [
        Message(at(1, 9, 15), "Aiko Tanaka", "Hello, is the store open today?"),
        Message(at(1, 9, 17), "Sakura Beauty", "Yes, until 8 pm."),
        Message(at(1, 9, 18), "Aiko Tanaka", "[Photo]", Kind.MEDIA),
        Message(at(1, 9, 20), "Sakura Beauty", 'We have these colours:\n- rosa\n- lavanda "pastel"\n\nSee you soon 🌸'),
        Message(at(1, 9, 21), "Aiko Tanaka", "[Sticker]", Kind.MEDIA),
        Message(at(1, 9, 30), "", "☎ Missed call", Kind.SYSTEM),
        Message(at(1, 9, 31), "", "Sofía Núñez joined the group.", Kind.SYSTEM),
        Message(at(2, 10, 5), "Sakura Beauty", "Buenos días, Sofía. ¿Confirmamos la cita?"),
        Message(at(2, 10, 7), "Sofía Núñez", "Sí, confirmo.\n2026/10/03\na las 11:00"),  # a date inside the quotes
        Message(at(2, 10, 8), "Sofía Núñez", "[Voice message]", Kind.MEDIA),
        Message(at(2, 23, 59), "Sakura Beauty", "Perfecto, la esperamos.\nTraiga su tarjeta de cliente, por favor."),
    ]


def test_the_month_first_layout_with_a_twelve_hour_clock_a_bom_and_crlf() -> None:
    (thread,) = read_line(MONTH_FIRST)
    assert list(thread.messages) == [
        Message(at(1, 9, 15), "Sofía Núñez", "Hola, ¿tienen cita para limpieza?"),
        Message(at(1, 12, 5), "Clínica Dental Sonrisa", "Sí, el viernes a las 10:00.\n¿Le funciona?"),
        Message(at(1, 23, 58), "Sofía Núñez", "Sí 👍"),
        Message(at(2, 0, 10), "Sofía Núñez", "[File]", Kind.MEDIA),
        Message(at(2, 20, 0), "", "☎ Missed call", Kind.SYSTEM),
    ]


def test_a_quote_that_never_closes_ends_at_the_next_message(tmp_path: Path) -> None:
    path = written(tmp_path, HEADER + '2026/10/01(Thu)\n09:15\tAiko\t"Only an opening quote\n09:16\tAiko\tNext\n')
    (thread,) = read_line(path)
    assert [message.text for message in thread.messages] == ['"Only an opening quote', "Next"]


def test_messages_are_given_out_before_the_rest_of_the_file_is_read(tmp_path: Path) -> None:
    path = written(tmp_path, (HEADER + "2026/10/01(Thu)\n09:15\tAiko\tHola\n09:16\tAiko\tOtra\n").encode() + b"\xff\n")
    (thread,) = read_line(path)
    assert next(thread.messages).text == "Hola"
    with pytest.raises(ReadinessError) as caught:
        list(thread.messages)
    assert str(caught.value) == f"{path}:7: not UTF-8 text (invalid byte 0xff)"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", ": file is empty"),
        ("Chat history\n", ':1: not a LINE chat history: the first line does not start with "[LINE]"'),
        (HEADER + "09:15\tAiko\tHola\n", ":4: a message before the first date line"),
        (HEADER + "2026/13/01(Thu)\n", ":4: not a date: '2026/13/01(Thu)'"),
        (HEADER + "2026/10/01(Thu)\n25:00\tAiko\tHola\n", ":5: not a time: '25:00'"),
        (HEADER + "Thu, 10/01/2026\n13:05 PM\tAiko\tHola\n", ":5: not a time: '13:05 PM'"),
        (HEADER + "2026/10/01(Thu)\nsomething else\n", ":5: neither a date, a message nor part of one"),
    ],
)
def test_a_file_that_is_not_a_line_history_is_one_line(tmp_path: Path, content: str, expected: str) -> None:
    path = written(tmp_path, content)
    assert problem(path) == f"{path}{expected}"


def test_a_device_or_a_folder_is_refused_unread(tmp_path: Path) -> None:
    assert (
        problem(Path("/dev/null")) == "/dev/null: not a regular file (a device, a pipe or a folder): nothing was read"
    )
    assert problem(tmp_path).endswith(": not a regular file (a device, a pipe or a folder): nothing was read")


def test_a_message_that_grows_without_end_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(line, "MAX_MESSAGE_CHARACTERS", 20)
    path = written(tmp_path, HEADER + "2026/10/01(Thu)\n09:15\tAiko\tHola\n" + "más texto\n" * 3)
    assert problem(path) == f"{path}:5: a message longer than 20 characters: is this a LINE chat history?"


def test_a_line_longer_than_the_cap_is_refused_unread(tmp_path: Path) -> None:
    path = written(tmp_path, HEADER + "2026/10/01(Thu)\n09:15\tAiko\t" + "a" * MAX_LINE_BYTES + "\n")
    assert problem(path) == f"{path}:5: line is longer than 1 MB"


def test_the_japanese_layout() -> None:
    japanese = SPECIMENS / "line-chat-ja.txt"
    (thread,) = read_line(japanese)
    aiko, salon, hanako = "田中愛子", "さくら美容室", "鈴木花子"
    assert list(thread.messages) == [
        Message(at(1, 9, 15), aiko, "こんにちは、今日は営業していますか？"),
        Message(at(1, 9, 17), salon, "はい、20時まで営業しています。"),
        Message(at(1, 9, 18), aiko, "[写真]", Kind.MEDIA),
        Message(at(1, 9, 20), salon, "こちらの色があります：\n・ローズ\n・ラベンダー「パステル」"),
        Message(at(1, 9, 21), aiko, "[スタンプ]", Kind.MEDIA),
        Message(at(1, 9, 30), "", "☎ 不在着信", Kind.SYSTEM),
        Message(at(1, 9, 31), "", "鈴木花子がグループに参加しました。", Kind.SYSTEM),
        Message(at(2, 10, 5), salon, "おはようございます。ご予約を確認しますか？"),
        Message(at(2, 15, 40), hanako, "[ボイスメッセージ]", Kind.MEDIA),
    ]
