"""The only way Readiness reads YAML: safe, small, plain, and with line numbers.

Rejects anchors and aliases (no billion-laughs), duplicate keys, any tag outside
the YAML core schema, files over 16 MB (an assessment with long notes fits), and nesting deeper than a content file
ever needs. Scalars follow YAML 1.2, so a country code ``NO`` or a choice id
``yes`` stays a string and ``18:00`` is not the integer 1080.

Parsing runs in libyaml when PyYAML has it. The checks run on the event stream
before any node is built, so hostile input is refused before it costs anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from readiness.core.files import read_bounded
from readiness.core.problems import FieldPath, ReadinessError

MAX_BYTES = 16 * 1024**2
MAX_DEPTH = 40

_CORE = "tag:yaml.org,2002:"
_PLAIN_TAGS = frozenset(_CORE + name for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq"))
_CORE_SCALARS = (
    ("bool", r"true|True|TRUE|false|False|FALSE", "tTfF"),
    ("int", r"[-+]?[0-9][0-9_]*", "-+0123456789"),
    (
        "float",
        r"[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)",
        "-+.0123456789",
    ),
)
_BASE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _core_schema_resolvers() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """PyYAML's implicit resolvers with booleans and numbers replaced by YAML 1.2's core schema."""
    replaced = {_CORE + name for name, _, _ in _CORE_SCALARS}
    resolvers = {
        first: [(tag, regexp) for tag, regexp in entries if tag not in replaced]
        for first, entries in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    for name, pattern, firsts in reversed(_CORE_SCALARS):
        for first in firsts:
            resolvers.setdefault(first, []).insert(0, (_CORE + name, re.compile(f"^(?:{pattern})$")))
    return resolvers


class _CoreSchemaLoader(_BASE_LOADER):  # type: ignore[valid-type,misc]
    yaml_implicit_resolvers = _core_schema_resolvers()


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
    return load_yaml_bytes(read_bounded(path, MAX_BYTES), str(path))


def load_yaml_bytes(raw: bytes, name: str) -> YamlDocument:
    if len(raw) > MAX_BYTES:
        raise ReadinessError.single(name, f"content is larger than {MAX_BYTES // 1024**2} MB ({len(raw):,} bytes)")
    if b"\x00" in raw:
        raise ReadinessError.single(name, "not a text file (it contains NUL bytes)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReadinessError.single(name, f"not UTF-8 text (invalid byte at offset {error.start})") from None
    if not text.strip():
        raise ReadinessError.single(name, "file is empty")
    try:
        return _parse(text, name)
    except _Rejected as error:
        raise ReadinessError.single(name, str(error), error.line) from None
    except yaml.MarkedYAMLError as error:
        raise ReadinessError.single(name, _describe(error), _line_of(error)) from None
    except yaml.YAMLError as error:
        raise ReadinessError.single(name, f"not valid YAML: {error}") from None


def _parse(text: str, name: str) -> YamlDocument:
    _check_events(text)
    loader = _CoreSchemaLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise ReadinessError.single(name, "file is empty")
        lines = LineMap()
        _walk(node, (), lines.lines)
        return YamlDocument(loader.construct_document(node), lines)
    finally:
        loader.dispose()


def _check_events(text: str) -> None:
    """Refuse anchors, aliases, explicit tags outside the core schema and deep nesting, from the events alone."""
    depth = 0
    for event in yaml.parse(text, Loader=_BASE_LOADER):
        line = event.start_mark.line + 1 if event.start_mark else 0
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _Rejected("anchors and aliases are not allowed", line)
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!" and tag not in _PLAIN_TAGS:
            raise _Rejected(f"tag not allowed ({tag})", line)
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _Rejected(f"nesting deeper than {MAX_DEPTH} levels", line)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _describe(error: yaml.MarkedYAMLError) -> str:
    return f"YAML syntax error: {error.problem or 'not valid YAML'}"


def _line_of(error: yaml.MarkedYAMLError) -> int | None:
    mark = error.problem_mark or error.context_mark
    return mark.line + 1 if mark is not None else None


def _walk(node: Node, path: FieldPath, lines: dict[FieldPath, int]) -> None:
    """Record where each value starts; refuse non-core types, duplicate or complex keys and impossible dates."""
    lines[path] = node.start_mark.line + 1
    if node.tag not in _PLAIN_TAGS:  # e.g. a '<<' merge key or a '=' value key
        raise _Rejected(f"{node.value!r} is not allowed here ({node.tag})", node.start_mark.line + 1)
    if node.tag == _CORE + "timestamp":
        _check_timestamp(node)
    if isinstance(node, MappingNode):
        seen: set[tuple[str, str]] = set()
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, ScalarNode):
                raise _Rejected("mapping keys must be plain scalars", line)
            if key_node.tag not in _PLAIN_TAGS:
                raise _Rejected(f"{key_node.value!r} is not allowed as a key ({key_node.tag})", line)
            key = (key_node.tag, key_node.value)
            if key in seen:
                raise _Rejected(f"duplicate key {key_node.value!r}", line)
            seen.add(key)
            key_path = (*path, key_node.value)
            _walk(value_node, key_path, lines)
            lines[key_path] = line
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), lines)


def _check_timestamp(node: Node) -> None:
    try:
        yaml.SafeLoader.construct_yaml_timestamp(_TIMESTAMP_CHECKER, node)  # type: ignore[arg-type]
    except ValueError as error:
        raise _Rejected(f"invalid date {node.value!r}: {error}", node.start_mark.line + 1) from None


_TIMESTAMP_CHECKER = yaml.SafeLoader("")


def dump_yaml(data: Any) -> str:
    """Write plain data as block-style YAML that this module reads back unchanged."""
    return yaml.dump(data, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True, width=100)


class _PlainDumper(yaml.SafeDumper):
    """SafeDumper that never writes anchors, and quotes strings our loader would read as something else."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


_YAML_BREAKS = frozenset("\x85\u2028\u2029\r")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    printable = all(line.isprintable() for line in value.split("\n")) and not _YAML_BREAKS & set(value)
    if not printable:
        style: str | None = '"'  # escapes control characters and Unicode line breaks
    elif "\n" in value:
        style = "|"
    elif _would_read_as_other_type(value):
        style = "'"
    else:
        style = None
    return dumper.represent_scalar(_CORE + "str", value, style=style)


def _would_read_as_other_type(value: str) -> bool:
    resolvers = _CoreSchemaLoader.yaml_implicit_resolvers.get(value[:1], [])
    return any(regexp.match(value) for _, regexp in resolvers)


_PlainDumper.add_representer(str, _represent_str)
