"""Turn a parsed YAML document into a typed model, or into one line per problem."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from readiness.core.problems import FieldPath, Problem, ReadinessError
from readiness.core.safeyaml import YamlDocument

M = TypeVar("M", bound=BaseModel)

MAX_PROBLEMS_PER_FILE = 25

_MESSAGES = {
    "missing": "required field is missing",
    "extra_forbidden": "unknown field",
}


def validate_document(model: type[M], document: YamlDocument, name: str) -> M:
    if not isinstance(document.data, dict):
        found = type(document.data).__name__
        raise ReadinessError.single(name, f"expected a mapping at the top level, found {found}", 1)
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        raise ReadinessError(problems_from(error, document, name)) from None


def problems_from(error: ValidationError, document: YamlDocument, name: str) -> list[Problem]:
    found = [(data_path(document.data, d["loc"]), describe(d)) for d in error.errors()]
    # A container that fails only because an item inside it failed adds nothing the author can act on.
    paths = {path for path, _ in found}
    found = [(p, m) for p, m in found if not (m.endswith("after validation, not 0") and _has_child(p, paths))]
    return [Problem(name, m, document.lines.line_for(p), p) for p, m in found[:MAX_PROBLEMS_PER_FILE]]


def _has_child(path: FieldPath, paths: set[FieldPath]) -> bool:
    return any(len(other) > len(path) and other[: len(path)] == path for other in paths)


def data_path(data: Any, loc: tuple[int | str, ...]) -> FieldPath:
    """Keep the parts of a pydantic location that name real keys or indexes of the data.

    Pydantic inserts union branch and validator names into locations; those are
    not fields the author wrote, so they are dropped. A missing key is kept as
    the last part, because it names what the author has to add.
    """
    path: list[str | int] = []
    node = data
    for part in loc:
        child = _child(node, part)
        if child is not _ABSENT:
            node = child
            path.append(part)
        elif isinstance(node, dict) and isinstance(part, str) and _looks_like_field(part):
            path.append(part)
            break
    return tuple(path)


_ABSENT = object()


def _child(node: Any, part: int | str) -> Any:
    if isinstance(node, dict):
        return node.get(part, _ABSENT)
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return _ABSENT


def _looks_like_field(part: str) -> bool:
    return part.isidentifier() and not part[:1].isupper() and "[" not in part


def describe(detail: ErrorDetails) -> str:
    kind = detail["type"]
    if kind in _MESSAGES:
        return _MESSAGES[kind]
    message = str(detail["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    return message[:1].lower() + message[1:]
