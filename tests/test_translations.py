"""The program's words live in gettext catalogs: the template follows the code, every catalog is complete and
keeps placeholders and shortcuts, plural forms follow each language, and what is missing falls back to English."""

from __future__ import annotations

import re
import subprocess
import sys
from gettext import c2py
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po
from conftest import mini_assessment
from markupsafe import escape

from readiness.cli import main
from readiness.core.content import Content, load_content
from readiness.core.coverage import TRANSLATED_LANGUAGES, content_coverage, fallback_note
from readiness.core.i18n import (
    _,
    environment_language,
    language_name,
    load_catalog,
    matching_language,
    ngettext,
    po_path,
)
from readiness.core.lang import LANGUAGES, Lang, babel_locale
from readiness.core.text import LocalText
from readiness.report.html import _environment, gettext_functions
from readiness.report.outputs import PlanSettings, write_plan
from readiness.resources import Folder, folder, questionnaires

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = folder(Folder.LOCALE) / "readiness.pot"
COUNTS = (0, 1, 2, 5)
SHIPPED_COMPLETE = (Lang.ES, Lang.PT_BR)
"""The languages Readiness ships whole; a language being added may be partial and falls back to English."""


def _ids(catalog: Catalog) -> set[tuple[str | None, str]]:
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id}


def _read(path: Path) -> Catalog:
    with path.open("rb") as stream:
        return read_po(stream)


def _forms(message: Message) -> list[tuple[str, str]]:
    """(English, translation) for each form; a plural's extra forms pair with the English plural."""
    if isinstance(message.id, str):
        return [(message.id, str(message.string))]
    singular, plural = message.id[0], message.id[1]
    return [(singular if index == 0 else plural, form) for index, form in enumerate(_strings(message))]


def _strings(message: Message) -> list[str]:
    string = message.string
    return [string] if isinstance(string, str) else list(string or ())


def test_the_template_is_up_to_date_with_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.pot"
    pybabel = Path(sys.executable).with_name("pybabel")
    subprocess.run([pybabel, "extract", "-F", "babel.cfg", "-o", fresh, "."], cwd=ROOT, check=True, capture_output=True)
    assert _ids(_read(fresh)) == _ids(_read(TEMPLATE)), "run the extract command in locale/README.md"


@pytest.mark.parametrize("lang", TRANSLATED_LANGUAGES)
def test_every_catalog_follows_the_template(lang: Lang) -> None:
    assert _ids(_read(po_path(lang))) == _ids(_read(TEMPLATE)), "run the update command in locale/README.md"


@pytest.mark.parametrize("lang", SHIPPED_COMPLETE)
def test_the_shipped_languages_translate_every_message(lang: Lang) -> None:
    catalog = _read(po_path(lang))
    untranslated = [m.id for m in catalog if m.id and (m.fuzzy or not all(form for _, form in _forms(m)))]
    assert untranslated == []


@pytest.mark.parametrize("lang", TRANSLATED_LANGUAGES)
def test_translations_keep_placeholders_and_shortcuts(lang: Lang) -> None:
    for message in _read(po_path(lang)):
        if not message.id:
            continue
        for english, translated in _forms(message):
            if not translated:
                continue  # not translated yet: it shows in English
            assert set(re.findall(r"\{(\w+)\}", translated)) == set(re.findall(r"\{(\w+)\}", english)), english
            assert translated.replace("&&", "").count("&") == english.replace("&&", "").count("&"), english
            assert (translated != translated.strip()) == (english != english.strip()) or not english.strip(), english


def test_plural_messages_show_their_count() -> None:
    """Every singular shows {count}: in some languages (Portuguese) the form for one also serves zero."""
    for message in _read(TEMPLATE):
        if message.pluralizable:
            singular, plural = message.id[0], message.id[1]
            if "{count}" in plural:
                assert "{count}" in singular or "{matched}" in plural, message.id


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (Lang.EN, ["0 minutes", "1 minute", "2 minutes", "5 minutes"]),
        (Lang.ES, ["0 minutos", "1 minuto", "2 minutos", "5 minutos"]),
        (Lang.PT_BR, ["0 minuto", "1 minuto", "2 minutos", "5 minutos"]),
    ],
)
def test_a_count_takes_the_form_its_language_asks_for(lang: Lang, expected: list[str]) -> None:
    assert [ngettext("{count} minute", "{count} minutes", n, lang) for n in COUNTS] == expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_plural_message_picks_the_cldr_form_for_0_1_2_and_5(lang: Lang) -> None:
    """The plan, the CSV, the ICS and the UI all count through these messages."""
    catalog = _read(TEMPLATE) if lang is Lang.EN else _read(po_path(lang))
    form_of = c2py(catalog.plural_expr)  # the catalog's own Plural-Forms rule, which Babel wrote from CLDR
    assert catalog.plural_expr == Catalog(locale=babel_locale(lang)).plural_expr
    for message in catalog:
        if not message.pluralizable:
            continue
        for count in COUNTS:
            shown = ngettext(message.id[0], message.id[1], count, lang, matched=1, **_params(message.id[1]))
            if lang is Lang.EN:
                english = message.id[0 if count == 1 else 1]
                assert shown.startswith(english.split("{")[0]), (message.id, count)
            elif form := _strings(message)[form_of(count)]:
                assert shown == _filled(form, count, message.id[1]), (message.id, count)
            if "{count}" in message.id[1] and "{matched}" not in message.id[1]:
                assert str(count) in shown, (message.id, count, shown)


def _params(text: str) -> dict[str, str]:
    return {name: f"<{name}>" for name in re.findall(r"\{(\w+)\}", text) if name not in ("count", "matched")}


def _filled(form: str, count: int, english: str) -> str:
    return form.format(count=count, matched=1, **_params(english))


def test_a_message_missing_from_a_catalog_shows_in_english(tmp_path: Path) -> None:
    catalog = Catalog(locale="es")
    catalog.add("Settings", "Preferencias")
    catalog.add(("{count} day", "{count} days"), ("{count} día", "{count} días", "{count} días"))
    po = tmp_path / "readiness.po"
    with po.open("wb") as stream:
        write_po(stream, catalog)
    translations = load_catalog(po)
    assert translations.gettext("Settings") == "Preferencias"
    assert translations.gettext("Export the assessment") == "Export the assessment"
    assert translations.ngettext("{count} day", "{count} days", 2) == "{count} días"
    assert load_catalog(tmp_path / "none.po").gettext("Settings") == "Settings"


def test_content_text_falls_back_to_english_and_is_counted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = LocalText.model_validate({"en": "Reply within the hour", "es": "Responder en una hora"})
    assert text.get(Lang.PT_BR) == "Reply within the hour" and not text.has(Lang.PT_BR)
    source = (ROOT / "tests" / "fixtures" / "content" / "questionnaire.yaml").read_text(encoding="utf-8")
    (tmp_path / "questionnaire.yaml").write_text(source, encoding="utf-8")
    [coverage] = content_coverage([tmp_path])
    assert coverage.percent(Lang.ES) == 100 and coverage.percent(Lang.PT_BR) == 0
    assert main(["--content", str(tmp_path), "validate", "--translations"]) == 0
    assert f"{tmp_path / 'questionnaire.yaml'}: es 100 %, pt-BR 0 %" in capsys.readouterr().out
    assert main(["--content", str(tmp_path), "validate", "--translations", "--strict"]) == 1


def test_the_shipped_content_is_fully_translated(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--translations"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 7 and all("es 100 %, pt-BR 100 %" in line for line in lines)
    content = load_content(questionnaires())
    for lang in SHIPPED_COMPLETE:
        assert fallback_note(content, content.default_questionnaire(), lang) is None


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "pt_BR.UTF-8"}, Lang.PT_BR),
        ({"LANG": "es_MX.UTF-8"}, Lang.ES),
        ({"LANGUAGE": "eo:es", "LANG": "eo.UTF-8"}, Lang.ES),
        ({"LC_ALL": "C", "LANG": "es_ES.UTF-8"}, Lang.EN),
        ({}, Lang.EN),
    ],
)
def test_the_command_line_follows_the_locale(environ: dict[str, str], expected: Lang) -> None:
    assert environment_language(environ) is expected


def test_languages_are_named_in_their_own_language() -> None:
    names = {Lang.EN: "English", Lang.ES: "Español", Lang.PT_BR: "Português (Brasil)"}
    assert {lang: language_name(lang) for lang in names} == names
    assert matching_language("pt_PT") is Lang.PT_BR and matching_language("de_DE") is None


@pytest.mark.parametrize("lang", [Lang.EN, *SHIPPED_COMPLETE])
def test_each_language_reads_its_own_words(lang: Lang) -> None:
    expected = {Lang.EN: "Executive summary", Lang.ES: "Resumen ejecutivo", Lang.PT_BR: "Resumo executivo"}
    assert _("Executive summary", lang) == expected[lang]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_plan_templates_count_in_each_language(lang: Lang) -> None:
    """Every plural message of the plan's templates, rendered through the plan's own Jinja environment."""
    in_templates = [
        m for m in _read(TEMPLATE) if m.pluralizable and any(p.startswith("report_") for p, _ in m.locations)
    ]
    assert len(in_templates) >= 3  # working days, open blockers, question numbers
    for message in in_templates:
        singular, plural = message.id[0], message.id[1]
        template = _environment().from_string("{{ ngettext(singular, plural, n, **params) }}")
        for count in COUNTS:
            params = _params(plural)
            shown = template.render(**gettext_functions(lang), singular=singular, plural=plural, n=count, params=params)
            assert shown == str(escape(ngettext(singular, plural, count, lang, **params))), (message.id, count)
            if "{count}" in singular:
                assert str(count) in shown


def test_a_plan_in_a_language_the_content_lacks_says_what_prints_in_english(
    tmp_path: Path, mini_content: Content
) -> None:
    written = write_plan(tmp_path / "plan.csv", mini_assessment(Lang.PT_BR), mini_content, PlanSettings())
    [note] = written.warnings
    assert "não têm tradução para Português (Brasil)" in note and "readiness validate --translations" in note
    spanish = write_plan(tmp_path / "plano.csv", mini_assessment(Lang.ES), mini_content, PlanSettings())
    assert spanish.warnings == ()
