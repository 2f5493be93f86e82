"""The core (and the command line) run with the heavy layers absent."""

from __future__ import annotations

import subprocess
import sys
import textwrap

BLOCKED = ("PySide6", "sqlmodel", "sqlalchemy", "alembic", "jinja2", "weasyprint")

PROBE = textwrap.dedent(
    f"""
    import importlib, pkgutil, sys

    class Block:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in {BLOCKED!r}:
                raise ImportError(f"blocked for this test: {{name}}")
            return None

    sys.meta_path.insert(0, Block())
    import readiness.core
    for module in pkgutil.walk_packages(readiness.core.__path__, "readiness.core."):
        importlib.import_module(module.name)
    import readiness.cli
    raise SystemExit(readiness.cli.main(["validate"]))
    """
)


def test_core_and_cli_import_and_run_without_qt_sql_templates_or_pdf() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("content OK")
