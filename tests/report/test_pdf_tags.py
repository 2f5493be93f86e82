"""pydyf's list of page references, which WeasyPrint's tagging asks for once per structure element, is worked out
once per page count instead of on every call, and is always the list pydyf itself would give."""

from __future__ import annotations

import pydyf

from readiness.report.pdf_tags import reference_pages_once


def test_the_page_references_are_kept_until_a_page_is_added() -> None:
    reference_pages_once()
    reference_pages_once()  # a second call changes nothing
    worked_out = pydyf.PDF.page_references.fget.__wrapped__
    pdf = pydyf.PDF()
    for pages in range(1, 4):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
        kept = pdf.page_references
        assert len(kept) == pages and kept == worked_out(pdf)
        assert pdf.page_references is kept, "not built again while the pages are the same"
