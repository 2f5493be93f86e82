"""Models and dataclasses to plain data (dicts, lists, str, numbers, dates) for YAML and JSON."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from enum import Enum
from typing import Any

from pydantic import BaseModel


def plain(value: Any, *, dates_as_text: bool = False) -> Any:
    """Enums become their values, tuples lists, times HH:MM; dates stay dates unless asked otherwise."""
    if isinstance(value, BaseModel):
        return {k: plain(getattr(value, k), dates_as_text=dates_as_text) for k in type(value).model_fields}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name), dates_as_text=dates_as_text) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {plain(k): plain(v, dates_as_text=dates_as_text) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v, dates_as_text=dates_as_text) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.time):
        return value.isoformat(timespec="seconds" if value.second else "minutes")
    if dates_as_text and isinstance(value, dt.date):
        return value.isoformat()
    return value


def to_json(value: Any) -> str:
    return json.dumps(plain(value, dates_as_text=True), ensure_ascii=False, indent=2)
