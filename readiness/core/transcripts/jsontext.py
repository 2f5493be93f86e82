"""What the transcript readers share: JSON exports read whole but bounded, text exports streamed line by line, and
UTC instants turned into local wall-clock times.

Every failure is one ReadinessError naming the file (and the line or the JSON field where known): the readers never
let a UnicodeDecodeError, a KeyError or a TypeError escape.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO
from zoneinfo import ZoneInfo

from readiness.core.files import open_regular, read_bounded
from readiness.core.problems import FieldPath, ReadinessError

MAX_LINE_BYTES = 1024**2
"""The longest line a streamed text export may have: far above any chat message, low enough to bound memory."""

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def load_json(path: Path, cap: int) -> Any:
    """The JSON document in the file at ``path`` (at most ``cap`` bytes, UTF-8 with or without a BOM)."""
    raw = read_bounded(path, cap)
    text = _decode_whole(raw, path)
    if not text.strip():
        raise ReadinessError.single(path, "file is empty")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ReadinessError.single(path, f"not valid JSON: {error.msg}", line=error.lineno) from None
    except RecursionError:
        raise ReadinessError.single(path, "not valid JSON: nested too deeply") from None
    except ValueError as error:  # an integer of more digits than Python converts
        raise ReadinessError.single(path, f"not valid JSON: {error}") from None


def text_lines(path: Path, cap: int) -> Iterator[str]:
    """The lines of the UTF-8 text file at ``path``, each with its line ending, decoded one at a time.

    A leading BOM is dropped. Nothing beyond ``cap`` bytes in all, nor a line over MAX_LINE_BYTES, is read: either
    is one ReadinessError, as is a line that is not UTF-8 (with its number).
    """
    with open_regular(path) as stream:
        total = 0
        number = 0
        while raw := _read_line(stream, path):
            number += 1
            total += len(raw)
            if total > cap:
                raise ReadinessError.single(path, f"file is larger than {cap // 1024**2} MB", line=number)
            if len(raw) > MAX_LINE_BYTES:
                raise ReadinessError.single(path, f"line is longer than {MAX_LINE_BYTES // 1024**2} MB", line=number)
            yield _decode_line(raw, path, number)


def local_time(epoch_ms: int, zone: ZoneInfo, path: Path, field: FieldPath) -> dt.datetime:
    """The naive wall-clock time in ``zone`` of an instant given in milliseconds since 1970-01-01 UTC."""
    try:
        return (_EPOCH + dt.timedelta(milliseconds=epoch_ms)).astimezone(zone).replace(tzinfo=None)
    except (OverflowError, ValueError):
        raise shape_error(path, field, f"instant out of range ({epoch_ms})") from None


def shape_error(path: Path, field: FieldPath, what: str) -> ReadinessError:
    return ReadinessError.single(path, what, field=field)


def as_object(value: Any, path: Path, field: FieldPath) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise shape_error(path, field, f"expected an object, found {_json_type(value)}")
    return value


def as_list(value: Any, path: Path, field: FieldPath) -> list[Any]:
    if not isinstance(value, list):
        raise shape_error(path, field, f"expected a list, found {_json_type(value)}")
    return value


def as_text(value: Any, path: Path, field: FieldPath) -> str:
    if not isinstance(value, str):
        raise shape_error(path, field, f"expected text, found {_json_type(value)}")
    return value


def as_whole_number(value: Any, path: Path, field: FieldPath) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise shape_error(path, field, f"expected a whole number, found {_json_type(value)}")
    return value


def required(obj: dict[str, Any], key: str, path: Path, field: FieldPath) -> Any:
    """``obj[key]``, or a ReadinessError naming the missing field (``field`` is the object's own path)."""
    if key not in obj:
        raise shape_error(path, field, f'"{key}" is missing')
    return obj[key]


def required_text(obj: dict[str, Any], key: str, path: Path, field: FieldPath) -> str:
    return as_text(required(obj, key, path, field), path, (*field, key))


def required_number(obj: dict[str, Any], key: str, path: Path, field: FieldPath) -> int:
    return as_whole_number(required(obj, key, path, field), path, (*field, key))


def _read_line(stream: BinaryIO, path: Path) -> bytes:
    try:
        return stream.readline(MAX_LINE_BYTES + 1)
    except OSError as error:
        raise ReadinessError.single(path, f"cannot read file: {error.strerror or error}") from None


def _decode_whole(raw: bytes, path: Path) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise ReadinessError.single(path, f"not UTF-8 text (invalid byte 0x{raw[error.start]:02x})", line) from None


def _decode_line(raw: bytes, path: Path, number: int) -> str:
    try:
        return raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as error:
        raise ReadinessError.single(path, f"not UTF-8 text (invalid byte 0x{raw[error.start]:02x})", number) from None


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    return "a list" if isinstance(value, list) else "an object"
