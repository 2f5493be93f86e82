"""Figures as the plan's language writes them: grouped digits, its decimal sign, percentages and money.

Babel loads on first use, so importing the core stays light.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from readiness.core.lang import Lang, babel_locale


def number_text(value: float | None, lang: Lang, digits: int = 2) -> str:
    """A figure inside a sentence, grouped, with at most `digits` decimals ("1,380", "12,5")."""
    from babel.numbers import format_decimal

    if value is None:
        return ""
    pattern = "#,##0" if digits == 0 else "#,##0." + "#" * digits
    return str(format_decimal(value, format=pattern, locale=babel_locale(lang)))


def quantity_text(value: float, unit: str, lang: Lang) -> str:
    """A figure with its unit; a unit that starts with an ISO currency code formats as money."""
    from babel.numbers import format_currency

    code, _, rest = unit.partition(" ")
    if _is_currency(code):
        money = format_currency(value, code, locale=babel_locale(lang))
        return f"{money} {rest}" if rest else money
    number = number_text(value, lang, digits=1)
    if unit.startswith("%"):
        percent = _percent_sign(number, lang)
        return f"{percent} {unit[1:].strip()}".rstrip()
    return f"{number}\u00a0{unit}" if unit else number


def _is_currency(code: str) -> bool:
    from babel.numbers import get_currency_name

    if len(code) != 3 or not code.isalpha() or not code.isupper():
        return False
    try:
        return get_currency_name(code, locale="en") != code
    except ValueError:
        return False


def _percent_sign(number: str, lang: Lang) -> str:
    """A number with the percent sign placed as the language writes it ("46 %" in Spanish, "46%" in English)."""
    from babel.core import Locale

    pattern = Locale.parse(babel_locale(lang)).percent_formats[None].pattern
    return f"{number}\u00a0%" if "\u00a0" in pattern or " " in pattern else f"{number}%"


def list_text(items: Iterable[str], lang: Lang | str) -> str:
    """Names joined as the language lists them: "WhatsApp, Instagram and LINE", "WhatsApp, Instagram y LINE"."""
    from babel.lists import format_list

    names = list(items)
    return str(format_list(names, locale=babel_locale(lang))) if names else ""


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def day_name(day: str, lang: Lang | str, width: Literal["abbreviated", "wide"] = "abbreviated") -> str:
    """A weekday ('mon'…'sun') as the language names it: "Mon", "lun", "seg." (abbreviated) or "Monday" (wide)."""
    from babel.dates import get_day_names

    return str(get_day_names(width, locale=babel_locale(lang))[WEEKDAYS.index(day)])
