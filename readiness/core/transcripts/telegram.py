"""Telegram Desktop's JSON export (``result.json``): one chat, or the whole account's.

One chat is ``{"name", "type", "id", "messages": [...]}``, read as one Thread with key "". A whole export is
``{"chats": {"list": [chat, ...]}, ...}``, read as one Thread per chat of that list, keyed by the chat's ``id`` as text
(the chats the account left, ``left_chats``, are not read).

Each message is ``{"id", "type", "date", "date_unixtime", "from", "from_id", "text", "photo", "file", …}``:

- Its time is ``date_unixtime`` (seconds since 1970 UTC) given in the caller's zone; without it, ``date`` is taken as
  the local time it already is (Telegram writes it in the exporting computer's zone).
- Its sender is ``from``; when that is null (a deleted account), ``from_id``.
- ``text`` is a string, or a list of strings and entities (``{"type": "link", "text": …}``) whose texts are joined.
- ``"type": "service"`` (calls, pins, members joining) is SYSTEM, sender "", its text the ``action`` when it has no
  text of its own. A message with no text is MEDIA (a photo, a file, a sticker, a poll, a location… without caption);
  with a caption it is TEXT.

Messages come out in time order: Telegram writes them so already; a stable sort on time guarantees it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from readiness.core.problems import FieldPath, ReadinessError
from readiness.core.transcripts.jsontext import (
    as_list,
    as_object,
    as_text,
    load_json,
    local_time,
    required,
    shape_error,
)
from readiness.core.transcripts.model import Kind, Message, Platform, Thread

MAX_BYTES = 256 * 1024**2
"""The largest ``result.json`` read: a whole account's text export of several years (media are separate files)."""


def read_telegram(path: Path, zone: ZoneInfo) -> Iterator[Thread]:
    """The chats of a Telegram Desktop ``result.json``; see the module's docstring for the rules."""
    document = as_object(load_json(path, MAX_BYTES), path, ())
    if "chats" in document:
        chats = as_object(document["chats"], path, ("chats",))
        for index, chat in enumerate(as_list(required(chats, "list", path, ("chats",)), path, ("chats", "list"))):
            yield _thread(chat, zone, path, ("chats", "list", index), whole_export=True)
    elif "messages" in document:
        yield _thread(document, zone, path, (), whole_export=False)
    else:
        raise ReadinessError.single(path, 'not a Telegram export: it has neither "messages" nor "chats"')


def _thread(value: Any, zone: ZoneInfo, path: Path, field: FieldPath, *, whole_export: bool) -> Thread:
    chat = as_object(value, path, field)
    stored = as_list(required(chat, "messages", path, field), path, (*field, "messages"))
    key = _chat_key(chat, path, field) if whole_export else ""
    return Thread(Platform.TELEGRAM, str(path), key, _messages(stored, zone, path, (*field, "messages")))


def _chat_key(chat: dict[str, Any], path: Path, field: FieldPath) -> str:
    key = required(chat, "id", path, field)
    if isinstance(key, bool) or not isinstance(key, int | str):
        raise shape_error(path, (*field, "id"), "expected a number or text")
    return str(key)


def _messages(stored: list[Any], zone: ZoneInfo, path: Path, field: FieldPath) -> Iterator[Message]:
    read = (_message(item, zone, path, (*field, index)) for index, item in enumerate(stored))
    yield from sorted(read, key=lambda message: message.at)


def _message(item: Any, zone: ZoneInfo, path: Path, field: FieldPath) -> Message:
    entry = as_object(item, path, field)
    at = _time(entry, zone, path, field)
    text = _text(entry.get("text", ""), path, (*field, "text"))
    if entry.get("type") == "service":
        action = entry.get("action")
        return Message(at, "", text or (action if isinstance(action, str) else ""), Kind.SYSTEM)
    sender = _sender(entry, path, field)
    return Message(at, sender, text, Kind.TEXT if text.strip() else Kind.MEDIA)


def _time(entry: dict[str, Any], zone: ZoneInfo, path: Path, field: FieldPath) -> dt.datetime:
    if "date_unixtime" in entry:
        raw = entry["date_unixtime"]
        seconds = raw if isinstance(raw, int) and not isinstance(raw, bool) else _digits(raw)
        if seconds is None:
            raise shape_error(path, (*field, "date_unixtime"), "expected whole seconds since 1970")
        return local_time(seconds * 1000, zone, path, (*field, "date_unixtime"))
    date = as_text(required(entry, "date", path, field), path, (*field, "date"))
    try:
        parsed = dt.datetime.fromisoformat(date)
    except ValueError:
        raise shape_error(path, (*field, "date"), f"not a date and time: {date!r}") from None
    return parsed if parsed.tzinfo is None else parsed.astimezone(zone).replace(tzinfo=None)


def _digits(raw: Any) -> int | None:
    if isinstance(raw, str) and raw.isascii() and raw.isdigit() and len(raw) <= 15:
        return int(raw)
    return None


def _text(value: Any, path: Path, field: FieldPath) -> str:
    """The text of a message: a string, or a list of strings and entities ({"type", "text"}) joined."""
    if isinstance(value, str):
        return value
    return "".join(_part_text(part, path, (*field, index)) for index, part in enumerate(as_list(value, path, field)))


def _part_text(part: Any, path: Path, field: FieldPath) -> str:
    if isinstance(part, str):
        return part
    return as_text(required(as_object(part, path, field), "text", path, field), path, (*field, "text"))


def _sender(entry: dict[str, Any], path: Path, field: FieldPath) -> str:
    for key in ("from", "from_id"):
        name = entry.get(key)
        if isinstance(name, str) and name:
            return name
    raise shape_error(path, field, 'a message with neither "from" nor "from_id"')
