"""What a real plan PDF says, read back with pypdf: a shipped sample in English (A4) and Spanish (Letter).

Expected strings come from the plan model, the gettext catalogs and the locale's Formatter, never from guesses,
so the tests follow the content and the translations.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import mini_assessment
from report_support import (
    PAGE_SIZES,
    Rendered,
    all_fonts,
    mini_catalogue,
    normalise,
    sample_render,
)

from readiness import __version__
from readiness.core.assessment import Participant
from readiness.core.exchange import exchange_text
from readiness.core.i18n import _, ngettext
from readiness.core.lang import LANGUAGES, Lang
from readiness.report.fmt import Formatter
from readiness.report.html import render_plan_html
from readiness.report.job import ATTACHMENT_NAME
from readiness.report.outputs import plan_in
from readiness.report.paper import Paper
from readiness.report.sections import PLAN_SECTIONS
from readiness.report.theme import load_theme
from readiness.resources import Folder, folder

RENDERS = [(Lang.EN, Paper.A4), (Lang.ES, Paper.LETTER)]


@pytest.fixture(scope="module", params=RENDERS, ids=lambda r: f"{r[0].value}-{r[1].value}")
def rendered(request: pytest.FixtureRequest) -> Rendered:
    lang, paper = request.param
    return sample_render(lang, paper)


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "readiness", *map(str, args)], capture_output=True, text=True, timeout=60
    )


def section_headings() -> list[tuple[int, str]]:
    """(number, English title) of every section heading the templates draw, in their order: each template names its
    chapter, which the table in readiness.report.sections numbers and titles."""
    keys: list[str] = []
    for template in (folder(Folder.REPORT_TEMPLATES) / "sections").glob("*.html"):
        keys += re.findall(r"section_heading\('(\w+)'", template.read_text(encoding="utf-8"))
    assert sorted(keys) == sorted(PLAN_SECTIONS), "every chapter is drawn once"
    return sorted((PLAN_SECTIONS[key].number, PLAN_SECTIONS[key].title) for key in keys)


def blockers_line(count: int, lang: Lang) -> str:
    return ngettext("{count} launch blocker still open", "{count} launch blockers still open", count, lang)


def _lang(rendered: Rendered) -> Lang:
    return Lang(rendered.plan.header.language)


# ------------------------------------------------------------------ the render itself


def test_the_render_is_clean(rendered: Rendered) -> None:
    assert rendered.result.warnings == ()
    assert rendered.result.refused == ()
    assert rendered.result.pdf.startswith(b"%PDF-")
    assert rendered.result.pages == len(rendered.reader.pages) > 20


def test_every_page_has_the_paper_size(rendered: Rendered) -> None:
    width, height = PAGE_SIZES[rendered.paper]
    for page in rendered.reader.pages:
        box = page.mediabox
        assert float(box.width) == pytest.approx(width, abs=0.5)
        assert float(box.height) == pytest.approx(height, abs=0.5)


# ------------------------------------------------------------------ what it says


def test_every_section_title_is_there_in_order(rendered: Rendered) -> None:
    lang = _lang(rendered)
    headings = section_headings()
    assert [n for n, _title in headings] == list(range(1, 12))
    first = normalise(f"01 {_(headings[0][1], lang)}")
    body = rendered.text[rendered.text.index(first) :]  # after the contents, which list the same titles
    positions = []
    for number, title in headings:
        heading = normalise(f"{number:02d} {_(title, lang)}")
        assert heading in body, heading
        positions.append(body.index(heading))
    assert positions == sorted(positions)
    for title in ("Messaging rollout plan", "Refine routine", "Launch blockers", "Day one", "Training"):
        assert normalise(_(title, lang)) in rendered.text, title


def test_the_cover_names_the_organisation_and_dates(rendered: Rendered) -> None:
    header, f = rendered.plan.header, Formatter(_lang(rendered).value)
    cover = normalise(rendered.reader.pages[0].extract_text())
    assert header.organisation in cover
    assert normalise(f.date(header.created, "long")) in cover
    assert normalise(f.date(header.launch_date, "long")) in cover
    assert header.facilitator in cover


def test_the_gap_types_are_named(rendered: Rendered) -> None:
    assert len(rendered.plan.gaps) >= 3
    for gap in rendered.plan.gaps:
        assert normalise(gap.type_name) in rendered.text, gap.type_name


def test_checklist_items_are_listed(rendered: Rendered) -> None:
    plan = rendered.plan
    blockers = [t.title for t in plan.launch_blockers]
    promotion = [t.title for checklist in plan.promotion for t in checklist.tasks]
    actions = [t.title for t in plan.actions]
    assert len(blockers) >= 5 and len(promotion) >= 5 and actions
    for title in blockers + promotion[:8] + actions[:5]:
        assert normalise(title) in rendered.text, title


def test_kpi_targets_are_formatted_in_the_plan_language(rendered: Rendered) -> None:
    f = Formatter(_lang(rendered).value)
    kpis = rendered.plan.kpis
    assert {k.unit for k in kpis} >= {"%"} and len(kpis) >= 3
    for kpi in kpis:
        assert normalise(f.quantity(kpi.target, kpi.unit)) in rendered.text, kpi.name
        assert normalise(f.date(kpi.deadline)) in rendered.text, kpi.name
        if kpi.baseline is not None:
            assert normalise(f.quantity(kpi.baseline, kpi.unit)) in rendered.text, kpi.name


def test_the_formatter_differs_between_the_languages() -> None:
    """The KPI test above is only a locale test if the two languages really format differently."""
    en, es = Formatter("en"), Formatter("es")
    assert (en.quantity(85, "%"), es.quantity(85, "%")) == ("85%", "85\u00a0%")
    assert (en.quantity(15, "minutes"), es.quantity(15, "minutos")) == ("15\u00a0minutes", "15\u00a0minutos")
    assert en.number(1234.5) != es.number(1234.5)


def test_the_two_renders_are_in_their_own_language() -> None:
    english, spanish = sample_render(Lang.EN, Paper.A4), sample_render(Lang.ES, Paper.LETTER)
    for title in ("Executive summary", "KPI targets", "Appendix: answers and scoring"):
        assert _(title, Lang.ES) not in english.text
        assert _(title, Lang.EN) not in spanish.text


# ------------------------------------------------------------------ what it is


def test_the_colophon_never_ends_the_plan_on_a_page_of_its_own(rendered: Rendered) -> None:
    """It keeps the bands' legend beside it: the appendix may push both over, never the colophon alone."""
    last = normalise(rendered.reader.pages[-1].extract_text())
    assert f"Readiness {__version__}" in last
    assert normalise(_("Bands", _lang(rendered))).upper() in last.upper()


def test_the_metadata(rendered: Rendered) -> None:
    header, lang = rendered.plan.header, _lang(rendered)
    metadata = rendered.reader.metadata
    assert header.organisation in metadata.title
    assert metadata.title == _("Messaging rollout plan — {organisation}", lang, organisation=header.organisation)
    assert metadata.author == header.facilitator  # the default theme names no consultancy
    assert metadata.subject == _("Messaging rollout plan for {organisation}", lang, organisation=header.organisation)
    assert metadata.creator == f"Readiness {__version__}"
    assert rendered.reader.trailer["/Root"]["/Lang"] == header.language


def test_every_font_is_embedded_and_bundled(rendered: Rendered) -> None:
    fonts = all_fonts(rendered.reader)
    assert fonts
    for font in fonts:
        descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)[
            "/FontDescriptor"
        ]
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor.keys()), font["/BaseFont"]
    names = {str(font["/BaseFont"]).split("+", 1)[-1] for font in fonts}
    assert {"Readiness-Sans", "Readiness-Sans-Bold", "Readiness-Sans-Semi-Bold"} <= names
    assert all(name.startswith("Readiness-Sans") for name in names), names  # no fallback to system fonts


def test_the_assessment_is_attached(rendered: Rendered) -> None:
    reader = rendered.reader
    assert list(reader.attachments) == [ATTACHMENT_NAME]
    assert reader.attachments[ATTACHMENT_NAME] == [exchange_text(rendered.assessment).encode("utf-8")]
    names = reader.trailer["/Root"]["/Names"]["/EmbeddedFiles"]["/Names"]
    assert len(names) == 2
    spec = names[1].get_object()
    header = rendered.plan.header
    description = _("Messaging rollout plan for {organisation}", _lang(rendered), organisation=header.organisation)
    assert spec["/Desc"] == description


# ------------------------------------------------------------------ the command line reads it back


def test_import_a_plan_pdf_and_export_the_same_assessment(rendered: Rendered, tmp_path: Path) -> None:
    pdf, db, out = tmp_path / "plan.pdf", tmp_path / "library.sqlite", tmp_path / "back.yaml"
    pdf.write_bytes(rendered.result.pdf)
    imported = run("import", pdf, "--db", db)
    assert imported.returncode == 0, imported.stderr
    assessment_id = imported.stdout.strip()
    assert assessment_id.isdigit()
    exported = run("export", assessment_id, "-o", out, "--db", db)
    assert exported.returncode == 0, exported.stderr
    assert out.read_text(encoding="utf-8") == exchange_text(rendered.assessment)


def _blank_pdf(path: Path) -> Path:
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def _pdf_with_another_attachment(path: Path) -> Path:
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_attachment("notes.yaml", b"format: readiness-assessment\n")
    with path.open("wb") as handle:
        writer.write(handle)
    return path


@pytest.mark.parametrize("make", [_blank_pdf, _pdf_with_another_attachment], ids=["blank", "other-attachment"])
def test_import_refuses_a_pdf_without_an_assessment(tmp_path: Path, make: Callable[[Path], Path]) -> None:
    pdf = make(tmp_path / "other.pdf")
    result = run("import", pdf, "--db", tmp_path / "library.sqlite")
    assert result.returncode == 2
    assert result.stderr == (
        f"{pdf}: this PDF carries no Readiness assessment: only plans made by Readiness can be imported\n"
    )
    assert result.stdout == ""


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_import_of_a_damaged_pdf_is_one_line(tmp_path: Path, damage: str) -> None:
    pdf = tmp_path / "damaged.pdf"
    plan = sample_render(Lang.EN, Paper.A4).result.pdf
    pdf.write_bytes(b"%PDF-1.7\nnot really\n" if damage == "garbage" else plan[: len(plan) // 2] + plan[-3000:])
    result = run("import", pdf, "--db", tmp_path / "library.sqlite")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1].startswith(f"{pdf}: not a readable PDF")
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert "Traceback" not in result.stderr and result.stdout == ""


# ------------------------------------------------------------------ layout


def _boxes(box: Any) -> Iterator[Any]:
    yield box
    for child in getattr(box, "children", None) or ():
        yield from _boxes(child)


def test_the_cover_fits_the_page_with_a_workshop_of_participants() -> None:
    """Laid out in this process with WeasyPrint's box tree (pypdf cannot tell clipped text from visible text)."""
    import weasyprint

    from readiness.report.fetcher import BundledAssetFetcher

    names = ("Mariana Ortiz", "Diego Salas", "Paola Núñez", "Andrés Vega", "Rocío Méndez", "Luis Gómez", "Ana Torres")
    assessment = mini_assessment()
    profile = assessment.profile.model_copy(update={"participants": tuple(Participant(name=n) for n in names)})
    plan = plan_in(assessment.model_copy(update={"profile": profile}), mini_catalogue(), None)
    page = render_plan_html(plan, load_theme(), Paper.A4)
    fetcher = BundledAssetFetcher(page.assets)
    cover = weasyprint.HTML(string=page.html, base_url="app:", url_fetcher=fetcher).render().pages[0]
    right_edges = [b.position_x + b.margin_width() for b in _boxes(cover._page_box) if hasattr(b, "margin_width")]
    assert max(right_edges) <= cover.width + 0.5


# ------------------------------------------------------------------ the same fact everywhere


def test_the_summary_counts_the_open_blockers_the_checklist_lists(rendered: Rendered) -> None:
    plan, lang = rendered.plan, _lang(rendered)
    done = [b for b in plan.launch_blockers if b.status.value in ("done", "dropped")]
    assert done  # the sample has cleared one: the count must leave it out
    open_count = len(plan.launch_blockers) - len(done)
    assert normalise(blockers_line(open_count, lang)) in rendered.text
    assert normalise(blockers_line(len(plan.launch_blockers), lang)) not in rendered.text


def test_hours_and_the_promise_print_as_the_team_set_them(rendered: Rendered) -> None:
    team = rendered.plan.team
    assert normalise(team.coverage) in rendered.text
    assert rendered.text.count(normalise(team.response_promise)) >= 3  # team page, and copy to publish
    for example in ("9:00–20:00", "8:00–20:00", "15 minutes", "15 minutos"):
        assert example not in rendered.text


def test_capitalised_labels_extract_as_words(rendered: Rendered, tmp_path: Path) -> None:
    """No letter spacing: poppler's pdftotext (as a PDF search does) reads "LAUNCH DATE", not "L AUNCH DATE"."""
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(rendered.result.pdf)
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
    lang = _lang(rendered)
    for label in ("Launch", "Launch date", "Overall readiness", "Baseline", "Owner"):
        assert _(label, lang).upper() in text, label


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_text_runs_past_its_table_cell(lang: Lang) -> None:
    """Seen in Portuguese: due dates ('15 de jan. de 2027') and the answers' score header ran past the table."""
    import weasyprint
    from weasyprint.formatting_structure.boxes import TableCellBox, TextBox

    from readiness.report.fetcher import BundledAssetFetcher

    assessment = mini_assessment().model_copy(update={"language": lang})
    page = render_plan_html(plan_in(assessment, mini_catalogue(), None), load_theme(), Paper.A4)
    document = weasyprint.HTML(string=page.html, base_url="app:", url_fetcher=BundledAssetFetcher(page.assets))
    spilled = [
        f"page {number}: {text.text!r}"
        for number, laid_out in enumerate(document.render().pages, start=1)
        for cell in _boxes(laid_out._page_box)
        if isinstance(cell, TableCellBox)
        for text in _boxes(cell)
        if isinstance(text, TextBox) and text.position_x + text.width > cell.position_x + cell.border_width() + 0.5
    ]
    assert not spilled, "\n".join(spilled)
