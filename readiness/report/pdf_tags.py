"""What WeasyPrint's PDF/UA tagging leaves out, added to the structure tree as it is built or before it is written.

WeasyPrint tags header cells (/TH) and points every data cell at its headers (/Headers and /IDs), but writes no
header's /Scope, which checkers and some screen readers read. Every template writes a column's headers in the
table's head and a row's header in its body (tests/report checks that), so a header's place says its scope.

WeasyPrint also writes the document's language only. A passage in another language (a source's title in German in
a Spanish plan) carries an HTML ``lang``; ``tag_passage_languages`` gives its structure element the same /Lang, so
a screen reader voices it in that language. WeasyPrint has no hook for this: the tree builder, a module function it
calls for each box, is wrapped, and tests/report fails if an upgrade moves it.
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
