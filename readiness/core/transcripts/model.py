"""What every transcript reader yields: threads of messages, streamed so a large export is never held whole."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple


class Platform(StrEnum):
    WHATSAPP = "whatsapp"
    MESSENGER = "messenger"
    INSTAGRAM = "instagram"
    TELEGRAM = "telegram"
    LINE = "line"
    HELPDESK = "helpdesk"
    """An inbox or helpdesk CSV export (Zendesk, Intercom, Freshdesk, Front, or a generic mapping)."""


class Kind(StrEnum):
    TEXT = "text"
    MEDIA = "media"
    """A photo, voice note, file… whose content the export left out ("<Media omitted>")."""
    SYSTEM = "system"
    """Written by the platform, not a person: encryption notices, "X joined", missed-call lines."""


class Message(NamedTuple):
    """A named tuple, not a frozen dataclass: a reader makes a million of them, and a tuple is made in a third of
    the time."""

    at: dt.datetime
    """Local wall-clock time, naive: as the export shows it, or converted to the business's zone where the
    export records UTC instants (Meta, Telegram's unixtime)."""
    sender: str
    """As the export names the participant (a name, or a phone number for an unsaved contact); "" for SYSTEM."""
    text: str
    kind: Kind = Kind.TEXT


@dataclass(frozen=True)
class Thread:
    """One conversation thread of an export: a WhatsApp chat, a Messenger thread, a helpdesk ticket…

    ``messages`` is an iterator, in time order, consumed once; a reader raises ReadinessError (file, line, what
    is wrong) from it when the file turns out not to be what it claimed.
    """

    platform: Platform
    source: str
    """The file it came from, as the user named it (and the member, for a zip: "chat.zip:_chat.txt")."""
    key: str
    """Which thread of the source: "" when the source holds one; a ticket or conversation id otherwise."""
    messages: Iterator[Message]
