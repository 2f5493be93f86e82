"""``python -m readiness``: the same as the ``readiness`` command."""

from readiness.cli import main

raise SystemExit(main())
