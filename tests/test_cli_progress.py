"""The command line's progress line: quiet for a short render, one line rewritten in place for a long one, cleared
at the end, and never written where a script or a file reads standard error."""

from __future__ import annotations

import io

from readiness.cli_progress import QUIET_SECONDS, ProgressLine, progress_line
from readiness.core.lang import Lang


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_render_says_what_it_does_once_it_has_run_a_second_and_clears_the_line_at_the_end() -> None:
    stream, clock = io.StringIO(), Clock()
    line = ProgressLine(stream, Lang.ES, clock)
    line("Step 4 - Creating formatting structure")
    assert stream.getvalue() == "", "quiet in the first second"
    clock.now += QUIET_SECONDS
    line("Step 5 - Creating layout - Page 12")
    line("not a step of the render")
    line("Step 6 - Drawing")
    layout = "Maquetando la página 12…"
    assert stream.getvalue() == "\r" + layout + "\r" + "Escribiendo el PDF…".ljust(len(layout)), "the longer line wiped"
    line.finish()
    assert stream.getvalue().endswith("\r" + " " * len(layout) + "\r")


def test_no_line_where_a_file_or_a_script_reads_standard_error() -> None:
    assert progress_line(io.StringIO(), Lang.EN) is None
