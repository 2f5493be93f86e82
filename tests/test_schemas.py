"""The shipped JSON Schemas accept every shipped file and every file `readiness sample` writes.

Validated with a real validator (the jsonschema package, Draft 2020-12, format checks on), the way an
editor or `check-jsonschema` reads them: YAML dates become ISO text, as in JSON.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from readiness.core.lang import LANGUAGES
from readiness.core.safeyaml import load_yaml_file
from readiness.core.samples import SAMPLE_PROFILES, all_sample_paths
from readiness.core.schema import SCHEMA_FOLDER, schema_texts
from readiness.resources import questionnaires

FOLDER = questionnaires()


def validator(name: str) -> Draft202012Validator:
    schema = json.loads((FOLDER / SCHEMA_FOLDER / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def as_json(path: Path) -> Any:
    return json.loads(json.dumps(load_yaml_file(path).data, default=lambda v: v.isoformat()))


def problems(name: str, data: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(name).iter_errors(data)]


@pytest.mark.parametrize("path", all_sample_paths(FOLDER), ids=lambda p: p.name)
def test_every_shipped_sample_matches_the_assessment_schema(path: Path) -> None:
    assert problems("assessment.schema.json", as_json(path)) == []


@pytest.mark.parametrize("profile", SAMPLE_PROFILES)
def test_what_readiness_sample_writes_matches_the_assessment_schema(profile: str, tmp_path: Path) -> None:
    for lang in LANGUAGES:
        out = tmp_path / f"{profile}.{lang.value}.yaml"
        command = [sys.executable, "-m", "readiness", "sample", "--profile", profile, "--lang", lang.value, "-o", out]
        subprocess.run(command, check=True, capture_output=True)
        assert problems("assessment.schema.json", as_json(out)) == []


def test_the_shipped_schemas_are_what_readiness_schema_writes() -> None:
    for name, text in schema_texts().items():
        assert (FOLDER / SCHEMA_FOLDER / name).read_text(encoding="utf-8") == text, name


def test_every_content_file_matches_its_schema() -> None:
    assert problems("questionnaire.schema.json", as_json(FOLDER / "readiness-core.yaml")) == []
    for path in sorted((FOLDER / "catalog").glob("*.yaml")):
        assert problems("catalog.schema.json", as_json(path)) == [], path.name


def test_times_of_day_are_hh_mm_in_the_schema() -> None:
    """RFC 3339 'time' would demand seconds and an offset; the files hold 09:00, and the schema says so."""
    sample = as_json(all_sample_paths(FOLDER)[0])
    assert problems("assessment.schema.json", sample) == []
    for wrong in ("9:00", "09:00:00", "09:00+01:00", "24:00"):
        broken = {**sample, "profile": {**sample["profile"], "business_hours": {"opens": wrong}}}
        assert problems("assessment.schema.json", broken), wrong
    assert dt.time.fromisoformat(sample["profile"]["business_hours"]["opens"])
