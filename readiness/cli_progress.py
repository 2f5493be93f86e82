"""The command line's progress line: what a render is doing, on a terminal, once it has run for over a second.

One line on standard error, rewritten in place ("Laying out page 12…") and cleared when the render ends, so the
output a script reads (standard output, or standard error when it is not a terminal) stays as it was.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from readiness.core.lang import Lang
from readiness.report.progress import render_step

QUIET_SECONDS = 1.0
"""A render that ends sooner says nothing."""


class ProgressLine:
    def __init__(self, stream: TextIO, lang: Lang, clock: Callable[[], float] = time.monotonic) -> None:
        self._stream, self._lang, self._clock = stream, lang, clock
        self._started = clock()
        self._width = 0

    def __call__(self, message: str) -> None:
        step = render_step(message, self._lang)
        if step is None or self._clock() - self._started < QUIET_SECONDS:
            return
        text = step[1]
        self._stream.write("\r" + text.ljust(self._width))
        self._stream.flush()
        self._width = max(self._width, len(text))

    def finish(self) -> None:
        """Clear the line, if one was shown."""
        if self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._width = 0


def progress_line(stream: TextIO, lang: Lang) -> ProgressLine | None:
    """A progress line on ``stream`` when it is a terminal; none when a script or a file reads it."""
    return ProgressLine(stream, lang) if stream.isatty() else None
