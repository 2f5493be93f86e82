"""HTML to PDF with WeasyPrint: only ever run inside the render worker's process."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import weasyprint

from readiness.report.fetcher import BundledAssetFetcher
from readiness.report.job import RenderJob, RenderResult
from readiness.report.pdf_tags import reference_pages_once, scope_table_headers, tag_passage_languages

BASE_URL = "app:"
MISSING_GLYPH = ".notdef glyph rendered"


def render_pdf(job: RenderJob, on_progress: Callable[[str], None] | None = None) -> RenderResult:
    started = time.perf_counter()
    tag_passage_languages()
    reference_pages_once()
    fetcher = BundledAssetFetcher(job.assets)
    with _captured_warnings() as warnings, _progress(on_progress):
        document = weasyprint.HTML(string=job.html, base_url=BASE_URL, url_fetcher=fetcher).render()
        attachment = weasyprint.Attachment(
            string=job.attachment,
            name=job.attachment_name,
            description=job.attachment_description,
            url_fetcher=fetcher,
        )
        pdf = document.write_pdf(attachments=[attachment], pdf_variant="pdf/ua-1", finisher=scope_table_headers)
    return RenderResult(
        pdf=pdf,
        pages=len(document.pages),
        seconds=time.perf_counter() - started,
        warnings=_summarised(warnings),
        refused=tuple(fetcher.refused),
    )


def _summarised(warnings: list[str]) -> tuple[str, ...]:
    """One line for all the characters no font could draw (emoji, scripts the fonts lack), not one per glyph."""
    missing = [w for w in warnings if w.startswith(MISSING_GLYPH)]
    others = tuple(w for w in warnings if not w.startswith(MISSING_GLYPH))
    if not missing:
        return others
    return (*others, f"{len(missing)} characters have no glyph in the installed fonts and print as boxes")


class _ListHandler(logging.Handler):
    def __init__(self, sink: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        self.sink.append(record.getMessage()[:300])


@contextmanager
def _captured_warnings() -> Iterator[list[str]]:
    warnings: list[str] = []
    handler = _ListHandler(warnings)
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    previous = logger.propagate
    logger.propagate = False
    try:
        yield warnings
    finally:
        logger.removeHandler(handler)
        logger.propagate = previous


class _CallbackHandler(logging.Handler):
    def __init__(self, callback: Callable[[str], None]) -> None:
        super().__init__(logging.INFO)
        self.callback = callback

    def emit(self, record: logging.LogRecord) -> None:
        self.callback(record.getMessage())


@contextmanager
def _progress(on_progress: Callable[[str], None] | None) -> Iterator[None]:
    if on_progress is None:
        yield
        return
    logger = logging.getLogger("weasyprint.progress")
    handler = _CallbackHandler(on_progress)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
