"""Helpdesk and shared-inbox CSV exports: one row per message (a ticket comment, a conversation part).

Which columns hold what is a ColumnMapping: the thread (ticket or conversation id), the message's time, its author's
name, the author's role, and the body. The presets below name the columns (header cells, matched without case and
surrounding spaces) of the usual message exports; when the caller gives no mapping, the first preset whose five columns
are all in the header is used, and a header that fits none is one ReadinessError listing its columns.

- ``zendesk`` (ticket comments): "Ticket ID", "Created at", "Author", "Author role", "Body"; the business: the roles
  "agent" and "admin" (not "end-user").
- ``intercom`` (conversation parts): "Conversation ID", "Created at", "Author name", "Author type", "Body"; the
  business: the types "admin", "bot" and "team" (not "user" nor "lead"). The body is HTML, read as text; where the
  export has a "Part type" column, only the conversation's first message ("initial", "conversation", "source") and
  comments are messages: notes, assignments, openings and closings are SYSTEM.
- ``freshdesk`` (ticket conversations): "Ticket ID", "Created time", "Author", "Incoming", "Body"; the business: the
  rows not incoming ("false": agents' replies and notes); times also as ``10/01/2026 09:15:02 AM``.
- ``front`` (messages): "Conversation ID", "Message date", "Author", "Direction", "Text" (or "Extract", as Front's
  message export names the start of each message it gives); the business: "outbound".

**Times** are ISO 8601 (``2026-10-01T09:15:02``, a space for the ``T``, ``Z`` or an offset allowed), or else in the
mapping's ``time_format`` (``strptime``; Freshdesk's is ``10/01/2026 09:15:02 AM``). A time with an offset is given in
the caller's zone; one without is taken as the local time it already is.

**The business.** A row whose role is one of the mapping's ``business_roles`` (compared without case) is the
business's: its sender is BUSINESS_SENDER, whoever the agent was. Any other row is a customer's, its sender the
author's name (UNNAMED_CUSTOMER when the cell is empty). A row with an empty body (an attachment only) is MEDIA, any
other TEXT; helpdesk exports have no SYSTEM rows.

**The delimiter** is told from the header: a comma, a semicolon (a spreadsheet in Spanish or Portuguese saves CSV so)
or a tab, whichever it holds most.

**Streaming and grouping.** The CSV is read row by row (the csv module over the file's lines, decoded one at a time).
A ticket's rows need not be next to each other, so each thread's messages are collected in a list of their own
(helpdesk exports are small: MAX_BYTES bounds them) and, once the file is read, the threads are given in the order of
their first row, each one's messages sorted by time (a stable sort: rows of the same time keep their order).
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from readiness.core.problems import ReadinessError
from readiness.core.transcripts.jsontext import text_lines
from readiness.core.transcripts.model import Kind, Message, Platform, Thread

MAX_BYTES = 256 * 1024**2
"""The largest export read: its messages are held until the file ends (see the module's docstring)."""
BUSINESS_SENDER = "[business]"
"""The sender of every business row; brackets keep it apart from any person's name."""
UNNAMED_CUSTOMER = "[customer]"
"""The sender of a customer row whose author cell is empty."""
DELIMITERS = (",", ";", "\t")
"""The delimiters a header is tried with; the one it holds most is the file's."""


@dataclass(frozen=True)
class ColumnMapping:
    """Which header cell names each column; ``business_roles``: the role values that mean the business."""

    thread: str
    time: str
    author: str
    role: str
    body: str
    business_roles: frozenset[str]
    time_format: str | None = None
    part: str | None = None
    """A column saying what a row is, where the export has one: rows whose value is not one of ``message_parts``
    are the platform's own (a conversation closed, assigned, snoozed; an internal note), SYSTEM."""
    message_parts: frozenset[str] = frozenset()
    markup: bool = False
    """The body is HTML: its tags are taken out and its entities read."""

    def columns(self) -> tuple[str, str, str, str, str]:
        return (self.thread, self.time, self.author, self.role, self.body)


PRESETS: dict[str, ColumnMapping] = {
    "zendesk": ColumnMapping("Ticket ID", "Created at", "Author", "Author role", "Body", frozenset({"agent", "admin"})),
    "intercom": ColumnMapping(
        "Conversation ID",
        "Created at",
        "Author name",
        "Author type",
        "Body",
        frozenset({"admin", "bot", "team"}),
        part="Part type",
        message_parts=frozenset({"initial", "conversation", "source", "comment"}),
        markup=True,
    ),
    "freshdesk": ColumnMapping(
        "Ticket ID", "Created time", "Author", "Incoming", "Body", frozenset({"false"}), "%m/%d/%Y %I:%M:%S %p"
    ),
    "front": ColumnMapping("Conversation ID", "Message date", "Author", "Direction", "Text", frozenset({"outbound"})),
    "front-extract": ColumnMapping(
        "Conversation ID", "Message date", "Author", "Direction", "Extract", frozenset({"outbound"})
    ),
}


@dataclass(frozen=True)
class _Layout:
    """Where each mapped column is in the header, and the role values of the business, without case."""

    mapping: ColumnMapping
    thread: int
    time: int
    author: int
    role: int
    body: int
    business: frozenset[str]
    part: int | None

    def message(self, row: list[str], zone: ZoneInfo, path: Path, number: int) -> tuple[str, Message]:
        """The thread id of a row, and its message."""
        key = row[self.thread].strip()
        if not key:
            raise ReadinessError.single(path, f'no thread id in column "{self.mapping.thread}"', line=number)
        at = _time(row[self.time], self.mapping.time_format, zone)
        if at is None:
            what = f'column "{self.mapping.time}": not a date and time: {row[self.time].strip()!r}'
            raise ReadinessError.single(path, what, line=number)
        body = row[self.body].strip().replace("\r\n", "\n")
        if self.mapping.markup:
            body = _plain(body)
        if self.part is not None and (part := _folded(row[self.part])) and part not in self.mapping.message_parts:
            return key, Message(at, "", body, Kind.SYSTEM)
        if row[self.role].strip().casefold() in self.business:
            sender = BUSINESS_SENDER
        else:
            sender = row[self.author].strip() or UNNAMED_CUSTOMER
        return key, Message(at, sender, body, Kind.TEXT if body else Kind.MEDIA)


def read_helpdesk(path: Path, zone: ZoneInfo, mapping: ColumnMapping | None = None) -> Iterator[Thread]:
    """The threads (tickets, conversations) of a helpdesk CSV export; see the module's docstring for the rules."""
    rows = _rows(path)
    first = next(rows, None)
    if first is None:
        raise ReadinessError.single(path, "file is empty")
    columns = [cell.strip() for cell in first[1]]
    layout = _layout(mapping or _preset_for(columns, path), columns, path)
    threads: dict[str, list[Message]] = {}
    for number, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(columns):
            raise ReadinessError.single(path, f"{len(row)} fields where the header has {len(columns)}", line=number)
        key, message = layout.message(row, zone, path, number)
        threads.setdefault(key, []).append(message)
    for key, messages in threads.items():
        yield Thread(Platform.HELPDESK, str(path), key, iter(sorted(messages, key=lambda message: message.at)))


def _rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Each CSV row with the number of the line it starts on. The delimiter is the one the header uses most: a
    comma, or the semicolon a spreadsheet saves with where the comma is the decimal sign (es, pt), or a tab."""
    lines = text_lines(path, MAX_BYTES)
    header = next(lines, "")
    delimiter = max(DELIMITERS, key=header.count)
    reader = csv.reader(itertools.chain([header] if header else [], lines), delimiter=delimiter, strict=True)
    start = 1
    try:
        for row in reader:
            yield start, row
            start = reader.line_num + 1
    except csv.Error as error:
        raise ReadinessError.single(path, f"not valid CSV: {error}", line=start) from None


def _preset_for(columns: Sequence[str], path: Path) -> ColumnMapping:
    for preset in PRESETS.values():
        if not _missing(preset, columns):
            return preset
    listed = ", ".join(f'"{column}"' for column in columns)
    message = f"the header ({listed}) fits no preset ({', '.join(PRESETS)}): name its columns with a mapping"
    raise ReadinessError.single(path, message, line=1)


def _layout(mapping: ColumnMapping, columns: Sequence[str], path: Path) -> _Layout:
    missing = _missing(mapping, columns)
    if missing:
        wanted = ", ".join(f'"{column}"' for column in missing)
        listed = ", ".join(f'"{column}"' for column in columns)
        raise ReadinessError.single(path, f"the header has no column {wanted} (it has {listed})", line=1)
    first_of = {column.casefold(): index for index, column in reversed(list(enumerate(columns)))}
    thread, time, author, role, body = (first_of[_folded(column)] for column in mapping.columns())
    business = frozenset(_folded(role) for role in mapping.business_roles)
    part = first_of.get(_folded(mapping.part)) if mapping.part else None
    return _Layout(mapping, thread, time, author, role, body, business, part)


def _missing(mapping: ColumnMapping, columns: Iterable[str]) -> list[str]:
    present = {column.casefold() for column in columns}
    return [column for column in mapping.columns() if _folded(column) not in present]


def _folded(name: str) -> str:
    return name.strip().casefold()


BREAKS = re.compile(r"<br\s*/?>|</p>\s*<p[^>]*>|</li>\s*<li[^>]*>", re.IGNORECASE)
TAGS = re.compile(r"<[^>]*>")


def _plain(markup: str) -> str:
    """An HTML body as text: paragraphs and line breaks become new lines, other tags go, entities are read."""
    return html.unescape(TAGS.sub("", BREAKS.sub("\n", markup))).strip()


def _time(text: str, time_format: str | None, zone: ZoneInfo) -> dt.datetime | None:
    """The local time of a cell: ISO 8601 or ``time_format``; one with an offset is converted to ``zone``."""
    parsed = _parsed(text.strip(), time_format)
    if parsed is None or parsed.tzinfo is None:
        return parsed
    return parsed.astimezone(zone).replace(tzinfo=None)


def _parsed(text: str, time_format: str | None) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        pass
    if time_format is None:
        return None
    try:
        return dt.datetime.strptime(text, time_format)
    except ValueError:
        return None
