"""The measures of docs/transcript-measures.md, computed as threads stream past: nothing but per-conversation
figures is kept, and every text is redacted before it is looked at."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from readiness.core.assessment import TranscriptEvidence
from readiness.core.problems import ReadinessError
from readiness.core.transcripts.folding import folded
from readiness.core.transcripts.hours import BusinessHours
from readiness.core.transcripts.model import Kind, Message, Platform, Thread
from readiness.core.transcripts.phrases import PhraseMatcher, SwitchReason
from readiness.core.transcripts.redact import Redactor

DEFAULT_GAP = dt.timedelta(hours=24)
DEFAULT_PROMISE_MINUTES = 60.0
REPEAT_WINDOW = dt.timedelta(days=7)
LOOKAHEAD = 1000
"""Messages of a thread read ahead for its customers before any is redacted: a whole ticket, a chat's start."""
SHARE_KEYS = (
    "answered_within_promise_share",
    "after_hours_share",
    "channel_switch_share",
    "repeat_contact_share",
    "resolved_in_channel_share",
)
SMALL_SAMPLE = 30
EXAMPLE_CHARACTERS = 160
CANDIDATES_LISTED = 10


@dataclass(frozen=True)
class Settings:
    business: str | None
    """The business's name as the exports show it; None where the exports mark it (helpdesk agents)."""
    hours: BusinessHours
    promise_minutes: float = DEFAULT_PROMISE_MINUTES
    gap: dt.timedelta = DEFAULT_GAP


@dataclass(slots=True)
class Conversation:
    customer: str | None
    """Who started it, when a customer did; None for a conversation the business started."""
    started: dt.datetime
    ended: dt.datetime
    in_hours: bool
    first_reply: dt.datetime | None = None
    business_messages: int = 0
    switches: set[SwitchReason] = field(default_factory=set)
    resolution_said: bool = False
    repeated: bool = False

    @property
    def response_minutes(self) -> float | None:
        return None if self.first_reply is None else (self.first_reply - self.started).total_seconds() / 60

    @property
    def resolved(self) -> bool:
        return self.resolution_said or (not self.switches and not self.repeated)


@dataclass
class Measures:
    """What an analysis found; ``as_json`` gives the shape docs/transcript-measures.md describes."""

    messages: int
    conversations: list[Conversation]
    first: dt.datetime | None
    last: dt.datetime | None
    switch_examples: dict[SwitchReason, str]
    redacted: dict[str, int]
    promise_minutes: float
    platforms: frozenset[Platform]

    @property
    def customer_started(self) -> list[Conversation]:
        return [c for c in self.conversations if c.customer is not None]

    def as_json(self) -> dict[str, Any]:
        sample = self.customer_started
        resolved = [c for c in sample if c.resolved]
        reasons = Counter(reason for c in sample for reason in sorted(c.switches))
        return {
            "messages": self.messages,
            "conversations": len(self.conversations),
            "customer_started": len(sample),
            "period": {"first": _date(self.first), "last": _date(self.last)},
            "first_response_minutes": {
                **_times(sample),
                "within_hours": _times([c for c in sample if c.in_hours]),
            },
            "promise_minutes": self.promise_minutes,
            "answered_within_promise_share": _share(sample, self._within_promise),
            "after_hours_share": _share(sample, lambda c: not c.in_hours),
            "channel_switch_share": _share(sample, lambda c: bool(c.switches)),
            "repeat_contact_share": _share(sample, lambda c: c.repeated),
            "resolved_in_channel_share": _share(sample, lambda c: c.resolved),
            "business_messages_per_resolved": (
                round(statistics.fmean(c.business_messages for c in resolved), 4) if resolved else None
            ),
            "switch_reasons": [
                {"reason": reason.value, "conversations": count, "example": self.switch_examples.get(reason, "")}
                for reason, count in sorted(reasons.items(), key=lambda item: (-item[1], item[0].value))
            ],
            "redacted": dict(sorted(self.redacted.items())),
            "caveats": self.caveats(),
        }

    def evidence(self, measured_on: dt.date) -> TranscriptEvidence:
        """What the assessment keeps of this analysis: the aggregates, never a text."""
        if self.first is None or self.last is None:
            raise ReadinessError.single("transcripts", "no messages to measure")
        found = self.as_json()
        times = found["first_response_minutes"]
        return TranscriptEvidence(
            measured_on=measured_on,
            platforms=tuple(sorted(self.platforms)),
            first=self.first.date(),
            last=self.last.date(),
            messages=self.messages,
            conversations=len(self.conversations),
            customer_started=found["customer_started"],
            answered=times["answered"],
            first_response_median_minutes=times["median"],
            first_response_p90_minutes=times["p90"],
            promise_minutes=self.promise_minutes,
            **{key: found[key] for key in SHARE_KEYS},
            business_messages_per_resolved=found["business_messages_per_resolved"],
            switch_reasons={SwitchReason(r["reason"]): r["conversations"] for r in found["switch_reasons"]},
            redacted=self.redacted,
        )

    def caveats(self) -> list[str]:
        """Codes of the caveats that apply (docs/transcript-measures.md, Caveats); the CLI words them."""
        sample = self.customer_started
        found = ["phrases"]
        if len(sample) < SMALL_SAMPLE:
            found.insert(0, "small_sample")
        if self.last is not None and any(c.ended > self.last - REPEAT_WINDOW for c in sample):
            found.append("recent_repeats")
        answered = sum(1 for c in sample if c.first_reply is not None)
        if sample and answered < len(sample) / 2:
            found.append("mostly_unanswered")
        return found

    def _within_promise(self, conversation: Conversation) -> bool:
        minutes = conversation.response_minutes
        return minutes is not None and minutes <= self.promise_minutes


class Analysis:
    """Feed it threads (``add``), then ask for the ``measures``."""

    def __init__(self, settings: Settings, matcher: PhraseMatcher, business_marker: str | None = None) -> None:
        """``business_marker``: a sender prefix a reader gives the business's messages (helpdesk agents)."""
        self.settings = settings
        self.matcher = matcher
        self.redactor = Redactor()
        self._business = folded(settings.business) if settings.business else None
        self._marker = business_marker
        self._senders: Counter[str] = Counter()
        self._business_senders: dict[str, bool] = {}
        self._platforms: set[Platform] = set()
        self._business_messages = 0
        self._conversations: list[Conversation] = []
        self._examples: dict[SwitchReason, str] = {}
        self._first: dt.datetime | None = None
        self._last: dt.datetime | None = None

    def add(self, thread: Thread) -> None:
        """The thread's customers are known from its first LOOKAHEAD messages before any is redacted, so that a
        greeting that names a customer before they write is redacted too; one met later counts from then on."""
        self._platforms.add(thread.platform)
        previous_of: dict[str, Conversation] = {}
        current: Conversation | None = None
        last_at: dt.datetime | None = None
        messages = iter(thread.messages)
        ahead = list(itertools.islice(messages, LOOKAHEAD))
        for message in ahead:
            self._register(message)
        for message in itertools.chain(ahead, messages):
            if message.kind is Kind.SYSTEM:
                continue
            business = self._register(message)
            if current is None or last_at is None or message.at - last_at > self.settings.gap:
                current = self._started(message, business, previous_of)
            self._count(message, business, current)
            current.ended = last_at = message.at

    def _register(self, message: Message) -> bool:
        """Whether the message is the business's; a customer's sender gets a pseudonym the first time."""
        if message.kind is Kind.SYSTEM:
            return False
        business = self._is_business(message.sender)
        if not business:
            self.redactor.pseudonym(message.sender)
        return business

    def measures(self) -> Measures:
        """The figures; a ReadinessError when no message is the business's (the participants are listed)."""
        if self._business_messages == 0 and self._senders:
            listed = self._senders.most_common(CANDIDATES_LISTED)
            participants = ", ".join(f"{name} ({count} message{'s' * (count != 1)})" for name, count in listed)
            wanted = self.settings.business
            problem = f"no participant is called {wanted!r}" if wanted else "name the business with --business"
            raise ReadinessError.single("--business", f"{problem}; the participants: {participants}")
        return Measures(
            messages=sum(self._senders.values()),
            conversations=self._conversations,
            first=self._first,
            last=self._last,
            switch_examples=self._redacted_examples(),
            redacted=dict(self.redactor.counts),
            promise_minutes=self.settings.promise_minutes,
            platforms=frozenset(self._platforms),
        )

    def _redacted_examples(self) -> dict[SwitchReason, str]:
        """The examples redacted again with every customer's name, met before or after them; counted apart, as
        their texts were counted when they were measured."""
        again = Redactor()
        for sender in self.redactor.pseudonyms:
            again.pseudonym(sender)
        return {reason: _clipped(again.text(text)) for reason, text in self._examples.items()}

    def _is_business(self, sender: str) -> bool:
        known = self._business_senders.get(sender)
        if known is None:
            marked = self._marker is not None and sender.startswith(self._marker)
            known = self._business_senders[sender] = marked or folded(sender) == self._business
        return known

    def _started(self, message: Message, business: bool, previous_of: dict[str, Conversation]) -> Conversation:
        customer = None if business else message.sender
        conversation = Conversation(customer, message.at, message.at, self.settings.hours.open_at(message.at))
        if customer is not None:
            earlier = previous_of.get(customer)
            if earlier is not None and message.at - earlier.ended <= REPEAT_WINDOW:
                earlier.repeated = True
            previous_of[customer] = conversation
        self._conversations.append(conversation)
        return conversation

    def _count(self, message: Message, business: bool, conversation: Conversation) -> None:
        self._senders[message.sender] += 1
        self._first = message.at if self._first is None else min(self._first, message.at)
        self._last = message.at if self._last is None else max(self._last, message.at)
        said = folded(message.text) if message.kind is Kind.TEXT else ""
        text = self.redactor.text(message.text, said) if said else ""
        if business:
            self._business_messages += 1
            conversation.business_messages += 1
            if conversation.first_reply is None:
                conversation.first_reply = message.at
            for reason in self.matcher.switch_reasons(said) if said else ():
                conversation.switches.add(reason)
                self._examples.setdefault(reason, text)
        elif said and self.matcher.resolves(said):
            conversation.resolution_said = True


def _times(conversations: list[Conversation]) -> dict[str, Any]:
    minutes = sorted(m for c in conversations if (m := c.response_minutes) is not None)
    if not minutes:
        return {"median": None, "p90": None, "answered": 0}
    p90 = minutes[max(0, math.ceil(0.9 * len(minutes)) - 1)]
    return {"median": round(statistics.median(minutes), 1), "p90": round(p90, 1), "answered": len(minutes)}


def _share(conversations: list[Conversation], test: Callable[[Conversation], bool]) -> float | None:
    if not conversations:
        return None
    return round(sum(1 for c in conversations if test(c)) / len(conversations), 4)


def _date(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.date().isoformat()


def _clipped(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXAMPLE_CHARACTERS else flat[: EXAMPLE_CHARACTERS - 1] + "…"
