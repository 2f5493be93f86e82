"""Read back the assessment a plan PDF carries, so a plan that was only emailed can be reopened."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from readiness.core.assessment import Assessment
from readiness.core.content import Content
from readiness.core.exchange import read_exchange_bytes, read_exchange_file
from readiness.core.files import read_bounded
from readiness.core.problems import ReadinessError
from readiness.report.job import ATTACHMENT_NAME

MAX_PDF_BYTES = 100 * 1024**2


def read_assessment_file(path: Path, content: Content) -> Assessment:
    """An exchange file, or the exchange file embedded in a plan PDF."""
    if path.suffix.lower() == ".pdf":
        return read_exchange_bytes(exchange_from_pdf(path), f"{path} (attached assessment)", content)
    return read_exchange_file(path, content)


def exchange_from_pdf(path: Path) -> bytes:
    """The exchange file embedded in a Readiness plan PDF; one clear error for any other PDF."""
    import pypdf
    from pypdf.errors import PyPdfError

    raw = read_bounded(path, MAX_PDF_BYTES)
    try:
        with _quiet("pypdf"):
            reader = pypdf.PdfReader(io.BytesIO(raw))
            if reader.is_encrypted:
                raise ReadinessError.single(
                    path,
                    "the PDF is encrypted: Readiness plans never are; import the original plan or its assessment file",
                )
            attachments = dict(reader.attachments)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise ReadinessError.single(path, f"not a readable PDF ({type(error).__name__})") from None
    bodies = attachments.get(ATTACHMENT_NAME, [])
    if len(bodies) != 1:
        raise ReadinessError.single(
            path, "this PDF carries no Readiness assessment: only plans made by Readiness can be imported"
        )
    return bodies[0]


@contextmanager
def _quiet(logger_name: str) -> Iterator[None]:
    """pypdf logs its repairs of damaged files; the user gets one line from us instead."""
    logger = logging.getLogger(logger_name)
    previous = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(previous)
