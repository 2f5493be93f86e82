"""Write a file so that readers see the old content or the new, never half of it."""

from __future__ import annotations

import os
from pathlib import Path

from readiness.core.problems import ReadinessError


def write_text_atomically(path: Path, text: str) -> None:
    write_bytes_atomically(path, text.encode("utf-8"))


def check_writable(path: Path) -> None:
    """Refuse, before any work is spent on it, a file that could not be written: a missing or read-only folder, a
    folder or a device where the file should be. The probe is the temporary file the write itself will use."""
    if path.exists() and not path.is_file():
        raise ReadinessError.single(path, "cannot write file: something other than a file is there")
    temporary = _temporary(path)
    try:
        temporary.open("wb").close()
    except OSError as error:
        raise ReadinessError.single(path, f"cannot write file: {error.strerror or error}") from None
    temporary.unlink(missing_ok=True)


def _temporary(path: Path) -> Path:
    return path.with_name(f".{path.name}.tmp")


def write_bytes_atomically(path: Path, data: bytes) -> None:
    temporary = _temporary(path)
    try:
        with temporary.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise ReadinessError.single(path, f"cannot write file: {error.strerror or error}") from None
