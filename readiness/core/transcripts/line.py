"""LINE's saved chat history (the ``.txt`` of "Save chat"), in English or Japanese, streamed line by line.

The file starts with ``[LINE] Chat history with <name>`` (``[LINE] <name>とのトーク履歴``) and a ``Saved on:``
(``保存日時：``) line. Then each day opens with a date line, ``2026/10/01(Thu)`` or ``2026/10/01(木)`` (also
``2026.10.01 Thursday``) or ``Thu, 10/01/2026`` (month first), and each message is one line of tab-separated fields:
the time (``09:15``, ``9:15 AM`` or ``午後9:15``), the sender and the text. Lines in between that are not
a date or a message continue the message before them (blank lines between days are dropped from its end).

- LINE writes a multi-line message in double quotes, doubling the quotes inside, as CSV does: the quotes are undone.
  While such a quote is open, a line that looks like a date is part of the message; a message line still ends it.
- A line with the time and a text but no sender ("Aiko Tanaka joined the group.") is SYSTEM, as is a call line
  ("☎ Missed call", "☎ Call time 2:05"), with or without a sender: sender "" for both.
- A text that is empty, or only LINE's marker for content the export leaves out (``[Photo]``, ``[Sticker]``, ``[File]``,
  ``[Video]``, ``[Voice message]``, ``[Album]``, ``[Location]``, ``[Contact]``, ``[GIF]``; in Japanese
  ``[写真]``, ``[スタンプ]``, ``[ファイル]``, ``[動画]``, ``[ボイスメッセージ]``, ``[アルバム]``, ``[位置情報]``,
  ``[連絡先]``) is MEDIA.

LINE writes local wall-clock times: they are kept as they are.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from readiness.core.problems import ReadinessError
from readiness.core.transcripts.jsontext import text_lines
from readiness.core.transcripts.model import Kind, Message, Platform, Thread

MAX_BYTES = 1024**3
"""The largest chat history read: it is streamed, so this bounds the time spent, not the memory."""
MAX_MESSAGE_CHARACTERS = 1_000_000
"""A message that grows longer (LINE caps one at 10,000) means the file is not what it claims."""

_YEAR_FIRST = re.compile(r"(?P<year>\d{4})[/.-](?P<month>\d{1,2})[/.-](?P<day>\d{1,2})(?:\s*\(\w+\)|\s+\w+)?")
_MONTH_FIRST = re.compile(r"\w{3,9}\.?,\s*(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})")
_TIME = re.compile(r"(?P<half_ja>午前|午後)?(?P<hour>\d{1,2}):(?P<minute>\d{2})(?:\s?(?P<half>[AaPp][Mm]))?")
_CALL = "☎"
MEDIA_MARKERS = frozenset(
    f"[{name}]"
    for name in (
        *("Photo", "Sticker", "File", "Video", "Voice message", "Album", "Location", "Contact", "GIF"),
        *("写真", "スタンプ", "ファイル", "動画", "ボイスメッセージ", "アルバム", "位置情報", "連絡先"),
    )
)
_JAPANESE_HALVES = {"午前": "am", "午後": "pm"}


@dataclass
class _Pending:
    """A message read so far: its first line gave time and sender; continuation lines may follow."""

    number: int
    at: dt.datetime
    sender: str
    lines: list[str] = field(default_factory=list)
    size: int = 0
    quotes: int = 0

    def add(self, text: str, path: Path) -> None:
        self.lines.append(text)
        self.size += len(text) + 1
        self.quotes += text.count('"')
        if self.size > MAX_MESSAGE_CHARACTERS:
            message = f"a message longer than {MAX_MESSAGE_CHARACTERS:,} characters: is this a LINE chat history?"
            raise ReadinessError.single(path, message, line=self.number)

    def in_open_quote(self) -> bool:
        """Whether the message opened a quote (a multi-line one) and has not closed it: quotes inside are doubled."""
        return self.lines[0].startswith('"') and self.quotes % 2 == 1

    def message(self) -> Message:
        while len(self.lines) > 1 and not self.lines[-1].strip():
            self.lines.pop()
        text = _unquoted("\n".join(self.lines))
        if not self.sender or text.startswith(_CALL):
            return Message(self.at, "", text, Kind.SYSTEM)
        media = text.strip() in MEDIA_MARKERS or not text.strip()
        return Message(self.at, self.sender, text, Kind.MEDIA if media else Kind.TEXT)


def read_line(path: Path) -> Iterator[Thread]:
    """The one chat of a LINE saved chat history; see the module's docstring for the layout read."""
    lines = text_lines(path, MAX_BYTES)
    first = next(lines, None)
    if first is None:
        raise ReadinessError.single(path, "file is empty")
    if not first.startswith("[LINE]"):
        raise ReadinessError.single(path, 'not a LINE chat history: the first line does not start with "[LINE]"', 1)
    yield Thread(Platform.LINE, str(path), "", _messages(lines, path))


def _messages(lines: Iterator[str], path: Path) -> Iterator[Message]:
    day: dt.date | None = None
    pending: _Pending | None = None
    for number, raw in enumerate(lines, start=2):
        line = raw.rstrip("\r\n")
        date = None if pending is not None and pending.in_open_quote() else _date(line, path, number)
        started = None if date is not None else _message_start(line, day, path, number)
        if pending is not None and (date is not None or started is not None):
            yield pending.message()
            pending = None
        if date is not None:
            day = date
        elif started is not None:
            pending = started
        elif pending is not None:
            pending.add(line, path)
        elif day is not None and line.strip():
            raise ReadinessError.single(path, "neither a date, a message nor part of one", line=number)
    if pending is not None:
        yield pending.message()


def _message_start(line: str, day: dt.date | None, path: Path, number: int) -> _Pending | None:
    """The message a line starts (time, tab, sender, tab, text; or time, tab, text), or None for any other line."""
    fields = line.split("\t", 2)
    clock = _clock(fields[0], path, number) if len(fields) > 1 else None
    if clock is None:
        return None
    if day is None:
        raise ReadinessError.single(path, "a message before the first date line", line=number)
    sender, text = (fields[1], fields[2]) if len(fields) == 3 else ("", fields[1])
    started = _Pending(number, dt.datetime.combine(day, clock), sender.strip())
    started.add(text, path)
    return started


def _date(line: str, path: Path, number: int) -> dt.date | None:
    match = _YEAR_FIRST.fullmatch(line.strip()) or _MONTH_FIRST.fullmatch(line.strip())
    if match is None:
        return None
    try:
        return dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        raise ReadinessError.single(path, f"not a date: {line.strip()!r}", line=number) from None


def _clock(text: str, path: Path, number: int) -> dt.time | None:
    match = _TIME.fullmatch(text.strip())
    if match is None:
        return None
    try:
        half = match["half"] or _JAPANESE_HALVES.get(match["half_ja"] or "")
        return dt.time(_hour_of_day(int(match["hour"]), half), int(match["minute"]))
    except ValueError:
        raise ReadinessError.single(path, f"not a time: {text.strip()!r}", line=number) from None


def _hour_of_day(hour: int, half: str | None) -> int:
    """The 24-hour clock's hour of a time read on either clock (ValueError when there is none)."""
    if half is None:
        return hour
    if not 1 <= hour <= 12:
        raise ValueError(hour)
    return hour % 12 + (12 if half.lower() == "pm" else 0)


def _unquoted(text: str) -> str:
    """A multi-line message without the quotes LINE wrapped it in."""
    if "\n" in text and len(text) >= 2 and text.startswith('"') and text.endswith('"'):
        return text[1:-1].replace('""', '"')
    return text
