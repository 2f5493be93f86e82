"""How much of the content and of the program's messages each language translates (``validate --translations``).

Content texts are counted per file from the validated models (every ``LocalText``); program messages per
catalog against the ``.pot`` template. A missing translation is not an error: it shows in English.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from pathlib import Path

from pydantic import BaseModel

from readiness.core.catalog import Catalog
from readiness.core.content import PHRASES_KIND, Content, content_files
from readiness.core.i18n import language_name, ngettext, po_path
from readiness.core.lang import AUTHORING_LANGUAGE, LANGUAGES, Lang
from readiness.core.questionnaire import Questionnaire
from readiness.core.safeyaml import load_yaml_file
from readiness.core.text import LocalText
from readiness.core.validation import validate_document
from readiness.resources import Folder, folder

TRANSLATED_LANGUAGES = tuple(lang for lang in LANGUAGES if lang is not AUTHORING_LANGUAGE)
TEMPLATE = "readiness.pot"


@dataclass(frozen=True)
class Coverage:
    """What one file translates: texts in all, and how many of them each language has."""

    name: str
    total: int
    translated: dict[Lang, int]

    def percent(self, lang: Lang) -> int:
        """Rounded down, so 100 % means nothing is missing."""
        return 100 if self.total == 0 else self.translated[lang] * 100 // self.total

    def complete(self) -> bool:
        return all(self.translated[lang] == self.total for lang in TRANSLATED_LANGUAGES)

    def line(self) -> str:
        shares = ", ".join(f"{lang.value} {self.percent(lang)} %" for lang in TRANSLATED_LANGUAGES)
        return f"{self.name}: {shares}" if shares else f"{self.name}: {self.total} texts, English only"


TRANSLATED_KINDS: dict[object, type[BaseModel]] = {"questionnaire": Questionnaire, "catalog": Catalog}
"""The content files whose texts are translated; transcript phrases are written per language, not translated."""


def content_coverage(folders: Sequence[Path]) -> list[Coverage]:
    """One line per questionnaire or catalog file in the content folders."""
    covered = (_file_coverage(path) for content_folder in folders for path in content_files(content_folder))
    return [coverage for coverage in covered if coverage is not None]


def _file_coverage(path: Path) -> Coverage | None:
    document = load_yaml_file(path)
    kind = document.data.get("kind") if isinstance(document.data, dict) else None
    if kind == PHRASES_KIND:
        return None
    model = validate_document(TRANSLATED_KINDS.get(kind, Catalog), document, str(path))
    texts = list(local_texts(model))
    translated = {lang: sum(t.has(lang) for t in texts) for lang in TRANSLATED_LANGUAGES}
    return Coverage(shown_path(path), len(texts), translated)


def local_texts(value: object) -> Iterator[LocalText]:
    """Every translatable text inside a content model."""
    if isinstance(value, LocalText):
        yield value
    elif isinstance(value, BaseModel):
        for field in type(value).model_fields:
            yield from local_texts(getattr(value, field))
    elif isinstance(value, dict):
        for item in value.values():
            yield from local_texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from local_texts(item)


def missing_translations(content: Content, questionnaire: Questionnaire, lang: Lang) -> int:
    """How many texts of a plan's content (its questionnaire and the catalogs) show in English in ``lang``."""
    catalogs = [getattr(content.catalogs, f.name) for f in fields(content.catalogs)]
    return sum(not text.has(lang) for text in local_texts([questionnaire, *catalogs]))


def fallback_note(content: Content, questionnaire: Questionnaire, lang: Lang) -> str | None:
    """What a plan in ``lang`` says when some of its content has no translation and prints in English."""
    missing = missing_translations(content, questionnaire, lang)
    if not missing:
        return None
    return ngettext(
        "{count} content text has no {language} translation and prints in English "
        "(see readiness validate --translations)",
        "{count} content texts have no {language} translation and print in English "
        "(see readiness validate --translations)",
        missing,
        lang,
        language=language_name(lang),
    )


def program_coverage(root: Path | None = None) -> Coverage:
    """The program's messages (UI, CLI, plan sentences and labels): translated entries of each catalog."""
    from babel.messages.pofile import read_po

    base = root if root is not None else folder(Folder.LOCALE)
    with (base / TEMPLATE).open("rb") as stream:
        wanted = {(m.context, _msgid(m.id)) for m in read_po(stream) if m.id}
    translated = {lang: len(wanted & _translated_ids(po_path(lang, base))) for lang in TRANSLATED_LANGUAGES}
    return Coverage(f"{shown_path(base / TEMPLATE)} (program messages)", len(wanted), translated)


def _translated_ids(path: Path) -> set[tuple[str | None, str]]:
    from babel.messages.pofile import read_po

    if not path.is_file():
        return set()
    with path.open("rb") as stream:
        catalog = read_po(stream)
    return {(m.context, _msgid(m.id)) for m in catalog if m.id and not m.fuzzy and _is_translated(m.string)}


def _msgid(message_id: str | Iterable[str]) -> str:
    return message_id if isinstance(message_id, str) else next(iter(message_id))


def _is_translated(string: str | Iterable[str] | None) -> bool:
    if string is None or isinstance(string, str):
        return bool(string)
    return all(string)


def shown_path(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when it lies inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def coverage_report(folders: Sequence[Path]) -> tuple[str, bool]:
    """The lines ``validate --translations`` prints, and whether every language is complete."""
    coverages = [program_coverage(), *content_coverage(folders)]
    return "\n".join(c.line() for c in coverages), all(c.complete() for c in coverages)
