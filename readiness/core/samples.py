"""The sample assessments shipped with the content, one file per profile and language."""

from __future__ import annotations

from pathlib import Path

from readiness.core.assessment import Assessment
from readiness.core.content import SAMPLES_FOLDER, Content
from readiness.core.exchange import read_exchange_file
from readiness.core.text import LANGUAGES, Lang

SAMPLE_PROFILES: tuple[str, ...] = ("mx-retail", "us-dental", "jp-brand", "de-b2b-software", "cn-exporter")


def sample_path(profile: str, lang: Lang, folder: Path) -> Path:
    return folder / SAMPLES_FOLDER / f"{profile}.{lang.value}.yaml"


def load_sample(profile: str, lang: Lang, content: Content, folder: Path) -> Assessment:
    return read_exchange_file(sample_path(profile, lang, folder), content)


def all_sample_paths(folder: Path) -> list[Path]:
    return [sample_path(p, lang, folder) for p in SAMPLE_PROFILES for lang in LANGUAGES]
