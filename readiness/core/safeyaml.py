"""The only way Readiness reads YAML: safe, small, plain, and with line numbers.

Rejects anchors and aliases (no billion-laughs), duplicate keys, any tag outside
the YAML core schema, files over 1 MB, and nesting deeper than a content file
ever needs. Booleans follow YAML 1.2 (only true/false), so that a country code
``NO`` or a choice id ``yes`` stays a string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from readiness.core.problems import FieldPath, ReadinessError

MAX_BYTES = 1_000_000
MAX_DEPTH = 40

_BOOL_TAG = "tag:yaml.org,2002:bool"


_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_CORE_SCHEMA = (
    (_BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF"),
    (_INT_TAG, re.compile(r"^[-+]?[0-9][0-9_]*$"), "-+0123456789"),
    (
        _FLOAT_TAG,
        re.compile(
            r"^(?:[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
        ),
        "-+.0123456789",
    ),
)


def _core_schema_resolvers() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """PyYAML's resolvers with booleans and numbers replaced by YAML 1.2's core schema.

    YAML 1.1 reads ``no``/``on`` as booleans and ``18:00`` as the integer 1080.
    """
    replaced = {tag for tag, _, _ in _CORE_SCHEMA}
    resolvers = {
        first: [(tag, regexp) for tag, regexp in entries if tag not in replaced]
        for first, entries in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    for tag, regexp, firsts in reversed(_CORE_SCHEMA):
        for first in firsts:
            resolvers.setdefault(first, []).insert(0, (tag, regexp))
    return resolvers


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader minus aliases, duplicate keys, YAML 1.1 scalars and deep nesting."""

    yaml_implicit_resolvers = _core_schema_resolvers()

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _Rejected("anchors and aliases are not allowed", event.start_mark.line + 1)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Rejected(f"nesting deeper than {MAX_DEPTH} levels", event.start_mark.line + 1)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str | int | float | bool):
                raise _Rejected("mapping keys must be plain scalars", key_node.start_mark.line + 1)
            if key in seen:
                raise _Rejected(f"duplicate key {key!r}", key_node.start_mark.line + 1)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


class _Rejected(Exception):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class LineMap:
    """Where each value of a YAML document starts, by its field path."""

    lines: dict[FieldPath, int] = field(default_factory=dict)

    def line_for(self, path: FieldPath) -> int | None:
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None


@dataclass
class YamlDocument:
    data: Any
    lines: LineMap


def load_yaml_file(path: Path) -> YamlDocument:
    """Read one YAML file safely, or raise a ReadinessError naming file and line."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ReadinessError.single(path, f"file is larger than 1 MB ({size:,} bytes)")
        raw = path.read_bytes()
    except OSError as error:
        raise ReadinessError.single(path, f"cannot read file: {error.strerror or error}") from None
    return load_yaml_bytes(raw, str(path))


def load_yaml_bytes(raw: bytes, name: str) -> YamlDocument:
    if len(raw) > MAX_BYTES:
        raise ReadinessError.single(name, f"content is larger than 1 MB ({len(raw):,} bytes)")
    if b"\x00" in raw:
        raise ReadinessError.single(name, "not a text file (it contains NUL bytes)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReadinessError.single(name, f"not UTF-8 text (invalid byte at offset {error.start})") from None
    if not text.strip():
        raise ReadinessError.single(name, "file is empty")
    return _parse(text, name)


def _parse(text: str, name: str) -> YamlDocument:
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise ReadinessError.single(name, "file is empty")
        lines = LineMap()
        _walk(node, (), lines.lines)
        data = loader.construct_document(node)
    except _Rejected as error:
        raise ReadinessError.single(name, str(error), error.line) from None
    except yaml.MarkedYAMLError as error:
        raise ReadinessError.single(name, _describe(error), _line_of(error)) from None
    except yaml.YAMLError as error:
        raise ReadinessError.single(name, f"not valid YAML: {error}") from None
    finally:
        loader.dispose()
    return YamlDocument(data, lines)


def _describe(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or "not valid YAML"
    if isinstance(error, yaml.constructor.ConstructorError) and "tag" in problem:
        return f"tag not allowed ({problem.split('tag', 1)[1].strip()})"
    return f"YAML syntax error: {problem}"


def _line_of(error: yaml.MarkedYAMLError) -> int | None:
    mark = error.problem_mark or error.context_mark
    return mark.line + 1 if mark is not None else None


_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)


_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


def _check_timestamp(node: Node) -> None:
    try:
        yaml.SafeLoader.construct_yaml_timestamp(_TIMESTAMP_CHECKER, node)  # type: ignore[arg-type]
    except ValueError as error:
        raise _Rejected(f"invalid date {node.value!r}: {error}", node.start_mark.line + 1) from None


_TIMESTAMP_CHECKER = yaml.SafeLoader("")


def _walk(node: Node, path: FieldPath, lines: dict[FieldPath, int]) -> None:
    """Record where each value starts, and refuse tags outside the core schema."""
    if node.tag not in _PLAIN_TAGS:
        raise _Rejected(f"tag not allowed ({node.tag})", node.start_mark.line + 1)
    lines[path] = node.start_mark.line + 1
    if node.tag == _TIMESTAMP_TAG:
        _check_timestamp(node)
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode):
                key_path = (*path, key_node.value)
                _walk(value_node, key_path, lines)
                lines[key_path] = key_node.start_mark.line + 1
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), lines)


def dump_yaml(data: Any) -> str:
    """Write plain data as block-style YAML, keeping key order and Unicode."""
    return yaml.dump(data, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True, width=100)


class _PlainDumper(yaml.SafeDumper):
    """SafeDumper that never writes anchors, and quotes strings a YAML 1.1 reader would misread."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    plain_lines = all(line.isprintable() for line in value.split("\n")) and not _YAML_BREAKS & set(value)
    if not plain_lines:
        style: str | None = '"'  # escapes control characters and Unicode line breaks
    elif "\n" in value:
        style = "|"
    elif _would_read_as_other_type(value):
        style = "'"
    else:
        style = None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_YAML_BREAKS = frozenset("\x85\u2028\u2029\r")


def _would_read_as_other_type(value: str) -> bool:
    """True when our own loader would not read this plain scalar back as a string."""
    resolvers = _StrictLoader.yaml_implicit_resolvers.get(value[:1], [])
    return any(regexp.match(value) for _, regexp in resolvers)


_PlainDumper.add_representer(str, _represent_str)
