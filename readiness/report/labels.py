"""The plan's own words (section titles, column headers), from report_templates/labels.yaml."""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from readiness.core.safeyaml import load_yaml_file
from readiness.core.text import Lang, LocalText
from readiness.core.validation import validate_document
from readiness.resources import Folder, resource

LABELS_FILE = "labels.yaml"


class LabelsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["labels"]
    labels: dict[str, LocalText]


@cache
def _labels() -> dict[str, LocalText]:
    path = resource(Folder.REPORT_TEMPLATES, LABELS_FILE)
    return validate_document(LabelsFile, load_yaml_file(path), str(path)).labels


def label_keys() -> frozenset[str]:
    return frozenset(_labels())


class Labels:
    """Look up a label in one language: ``t("gaps.title")`` or ``t("page.of", page=1)``."""

    def __init__(self, lang: Lang | str) -> None:
        self.lang = Lang(lang)

    def __call__(self, key: str, **params: object) -> str:
        text = _labels()[key].get(self.lang)
        return text.format(**params) if params else text
