"""What the channels panel says about one channel: its facts (cost, pricing, lead time, window, opt-in, who
starts) and the discontinued channels still listed among the current ones."""

from __future__ import annotations

from PySide6.QtCore import QDate

from readiness.core.i18n import N_, _, ngettext
from readiness.core.lang import Lang
from readiness.core.plan.model import RankedChannel, RetiredChannel
from readiness.ui.pages.formatting import qt_locale

FACT_CAPTIONS = {
    "cost_model": N_("Cost model"),
    "pricing": N_("Pricing"),
    "lead_time": N_("Set-up lead time"),
    "service_window": N_("Service window"),
    "opt_in": N_("Opt-in"),
    "initiation": N_("Who starts"),
}
COST_MODEL_NAMES = {
    "free": N_("Free"),
    "per_message": N_("Per message"),
    "per_conversation": N_("Per conversation"),
    "subscription": N_("Subscription"),
    "per_seat": N_("Per seat (user licence)"),
    "mixed": N_("Mixed"),
}


def fact_values(channel: RankedChannel, lang: Lang) -> dict[str, str]:
    """The text beside each of FACT_CAPTIONS, for one channel."""
    return {
        "cost_model": _(COST_MODEL_NAMES[channel.cost_model], lang),
        "pricing": channel.pricing,
        "lead_time": ngettext("about {count} working day", "about {count} working days", channel.lead_time_days, lang),
        "service_window": channel.service_window,
        "opt_in": channel.opt_in,
        "initiation": channel.initiation,
    }


def retired_lines(retired: tuple[RetiredChannel, ...], lang: Lang) -> list[str]:
    """One line per discontinued channel still in use: when it ended, and what replaces it."""
    locale = qt_locale(lang)
    lines = []
    for channel in retired:
        day = channel.discontinued_on
        date = locale.toString(QDate(day.year, day.month, day.day), "d MMM yyyy")
        line = _("{name}: discontinued on {date}.", lang, name=channel.name, date=date)
        lines.append(f"{line} {channel.replacement}".strip())
    return lines
