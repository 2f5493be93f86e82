"""What the render worker is asked to do and what it answers: plain, picklable data."""

from __future__ import annotations

from dataclasses import dataclass, field

ATTACHMENT_NAME = "assessment.readiness.yaml"
"""The name of the exchange file embedded in every plan PDF."""


@dataclass(frozen=True)
class RenderJob:
    html: str
    assets: dict[str, tuple[bytes, str]]
    attachment: bytes
    attachment_description: str
    attachment_name: str = ATTACHMENT_NAME


@dataclass(frozen=True)
class RenderResult:
    pdf: bytes
    pages: int
    seconds: float
    warnings: tuple[str, ...] = ()
    """WeasyPrint's own warnings, e.g. a refused URL or an unsupported CSS property."""
    refused: tuple[str, ...] = field(default=())
    """URLs the fetcher refused to load."""
