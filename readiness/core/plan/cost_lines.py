"""The parts of a running-cost estimate: a line with its amount, or the reason it has none, and the volumes and
assumptions every line counts with."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

QUOTED_CURRENCY = "USD"
"""The currency the wizard asks a provider's quote in."""
REPLIES_PER_CONVERSATION = (2, 4)
"""Messages the business sends in one conversation, low and high: an assumption the plan prints."""


class LineKind(StrEnum):
    ESTIMATED = "estimated"
    FREE = "free"
    """No fee of this kind: a channel that does not bill messages."""
    NOT_ESTIMATED = "not_estimated"


@dataclass(frozen=True)
class Money:
    """A monthly amount, low and high, in cents: sums of float products carry no binary noise into the JSON."""

    low: float
    high: float
    currency: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "low", round(self.low, 2))
        object.__setattr__(self, "high", round(self.high, 2))


@dataclass(frozen=True)
class CostLine:
    item: str
    kind: LineKind
    amount: Money | None
    basis: str
    """What the figure rests on; for a line not estimated, why not."""

    @property
    def basis_sentence(self) -> str:
        """The basis standing on its own, as a table cell shows it: capitalised."""
        return self.basis[:1].upper() + self.basis[1:]


@dataclass(frozen=True)
class Volumes:
    conversations: tuple[float, float] | None
    conversations_basis: str
    marketing: float | None
    updates: float | None
    handling_minutes: float | None
    hour_cost: float | None
    marketing_price: float | None
    update_price: float | None
    people_share: tuple[float, float]


def not_estimated(item: str, reason: str) -> CostLine:
    return CostLine(item, LineKind.NOT_ESTIMATED, None, reason)
