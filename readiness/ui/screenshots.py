"""Write a screenshot of every page of the app: ``python -m readiness.ui.screenshots OUT_DIR [--lang ..] [--size WxH]``.

Runs on the offscreen platform, on a screen of the window's size, with a
temporary library holding the mx-retail sample and temporary settings, so it
never touches the user's own. For each language it saves the library, every
wizard page and tab, and the review page with the generated plan previewed.
Files are named by language, and by size too when it is not the default.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QWidget

from readiness.core.lang import Lang

WINDOW_SIZE = (1280, 720)
"""The default window size, which the file names leave out."""


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


def window_size(text: str) -> tuple[int, int]:
    """``WxH`` as a (width, height) pair, for ``--size``."""
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit()):
        raise argparse.ArgumentTypeError(f"not WIDTHxHEIGHT: {text!r}")
    return int(width), int(height)


def use_screen(size: tuple[int, int], folder: Path) -> None:
    """Run offscreen on one screen of ``size`` at 96 dpi (as tests/conftest.py does), before the app exists."""
    screen = {"name": "shots", "x": 0, "y": 0, "width": size[0], "height": size[1]}
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [screen | {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def take(out: Path, lang: Lang, folder: Path, size: tuple[int, int] = WINDOW_SIZE) -> list[Path]:
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
    window.resize(*size)
    window.show()
    wait_until(lambda: bool(window.library.rows))
    prefix = lang.value if size == WINDOW_SIZE else f"{lang.value}-{size[0]}x{size[1]}"
    saved = [_save(window, out / f"{prefix}-00-library.png")]
    window.library.table.selectRow(0)
    window.open_assessment(window.library.rows[0].id)
    wait_until(lambda: window.wizard is not None)
    wizard = window.wizard
    if wizard is None:
        raise RuntimeError("the assessment did not open")
    keys = [page.key for page in wizard.pages]
    for index, key in enumerate(keys):
        for tab in range(wizard.tabs[index].count()):
            wizard.go_to(key, tab)
            wait(150)
            saved.append(_save(window, out / f"{prefix}-{index + 1:02d}-{key}-{tab + 1}.png"))
    wizard.go_to("review", 0)
    review = wizard.tabs[keys.index("review")].widget(0)
    generate = getattr(review, "generate", None)
    if callable(generate):
        generate()
        wait_until(lambda: not window.renderer.busy, 120_000)
        wait(500)
        saved.append(_save(window, out / f"{prefix}-{len(keys) + 1:02d}-preview.png"))
    window.close()
    return saved


def _save(window: QWidget, path: Path) -> Path:
    window.grab().save(str(path))
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, metavar="OUT_DIR")
    parser.add_argument("--lang", nargs="+", choices=[lang.value for lang in Lang], default=["en", "es"])
    parser.add_argument("--size", type=window_size, default=WINDOW_SIZE, metavar="WxH", help="default 1280x720")
    args = parser.parse_args(argv)
    from readiness.ui.app import create_application

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        use_screen(args.size, Path(folder))
        create_application([sys.argv[0]])
        for lang in args.lang:
            for path in take(args.out, Lang(lang), Path(folder), args.size):
                sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
