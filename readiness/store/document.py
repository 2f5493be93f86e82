"""An assessment as the JSON document the library stores: the exchange file's content, in JSON.

The document carries the exchange file's header (``format``, ``format_version``), so a stored assessment
can be read by whatever reads exchange files once a later format exists. JSON has no date type: answer
values that are dates are tagged (``{"date": "2026-05-01"}``) so that they come back as dates and a
text answer that looks like a date stays text. Every other date field is typed in the model.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from readiness.core.assessment import Assessment
from readiness.core.content import Content
from readiness.core.exchange import FORMAT, FORMAT_VERSION, exchange_text
from readiness.core.problems import ReadinessError
from readiness.core.progress import Progress, sub_page_progress
from readiness.core.safeyaml import MAX_BYTES
from readiness.core.scoring import score_assessment

EXACT_CHECK_FROM = MAX_BYTES // 4
"""Above this JSON size the exchange text is written out to measure it. YAML indents every line of a note and
escapes more, so it can grow to about 3x the JSON; below a quarter of the cap no assessment can reach it."""


@dataclass(frozen=True)
class Standing:
    """The overall score and band, kept beside the document so the library lists without scoring."""

    score: float | None = None
    band: str | None = None
    status: str = "draft"
    """"complete" once every part of the wizard is done (core.progress), else "draft"."""


def document_json(assessment: Assessment) -> str:
    data = assessment.model_dump(mode="json")  # pydantic's own serializer: a save's biggest cost, kept small
    for question, answer in assessment.answers.items():
        if isinstance(answer.value, dt.date):
            data["answers"][question]["value"] = {"date": answer.value.isoformat()}
    text = json.dumps({"format": FORMAT, "format_version": FORMAT_VERSION, **data}, ensure_ascii=False)
    if len(text.encode()) > EXACT_CHECK_FROM:
        _check_exportable(assessment)
    return text


def _check_exportable(assessment: Assessment) -> None:
    """The library holds only what it can export and read back: an exchange file within the reader's cap."""
    size = len(exchange_text(assessment).encode())
    if size > MAX_BYTES:
        raise ReadinessError.single(
            assessment.profile.organisation,
            f"the assessment would make an exchange file of {size:,} bytes, over the {MAX_BYTES // 1024**2} MB "
            "an exchange file may hold: shorten its notes; nothing was saved",
        )


def assessment_from_document(text: str) -> Assessment:
    data = json.loads(text)
    for key in ("format", "format_version"):
        data.pop(key, None)
    for fields in data.get("answers", {}).values():
        fields["value"] = _untagged(fields.get("value"))
    return Assessment.model_validate(data)


def standing_of(assessment: Assessment, content: Content | None) -> Standing:
    """The overall score and band, or an empty standing when the questionnaire is not installed."""
    if content is None:
        return Standing()
    try:
        questionnaire = content.assessment_questionnaire(assessment)
        overall = score_assessment(questionnaire, assessment.answers).overall
    except ReadinessError:
        return Standing()
    progress = sub_page_progress(questionnaire, assessment).values()
    status = "complete" if all(mark is Progress.DONE for mark in progress) else "draft"
    return Standing(overall.score, overall.band, status)


def _untagged(value: Any) -> Any:
    if isinstance(value, dict):
        return dt.date.fromisoformat(value["date"])
    return tuple(value) if isinstance(value, list) else value
