"""Figures as the plan's language writes them: grouped digits, its decimal sign, percentages and money.

Babel loads on first use, so importing the core stays light.
"""

from __future__ import annotations

from readiness.core.text import Lang

BABEL_LOCALES = {Lang.EN: "en_US", Lang.ES: "es_ES"}


def number_text(value: float | None, lang: Lang, digits: int = 2) -> str:
    """A figure inside a sentence, grouped, with at most `digits` decimals ("1,380", "12,5")."""
    from babel.numbers import format_decimal

    if value is None:
        return ""
    pattern = "#,##0" if digits == 0 else "#,##0." + "#" * digits
    return str(format_decimal(value, format=pattern, locale=BABEL_LOCALES[lang]))


def quantity_text(value: float, unit: str, lang: Lang) -> str:
    """A figure with its unit; a unit that starts with an ISO currency code formats as money."""
    from babel.numbers import format_currency

    code, _, rest = unit.partition(" ")
    if _is_currency(code):
        money = format_currency(value, code, locale=BABEL_LOCALES[lang])
        return f"{money} {rest}" if rest else money
    number = number_text(value, lang, digits=1)
    if unit.startswith("%"):
        percent = number + ("\u00a0%" if lang is Lang.ES else "%")
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
