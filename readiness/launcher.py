"""The ``readiness`` command: the desktop app with no arguments, the command line otherwise."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments:
        from readiness.ui.app import run

        return run([sys.argv[0]])
    from readiness.cli import main as cli_main

    return cli_main(arguments)
