"""``readiness validate``: check the shipped content, or any questionnaire, catalog or assessment file."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from readiness.core.catalog import Catalog
from readiness.core.content import Content, load_content
from readiness.core.exchange import is_exchange_document, parse_exchange
from readiness.core.problems import ReadinessError
from readiness.core.questionnaire import Questionnaire
from readiness.core.safeyaml import load_yaml_file
from readiness.core.samples import all_sample_paths
from readiness.core.validation import validate_document


def validate_shipped(folder: Path, *extra: Path) -> str:
    """Load the shipped content (and any extra folders) and every sample.

    Returns a summary line, or raises a ReadinessError listing all problems.
    """
    content = load_content(folder, *extra)
    content.default_questionnaire()
    errors = []
    samples = all_sample_paths(folder)
    for path in samples:
        try:
            parse_exchange(load_yaml_file(path), str(path), content)
        except ReadinessError as error:
            errors.append(error)
    if errors:
        raise ReadinessError.merge(errors)
    return f"content OK: {describe(content)}; {len(samples)} samples"


def describe(content: Content) -> str:
    catalogs = content.catalogs
    questions = sum(len(q.questions) for q in content.questionnaires.values())
    return (
        f"{len(content.questionnaires)} questionnaire(s) with {questions} questions, "
        f"{len(catalogs.channels)} channels, {len(catalogs.gap_types)} gap types, "
        f"{len(catalogs.surfaces)} surfaces, {len(catalogs.promotion_actions)} promotion actions, "
        f"{len(catalogs.kpis)} KPIs, {len(catalogs.regulations)} regulations"
    )


def validate_paths(paths: Sequence[Path], shipped: Callable[[], Content]) -> str:
    """Validate each path (file or content folder); report every problem of every path together."""
    shipped_once = cache(shipped)
    errors = []
    kinds = []
    for path in paths:
        try:
            kinds.append(f"{path}: {_validate_one(path, shipped_once)}")
        except ReadinessError as error:
            errors.append(error)
    if errors:
        raise ReadinessError.merge(errors)
    return "\n".join(kinds)


def _validate_one(path: Path, shipped: Callable[[], Content]) -> str:
    if path.is_dir():
        return f"content folder OK: {describe(load_content(path))}"
    document = load_yaml_file(path)
    data = document.data
    if is_exchange_document(data):
        parse_exchange(document, str(path), shipped())
        return "assessment OK"
    kind = data.get("kind") if isinstance(data, dict) else None
    if kind == "questionnaire":
        questionnaire = validate_document(Questionnaire, document, str(path))
        return (
            f"questionnaire OK ({questionnaire.id} {questionnaire.version}, {len(questionnaire.questions)} questions)"
        )
    if kind == "catalog":
        validate_document(Catalog, document, str(path))
        return "catalog OK"
    if not isinstance(data, dict):
        raise ReadinessError.single(path, "not a Readiness file: expected a mapping at the top level", 1)
    raise ReadinessError.single(
        path, "not a Readiness file: expected 'format: readiness-assessment' or 'kind: questionnaire|catalog'", 1
    )
