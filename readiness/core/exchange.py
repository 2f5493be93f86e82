"""The assessment exchange file: one whole assessment as versioned YAML.

Layout: ``format: readiness-assessment``, ``format_version: N``, then the
assessment's fields. Reading checks the syntax, the types, and then every id
against the installed content, so a file that reads is a file the plan builder
can use.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from readiness.core.assessment import Assessment
from readiness.core.atomic import write_text_atomically
from readiness.core.content import Content
from readiness.core.plain import plain
from readiness.core.problems import Problem, ReadinessError
from readiness.core.references import check_assessment
from readiness.core.safeyaml import YamlDocument, dump_yaml, load_yaml_bytes, load_yaml_file
from readiness.core.validation import validate_document

FORMAT = "readiness-assessment"
FORMAT_VERSION = 1


def read_exchange_file(path: Path, content: Content) -> Assessment:
    return parse_exchange(load_yaml_file(path), str(path), content)


def read_exchange_bytes(raw: bytes, name: str, content: Content) -> Assessment:
    return parse_exchange(load_yaml_bytes(raw, name), name, content)


def parse_exchange(document: YamlDocument, name: str, content: Content) -> Assessment:
    data = document.data
    _check_header(data, document, name)
    body = YamlDocument({k: v for k, v in data.items() if k not in ("format", "format_version")}, document.lines)
    assessment = validate_document(Assessment, body, name)
    problems = [
        Problem(name, message, document.lines.line_for(path), path)
        for path, message in check_assessment(assessment, content)
    ]
    if problems:
        raise ReadinessError(problems)
    return assessment


def is_exchange_document(data: Any) -> bool:
    return isinstance(data, dict) and data.get("format") == FORMAT


def _check_header(data: Any, document: YamlDocument, name: str) -> None:
    if not isinstance(data, dict):
        raise ReadinessError.single(name, "expected a mapping at the top level", 1)
    if data.get("format") != FORMAT:
        line = document.lines.line_for(("format",))
        raise ReadinessError.single(
            name, f"not a Readiness assessment file (expected format: {FORMAT})", line, ("format",)
        )
    version = data.get("format_version")
    line = document.lines.line_for(("format_version",))
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ReadinessError.single(name, "must be a whole number of 1 or more", line, ("format_version",))
    if version > FORMAT_VERSION:
        message = f"written by a newer Readiness (format {version}); this version reads up to {FORMAT_VERSION}"
        raise ReadinessError.single(name, message, line, ("format_version",))


def exchange_text(assessment: Assessment) -> str:
    """The file's text. An assessment with no transcript evidence writes no ``transcripts`` key: its file stays as
    Readiness wrote it before the key existed, and as every earlier version reads it."""
    header: dict[str, Any] = {"format": FORMAT, "format_version": FORMAT_VERSION}
    body = plain(assessment)
    if not body["transcripts"]:
        del body["transcripts"]
    return dump_yaml({**header, **body})


def write_exchange_file(assessment: Assessment, path: Path) -> None:
    write_text_atomically(path, exchange_text(assessment))
