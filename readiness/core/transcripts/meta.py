"""Meta's "Download your information" message files, for Messenger and Instagram direct messages.

Each ``message_N.json`` holds one thread, so every Thread's key is "" (a long thread is split over
``message_1.json``, ``message_2.json``… in its folder; ``sources.threads_in`` merges those back into one thread):
``{"participants": [{"name"}], "messages": [{"sender_name", "timestamp_ms", "content", "photos", …}], "title", …}``.
Meta stores the messages newest first; they come out oldest first (a stable sort on time, so messages of the same
millisecond keep their order of writing). ``timestamp_ms`` is a UTC instant, given as the time in the caller's zone.

Meta writes every string's UTF-8 bytes as ``\\u00XX`` escapes, one per byte ("José" is ``Jos\\u00c3\\u00a9``).
Each string is repaired by taking its characters as Latin-1 bytes and decoding those as UTF-8; a string that does not
survive that (one already right, say "é" alone) is kept as it is.

**Platform.** Messenger's and Instagram's files have the same shape: nothing inside tells them apart. The caller may
say which; otherwise a file whose path (made absolute) has a folder or file name containing "instagram", in any case,
is INSTAGRAM (Instagram's export unpacks as ``instagram-<user>-<date>/your_instagram_activity/messages/inbox/…``),
and any other is MESSENGER.

**Kinds.**

- SYSTEM, sender "": an unsent message (``"is_unsent": true``); a call (``call_duration``, or ``"type": "Call"``),
  whose line Meta writes itself ("Aiko called you.") and whose words the chat never held; someone joining or leaving
  a group (``"type": "Subscribe"`` or ``"Unsubscribe"``).
- MEDIA: a message without content (photos, videos, audio files, files, GIFs, a sticker or a share without words, or
  anything else the export left out), or whose content is Meta's placeholder for one: "<sender> sent an attachment."
  (or "You sent…"; a photo, a video, a voice message, a GIF, a sticker, a link, a file, a location).
- Not a message at all: a reaction, which Meta attaches to the message it reacts to (``reactions``, ignored) or, in
  some Instagram exports, writes as a message of its own ("Reacted ❤️ to your message", "Liked a message").
- TEXT: everything else, including a photo with a caption.
"""

from __future__ import annotations

import re
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
    required_number,
    required_text,
)
from readiness.core.transcripts.model import Kind, Message, Platform, Thread

MAX_BYTES = 64 * 1024**2
"""The largest message file read: Meta splits a thread into files of 10,000 messages, a few MB each."""

_SYSTEM_TYPES = frozenset({"Call", "Subscribe", "Unsubscribe"})
_PLACEHOLDER = re.compile(
    r"(?P<who>.+) sent an? (?:attachment|photo|video|voice message|GIF|sticker|link|file|location|live location)\.",
    re.IGNORECASE,
)
_REACTION = re.compile(r"(?:.+ )?(?:reacted \S+ to your message|liked a message)\s*", re.IGNORECASE)


def read_meta(path: Path, zone: ZoneInfo, platform: Platform | None = None) -> Iterator[Thread]:
    """The one thread of a Messenger or Instagram ``message_N.json``; see the module's docstring for the rules."""
    document = as_object(load_json(path, MAX_BYTES), path, ())
    if "messages" not in document:
        raise ReadinessError.single(path, 'not a Messenger or Instagram message file: it has no "messages"')
    stored = as_list(document["messages"], path, ("messages",))
    yield Thread(platform or platform_of(path), str(path), "", _messages(stored, zone, path))


def platform_of(path: Path) -> Platform:
    """INSTAGRAM when a name on the file's absolute path contains "instagram", else MESSENGER."""
    names = path.absolute().parts
    return Platform.INSTAGRAM if any("instagram" in name.casefold() for name in names) else Platform.MESSENGER


def repair(text: str) -> str:
    """The text Meta meant, from its string of one character per UTF-8 byte; the string itself if it is not one."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return text


def _messages(stored: list[Any], zone: ZoneInfo, path: Path) -> Iterator[Message]:
    read = (_message(item, zone, path, ("messages", index)) for index, item in reversed(list(enumerate(stored))))
    yield from sorted((message for message in read if message is not None), key=lambda message: message.at)


def _message(item: Any, zone: ZoneInfo, path: Path, field: FieldPath) -> Message | None:
    entry = as_object(item, path, field)
    at = local_time(required_number(entry, "timestamp_ms", path, field), zone, path, (*field, "timestamp_ms"))
    sender = repair(required_text(entry, "sender_name", path, field))
    content = entry.get("content")
    text = "" if content is None else repair(as_text(content, path, (*field, "content")))
    if _is_system(entry):
        return Message(at, "", text, Kind.SYSTEM)
    if not text.strip() or _is_placeholder(text, sender):
        return Message(at, sender, text, Kind.MEDIA)
    return None if _REACTION.fullmatch(text) else Message(at, sender, text)


def _is_system(entry: dict[str, Any]) -> bool:
    return entry.get("is_unsent") is True or "call_duration" in entry or entry.get("type") in _SYSTEM_TYPES


def _is_placeholder(text: str, sender: str) -> bool:
    match = _PLACEHOLDER.fullmatch(text)
    return match is not None and match["who"] in (sender, "You")
