"""Write a file so that readers see the old content or the new, never half of it."""

from __future__ import annotations

import os
from pathlib import Path

from readiness.core.problems import ReadinessError


def write_text_atomically(path: Path, text: str) -> None:
    write_bytes_atomically(path, text.encode("utf-8"))


def write_bytes_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        with temporary.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise ReadinessError.single(path, f"cannot write file: {error.strerror or error}") from None
