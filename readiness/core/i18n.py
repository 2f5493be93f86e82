"""The program's own words through gettext: the UI, the CLI, the plan's sentences and the report's labels.

Each message is its English text (the msgid), looked up in the catalog of the language asked for:
``locale/<ll_CC>/LC_MESSAGES/readiness.po``, compiled to ``.mo`` when the wheel is built, or in memory at
first use from a checkout. Plural forms follow the catalog's own rule (Babel writes it from CLDR); a
message missing from a catalog shows in English.

The language is always passed, never global: the app, the plan it renders and the CLI may each speak a
different one in the same process. ``N_`` marks a message where it is defined and leaves translation to
the place that knows the language (``_(LABELS[key], lang)``).
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from functools import cache
from io import BytesIO
from pathlib import Path

from readiness.core.files import read_bounded
from readiness.core.lang import Lang, babel_locale
from readiness.resources import Folder, folder

DOMAIN = "readiness"
MAX_CATALOG_BYTES = 8 * 1024 * 1024


def catalog_folder_name(lang: Lang | str) -> str:
    """The gettext folder of a language: 'pt-BR' lives in 'pt_BR'."""
    return str(Lang(lang).value).replace("-", "_")


def po_path(lang: Lang | str, root: Path | None = None) -> Path:
    base = root if root is not None else folder(Folder.LOCALE)
    return base / catalog_folder_name(lang) / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(lang: Lang | str) -> gettext.NullTranslations:
    """The compiled catalog of a language; English, and a language without a catalog, show the msgids."""
    return load_catalog(po_path(lang))


def load_catalog(po: Path) -> gettext.NullTranslations:
    """The catalog at ``po``: its compiled ``.mo`` beside it when up to date, else the ``.po`` compiled now."""
    mo = po.with_suffix(".mo")
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        return gettext.GNUTranslations(BytesIO(read_bounded(mo, MAX_CATALOG_BYTES)))
    if po.is_file():
        return gettext.GNUTranslations(BytesIO(compile_catalog(read_bounded(po, MAX_CATALOG_BYTES))))
    return gettext.NullTranslations()


def compile_catalog(po_bytes: bytes) -> bytes:
    """A ``.po`` catalog compiled to ``.mo`` bytes (fuzzy entries left out, as msgfmt does)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(BytesIO(po_bytes), abort_invalid=True)
    out = BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def _filled(text: str, params: dict[str, object]) -> str:
    return text.format(**params) if params else text


def _(message: str, lang: Lang | str, /, **params: object) -> str:
    """A message in ``lang``, with ``{name}`` fields filled from ``params``."""
    return _filled(translations(lang).gettext(message), params)


def pgettext(context: str, message: str, lang: Lang | str, /, **params: object) -> str:
    """A message whose English is ambiguous, told apart by a context ('step' Open vs the Open button)."""
    return _filled(translations(lang).pgettext(context, message), params)


def ngettext(singular: str, plural: str, count: float, lang: Lang | str, /, **params: object) -> str:
    """The form of a message that ``count`` takes in ``lang``; ``{count}`` is filled with the count."""
    chosen = translations(lang).ngettext(singular, plural, _plural_operand(count))
    return _filled(chosen, {"count": count, **params})


def npgettext(context: str, singular: str, plural: str, count: float, lang: Lang | str, /, **params: object) -> str:
    chosen = translations(lang).npgettext(context, singular, plural, _plural_operand(count))
    return _filled(chosen, {"count": count, **params})


def N_(message: str) -> str:
    """Marks a message for extraction where it is defined; it is translated where the language is known."""
    return message


def _plural_operand(count: float) -> int:
    """gettext's plural rules take whole numbers; a fraction ("1.5 days") takes the form of the plural."""
    whole = int(count)
    return whole if whole == count else max(whole, 2)


def matching_language(tag: str) -> Lang | None:
    """The app's language for a locale tag ('pt_BR.UTF-8', 'es-MX', 'en'): exact first, then by language alone."""
    code = tag.split(".")[0].split("@")[0].replace("_", "-")
    if not code or code in ("C", "POSIX"):
        return None
    by_code = {lang.value.lower(): lang for lang in Lang}
    if code.lower() in by_code:
        return by_code[code.lower()]
    base = code.split("-")[0].lower()
    return next((lang for lang in Lang if lang.value.split("-")[0].lower() == base), None)


def environment_language(environ: Mapping[str, str]) -> Lang:
    """The command line's language, read as gettext reads it: LANGUAGE's list first, unless the locale (LC_ALL,
    LC_MESSAGES or LANG, the first one set) is C or unset, which means English whatever LANGUAGE says."""
    locale = next((environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(name)), "")
    if locale.split(".")[0] in ("", "C", "POSIX"):
        return Lang.EN
    for tag in environ.get("LANGUAGE", "").split(":"):
        if (lang := matching_language(tag)) is not None:
            return lang
    return matching_language(locale) or Lang.EN


def language_name(lang: Lang | str) -> str:
    """A language's name in that language, as a menu lists it: "English", "Español", "Português (Brasil)"."""
    from babel import Locale

    name = str(Locale.parse(babel_locale(lang)).get_display_name(babel_locale(lang)))
    return name[:1].upper() + name[1:]
