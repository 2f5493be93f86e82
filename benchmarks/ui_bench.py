"""How fast the desktop app starts, and how long the UI thread stalls while a plan renders.

Usage:
    python benchmarks/ui_bench.py [--runs 7]

start-up   A fresh process per run, on the offscreen platform, with a new empty library and settings in a
           temporary folder: the time from launching the process to the main window being shown and the
           event loop turning (a zero-time timer fired after show()), i.e. interactive. The child also
           reports which heavy modules were already imported at that moment (WeasyPrint, Alembic and Jinja
           must not be), and whether PySide had built its Qt namespace (~90 enums, 11 ms: see readiness.ui).
           Target: <= 1.0 s (PRODUCT.md, perf-security P5).
bare       Interleaved with the start-up runs (app, bare, app, bare, ...) so machine load hits both alike: a
           bare PySide6 QWizard (four pages, each a title and a QLabel) started and timed the same way, and
           the ratio of the medians, app / bare: how much the app adds over Qt's own floor on this machine.
           Target: <= 1.5x (issue 13). Both start with their bytecode cached, as an installed app does: one
           untimed run of each comes first, and PYTHONDONTWRITEBYTECODE is dropped from the children's environment.
stall      In one process, the app's PlanRenderer renders the sample plan (mx-retail) while a 5 ms timer
           ticks on the UI thread; the longest gap between ticks beyond the 5 ms period is the longest
           stall. Cold (the first render, child process started on demand) and warm (kept child).
           Targets: <= 50 ms (PRODUCT.md) and <= 100 ms (perf-security P3).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

STARTUP_CHILD = r"""
import os, sys, time
started = float(sys.argv[1])
from PySide6.QtCore import QSettings, QTimer
from readiness.ui.app import create_application, install_translations
from readiness.ui.settings import Settings
app = create_application([])
settings = Settings(QSettings(os.path.join(sys.argv[2], "settings.ini"), QSettings.Format.IniFormat))
settings.library = os.path.join(sys.argv[2], "library.sqlite")
install_translations(settings.language)
from readiness.ui.main_window import MainWindow
window = MainWindow(settings)
window.show()
def interactive():
    elapsed = time.time() - started
    heavy = [m for m in ("weasyprint", "alembic", "jinja2", "sqlmodel") if m in sys.modules]
    if "Qt" in vars(sys.modules["PySide6.QtCore"]):
        heavy.append("the Qt namespace")
    print(f"{elapsed:.4f} {','.join(heavy) or '-'}", flush=True)
    os._exit(0)
QTimer.singleShot(0, interactive)
app.exec()
"""

BARE_CHILD = r"""
import os, sys, time
started = float(sys.argv[1])
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage
app = QApplication([])
wizard = QWizard()
for number in range(1, 5):
    page = QWizardPage()
    page.setTitle(f"Step {number}")
    QVBoxLayout(page).addWidget(QLabel(f"Page {number}"))
    wizard.addPage(page)
wizard.show()
def interactive():
    print(f"{time.time() - started:.4f}", flush=True)
    os._exit(0)
QTimer.singleShot(0, interactive)
app.exec()
"""

STALL_CHILD = r"""
import os, sys, time
from PySide6.QtCore import QTimer, QEventLoop
from PySide6.QtWidgets import QApplication
app = QApplication([])
from readiness.core.content import load_content
from readiness.core.samples import load_sample
from readiness.core.lang import Lang
from readiness.report.paper import Paper
from readiness.resources import questionnaires
from readiness.ui.render import PlanRenderer, PlanRequest
from readiness.report.edition import Edition
content = load_content(questionnaires())
assessment = load_sample("mx-retail", Lang.EN, content, questionnaires())
renderer = PlanRenderer()
ticks = []
timer = QTimer(); timer.setInterval(5); timer.timeout.connect(lambda: ticks.append(time.perf_counter())); timer.start()
def render_once():
    ticks.clear()
    loop = QEventLoop()
    renderer.finished.connect(loop.quit); renderer.failed.connect(loop.quit)
    started = time.perf_counter()
    renderer.render(PlanRequest(assessment, content, Lang.EN, Paper.A4, None, Edition.FULL))
    loop.exec()
    took = time.perf_counter() - started
    renderer.finished.disconnect(loop.quit); renderer.failed.disconnect(loop.quit)
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    return took, max(gaps) - 0.005 if gaps else float("nan")
for label in ["cold"] + ["warm"] * int(sys.argv[1]):
    took, stall = render_once()
    print(f"{label} {took:.4f} {stall:.4f}", flush=True)
renderer.close()
os._exit(0)
"""


def say(text: str) -> None:
    sys.stdout.write(text + "\n")


def start_up(runs: int) -> tuple[list[float], set[str], list[float]]:
    """The app's start-up times, the heavy modules it had imported, and a bare QWizard's times, interleaved."""
    times, heavy, bare = [], set(), []
    with tempfile.TemporaryDirectory() as folder:  # one untimed run of each: bytecode cached, files in the page cache
        _launch(STARTUP_CHILD, folder)
    _launch(BARE_CHILD)
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            out = _launch(STARTUP_CHILD, folder)
        times.append(float(out[0]))
        heavy |= set(out[1].split(",")) - {"-"}
        bare.append(float(_launch(BARE_CHILD)[0]))
    return times, heavy, bare


def _launch(child: str, *args: str) -> list[str]:
    started = time.time()
    return subprocess.run(  # noqa: S603 - this interpreter running one of the scripts above
        [sys.executable, "-c", child, repr(started), *args],
        capture_output=True,
        text=True,
        check=True,
        env=_offscreen(),
    ).stdout.split()


def stalls(runs: int) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    out = subprocess.run(  # noqa: S603 - this interpreter running the script above
        [sys.executable, "-c", STALL_CHILD, str(runs)], capture_output=True, text=True, check=True, env=_offscreen()
    ).stdout.splitlines()
    cold = [(float(t), float(s)) for label, t, s in (line.split() for line in out) if label == "cold"]
    warm = [(float(t), float(s)) for label, t, s in (line.split() for line in out) if label == "warm"]
    return cold, warm


def _offscreen() -> dict[str, str]:
    """The offscreen platform, and bytecode cached as on a user's machine (pip compiles it at install), even where
    this shell sets PYTHONDONTWRITEBYTECODE."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _row(name: str, values: list[float], target: str, limit: float | None, unit: str = "s") -> str:
    """A table row: n, median, min, max in `unit` (s, ms, or x for a ratio); median vs `limit` (None: no verdict)."""
    scale, digits = {"ms": (1000.0, 0), "x": (1.0, 3)}.get(unit, (1.0, 2))
    median = statistics.median(values)
    verdict = "-" if limit is None else "PASS" if median <= limit else "FAIL"
    shown = [v * scale for v in (median, min(values), max(values))]
    return (
        f"{name:<44} {len(values):>3} {shown[0]:>9.{digits}f} {unit:<2} "
        f"{shown[1]:>8.{digits}f} {shown[2]:>8.{digits}f}  {target:<34} {verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    say(f"Readiness UI benchmark: Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {args.runs} runs")
    startup, heavy, bare = start_up(args.runs)
    cold, warm = stalls(args.runs)
    say(f"{'measure':<44} {'n':>3} {'median':>12} {'min':>8} {'max':>8}  {'target':<34} result")
    say(_row("start to interactive window (ms)", startup, "<= 1000 ms (P5)", 1.0, "ms"))
    loaded = ", ".join(sorted(heavy)) or "none"
    say(f"  heavy modules imported by then (UI or background threads): {loaded}")
    say("  (weasyprint, alembic, jinja2 and the Qt namespace must not be)")
    say(_row("  bare PySide6 QWizard, same way (ms)", bare, "(reference for the ratio)", None, "ms"))
    ratio = statistics.median(startup) / statistics.median(bare)
    say(_row("  app / bare QWizard, ratio of medians", [ratio], "<= 1.5x (issue 13)", 1.5, "x"))
    say(
        _row("UI stall while rendering, cold (ms)", [s for _, s in cold], "<= 50 ms (PRODUCT); <= 100 (P3)", 0.05, "ms")
    )
    say(
        _row("UI stall while rendering, warm (ms)", [s for _, s in warm], "<= 50 ms (PRODUCT); <= 100 (P3)", 0.05, "ms")
    )
    say(_row("  click to PDF in the app, cold", [t for t, _ in cold], "<= 2 s (PRODUCT)", 2.0))
    say(_row("  click to PDF in the app, warm", [t for t, _ in warm], "<= 2 s (PRODUCT)", 2.0))


if __name__ == "__main__":
    main()
