"""Text folded for matching: lower case, accents removed, runs of white space made one space."""

from __future__ import annotations

import string
import unicodedata

_COMBINING = dict.fromkeys(range(0x300, 0x370))
"""Unicode's combining diacritical marks, which NFKD splits off the letters they sit on."""


_SPACED = str.maketrans(dict.fromkeys(string.punctuation + "¿¡«»“”‘’…–—", " "))


def words(text: str) -> list[str]:
    """The words of a folded text, punctuation taken for spaces: "¿llamenos?" is "llamenos"."""
    return text.translate(_SPACED).split()


def folded(text: str) -> str:
    """ "Llámenos  al" and "llamenos al" fold alike; ASCII text (most of a chat) skips the Unicode work."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).translate(_COMBINING)
    return " ".join(text.lower().split())
