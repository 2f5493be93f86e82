"""``python -m readiness``: the same as the ``readiness`` command."""

from readiness.launcher import main

raise SystemExit(main())
