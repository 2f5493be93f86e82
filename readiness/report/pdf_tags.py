"""What WeasyPrint's PDF/UA tagging leaves out, added to the structure tree as it is built or before it is written.

WeasyPrint tags header cells (/TH) and points every data cell at its headers (/Headers and /IDs), but writes no
header's /Scope, which checkers and some screen readers read. Every template writes a column's headers in the
table's head and a row's header in its body (tests/report checks that), so a header's place says its scope.

WeasyPrint also writes the document's language only. A passage in another language (a source's title in German in
a Spanish plan) carries an HTML ``lang``; ``tag_passage_languages`` gives its structure element the same /Lang, so
a screen reader voices it in that language. WeasyPrint has no hook for this: the tree builder, a module function it
calls for each box, is wrapped, and tests/report fails if an upgrade moves it.

Building the tree asks pydyf for the list of page references once per structure element, and pydyf builds that
list anew from all the pages on every call: quadratic in the pages, 0.3 s of the 123-page stress plan's 2.5 s
write (benchmarks/report_profile.py). ``reference_pages_once`` keeps the list until a page is added.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import wraps
from typing import Any

import pydyf

COLUMN_SCOPE = "/Column"
ROW_SCOPE = "/Row"


def scope_table_headers(_document: Any, pdf: pydyf.PDF) -> None:
    """A WeasyPrint finisher: each /TH in a /THead gets the column scope, every other /TH the row scope."""
    elements = {item.reference: item for item in pdf.objects if isinstance(item, pydyf.Dictionary)}
    for element in elements.values():
        if element.get("S") != "/TH":
            continue
        row = elements.get(element.get("P"))
        group = elements.get(row.get("P")) if row is not None else None
        in_head = group is not None and group.get("S") == "/THead"
        element["A"]["Scope"] = COLUMN_SCOPE if in_head else ROW_SCOPE


def tag_passage_languages() -> None:
    """Once per process: each structure element of an HTML element with its own ``lang`` gets that /Lang."""
    from weasyprint.pdf import tags

    build = tags._build_box_tree
    if getattr(build, "sets_passage_languages", False):
        return

    @wraps(build)
    def build_with_languages(box: Any, *args: Any) -> Iterator[pydyf.Dictionary]:
        element = getattr(box, "element", None)
        language = element.get("lang") if element is not None and element.tag not in ("html", "body") else None
        for structure in build(box, *args):
            if language and "Lang" not in structure:
                structure["Lang"] = pydyf.String(language)
            yield structure

    marked: Callable[..., Iterator[pydyf.Dictionary]] = build_with_languages
    marked.sets_passage_languages = True  # type: ignore[attr-defined]
    tags._build_box_tree = marked


def reference_pages_once() -> None:
    """Once per process: pydyf's ``PDF.page_references`` is worked out again only when the page count changes."""
    references = pydyf.PDF.page_references
    if getattr(references.fget, "kept_per_page_count", False):
        return

    @wraps(references.fget)
    def kept(pdf: pydyf.PDF) -> tuple[bytes, ...]:
        count = len(pdf.pages["Kids"])
        held: tuple[int, tuple[bytes, ...]] | None = pdf.__dict__.get("_readiness_page_references")
        if held is None or held[0] != count:
            held = (count, references.fget(pdf))
            pdf.__dict__["_readiness_page_references"] = held
        return held[1]

    kept.kept_per_page_count = True  # type: ignore[attr-defined]
    pydyf.PDF.page_references = property(kept)
