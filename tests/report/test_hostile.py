"""Hostile text in every free-text field reaches the plan as text: escaped, inert, bounded, and quick to lay out.

The hostile assessment (report_support.hostile_assessment) puts markup, CSS and javascript: URLs, Jinja syntax,
RTL text, emoji, control characters, a 100,000-character word and 10,000 newlines into every plain-text field
of the assessment, found by walking the pydantic models, so a field added later is covered too.
"""

from __future__ import annotations

import re
import time
import unicodedata
from pathlib import Path

import pytest
from conftest import mini_assessment
from hypothesis import assume, given
from hypothesis import strategies as st
from report_support import (
    ALLOWED_WARNING,
    ARABIC,
    FREE_TEXT_FIELDS,
    HEBREW,
    JINJA,
    JINJA_SENTINEL,
    NEWLINE_SENTINEL,
    ZERO_WIDTH_SPACE,
    Rendered,
    all_objects,
    canary,
    control_characters,
    free_text_paths,
    hostile_assessment,
    hostile_base,
    hostile_render,
    hostile_text,
    mini_catalogue,
    render,
)

from readiness.core.content import Content
from readiness.core.exchange import exchange_text
from readiness.core.problems import ReadinessError
from readiness.report.attachment import read_assessment_file
from readiness.report.job import ATTACHMENT_NAME
from readiness.report.safetext import BREAK_EVERY, MAX_CHARACTERS, printable
from readiness.report.theme import load_theme
from readiness.report.worker import RenderWorker

ELLIPSIS = " […]"
BLANK_RUN = re.compile(r"\n[ \t]*\n[ \t]*\n")
"""Three line breaks with only blanks between them: more than one empty line."""
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ACTIONS = {"/JS", "/JavaScript", "/Launch", "/URI", "/SubmitForm", "/ImportData", "/GoToR", "/GoToE", "/RichMedia"}
"""PDF keys and action types that run, open or send something."""


@pytest.fixture(scope="module")
def hostile() -> Rendered:
    return hostile_render()


def _value_at(model: object, path: tuple[str | int, ...]) -> object:
    for step in path:
        if isinstance(model, dict):
            model = model[step]
        elif isinstance(model, tuple):
            assert isinstance(step, int)
            model = model[step]
        else:
            model = getattr(model, str(step))
    return model


# ------------------------------------------------------------------ the fixture itself


def test_the_fixture_puts_hostile_text_in_every_free_text_field() -> None:
    paths = list(free_text_paths(hostile_base()))
    assert {path[-1] for path in paths} >= FREE_TEXT_FIELDS
    assessment = hostile_assessment()
    for path in paths:
        value = _value_at(assessment, path)
        assert isinstance(value, str) and value.startswith(hostile_text()), path
    assert assessment.answers["q.notes"].value == hostile_text()
    assert len(paths) >= 40


# ------------------------------------------------------------------ the PDF


def test_the_hostile_plan_renders_within_ten_seconds(hostile: Rendered) -> None:
    assert hostile.result.seconds < 10, hostile.result.seconds
    assert hostile.wall_seconds < 10, hostile.wall_seconds
    assert 10 < hostile.result.pages < 150  # every field is capped: no runaway page count


def test_nothing_is_fetched(hostile: Rendered) -> None:
    assert hostile.result.refused == ()
    assert [w for w in hostile.result.warnings if not ALLOWED_WARNING.search(w)] == []
    assert canary().requests == []


def test_the_pdf_carries_only_the_exchange_file(hostile: Rendered) -> None:
    reader = hostile.reader
    assert reader.attachments == {ATTACHMENT_NAME: [exchange_text(hostile.assessment).encode("utf-8")]}
    embedded = [o for o in all_objects(reader) if hasattr(o, "get") and o.get("/Type") == "/EmbeddedFile"]
    filespecs = [o for o in all_objects(reader) if hasattr(o, "get") and o.get("/Type") == "/Filespec"]
    assert (len(embedded), len(filespecs)) == (1, 1)
    names = reader.trailer["/Root"]["/Names"]["/EmbeddedFiles"]["/Names"]
    assert names[0] == ATTACHMENT_NAME and len(names) == 2


def test_the_only_actions_are_links_to_the_catalogs_own_sources(hostile: Rendered) -> None:
    """The catalog's sources are live links (checked http(s) addresses); nothing the user typed becomes a link, and
    nothing runs, opens or sends anything else."""
    found, keys, links = set(), set(), set()
    for item in all_objects(hostile.reader):
        if hasattr(item, "keys"):
            keys |= set(item.keys())
            if item.get("/S") == "/URI" and set(item.keys()) <= {"/Type", "/S", "/URI"}:
                links.add(str(item["/URI"]))
                continue
            found |= (set(item.keys()) & ACTIONS) | ({str(item.get("/S"))} & ACTIONS)
            found |= set(item.keys()) & {"/OpenAction", "/AA"}
    assert found == set()
    printed = {href for href in re.findall(r'<a href="([^"]*)"', hostile.page.html) if not href.startswith("#")}
    assert links == printed and all(link.startswith("https://example.org/") for link in links), links
    assert {"/MediaBox", "/FontFile3", "/EmbeddedFiles", "/StructTreeRoot"} <= keys  # the walk saw the whole file


def test_the_pdf_shows_the_markup_as_text(hostile: Rendered) -> None:
    text = hostile.text
    assert text.count("<b>bold</b>") >= 20
    assert text.count("javascript:alert(1)") >= 20
    assert text.count(JINJA) >= 20
    assert ARABIC.split()[0] in text and HEBREW.split()[0] in text
    assert control_characters(text) == set()


def test_the_metadata_is_bounded_plain_text(hostile: Rendered) -> None:
    metadata = hostile.reader.metadata
    for value in (metadata.title, metadata.author, metadata.subject):
        assert control_characters(value) == set()
        assert len(value.replace(ZERO_WIDTH_SPACE, "")) <= 200 + len(ELLIPSIS)
    assert "<b>bold</b>" in metadata.title.replace(ZERO_WIDTH_SPACE, "")


# ------------------------------------------------------------------ the HTML


def test_the_html_escapes_every_piece_of_markup(hostile: Rendered) -> None:
    html = hostile.page.html
    for raw in (
        "<script",
        "<b>bold",
        '<img src="file',
        f'<img src="{canary().url}',
        '<link rel="attachment"',
        "<style>@import",
        '<a href="javascript',
        'href="file:',
    ):
        assert raw not in html, raw
    escaped = "&lt;b&gt;bold&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
    assert html.replace(ZERO_WIDTH_SPACE, "").count(escaped) >= 20
    assert html.count("&lt;link rel=&#34;attachment&#34;") >= 20


def test_the_stylesheet_and_head_hold_no_user_text(hostile: Rendered) -> None:
    html = hostile.page.html
    head = html[: html.index("</head>")]
    style = head[head.index("<style>") : head.index("</style>")]
    for fragment in ("file:", "169.254", canary().url, "javascript:", "@import"):
        assert fragment not in style, fragment
    assert head.count("<style>") == 1 and "<link" not in head and "<script" not in head


def test_jinja_syntax_in_user_text_stays_literal(hostile: Rendered) -> None:
    html = hostile.page.html
    placed = html.count(JINJA_SENTINEL)
    assert placed >= 20
    assert html.count(JINJA_SENTINEL + JINJA) == placed
    assert JINJA_SENTINEL + "49" not in html


def test_the_html_has_no_control_or_bidi_characters(hostile: Rendered) -> None:
    assert control_characters(hostile.page.html) == set()
    assert "\r" not in hostile.page.html


def test_long_words_are_broken_and_long_fields_capped(hostile: Rendered) -> None:
    html = hostile.page.html
    assert "x" * BREAK_EVERY in html and "x" * (BREAK_EVERY + 1) not in html
    runs = re.findall(rf"(?:x{{1,{BREAK_EVERY}}}{ZERO_WIDTH_SPACE})+x{{1,{BREAK_EVERY}}}", html)
    assert runs, "the long word is not in the plan"
    assert max(len(run.replace(ZERO_WIDTH_SPACE, "")) for run in runs) < MAX_CHARACTERS
    assert "x" * 100 not in html.replace(ZERO_WIDTH_SPACE, "")[: html.index("<body")]  # not in the head
    assert html.count(ELLIPSIS) >= 10


def test_runs_of_newlines_are_capped(hostile: Rendered) -> None:
    html = hostile.page.html
    assert html.count(NEWLINE_SENTINEL + "\n\npara2") >= 20
    assert re.search(re.escape(NEWLINE_SENTINEL) + r"\n{3}", html) is None
    assert max(len(m) for m in re.findall(r"\n+", html)) <= 2


# ------------------------------------------------------------------ a theme logo that asks for more


def test_a_theme_logo_cannot_fetch_anything(tmp_path: Path) -> None:
    """The logo is the one piece of raw markup a user can hand in: its own references must be refused."""
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="40">'
        '<text x="4" y="28" font-size="20">LOGOMARK</text>'
        f'<image href="file://{secret}" width="10" height="10"/>'
        f'<image xlink:href="{canary().url}/logo-image.png" width="10" height="10"/>'
        "</svg>",
        encoding="utf-8",
    )
    theme_file = tmp_path / "theme.yaml"
    theme_file.write_text(
        "kind: theme\nname: Probe\nconsultancy: Probe Partners\nlogo: logo.svg\n"
        'colours: {primary: "#123456", accent: "#AA3300", ink: "#111111", muted: "#555555", surface: "#F0F0F0"}\n',
        encoding="utf-8",
    )
    # A worker of its own: a warm worker may serve a logo it loaded before (see test_outputs).
    with RenderWorker() as worker:
        rendered = render(mini_assessment(), mini_catalogue(), theme=load_theme(theme_file), worker=worker)
    assert set(rendered.result.refused) == {f"file://{secret}", f"{canary().url}/logo-image.png"}
    assert canary().requests == []
    assert len(rendered.result.warnings) == 2
    assert all("Failed to load image" in w for w in rendered.result.warnings)
    assert "LOGOMARK" in rendered.text  # the logo itself is still drawn


# ------------------------------------------------------------------ printable(), the guard every value passes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\x00b\x07c\x1bd\x7fe\x85f\x9bg", "abcdefg"),  # C0, DEL and C1 controls
        ("tab\tand\nline", "tab\tand\nline"),
        ("one\r\ntwo\rthree", "one\ntwo\nthree"),
        ("\u202eevil\u202c \u2066iso\u2069 \u202aemb\u202d", "evil iso emb"),  # overrides, isolates, embeddings
        (f"{ARABIC} {HEBREW}", f"{ARABIC} {HEBREW}"),  # plain RTL text needs no controls and keeps its letters
        ("👩\u200d👩\u200d👧 🇲🇽", "👩\u200d👩\u200d👧 🇲🇽"),  # joiners build emoji
        ("a\ue000b\U000f0000c\u0378d", "abcd"),  # private use and unassigned code points
        ("a" + "\n" * 10 + "b", "a\n\nb"),
        ("a\n \n\t\n  \nb", "a\n\nb"),
        ("a\n\nb", "a\n\nb"),
        ("x" * BREAK_EVERY, "x" * BREAK_EVERY),
        ("x" * (BREAK_EVERY + 1), "x" * BREAK_EVERY + ZERO_WIDTH_SPACE + "x"),
        ("y" * (3 * BREAK_EVERY), ZERO_WIDTH_SPACE.join(["y" * BREAK_EVERY] * 3)),
        ("short words stay whole", "short words stay whole"),
        ("", ""),
    ],
)
def test_printable(text: str, expected: str) -> None:
    assert printable(text) == expected


def test_printable_caps_long_text_and_marks_the_cut() -> None:
    assert printable("word " * 2000) == ("word " * (MAX_CHARACTERS // 5)).rstrip() + ELLIPSIS
    capped = printable("z" * 10_000)
    assert capped.endswith(ELLIPSIS) and capped.replace(ZERO_WIDTH_SPACE, "") == "z" * MAX_CHARACTERS + ELLIPSIS
    assert printable("abcdef", limit=3) == "abc" + ELLIPSIS


def test_blank_lines_do_not_use_up_the_length_budget() -> None:
    assert printable("\n" * 10_000 + "after") == "\n\nafter"
    assert printable("intro" + "\n" * 5_000 + "details") == "intro\n\ndetails"


def test_printable_handles_a_huge_hostile_field_quickly() -> None:
    started = time.perf_counter()
    out = printable(hostile_text() + "x" * 1_000_000 + "\n" * 1_000_000)
    assert time.perf_counter() - started < 2.0  # linear: about 0.2 s here
    assert len(out) < MAX_CHARACTERS * 1.1 and out.endswith(ELLIPSIS)


def _no_controls() -> st.SearchStrategy[str]:
    """Text without controls, bidi controls, CR, surrogates, private use or unassigned code points."""
    pieces = st.characters(
        exclude_categories=("Cc", "Cs", "Co", "Cn"), exclude_characters=BIDI_CONTROLS, include_characters="\n\t"
    ) | st.sampled_from(["x" * 30, " ", "\n", "\t", ZERO_WIDTH_SPACE, "👩\u200d👧"])
    return st.lists(pieces, max_size=80).map("".join)


@given(text=st.text(max_size=200) | _no_controls(), limit=st.integers(min_value=1, max_value=150))
def test_printable_output_is_always_safe(text: str, limit: int) -> None:
    out = printable(text, limit)
    assert {c for c in out if unicodedata.category(c) == "Cc"} <= {"\n", "\t"}
    assert not set(out) & set(BIDI_CONTROLS)
    assert re.search(rf"[^\s{ZERO_WIDTH_SPACE}]{{{BREAK_EVERY + 1},}}", out) is None
    assert BLANK_RUN.search(out) is None
    assert len(out.replace(ZERO_WIDTH_SPACE, "")) <= limit + len(ELLIPSIS)


@given(text=_no_controls(), limit=st.integers(min_value=1, max_value=150))
def test_printable_only_adds_break_opportunities(text: str, limit: int) -> None:
    """Without controls and long blank runs, the output is the input (or a prefix of it and the mark)."""
    assume(BLANK_RUN.search(text) is None)
    out = printable(text, limit).replace(ZERO_WIDTH_SPACE, "")
    original = text.replace(ZERO_WIDTH_SPACE, "")
    if len(text) > limit:
        assert out.endswith(ELLIPSIS)
        assert original.startswith(out[: -len(ELLIPSIS)])
    else:
        assert out == original


def test_a_theme_logo_linked_to_a_file_outside_the_theme_folder_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "elsewhere" / "secret.png"
    secret.parent.mkdir()
    secret.write_bytes(b"\x89PNG private")
    theme_folder = tmp_path / "theme"
    theme_folder.mkdir()
    (theme_folder / "logo.png").symlink_to(secret)
    theme = theme_folder / "theme.yaml"
    theme.write_text(
        "kind: theme\nname: Probe\nconsultancy: Probe Partners\nlogo: logo.png\n"
        'colours: {primary: "#123456", accent: "#AA3300", ink: "#111111", muted: "#555555", surface: "#F0F0F0"}\n',
        encoding="utf-8",
    )
    with pytest.raises(ReadinessError) as refused:
        load_theme(theme)
    [problem] = refused.value.problems
    assert "outside the theme's folder" in problem.message and problem.file == str(theme)


def test_an_encrypted_pdf_gets_one_line(tmp_path: Path, mini_content: Content) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")  # noqa: S106 - a test document
    pdf = tmp_path / "locked.pdf"
    with pdf.open("wb") as stream:
        writer.write(stream)
    with pytest.raises(ReadinessError) as refused:
        read_assessment_file(pdf, mini_content)
    [problem] = refused.value.problems
    assert problem.message.startswith("the PDF is encrypted")
