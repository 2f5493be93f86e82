"""Shared pieces of the report tests: one render worker, each PDF rendered once, and PDF-reading helpers.

This is a plain module, not a conftest: a second ``conftest`` would clash with tests/conftest.py (pytest's
rootdir-less imports and mypy both know a single top-level ``conftest``). The renders are cached here, so every
test module that needs the same PDF gets the same bytes, and the worker renders each PDF once per session.
"""

from __future__ import annotations

import atexit
import http.server
import io
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from conftest import MINI_CONTENT, mini_assessment
from pydantic import BaseModel

from readiness.core.assessment import Answer, Assessment, BotPlan, Participant, TeamRole, TrainingSession
from readiness.core.content import Content, load_content
from readiness.core.lang import Lang
from readiness.core.plan.model import Plan
from readiness.core.samples import load_sample
from readiness.core.text import Role
from readiness.report.html import PlanPage, render_plan_html
from readiness.report.job import RenderResult
from readiness.report.outputs import pdf_job, plan_in
from readiness.report.paper import Paper
from readiness.report.theme import Theme, load_theme
from readiness.report.worker import RenderWorker
from readiness.resources import questionnaires

SAMPLE = "mx-retail"
ZERO_WIDTH_SPACE = "\u200b"
PAGE_SIZES = {Paper.A4: (595.28, 841.89), Paper.LETTER: (612.0, 792.0)}
"""Width and height in PDF points."""
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "report"


# ------------------------------------------------------------------ content


@cache
def shipped_content() -> Content:
    return load_content(questionnaires())


@cache
def mini_catalogue() -> Content:
    """The mini content of tests/fixtures/content (the ``mini_content`` fixture, for code outside fixtures)."""
    return load_content(MINI_CONTENT)


def sample(lang: Lang) -> Assessment:
    return load_sample(SAMPLE, lang, shipped_content(), questionnaires())


# ------------------------------------------------------------------ PDF reading


def normalise(text: str) -> str:
    """Drop the zero-width spaces the renderer inserts into long words, and collapse every run of whitespace."""
    return " ".join(text.replace(ZERO_WIDTH_SPACE, "").split())


def pdf_reader(pdf: bytes) -> Any:
    import pypdf

    return pypdf.PdfReader(io.BytesIO(pdf))


def pdf_text(pdf: bytes) -> str:
    """The text of every page, normalised.

    When a page shows a character no font has (an emoji, here), WeasyPrint gives that font an embedded
    CMap encoding instead of /Identity-H: every code still maps to the CID of the same number, except the
    .notdef code. pypdf misreads such embedded CMaps and returns garbage for the whole font, while
    poppler and other readers get it right. ToUnicode maps *codes*, and both encodings use the same
    two-byte codes, so reading such a font as /Identity-H gives exactly the text a PDF viewer copies.
    """
    from pypdf.generic import NameObject, StreamObject

    reader = pdf_reader(pdf)
    for font in all_fonts(reader):
        encoding = font.get("/Encoding")
        if encoding is not None and isinstance(encoding.get_object(), StreamObject):
            font[NameObject("/Encoding")] = NameObject("/Identity-H")
    return normalise("\n".join(page.extract_text() for page in reader.pages))


def all_fonts(reader: Any) -> list[Any]:
    """Every font dictionary used by the pages and by the form XObjects they draw (charts, the logo)."""
    fonts: dict[int, Any] = {}
    seen: set[int] = set()

    def visit(resources: Any) -> None:
        if resources is None:
            return
        resources = resources.get_object()
        for reference in resources.get("/Font", {}).values():
            fonts[id(reference.get_object())] = reference.get_object()
        for reference in resources.get("/XObject", {}).values():
            xobject = reference.get_object()
            if id(xobject) not in seen:
                seen.add(id(xobject))
                visit(xobject.get("/Resources"))

    for page in reader.pages:
        visit(page.get("/Resources"))
    return list(fonts.values())


def all_objects(reader: Any) -> Iterator[Any]:
    """Every dictionary and array reachable from the trailer, each once."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    seen: set[tuple[int, int]] = set()
    stack: list[Any] = [reader.trailer]
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            yield item
            stack.extend(item.values())
        elif isinstance(item, ArrayObject):
            yield item
            stack.extend(item)


# ------------------------------------------------------------------ one worker, each PDF rendered once


@cache
def shared_worker() -> RenderWorker:
    worker = RenderWorker()
    atexit.register(worker.close)
    return worker


@dataclass(frozen=True)
class Rendered:
    assessment: Assessment
    plan: Plan
    page: PlanPage
    paper: Paper
    result: RenderResult
    wall_seconds: float

    @cached_property
    def text(self) -> str:
        return pdf_text(self.result.pdf)

    @cached_property
    def reader(self) -> Any:
        return pdf_reader(self.result.pdf)


def render(
    assessment: Assessment,
    content: Content,
    paper: Paper = Paper.A4,
    theme: Theme | None = None,
    worker: RenderWorker | None = None,
    baseline: Assessment | None = None,
) -> Rendered:
    """The plan's PDF (compared with ``baseline`` when given), from the shared worker unless another is given."""
    plan = plan_in(assessment, content, None, baseline=baseline)
    page = render_plan_html(plan, theme or load_theme(), paper)
    started = time.perf_counter()
    result = (worker or shared_worker()).render(pdf_job(assessment, plan, page))
    return Rendered(assessment, plan, page, paper, result, time.perf_counter() - started)


@cache
def sample_render(lang: Lang, paper: Paper) -> Rendered:
    return render(sample(lang), shipped_content(), paper)


@cache
def hostile_render() -> Rendered:
    return render(hostile_assessment(), mini_catalogue())


# ------------------------------------------------------------------ a server that records any request made to it


class Canary:
    """A local HTTP server: user text and theme files name it, and the tests check that nobody called."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        canary = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                canary.requests.append(self.path)
                self.send_response(404)
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, name="canary", daemon=True).start()
        atexit.register(self.close)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@cache
def canary() -> Canary:
    return Canary()


# ------------------------------------------------------------------ the hostile assessment

MARKUP = "<b>bold</b><script>alert(1)</script>"
JINJA_SENTINEL = "⟦jinja⟧"
JINJA = "{{ 7*7 }} {% raw %}"
CONTROLS = "".join(chr(c) for c in range(0x20) if chr(c) not in "\n\t") + "\x7f\u202e"
ARABIC, HEBREW = "مرحبا بالعالم", "שלום עולם"
EMOJI = "👩\u200d👩\u200d👧\u200d👦 🏳\ufe0f\u200d🌈 🇲🇽🇪🇸 👍🏽"
NEWLINE_SENTINEL = "⟦nl⟧"
LONG_WORD = "x" * 100_000
NEWLINES = "\n" * 10_000


def hostile_text() -> str:
    """Every kind of trouble in one short text (about 500 characters); fields then get a bulky tail too."""
    return " ".join(
        (
            MARKUP,
            '<img src="file:///etc/passwd">',
            '<link rel="attachment" href="file:///etc/passwd">',
            f'<img src="{canary().url}/img.png">',
            "<style>@import url(http://169.254.169.254/);</style>",
            "url(file:///etc/hostname)",
            f"@import url({canary().url}/import.css);",
            '<a href="javascript:alert(1)">link</a>',
            "javascript:alert(1)",
            JINJA_SENTINEL + JINJA,
            ARABIC,
            HEBREW,
            EMOJI,
            f"ctl[{CONTROLS}]ctl",
            f"para1{NEWLINE_SENTINEL}" + "\n" * 50 + "para2",
        )
    )


TAILS = (LONG_WORD, NEWLINES + "after", "", "", "")
"""Bulk appended to the hostile text, in turn, field after field."""

CODE_FIELDS = frozenset({"questionnaire_version", "timezone"})
"""Plain ``str`` fields that hold identifiers, not free text: the plan looks them up."""

FREE_TEXT_FIELDS = frozenset(
    {
        "organisation",
        "industry",
        "facilitator",
        "name",  # participants, team roles
        "role",  # participants
        "evidence",
        "notes",
        "note",
        "na_reason",
        "answered_by",
        "executive_sponsor",
        "channel_owner",
        "responsibilities",
        "title",  # training sessions
        "scope",
        "handoff",
        "owner",  # promotion, KPIs, overrides
        "data_source",
    }
)
"""The free-text fields the brief names: the walker below must find at least these."""


def free_text_paths(model: BaseModel, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """The path of every plain-text field in a model, recursing into sub-models, tuples and dicts of them.

    Plain text: annotated exactly ``str`` with no pattern (ids carry a pattern) and not an identifier field.
    """
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from free_text_paths(value, (*path, name))
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from free_text_paths(item, (*path, name, i))
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, BaseModel):
                    yield from free_text_paths(item, (*path, name, key))
        elif (
            field.annotation is str
            and name not in CODE_FIELDS
            and not any(getattr(m, "pattern", None) for m in field.metadata)
        ):
            yield (*path, name)


def _replace(model: BaseModel, path: tuple[str | int, ...], value: str) -> BaseModel:
    head, *rest = path
    assert isinstance(head, str)
    if not rest:
        return model.model_copy(update={head: value})
    current = getattr(model, head)
    index = rest[0]
    if isinstance(current, BaseModel):
        return model.model_copy(update={head: _replace(current, tuple(rest), value)})
    if isinstance(current, tuple):
        assert isinstance(index, int)
        items = list(current)
        items[index] = _replace(items[index], tuple(rest[1:]), value)
        return model.model_copy(update={head: tuple(items)})
    assert isinstance(current, dict)
    return model.model_copy(update={head: {**current, index: _replace(current[index], tuple(rest[1:]), value)}})


def hostile_base() -> Assessment:
    """The mini assessment with one of everything that has free text: participants, training, a bot, a text answer."""
    base = mini_assessment()
    return base.model_copy(
        update={
            "profile": base.profile.model_copy(
                update={"participants": (Participant(name="P", role="R"), Participant(name="Q"))}
            ),
            "team": base.team.model_copy(
                update={
                    "channel_owner": "O",
                    "roles": (*base.team.roles, TeamRole(role=Role.MARKETING)),
                    "training": (TrainingSession(title="T", audience=(Role.SUPPORT,)),),
                    "bot": BotPlan(enabled=True, scope="S", handoff="H"),
                }
            ),
            "answers": {**base.answers, "q.notes": Answer(value="N")},
        }
    )


@cache
def hostile_assessment() -> Assessment:
    """Hostile text in every free-text field of the assessment, and in the one text answer."""
    assessment: BaseModel = hostile_base()
    for i, path in enumerate(free_text_paths(assessment)):
        assessment = _replace(assessment, path, hostile_text() + " " + TAILS[i % len(TAILS)])
    assert isinstance(assessment, Assessment)
    answers = {
        **assessment.answers,
        "q.notes": assessment.answers["q.notes"].model_copy(update={"value": hostile_text()}),
    }
    return assessment.model_copy(update={"answers": answers})


def control_characters(text: str) -> set[str]:
    """Characters of category Cc other than tab and line feed, and the bidi override characters."""
    import unicodedata

    bidi = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    return {c for c in text if (unicodedata.category(c) == "Cc" and c not in "\n\t") or c in bidi}


ALLOWED_WARNING = re.compile(r"^\d+ characters have no glyph in the installed fonts and print as boxes$")
"""The one warning a hostile plan may give, summarising the emoji no installed font has (no emoji font is bundled)."""
