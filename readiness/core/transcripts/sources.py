"""Which reader a transcript file needs, told from its extension and its first bytes, never from trust."""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from readiness.core.files import open_regular
from readiness.core.problems import ReadinessError
from readiness.core.transcripts.folding import folded
from readiness.core.transcripts.model import Kind, Message, Platform, Thread

SNIFFED_BYTES = 4096
WHATSAPP_EXPORT_NAME = re.compile(
    r"(?:WhatsApp Chat with|WhatsApp Chat -|Chat de WhatsApp con|Conversa do WhatsApp com)\s+(?P<customer>[^/\\:]+?)"
    r"(?:\.txt|\.zip)?(?::[^/\\]*)?$",
    re.IGNORECASE,
)
"""How WhatsApp names an export on Android (en, es, pt) and iOS: after the other party of the phone that exported it
(the member of a zip follows a colon in a thread's source)."""
META_PART = re.compile(r"message_\d+\.json", re.IGNORECASE)
"""The name Meta gives each file of a thread, in the thread's own folder."""
MEANINGFUL_WORD = 4
"""Words this long or longer tell names apart ("casa", "home"; not "la", "de")."""
FORMATS = (
    "a WhatsApp export (.txt or .zip), a Messenger or Instagram message_N.json, a Telegram result.json, a LINE chat "
    "(.txt) or a helpdesk export (.csv)"
)
UNKNOWN = f"not a transcript Readiness reads: expected {FORMATS}"
NO_MESSAGE = f"no chat message found in it (Readiness reads {FORMATS})"


def threads_of(path: Path, zone: ZoneInfo) -> Iterator[Thread]:
    """The threads of one transcript file, by its format; one ReadinessError line when it is none of them, or when
    it holds no message at all (a text file of something else reads as a chat without one)."""
    return _with_a_message(path, _read(path, zone))


def _with_a_message(path: Path, threads: Iterator[Thread]) -> Iterator[Thread]:
    """THREADS as they are read, then a ReadinessError if not one message came out of them."""
    read = 0

    def counted(messages: Iterator[Message]) -> Iterator[Message]:
        nonlocal read
        for message in messages:
            read += 1
            yield message

    for thread in threads:
        yield Thread(thread.platform, thread.source, thread.key, counted(thread.messages))
    if not read:
        raise ReadinessError.single(path, NO_MESSAGE)


def _read(path: Path, zone: ZoneInfo) -> Iterator[Thread]:
    from readiness.core.transcripts import helpdesk, line, meta, telegram, whatsapp

    suffix = path.suffix.lower()
    head = _head(path)
    if suffix == ".zip":
        return whatsapp.read_whatsapp(path)
    if suffix == ".csv":
        return helpdesk.read_helpdesk(path, zone)
    if suffix == ".json":
        if b'"participants"' in head:
            return meta.read_meta(path, zone)
        if b'"messages"' in head or b'"chats"' in head or b'"personal_information"' in head:
            return telegram.read_telegram(path, zone)
    if suffix == ".txt":
        return (
            line.read_line(path) if head.lstrip(b"\xef\xbb\xbf").startswith(b"[LINE]") else whatsapp.read_whatsapp(path)
        )
    raise ReadinessError.single(path, UNKNOWN)


def threads_in(
    paths: Iterable[Path], zone: ZoneInfo, reading: Callable[[Path], None] = lambda path: None
) -> Iterator[Thread]:
    """The threads of several transcript files; ``reading`` hears of each file as it is opened.

    Meta splits a long thread over ``message_1.json``, ``message_2.json``… in the thread's own folder: those files
    come back as one thread, their messages merged in time order, so that a conversation that crosses from one file
    to the next stays one conversation."""
    split: dict[Path, list[Path]] = {}
    for path in paths:
        if META_PART.fullmatch(path.name):
            split.setdefault(path.absolute().parent, []).append(path)
        else:
            reading(path)
            yield from threads_of(path, zone)
    for parts in split.values():
        found: list[tuple[Path, Thread]] = []
        for part in sorted(parts, key=_part_number):
            reading(part)
            found.extend((part, thread) for thread in _read(part, zone))
        if len(found) == 1 or len({thread.platform for _part, thread in found}) > 1:
            for part, thread in found:
                yield from _with_a_message(part, iter([thread]))
        else:
            first = found[0][1]
            merged = heapq.merge(*(thread.messages for _part, thread in found), key=lambda message: message.at)
            yield from _with_a_message(found[0][0], iter([Thread(first.platform, first.source, first.key, merged)]))


def _part_number(path: Path) -> int:
    return int(path.name.split("_")[1].split(".")[0])


def _head(path: Path) -> bytes:
    with open_regular(path) as stream:
        try:
            return stream.read(SNIFFED_BYTES)
        except OSError as error:
            raise ReadinessError.single(path, f"cannot read file: {error.strerror or error}") from None


@dataclass
class Participants:
    """Who wrote in the files: each sender's messages and the threads they wrote in."""

    messages: Counter[str] = field(default_factory=Counter)
    threads: Counter[str] = field(default_factory=Counter)
    thread_count: int = 0
    named: set[str] = field(default_factory=set)
    """Folded, the names WhatsApp gave the exports: each is the other party of the exporting phone, a customer."""

    def add(self, thread: Thread) -> None:
        senders: Counter[str] = Counter(m.sender for m in thread.messages if m.kind is not Kind.SYSTEM)
        self.messages.update(senders)
        self.threads.update(senders.keys())
        self.thread_count += 1
        if thread.platform is Platform.WHATSAPP and (match := WHATSAPP_EXPORT_NAME.search(thread.source)):
            self.named.add(folded(match["customer"]))

    def likely_business(self, organisation: str) -> str | None:
        """The participant that is most likely the business, or None when nothing tells: the one named like the
        organisation, else the one sharing most of its words ("Jacaranda Home" for "Casa Jacaranda"), else the only
        one no WhatsApp export is named after (the phone that exported them is the business's), else, across several
        chats, the only one who wrote in every chat."""
        wanted = folded(organisation)
        words = {word for word in wanted.split() if len(word) >= MEANINGFUL_WORD}
        for name in self.messages:
            if folded(name) == wanted:
                return name
        shared = {name: len(words & set(folded(name).split())) for name in self.messages}
        best = max(shared.values(), default=0)
        named = [name for name, count in shared.items() if count == best]
        if best and len(named) == 1:
            return named[0]
        unnamed = [name for name in self.messages if self.named and folded(name) not in self.named]
        if len(unnamed) == 1:
            return unnamed[0]
        everywhere = [name for name, count in self.threads.items() if count == self.thread_count]
        return everywhere[0] if self.thread_count > 1 and len(everywhere) == 1 else None
