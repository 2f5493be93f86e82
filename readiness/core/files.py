"""The one way Readiness reads a file the user names: a regular file only, and never more than a cap.

A device, a pipe or a folder (or a link to one) is refused before anything is read: ``st_size`` is 0 for
``/dev/zero``, so a size check alone would read forever. The cap is enforced on the bytes actually read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from readiness.core.problems import ReadinessError


def read_bounded(path: Path, cap: int) -> bytes:
    """The bytes of the regular file at ``path`` (links followed), or one ReadinessError naming it."""
    with open_regular(path) as stream:
        try:
            data = stream.read(cap + 1)
        except OSError as error:
            raise ReadinessError.single(path, f"cannot read file: {error.strerror or error}") from None
    if len(data) > cap:
        raise ReadinessError.single(path, f"file is larger than {_size(cap)}")
    return data


def open_regular(path: Path) -> BinaryIO:
    """The regular file at ``path`` (links followed) open for reading in binary, for a reader that streams it and
    bounds what it reads itself; or one ReadinessError naming it, with nothing read."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise ReadinessError.single(path, f"cannot read file: {error.strerror or error}") from None
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise ReadinessError.single(path, "not a regular file (a device, a pipe or a folder): nothing was read")
    return os.fdopen(descriptor, "rb")


def is_inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, with every link followed, lies inside ``folder`` (links followed too)."""
    try:
        path.resolve(strict=True).relative_to(folder.resolve(strict=True))
    except (OSError, ValueError, RuntimeError):
        return False
    return True


def _size(cap: int) -> str:
    return f"{cap // 1024**2} MB" if cap >= 1024**2 else f"{cap:,} bytes"
