"""Write a screenshot of every page of the app: ``python -m readiness.ui.screenshots OUT_DIR [--lang en es]``.

Runs on the offscreen platform with a temporary library holding the mx-retail
sample and temporary settings, so it never touches the user's own. For each
language it saves the library, every wizard page and tab, and the review page
with the generated plan previewed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QWidget

from readiness.core.lang import Lang

WINDOW_SIZE = (1280, 720)


def wait(milliseconds: int) -> None:
    """Let the event loop run (and the library and render threads with it)."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def wait_until(condition: Callable[[], bool], timeout_ms: int = 60_000) -> None:
    waited = 0
    while not condition():
        if waited >= timeout_ms:
            raise TimeoutError("the app did not get there in time")
        wait(50)
        waited += 50


def take(out: Path, lang: Lang, folder: Path) -> list[Path]:
    from readiness.core.content import load_content
    from readiness.core.samples import load_sample
    from readiness.resources import questionnaires
    from readiness.store import create_assessment, open_library
    from readiness.ui.app import install_translations
    from readiness.ui.main_window import MainWindow
    from readiness.ui.settings import Settings

    library_path = folder / f"library-{lang.value}.sqlite"
    content = load_content(questionnaires())
    with open_library(str(library_path)) as library, library.session() as session:
        sample = load_sample("mx-retail", lang, content, questionnaires())
        create_assessment(session=session, assessment=sample, content=content)
    settings = Settings(QSettings(str(folder / f"settings-{lang.value}.ini"), QSettings.Format.IniFormat))
    settings.library, settings.language = str(library_path), lang
    install_translations(lang)
    window = MainWindow(settings)
    window.resize(*WINDOW_SIZE)
    window.show()
    wait_until(lambda: bool(window.library.rows))
    saved = [_save(window, out / f"{lang.value}-00-library.png")]
    window.library.table.selectRow(0)
    window.open_assessment(window.library.rows[0].id)
    wait_until(lambda: window.wizard is not None)
    wizard = window.wizard
    if wizard is None:
        raise RuntimeError("the assessment did not open")
    for index, page in enumerate(wizard.pages):
        wizard.go(index)
        tabs = wizard.tabs[index]
        for tab in range(tabs.count()):
            tabs.setCurrentIndex(tab)
            wait(150)
            name = f"{lang.value}-{index + 1:02d}-{page.key}-{tab + 1}.png"
            saved.append(_save(window, out / name))
    review = wizard.tabs[-1].widget(0)
    generate = getattr(review, "generate", None)
    if callable(generate):
        generate()
        wait_until(lambda: not window.renderer.busy, 120_000)
        wait(500)
        saved.append(_save(window, out / f"{lang.value}-07-preview.png"))
    window.close()
    return saved


def _save(window: QWidget, path: Path) -> Path:
    window.grab().save(str(path))
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, metavar="OUT_DIR")
    parser.add_argument("--lang", nargs="+", choices=[lang.value for lang in Lang], default=["en", "es"])
    args = parser.parse_args(argv)
    from readiness.ui.app import create_application

    create_application([sys.argv[0]])
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for lang in args.lang:
            for path in take(args.out, Lang(lang), Path(folder)):
                sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
