"""Personal data taken out of message texts before anything is measured or kept, and customers made pseudonyms.

Phone numbers, e-mail addresses, card numbers (13 to 19 digits that pass the Luhn check), Brazilian CPF numbers
(with their two check digits verified) and Mexican CURP codes become ``[phone]``, ``[email]``, ``[card]``,
``[cpf]`` and ``[curp]``; a customer's name in a text becomes the customer's pseudonym. Each kind is counted.

Phone numbers are found by shape (an optional +, then 8 to 15 digits with spaces, dots, dashes or brackets
between them), not with the phonenumbers library: that parses per region, and a chat does not say which region a
number belongs to; its matcher is also far too slow for a million messages. The shape catches order numbers of
that length too: for privacy, redacting too much is the safe side.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from readiness.core.transcripts.folding import folded, words

LATIN = "0-9A-Za-z\u00c0-\u024f"
"""Letters and digits of the Latin scripts: what must not touch a number or a name for it to stand alone. (``\\w``
would take in Japanese and Chinese characters too, which sit right against numbers and names with no space.)"""
EMAIL = rf"[{LATIN}._%+-]+@[{LATIN}-]+(?:\.[{LATIN}-]+)+"
CURP = rf"(?<![{LATIN}])[A-Z][AEIOUX][A-Z]{{2}}\d{{6}}[HM][A-Z]{{2}}[B-DF-HJ-NP-TV-Z]{{3}}[A-Z\d]\d(?![{LATIN}])"
CPF = rf"(?<![{LATIN}])(?:\d{{3}}\.\d{{3}}\.\d{{3}}-\d{{2}}|\d{{11}})(?![{LATIN}])"
DIGITS = rf"(?<![{LATIN}_+(])\+?\(?\d(?:[ .()-]{{0,2}}\d){{7,18}}(?![{LATIN}_])"
EMAILS = re.compile(rf"(?P<email>{EMAIL})")
NUMBERS = re.compile(rf"(?P<curp>{CURP})|(?P<cpf>{CPF})|(?P<digits>{DIGITS})")
DIGITS_ONLY = re.compile(DIGITS)
MAYBE_A_NUMBER = re.compile(r"\d(?:\D{0,3}\d){7}|[A-Z]{4}\d{6}")
"""Eight digits close together, or a CURP's start: a cheap test that spares the full search most messages (a
long alternation costs microseconds a message where nothing matches)."""
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
CARD_DIGITS = range(13, 20)
PHONE_DIGITS = range(8, 16)


@dataclass
class Redactor:
    """Redacts texts and keeps the pseudonyms and the counts of one analysis.

    A text is searched for the names of every customer registered so far (``pseudonym``), whatever thread they
    wrote in. To stay fast with thousands of customers, a name is only looked for where its first word is one of
    the text's words (or, for a name written without spaces, as in Japanese, where it stands in the text whole)."""

    counts: Counter[str] = field(default_factory=Counter)
    pseudonyms: dict[str, str] = field(default_factory=dict)
    _owners: dict[str, str] = field(default_factory=dict, repr=False)
    """Each folded form of a name ("lucia perez", "lucia"), and whose it is."""
    _by_first_word: dict[str, set[str]] = field(default_factory=dict, repr=False)
    _unspaced: set[str] = field(default_factory=set, repr=False)
    _patterns: dict[frozenset[str], re.Pattern[str]] = field(default_factory=dict, repr=False)

    def pseudonym(self, sender: str) -> str:
        """The customer's stable pseudonym, "Customer 1" for the first one met; a sender that is a phone number
        counts as one phone redacted. From now on the customer's name is redacted wherever it is written."""
        known = self.pseudonyms.get(sender)
        if known is None:
            known = self.pseudonyms[sender] = f"Customer {len(self.pseudonyms) + 1}"
            if DIGITS_ONLY.fullmatch(sender.strip()) and _kind_of_digits(sender) == "phone":
                self.counts["phone"] += 1
            for form in _name_forms(sender):
                self._remember(folded(form), sender)
        return known

    def text(self, text: str, folded_text: str | None = None) -> str:
        """TEXT with its personal data replaced, the names of the customers registered so far included.
        ``folded_text``, the text as ``folding`` folds it, where the caller has it already."""
        if "@" in text:
            text = EMAILS.sub(self._replacement, text)
        if MAYBE_A_NUMBER.search(text):
            text = NUMBERS.sub(self._replacement, text)
        if not self._owners:
            return text
        forms = self._mentioned(folded(text) if folded_text is None else folded_text)
        return self._pattern(forms).sub(self._name_replacement, text) if forms else text

    def _remember(self, form: str, sender: str) -> None:
        if form in self._owners:
            return
        self._owners[form] = sender
        if _unspaced(form):
            self._unspaced.add(form)
        elif found := words(form):
            self._by_first_word.setdefault(found[0], set()).add(form)

    def _mentioned(self, said: str) -> frozenset[str]:
        """The name forms the folded text holds (a few candidates, confirmed by the pattern)."""
        if len(self._by_first_word) <= FEW_NAMES:
            firsts: Iterable[str] = [word for word in self._by_first_word if word in said]
        else:
            firsts = self._by_first_word.keys() & set(words(said))
        found = {form for word in firsts for form in self._by_first_word[word] if form in said}
        found.update(form for form in self._unspaced if form in said)
        return frozenset(found)

    def _pattern(self, forms: frozenset[str]) -> re.Pattern[str]:
        pattern = self._patterns.get(forms)
        if pattern is None:
            if len(self._patterns) >= PATTERNS_KEPT:
                self._patterns.clear()
            alternatives = "|".join(_accent_blind(form) for form in sorted(forms, key=len, reverse=True))
            pattern = self._patterns[forms] = re.compile(rf"(?<![{LATIN}])(?:{alternatives})(?![{LATIN}])", re.I)
        return pattern

    def _replacement(self, match: re.Match[str]) -> str:
        kind = match.lastgroup or ""
        if (kind == "cpf" and not _valid_cpf(match.group())) or kind == "digits":
            kind = _kind_of_digits(match.group())
        if not kind:
            return match.group()
        self.counts[kind] += 1
        return f"[{kind}]"

    def _name_replacement(self, match: re.Match[str]) -> str:
        self.counts["name"] += 1
        return self.pseudonyms[self._owners[folded(match.group())]]


FEW_NAMES = 32
"""Up to this many names' first words are looked for in a text one by one; beyond, the text is split into words."""
PATTERNS_KEPT = 256
"""Patterns compiled for sets of names met together, kept for the texts that mention them again."""


def _unspaced(form: str) -> bool:
    """A name in a script written without spaces between words (Japanese, Chinese, Korean)."""
    return any(ord(character) >= CJK_START for character in form)


CJK_START = 0x2E80
"""Where Unicode's CJK radicals, kana, ideographs and Hangul begin."""


ACCENTED = {
    "a": "aáàâãäåā",
    "c": "cç",
    "e": "eéèêëē",
    "i": "iíìîïī",
    "n": "nñ",
    "o": "oóòôõöøō",
    "u": "uúùûüū",
    "y": "yýÿ",
}
"""The accented forms of the Latin letters the served markets' names carry, by the letter they fold to."""
COMBINING_MARKS = "[\u0300-\u036f]*"


def _accent_blind(name: str) -> str:
    """A pattern for NAME however its accents are written: "Lucía", "Lucia", "LUCIA", or an accent typed as a
    separate combining mark (a customer may write their own name without its accents, a colleague with them)."""
    letters = []
    for letter in folded(name):
        variants = ACCENTED.get(letter)
        letters.append(f"[{variants}]{COMBINING_MARKS}" if variants else re.escape(letter))
    return "".join(letters)


def _name_forms(sender: str) -> set[str]:
    """The full name and its first word as a text may mention them ("Alex Doe", "Alex"); none for a number."""
    name = sender.strip()
    if not name or any(character.isdigit() for character in name):
        return set()
    first = name.split()[0]
    return {name, first} if len(first) >= 3 else {name}


def _kind_of_digits(text: str) -> str:
    """ "card" for a Luhn-valid run of 13 to 19 digits, "phone" for 8 to 15 digits, else "" (left as written)."""
    if ISO_DATE.fullmatch(text.strip()):
        return ""
    digits = [int(character) for character in text if character.isdigit()]
    if len(digits) in CARD_DIGITS and _luhn(digits):
        return "card"
    return "phone" if len(digits) in PHONE_DIGITS else ""


def _luhn(digits: list[int]) -> bool:
    total = 0
    for position, digit in enumerate(reversed(digits)):
        if position % 2:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


def _valid_cpf(text: str) -> bool:
    digits = [int(character) for character in text if character.isdigit()]
    if len(digits) != 11 or len(set(digits)) == 1:
        return False
    for checked in (9, 10):
        remainder = sum(d * w for d, w in zip(digits[:checked], range(checked + 1, 1, -1), strict=True)) * 10 % 11
        if remainder % 10 != digits[checked]:
            return False
    return True
