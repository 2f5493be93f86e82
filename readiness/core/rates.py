"""A channel's prices in the markets it serves: each rate dated, in words for the plan and, where they could be
verified, in figures for the running-cost estimate."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from readiness.core.text import LocalText, Model


class QuotaPlan(Model):
    """A monthly plan that includes a quota of messages the business sends."""

    fee: float = Field(ge=0)
    messages: int = Field(ge=0)
    extra: float | None = Field(
        default=None, ge=0, description="The most a message beyond the quota costs; none: the plan sells no more."
    )


class Prices(Model):
    """The figures of a market rate that the running-cost estimate computes with; only figures read on a source.

    Template prices are per delivered message the business starts (WhatsApp's categories); ``per_message`` is
    paid on every message sent or received (an SMS segment), ``carrier_fee`` on top of each one sent, as a
    low–high range; ``plans`` are monthly plans with a quota; ``monthly_minimum`` is a partner's minimum per sender.
    """

    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code.")
    marketing: float | None = Field(default=None, ge=0)
    utility: float | None = Field(default=None, ge=0)
    authentication: float | None = Field(default=None, ge=0)
    per_message: float | None = Field(default=None, ge=0)
    carrier_fee: tuple[float, float] | None = None
    plans: tuple[QuotaPlan, ...] = ()
    monthly_minimum: float | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _some_figure(self) -> Prices:
        figures = (self.marketing, self.utility, self.authentication, self.per_message, self.monthly_minimum)
        if all(f is None for f in figures) and not self.plans:
            raise ValueError("give at least one price, or leave prices out")
        if self.carrier_fee is not None and not 0 <= self.carrier_fee[0] <= self.carrier_fee[1]:
            raise ValueError("carrier_fee is [low, high], with low <= high")
        return self


class MarketRate(Model):
    """A price point for the markets it names, with the date it was read."""

    countries: tuple[str, ...] = Field(min_length=1, description="ISO codes or region groups.")
    text: LocalText
    as_of: dt.date
    prices: Prices | None = Field(
        default=None, description="The figures of the text that the running-cost estimate uses; none when unverified."
    )
