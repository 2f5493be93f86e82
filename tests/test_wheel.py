"""The wheel carries the data folders and works outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from readiness.core.i18n import _, catalog_folder_name
from readiness.core.lang import LANGUAGES, Lang

ROOT = Path(__file__).resolve().parents[1]
DESCRIPTION = "Assess readiness for customer messaging and build the rollout plan."


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        timeout=600,
    )
    [built] = out.glob("readiness-*.whl")
    return built


def test_wheel_contains_the_data_folders(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "readiness/_data/questionnaires/readiness-core.yaml" in names
    assert any(n.startswith("readiness/_data/questionnaires/catalog/") for n in names)
    assert any(n.startswith("readiness/_data/questionnaires/samples/") for n in names)
    assert any(n.startswith("readiness/_data/questionnaires/schema/") for n in names)
    for lang in LANGUAGES[1:]:
        folder = f"readiness/_data/locale/{catalog_folder_name(lang)}/LC_MESSAGES"
        assert {f"{folder}/readiness.po", f"{folder}/readiness.mo"} <= set(names), lang


@pytest.mark.slow
def test_installed_wheel_validates_and_writes_a_sample(wheel: Path, tmp_path: Path) -> None:
    """Installed in a fresh environment away from the checkout, with only the core's runtime libraries."""
    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    pip = [str(python), "-m", "pip", "install", "-q"]
    subprocess.run([*pip, "--no-deps", str(wheel)], check=True, timeout=600)
    subprocess.run([*pip, "pydantic", "pyyaml", "babel"], check=True, timeout=600)
    command = env_dir / "bin" / "readiness"
    work = tmp_path / "elsewhere"
    work.mkdir()
    validated = subprocess.run([command, "validate"], cwd=work, capture_output=True, text=True, timeout=120)
    assert validated.returncode == 0, validated.stderr
    sample = subprocess.run([command, "sample", "-o", "s.yaml"], cwd=work, capture_output=True, text=True, timeout=120)
    assert sample.returncode == 0, sample.stderr
    located = subprocess.run(
        [python, "-c", "from readiness.resources import questionnaires; print(questionnaires())"],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    )
    assert str(env_dir) in located.stdout
    assert str(ROOT) not in located.stdout
    for lang, locale in ((Lang.EN, "C"), (Lang.ES, "es_ES.UTF-8"), (Lang.PT_BR, "pt_BR.UTF-8")):
        environ = {"PATH": os.environ["PATH"], "LANG": locale}
        shown = subprocess.run([command, "--help"], cwd=work, capture_output=True, text=True, env=environ, timeout=120)
        assert _(DESCRIPTION, lang) in " ".join(shown.stdout.split()), (lang, shown.stdout)
