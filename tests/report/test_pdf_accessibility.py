"""The plan PDF for people who read it with assistive technology: the open PDF/UA checker finds nothing, header
cells carry their scope, charts say their data in words, bookmarks read "1 Executive summary", sources are links."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pdfua
import pytest
from report_support import Rendered, all_objects, render, sample_render, shipped_content

from readiness.core.i18n import _
from readiness.core.lang import LANGUAGES, Lang
from readiness.core.samples import SAMPLE_PROFILES, load_sample
from readiness.report.paper import Paper
from readiness.resources import questionnaires


def profile_render(profile: str, lang: Lang, paper: Paper) -> Rendered:
    return render(load_sample(profile, lang, shipped_content(), questionnaires()), shipped_content(), paper)


# Every sample profile, each in one of the languages and papers in turn: six renders, not eighteen.
RENDERS = [
    (profile, LANGUAGES[index % len(LANGUAGES)], (Paper.A4, Paper.LETTER)[index % 2])
    for index, profile in enumerate(SAMPLE_PROFILES)
]


@pytest.mark.parametrize(("profile", "lang", "paper"), RENDERS, ids=lambda value: str(value))
def test_the_pdfua_checker_finds_nothing(profile: str, lang: Lang, paper: Paper, tmp_path: Path) -> None:
    path = tmp_path / f"{profile}.pdf"
    path.write_bytes(profile_render(profile, lang, paper).result.pdf)
    report = pdfua.validate(str(path))
    assert [f"{f.rule_id} p{f.location.page}: {f.message}" for f in report.findings] == []


@pytest.fixture(scope="module", params=[Lang.EN, Lang.ES], ids=lambda lang: lang.value)
def rendered(request: pytest.FixtureRequest) -> Rendered:
    return sample_render(request.param, Paper.A4)


def structure_elements(rendered: Rendered, role: str) -> list[Any]:
    return [o for o in all_objects(rendered.reader) if isinstance(o, dict) and o.get("/S") == role]


def test_every_header_cell_carries_the_scope_its_place_gives(rendered: Rendered) -> None:
    headers = structure_elements(rendered, "/TH")
    assert len(headers) > 100
    for header in headers:
        group = header["/P"].get_object()["/P"].get_object()["/S"]
        assert header["/A"]["/Scope"] == ("/Column" if group == "/THead" else "/Row")
    assert {h["/A"]["/Scope"] for h in headers} == {"/Column", "/Row"}


class _HeaderScopes(HTMLParser):
    """Each <th>'s scope attribute and whether it sits in a <thead>."""

    def __init__(self) -> None:
        super().__init__()
        self.in_head = False
        self.found: list[tuple[bool, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "thead":
            self.in_head = True
        elif tag == "th":
            self.found.append((self.in_head, dict(attrs).get("scope")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "thead":
            self.in_head = False


def test_the_templates_put_column_headers_in_the_head_and_row_headers_in_the_body(rendered: Rendered) -> None:
    """What the PDF's scopes are inferred from (readiness/report/pdf_tags.py) is what the HTML says."""
    parser = _HeaderScopes()
    parser.feed(rendered.page.html)
    assert parser.found
    assert {(in_head, scope) for in_head, scope in parser.found} == {(True, "col"), (False, "row")}


def test_every_figure_says_what_it_shows(rendered: Rendered) -> None:
    lang = Lang(rendered.plan.header.language)
    texts = [str(figure.get("/Alt", "")) for figure in structure_elements(rendered, "/Figure")]
    assert texts and all(texts), texts
    steps = next(t for t in texts if t.startswith(_("By step", lang)))
    for step in ("Identify", "Open", "Promote", "Refine"):  # each with its score: "Identify 48.8"
        assert re.search(rf"{_(step, lang)} \d+[.,]\d", steps), steps
    timeline = next(t for t in texts if t.startswith(_("Timeline and refine routine", lang)))
    assert all(m.title in timeline for m in rendered.plan.milestones)


def test_bookmarks_put_a_space_between_the_number_and_the_title(rendered: Rendered) -> None:
    lang = Lang(rendered.plan.header.language)
    top = [item.title for item in rendered.reader.outline if not isinstance(item, list)]
    assert top[0] == f"1 {_('Executive summary', lang)}"
    assert all(re.match(r"^\d+ \S", title) for title in top), top
    first_gap = rendered.plan.gaps[0]
    everything = _flatten(rendered.reader.outline)
    assert f"1 {first_gap.type_name} · {first_gap.touchpoint}" in everything, everything


def _flatten(outline: list[Any]) -> list[str]:
    return [t for item in outline for t in (_flatten(item) if isinstance(item, list) else [item.title])]


def test_every_source_is_a_live_link(rendered: Rendered) -> None:
    links = {
        str(annotation.get_object()["/A"]["/URI"])
        for page in rendered.reader.pages
        for annotation in page.get("/Annots") or []
        if "/URI" in annotation.get_object().get("/A", {})
    }
    printed = set(re.findall(r'<a href="(https?://[^"]+)"', rendered.page.html))
    assert printed and {url.replace("&amp;", "&") for url in printed} <= links


def test_the_contents_give_each_chapter_the_page_it_starts_on(rendered: Rendered) -> None:
    """Right after the cover: every chapter, numbered, with the page its bookmark leads to."""
    reader = rendered.reader
    starts = {
        str(item.title): reader.get_destination_page_number(item) + 1
        for item in reader.outline
        if not isinstance(item, list)
    }
    contents = reader.pages[1].extract_text()
    listed = {
        f"{number} {title.strip(' .')}": int(page)
        for number, title, page in re.findall(r"^(\d+)\s*(.+?)[\s.…]*?(\d+)\s*$", contents, re.M)
    }
    chapters = {line: page for line, page in listed.items() if line in starts}  # not the running footer
    assert chapters == starts and len(starts) >= 11


def passage_languages(rendered: Rendered) -> set[tuple[str, str]]:
    """Each structure element's role and language, where it names one."""
    return {
        (str(o["/S"]), str(o["/Lang"]))
        for o in all_objects(rendered.reader)
        if isinstance(o, dict) and "/S" in o and "/Lang" in o
    }


def test_a_source_title_in_another_language_is_tagged_with_it() -> None:
    """A Spanish plan for a German business cites German and English pages by their own titles."""
    rendered = profile_render("de-b2b-software", Lang.ES, Paper.A4)
    assert passage_languages(rendered) == {("/Span", "en"), ("/Span", "de")}
    assert str(rendered.reader.trailer["/Root"]["/Lang"]) == "es"
    assert passage_languages(profile_render("de-b2b-software", Lang.EN, Paper.A4)) == {("/Span", "de")}
