"""Figures as the plan's language writes them: grouped digits, its decimal sign, percentages and money.

Babel loads on first use, so importing the core stays light.
"""

from __future__ import annotations

import datetime as dt
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


def score_text(value: float | None, lang: Lang) -> str:
    """A score out of 100 as the plan prints it everywhere: one decimal ("56.5", "70.0"); a dash when unscored."""
    from babel.numbers import format_decimal

    return "—" if value is None else str(format_decimal(value, format="0.0", locale=babel_locale(lang)))


def range_text(low: float, high: float, lang: Lang) -> str:
    """Two whole figures as a range ("8,000–16,000"), or one when they round to the same."""
    low_text, high_text = number_text(low, lang, 0), number_text(high, lang, 0)
    return low_text if low_text == high_text else f"{low_text}–{high_text}"


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


def date_text(value: dt.date, lang: Lang | str, style: Literal["medium", "long"] = "medium") -> str:
    """A date inside a sentence, as the language writes it ("Dec 5, 2026", "5 dic 2026"; long: "December 5, 2026")."""
    from babel.dates import format_date

    return str(format_date(value, format=style, locale=babel_locale(lang)))


def money_text(low: float, high: float, currency: str, lang: Lang) -> str:
    """An amount, or a range of two with the currency written once, on the side the language writes it ("$317–398",
    "317–398 US$", "R$ 11.250–22.500").

    Whole units from 100 up, where cents would only be noise in an estimate; small amounts keep the digits they
    need ("US$0.0068" a message)."""
    pattern = _currency_pattern(lang)
    if round(low, 6) == round(high, 6):
        return _money(low, currency, pattern, lang)
    bare = pattern.replace("¤", "").strip(" \u00a0")
    if pattern.startswith("¤"):
        return f"{_money(low, currency, pattern, lang)}–{_money(high, currency, bare, lang)}"
    return f"{_money(low, currency, bare, lang)}–{_money(high, currency, pattern, lang)}"


def _currency_pattern(lang: Lang) -> str:
    from babel.core import Locale

    return str(Locale.parse(babel_locale(lang)).currency_formats["standard"].pattern).split(";")[0]


def _money(value: float, currency: str, pattern: str, lang: Lang) -> str:
    """``value`` in ``pattern`` (a CLDR currency pattern, or one without its ``¤`` for a bare figure)."""
    from babel.numbers import format_currency

    if abs(value) >= 100:
        pattern, value = pattern.replace(".00", ""), round(value)
    elif 0 < abs(value) < 1:
        pattern = pattern.replace(".00", ".00###")
    return str(format_currency(value, currency, format=pattern, locale=babel_locale(lang), currency_digits=False))


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


def countries_text(codes: Iterable[str], lang: Lang | str) -> str:
    """Countries by name, listed as the language lists them ("México, Brasil y Estados Unidos"); a code Babel does
    not know stays a code."""
    from babel.core import Locale

    territories = Locale.parse(babel_locale(lang)).territories
    return list_text((territories.get(code, code) for code in codes), lang)


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def day_name(day: str, lang: Lang | str, width: Literal["abbreviated", "wide"] = "abbreviated") -> str:
    """A weekday ('mon'…'sun') as the language names it: "Mon", "lun", "seg." (abbreviated) or "Monday" (wide)."""
    from babel.dates import get_day_names

    return str(get_day_names(width, locale=babel_locale(lang))[WEEKDAYS.index(day)])
