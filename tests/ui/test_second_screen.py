"""Presenting with a second screen: the projector shows the wizard, the facilitator's screen the step overview."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CHILD = Path(__file__).with_name("two_screens_child.py")


def two_screens(folder: Path) -> Path:
    """An offscreen desk of two 1280×720 screens side by side: a laptop and a projector."""
    config = folder / "screens.json"
    screens = [
        {"name": name, "x": x, "y": 0, "width": 1280, "height": 720, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
        for name, x in (("laptop", 0), ("projector", 1280))
    ]
    config.write_text(json.dumps({"screens": screens}), encoding="utf-8")
    return config


def test_presenting_puts_the_overview_on_the_other_screen_and_it_steers_the_wizard(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={two_screens(tmp_path)}"}
    done = subprocess.run(
        [sys.executable, str(CHILD)], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["screens"] == 2
    assert seen["before"] is False, "no overview before presenting"
    assert seen["shown"] is True
    assert seen["overview_screen"] != seen["wizard_screen"]
    assert seen["moved_to"] != "overview", "a place picked on the facilitator's screen is shown to the room"
    assert seen["after"] is False, "the overview closes with the presentation"
