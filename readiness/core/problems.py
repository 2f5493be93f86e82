"""Problems found in user files, each reported as one line: ``file:LINE: field: what``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

FieldPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    file: str
    message: str
    line: int | None = None
    field: FieldPath = ()

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        field = format_field(self.field)
        return f"{where}: {field}: {self.message}" if field else f"{where}: {self.message}"


def format_field(path: FieldPath) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


class ReadinessError(Exception):
    """An error the user can act on: one or more problems with their input."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = tuple(problems)

    @classmethod
    def single(cls, file: str | Path, message: str, line: int | None = None, field: FieldPath = ()) -> ReadinessError:
        return cls([Problem(str(file), message, line, field)])

    @classmethod
    def merge(cls, errors: Iterable[ReadinessError]) -> ReadinessError:
        return cls([p for e in errors for p in e.problems])
