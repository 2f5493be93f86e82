"""JSON Schemas generated from the models, shipped beside the content for editor completion.

A content file opts in with a first line such as
``# yaml-language-server: $schema=schema/questionnaire.schema.json``.
"""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel

from readiness.core.assessment import Assessment
from readiness.core.catalog import Catalog
from readiness.core.questionnaire import Questionnaire
from readiness.core.transcripts.phrases import TranscriptPhrases

SCHEMA_FOLDER = "schema"


class ExchangeFile(Assessment):
    """The exchange file as written: the format header, then the assessment."""

    format: Literal["readiness-assessment"]
    format_version: Literal[1]


SCHEMAS: dict[str, type[BaseModel]] = {
    "questionnaire.schema.json": Questionnaire,
    "catalog.schema.json": Catalog,
    "assessment.schema.json": ExchangeFile,
    "transcript-phrases.schema.json": TranscriptPhrases,
}


def schema_texts() -> dict[str, str]:
    texts = {}
    for name, model in SCHEMAS.items():
        schema = model.model_json_schema(mode="validation")
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        texts[name] = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return texts
