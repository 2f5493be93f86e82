"""Which reader a transcript file needs, told from its extension and its first bytes, never from trust."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

from readiness.core.files import open_regular
from readiness.core.problems import ReadinessError
from readiness.core.transcripts.model import Kind, Thread

SNIFFED_BYTES = 4096
UNKNOWN = (
    "not a transcript Readiness reads: expected a WhatsApp export (.txt or .zip), a Messenger or Instagram "
    "message_N.json, a Telegram result.json, a LINE chat (.txt) or a helpdesk export (.csv)"
)


def threads_of(path: Path, zone: ZoneInfo) -> Iterator[Thread]:
    """The threads of one transcript file, by its format; one ReadinessError line when it is none of them."""
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


def _head(path: Path) -> bytes:
    with open_regular(path) as stream:
        try:
            return stream.read(SNIFFED_BYTES)
        except OSError as error:
            raise ReadinessError.single(path, f"cannot read file: {error.strerror or error}") from None


def participants(paths: Iterable[Path], zone: ZoneInfo) -> Counter[str]:
    """Everyone who wrote in the files, with their message counts: to choose which is the business."""
    counts: Counter[str] = Counter()
    for path in paths:
        for thread in threads_of(path, zone):
            counts.update(m.sender for m in thread.messages if m.kind is not Kind.SYSTEM)
    return counts
