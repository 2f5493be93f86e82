"""The plan's own words (section titles, column headers), from report_templates/labels.yaml."""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from readiness.core.safeyaml import load_yaml_file
from readiness.core.text import Lang, LocalText, Wording, worded
from readiness.core.validation import validate_document
from readiness.resources import Folder, resource

LABELS_FILE = "labels.yaml"


class PluralLabel(BaseModel):
    """A label with a number in it: the form for one, and the form for any other count."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    one: LocalText
    other: LocalText


class LabelsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["labels"]
    labels: dict[str, LocalText | PluralLabel]


@cache
def _labels() -> dict[str, LocalText | PluralLabel]:
    path = resource(Folder.REPORT_TEMPLATES, LABELS_FILE)
    return validate_document(LabelsFile, load_yaml_file(path), str(path)).labels


def label_keys() -> frozenset[str]:
    return frozenset(_labels())


def label_forms(key: str, lang: Lang | str) -> tuple[str, ...]:
    """A label's unfilled text in one language: one form, or the singular and the plural."""
    wording = _wording(key, lang)
    return wording if isinstance(wording, tuple) else (wording,)


def _wording(key: str, lang: Lang | str) -> Wording:
    label = _labels()[key]
    if isinstance(label, PluralLabel):
        return label.one.get(lang), label.other.get(lang)
    return label.get(lang)


class Labels:
    """Look up a label in one language: ``t("gaps.title")``, or ``t("summary.blockers", count=3)`` for a plural."""

    def __init__(self, lang: Lang | str) -> None:
        self.lang = Lang(lang)

    def __call__(self, key: str, **params: object) -> str:
        return worded(_wording(key, self.lang), self.lang, params)
