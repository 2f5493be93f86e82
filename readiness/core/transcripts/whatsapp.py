"""WhatsApp chat exports: the ``.txt`` of "Export chat", or the ``.zip`` the app makes of it (media left out).

Written here rather than taken from whatstk or chat-miner: both load the whole chat into a pandas (or polars)
table, which a 1,000,000-message export would not fit in a bounded memory, and both bring plotting libraries a
desktop app does not want. This reader streams the file line by line.

The layouts read (the phone's language and region decide them, nothing in the file says which):

- Android: ``12/31/26, 9:41 PM - Alex Doe: text`` (a narrow no-break space before PM in recent versions; the
  Spanish clock writes ``p. m.``), ``31/12/2026 21:41 - Alex Doe: text``; a line without ``Name:`` after the
  dash is the platform's own (the encryption notice, "X joined").
- iOS: ``[31/12/26, 21:41:05] Alex Doe: text``; the platform's own lines and media markers start with a
  left-to-right mark (U+200E), the encryption notice as a message from the chat's name.

A line that starts with no date continues the message before it. Whether dates are day or month first is read off
the first lines that settle it (a first number over 12 is a day; a second over 12 is a day too); when none does,
a 12-hour clock means month first (as in the US) and a 24-hour clock day first.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, NamedTuple

from readiness.core.files import open_regular
from readiness.core.problems import ReadinessError
from readiness.core.transcripts.folding import folded
from readiness.core.transcripts.model import Kind, Message, Platform, Thread

MAX_EXPORT_BYTES = 1024**3
"""The largest chat text read, zipped or not: several years of a busy business line."""
MAX_LINE_CHARACTERS = 65_536
"""A longer line is read in pieces, each continuing the message (a line never has to fit in memory whole)."""
MAX_COMPRESSION_RATIO = 200
"""A chat text compresses about ten to one; a zip member claiming far more is a zip bomb, refused unread."""
SETTLING_LINES = 5_000
"""How many dated lines are looked at to settle the date order before the first message is given out."""

_SPACE = "[ \u00a0\u202f]"
_AM_PM = rf"{_SPACE}?(?P<half>[AaPp])\.?{_SPACE}?[Mm]\.?"
_DATE = r"(?P<first>\d{1,2})[./-](?P<second>\d{1,2})[./-](?P<year>\d{2}|\d{4})"
_TIME = rf"(?P<hour>\d{{1,2}})[:.](?P<minute>\d{{2}})(?:[:.](?P<second_of_minute>\d{{2}}))?(?:{_AM_PM})?"
ANDROID = re.compile(rf"^{_DATE},?{_SPACE}{_TIME}{_SPACE}-{_SPACE}(?P<rest>.*)$", re.DOTALL)
IOS = re.compile(rf"^\u200e?\[{_DATE},?{_SPACE}{_TIME}\]{_SPACE}(?P<rest>.*)$", re.DOTALL)
LEFT_TO_RIGHT = "\u200e"
NOT_UTF8 = "not UTF-8 text: is it a WhatsApp chat export?"

MEDIA_MARKERS = frozenset(
    folded(marker)
    for marker in (
        "<Media omitted>",
        "<Multimedia omitido>",
        "<Mídia oculta>",
        "<Arquivo de mídia oculto>",
        "image omitted",
        "video omitted",
        "audio omitted",
        "sticker omitted",
        "GIF omitted",
        "document omitted",
        "imagen omitida",
        "video omitido",
        "audio omitido",
        "sticker omitido",
        "GIF omitido",
        "documento omitido",
        "imagem ocultada",
        "vídeo oculto",
        "áudio ocultado",
        "figurinha omitida",
        "documento ocultado",
    )
)
ATTACHED = re.compile(r"^<(attached|adjunto|anexado): .*>$", re.IGNORECASE)
LEFT_OUT = re.compile(
    r"^\w[\w ]* (?:omitted|omitid[oa]|ocultad?[oa]|oculto)$|^(?:location|ubicacion|localizacao): \S+$"
)
"""Folded, iOS's other lines for what an export without media leaves out: "Contact card omitted", "tarjeta de
contacto omitida", "cartao de contato oculto", a shared "Location: https://…"."""
PLATFORM_TEXTS = frozenset(
    folded(text)
    for text in (
        "This message was deleted",
        "You deleted this message",
        "Se eliminó este mensaje",
        "Eliminaste este mensaje",
        "Mensagem apagada",
        "Você apagou esta mensagem",
        "Missed voice call",
        "Missed video call",
        "Llamada perdida",
        "Llamada de voz perdida",
        "Videollamada perdida",
        "Chamada de voz perdida",
        "Chamada de vídeo perdida",
    )
)
"""What the platform writes in a person's name: no words of theirs, so no message."""
LONGEST_PLATFORM_TEXT = max(map(len, PLATFORM_TEXTS)) + 2
"""A longer message is no platform text (allowing a trailing space or full stop)."""


class _Piece(str):
    """The rest of a line longer than MAX_LINE_CHARACTERS: it continues the text without a line break."""

    __slots__ = ()


class _Line(NamedTuple):
    number: int
    first: int
    second: int
    year: int
    hour: int
    minute: int
    second_of_minute: int
    half: str | None
    rest: str
    ios: bool


def read_whatsapp(path: Path) -> Iterator[Thread]:
    """The one chat of a WhatsApp export, ``.txt`` or ``.zip``."""
    if path.suffix.lower() == ".zip":
        yield _zipped_chat(path)
        return
    stream = open_regular(path)
    yield Thread(Platform.WHATSAPP, str(path), "", _messages(stream, str(path)))


def _zipped_chat(path: Path) -> Thread:
    stream = open_regular(path)
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, ValueError):
        stream.close()
        raise ReadinessError.single(path, "not a zip archive (or a damaged one)") from None
    chats = [info for info in archive.infolist() if info.filename.lower().endswith(".txt") and not info.is_dir()]
    if len(chats) != 1:
        archive.close()
        stream.close()
        found = ", ".join(info.filename for info in chats) or "none"
        raise ReadinessError.single(path, f"expected one chat text (.txt) in the zip, found {found}")
    chat = chats[0]
    if chat.file_size > MAX_EXPORT_BYTES or chat.file_size > MAX_COMPRESSION_RATIO * max(chat.compress_size, 1):
        archive.close()
        stream.close()
        raise ReadinessError.single(path, f"{chat.filename} claims {chat.file_size:,} bytes: refused as a zip bomb")
    source = f"{path}:{chat.filename}"
    try:
        member = archive.open(chat)
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError) as error:
        raise ReadinessError.single(path, f"{chat.filename} cannot be unpacked: {error}") from None
    return Thread(Platform.WHATSAPP, source, "", _messages(member, source, closing=(archive, stream)))


def _messages(raw: IO[bytes], source: str, closing: tuple[object, ...] = ()) -> Iterator[Message]:
    text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline=None)
    try:
        lines = _dated_lines(text, source)
        head = _settling(lines)
        day_first = _day_first(head)
        pending: Message | None = None
        for item in _replayed(head, lines):
            if isinstance(item, str):
                if pending is not None:
                    joint = "" if isinstance(item, _Piece) else "\n"
                    pending = Message(pending.at, pending.sender, f"{pending.text}{joint}{item}", pending.kind)
                continue
            if pending is not None:
                yield _finished(pending)
            pending = _message(item, day_first, source)
        if pending is not None:
            yield _finished(pending)
    finally:
        text.close()
        for resource in closing:
            close = getattr(resource, "close", None)
            if close is not None:
                close()


def _dated_lines(text: io.TextIOWrapper, source: str) -> Iterator[_Line | str]:
    """Each line of the export: a _Line where one starts with a date and time, else the text that continues the
    message before it (a line longer than MAX_LINE_CHARACTERS comes in pieces, each a continuation)."""
    read = number = 0
    whole = True
    while True:
        try:
            piece = text.readline(MAX_LINE_CHARACTERS)
        except UnicodeDecodeError:
            raise ReadinessError.single(source, NOT_UTF8, line=number + 1) from None
        if not piece:
            return
        read += len(piece)
        if read > MAX_EXPORT_BYTES:
            raise ReadinessError.single(source, f"larger than {MAX_EXPORT_BYTES // 1024**2} MB of chat text")
        starts_line, whole = whole, piece.endswith("\n")
        number += starts_line
        body = piece[:-1] if whole else piece
        if starts_line:
            yield _parsed(body, number) or body
        else:
            yield _Piece(body)


def _parsed(line: str, number: int) -> _Line | None:
    if not line or (not line[0].isdigit() and line[0] not in "[\u200e"):
        return None
    match = ANDROID.match(line)
    ios = match is None
    if match is None:
        match = IOS.match(line)
        if match is None:
            return None
    half = match["half"]
    return _Line(
        number,
        int(match["first"]),
        int(match["second"]),
        int(match["year"]),
        int(match["hour"]),
        int(match["minute"]),
        int(match["second_of_minute"] or 0),
        half.lower() if half else None,
        match["rest"],
        ios,
    )


def _settling(lines: Iterator[_Line | str]) -> list[_Line | str]:
    """The first lines, up to SETTLING_LINES dated ones or the first that settles the date order."""
    head: list[_Line | str] = []
    dated = 0
    for item in lines:
        head.append(item)
        if isinstance(item, _Line):
            dated += 1
            if item.first > 12 or item.second > 12 or dated >= SETTLING_LINES:
                break
    return head


def _replayed(head: list[_Line | str], rest: Iterator[_Line | str]) -> Iterator[_Line | str]:
    yield from head
    yield from rest


def _day_first(head: list[_Line | str]) -> bool:
    dated = [item for item in head if isinstance(item, _Line)]
    if any(item.first > 12 for item in dated):
        return True
    if any(item.second > 12 for item in dated):
        return False
    return not any(item.half for item in dated)


def _message(line: _Line, day_first: bool, source: str) -> Message:
    day, month = (line.first, line.second) if day_first else (line.second, line.first)
    year = line.year + 2000 if line.year < 100 else line.year
    hour = line.hour % 12 + (12 if line.half == "p" else 0) if line.half else line.hour
    try:
        at = dt.datetime(year, month, day, hour, line.minute, line.second_of_minute)
    except ValueError:
        raise ReadinessError.single(source, "a date or time that does not exist", line=line.number) from None
    sender, separator, said = line.rest.partition(": ")
    if not separator:  # Android writes the platform's own lines with no sender
        return Message(at, "", line.rest, Kind.SYSTEM)
    return Message(at, sender.strip(LEFT_TO_RIGHT + " "), said, Kind.TEXT)


def _finished(message: Message) -> Message:
    """The kind, once the whole text is known: media, the platform's own words, or a person's text."""
    if message.kind is Kind.SYSTEM:
        return message
    text = message.text
    if text.startswith(LEFT_TO_RIGHT):  # iOS marks the platform's lines and media this way
        bare = text.lstrip(LEFT_TO_RIGHT)
        return message._replace(text=bare, kind=Kind.MEDIA if _is_media(bare) else Kind.SYSTEM)
    if text.startswith("<") and _is_media(text):  # Android's markers are in angle brackets
        return message._replace(kind=Kind.MEDIA)
    if len(text) <= LONGEST_PLATFORM_TEXT and folded(text) in PLATFORM_TEXTS:
        return message._replace(kind=Kind.SYSTEM)
    return message


def _is_media(text: str) -> bool:
    bare = text.strip()
    said = folded(bare)
    return said in MEDIA_MARKERS or ATTACHED.match(bare) is not None or LEFT_OUT.match(said) is not None
