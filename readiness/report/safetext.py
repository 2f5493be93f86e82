"""Make any text safe to lay out: no control characters, no endless words, no runaway blank lines.

WeasyPrint's line breaking is quadratic in the length of an unbroken run of
characters (a pasted URL or a base64 blob), so long runs get a zero-width
space every few characters: the text still reads and copies the same, and the
layout stays linear. Escaping is not done here; Jinja's autoescape does it.
"""

from __future__ import annotations

import re
import unicodedata

BREAK_EVERY = 24
"""Characters between inserted break opportunities in an unbroken run."""

MAX_BLANK_LINES = 1
MAX_CHARACTERS = 4_000
"""Longer text is cut here and marked, so one field cannot fill dozens of pages (the attached file keeps it whole)."""

_ZERO_WIDTH_SPACE = "\u200b"
_RUN = re.compile(rf"[^\s\u200b]{{{BREAK_EVERY + 1},}}")
_BLANK_LINES = re.compile(rf"\n[ \t]*(?:\n[ \t]*){{{MAX_BLANK_LINES + 1},}}")
_KEEP = {"\n", "\t"}
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Embeddings, overrides and isolates: they could reorder what follows them; plain RTL text needs none."""
_ELLIPSIS = " […]"
_LINK_SEPARATOR = re.compile(r"(?<=[/?&])")


def printable(text: str, limit: int = MAX_CHARACTERS) -> str:
    """The text with controls dropped, line ends unified, blank lines capped, length capped and long runs breakable."""
    text = _BLANK_LINES.sub("\n" * (MAX_BLANK_LINES + 1), without_controls(text))
    if len(text) > limit:
        text = text[:limit].rstrip() + _ELLIPSIS
    return _RUN.sub(_breakable, text)


def without_controls(text: str) -> str:
    """Line ends unified to \\n; control, bidi-override, private-use and unassigned characters dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in text if c in _KEEP or not _is_control(c))


def plain_line(text: str, limit: int) -> str:
    """One line of text for metadata and attributes: no controls, no inserted break points."""
    text = " ".join(without_controls(text).split())
    return text if len(text) <= limit else text[:limit].rstrip() + _ELLIPSIS


def _is_control(character: str) -> bool:
    # Cc (C0/C1 controls), Cs (lone surrogates), Co (private use) and Cn (unassigned) carry
    # nothing printable; other Cf characters stay: joiners build emoji and Indic clusters.
    return character in _BIDI_CONTROLS or unicodedata.category(character) in {"Cc", "Cs", "Co", "Cn"}


def _breakable(match: re.Match[str]) -> str:
    """Break points after the separators of a link ("/", "?", "&"), and inside any piece still too long."""
    pieces = _LINK_SEPARATOR.split(match.group(0))
    return _ZERO_WIDTH_SPACE.join(
        piece[i : i + BREAK_EVERY] for piece in pieces if piece for i in range(0, len(piece), BREAK_EVERY)
    )
