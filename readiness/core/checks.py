"""``readiness validate``: check the shipped content, or any questionnaire, catalog or assessment file."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from readiness.core.catalog import Catalog
from readiness.core.content import PHRASES_KIND, Content, load_content
from readiness.core.exchange import is_exchange_document, parse_exchange
from readiness.core.i18n import _, ngettext
from readiness.core.lang import Lang
from readiness.core.problems import ReadinessError
from readiness.core.questionnaire import Questionnaire
from readiness.core.safeyaml import load_yaml_file
from readiness.core.samples import all_sample_paths
from readiness.core.transcripts.phrases import TranscriptPhrases
from readiness.core.validation import validate_document


def validate_shipped(lang: Lang, folder: Path, *extra: Path) -> str:
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
    counted = ngettext("{count} sample", "{count} samples", len(samples), lang)
    return _("content OK: {summary}; {samples}", lang, summary=describe(content, lang), samples=counted)


def describe(content: Content, lang: Lang) -> str:
    catalogs = content.catalogs
    questions = sum(len(q.questions) for q in content.questionnaires.values())
    parts = (
        ngettext("{count} questionnaire", "{count} questionnaires", len(content.questionnaires), lang),
        ngettext("{count} question", "{count} questions", questions, lang),
        ngettext("{count} channel", "{count} channels", len(catalogs.channels), lang),
        ngettext("{count} gap type", "{count} gap types", len(catalogs.gap_types), lang),
        ngettext("{count} surface", "{count} surfaces", len(catalogs.surfaces), lang),
        ngettext("{count} promotion action", "{count} promotion actions", len(catalogs.promotion_actions), lang),
        ngettext("{count} KPI", "{count} KPIs", len(catalogs.kpis), lang),
        ngettext("{count} regulation", "{count} regulations", len(catalogs.regulations), lang),
    )
    return ", ".join(parts)


def validate_paths(lang: Lang, paths: Sequence[Path], shipped: Callable[[], Content]) -> str:
    """Validate each path (file or content folder); report every problem of every path together."""
    shipped_once = cache(shipped)
    errors = []
    kinds = []
    for path in paths:
        try:
            kinds.append(f"{path}: {_validate_one(lang, path, shipped_once)}")
        except ReadinessError as error:
            errors.append(error)
    if errors:
        raise ReadinessError.merge(errors)
    return "\n".join(kinds)


def _validate_one(lang: Lang, path: Path, shipped: Callable[[], Content]) -> str:
    if path.is_dir():
        return _("content folder OK: {summary}", lang, summary=describe(load_content(path), lang))
    document = load_yaml_file(path)
    data = document.data
    if is_exchange_document(data):
        parse_exchange(document, str(path), shipped())
        return _("assessment OK", lang)
    kind = data.get("kind") if isinstance(data, dict) else None
    if kind == "questionnaire":
        questionnaire = validate_document(Questionnaire, document, str(path))
        questions = ngettext("{count} question", "{count} questions", len(questionnaire.questions), lang)
        return _(
            "questionnaire OK ({id} {version}, {questions})",
            lang,
            id=questionnaire.id,
            version=questionnaire.version,
            questions=questions,
        )
    if kind == "catalog":
        validate_document(Catalog, document, str(path))
        return _("catalog OK", lang)
    if kind == PHRASES_KIND:
        validate_document(TranscriptPhrases, document, str(path))
        return _("transcript phrases OK", lang)
    if not isinstance(data, dict):
        raise ReadinessError.single(path, _("not a Readiness file: expected a mapping at the top level", lang), 1)
    expected = _(
        "not a Readiness file: expected 'format: readiness-assessment' or "
        "'kind: questionnaire|catalog|transcript-phrases'",
        lang,
    )
    raise ReadinessError.single(path, expected, 1)
