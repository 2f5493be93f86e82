"""The sample assessments shipped with the content, one file per profile and language.

A language added without samples of its own gets the English sample, in that language's plan.
"""

from __future__ import annotations

from pathlib import Path

from readiness.core.assessment import Assessment
from readiness.core.content import SAMPLES_FOLDER, Content
from readiness.core.exchange import read_exchange_file
from readiness.core.lang import AUTHORING_LANGUAGE, LANGUAGES, Lang

SAMPLE_PROFILES: tuple[str, ...] = (
    "mx-retail",
    "us-dental",
    "jp-brand",
    "de-b2b-software",
    "cn-exporter",
    "br-services",
)


def sample_path(profile: str, lang: Lang, folder: Path) -> Path:
    return folder / SAMPLES_FOLDER / f"{profile}.{lang.value}.yaml"


def load_sample(profile: str, lang: Lang, content: Content, folder: Path) -> Assessment:
    path = sample_path(profile, lang, folder)
    if path.is_file():
        return read_exchange_file(path, content)
    english = read_exchange_file(sample_path(profile, AUTHORING_LANGUAGE, folder), content)
    return english.model_copy(update={"language": lang})


def all_sample_paths(folder: Path) -> list[Path]:
    """Every shipped sample file."""
    paths = (sample_path(p, lang, folder) for p in SAMPLE_PROFILES for lang in LANGUAGES)
    return [path for path in paths if path.is_file()]
