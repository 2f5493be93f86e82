"""Compiles the translation catalogs (locale/*/LC_MESSAGES/*.po) to .mo files inside the wheel.

A checkout compiles them in memory at first use instead (readiness.core.i18n); the wheel ships them ready.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogs(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        built = Path(tempfile.mkdtemp(prefix="readiness-mo-"))
        for po in sorted(Path(self.root, "locale").glob("*/LC_MESSAGES/*.po")):
            relative = po.relative_to(self.root).with_suffix(".mo")
            mo = built / relative
            mo.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as source, mo.open("wb") as target:
                write_mo(target, read_po(source, abort_invalid=True))
            build_data["force_include"][str(mo)] = f"readiness/_data/{relative.as_posix()}"
