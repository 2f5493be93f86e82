"""The safe YAML loader: hostile and malformed input gives one clear line, never a crash."""

from __future__ import annotations

import datetime as dt

import pytest

from readiness.core.problems import ReadinessError
from readiness.core.safeyaml import MAX_BYTES, dump_yaml, load_yaml_bytes, load_yaml_file


def problem(raw: bytes) -> str:
    with pytest.raises(ReadinessError) as caught:
        load_yaml_bytes(raw, "bad.yaml")
    assert len(caught.value.problems) == 1
    return str(caught.value.problems[0])


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"a: &x [1]\nb: *x\n", "bad.yaml:1: anchors and aliases are not allowed"),
        (b"a: 1\nb: 2\na: 3\n", "bad.yaml:3: duplicate key 'a'"),
        (b"a: !!python/object/apply:os.system [echo hi]\n", "bad.yaml:1: tag not allowed"),
        (b"x: 1\ny: !!python/name:os.system\n", "bad.yaml:2: tag not allowed"),
        (b"a: !custom 1\n", "bad.yaml:1: tag not allowed (!custom)"),
        (b"a: !!binary aGVsbG8=\n", "bad.yaml:1: tag not allowed"),
        (b"a: [1, 2\nb: 3\n", "bad.yaml:2: YAML syntax error"),
        (b"a: 1\n  b: 2\n", "bad.yaml:2: YAML syntax error"),
        (b"", "bad.yaml: file is empty"),
        (b"   \n# only a comment\n", "bad.yaml: file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "bad.yaml: not a text file"),
        (b"a: \xff\xfe\n", "bad.yaml: not UTF-8 text"),
        (b"[" * 200 + b"]" * 200, "bad.yaml:1: nesting deeper than 40 levels"),
        (b"d: 2026-02-30\n", "bad.yaml:1: invalid date '2026-02-30'"),
        (b"? [1, 2]\n: x\n", "bad.yaml:1: mapping keys must be plain scalars"),
        (b"a: 1\n<<: {b: 2}\n", "bad.yaml:2: '<<' is not allowed as a key"),
        (b"a: !!str 1\nb: !!map {c: 1}\n", None),
    ],
)
def test_malformed_input_is_one_clear_line(raw: bytes, expected: str | None) -> None:
    if expected is None:  # explicit core-schema tags are fine
        load_yaml_bytes(raw, "good.yaml")
    else:
        assert problem(raw).startswith(expected)


def test_billion_laughs_is_refused_at_the_first_anchor() -> None:
    bomb = b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    bomb += b"".join(
        f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n".encode()
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    assert problem(bomb) == "bad.yaml:1: anchors and aliases are not allowed"


def test_oversized_file_is_refused_having_read_no_more_than_the_cap(tmp_path: pytest.TempPathFactory) -> None:
    path = tmp_path / "big.yaml"  # type: ignore[operator]
    path.write_bytes(b"a: " + b"x" * (MAX_BYTES + 1))
    with pytest.raises(ReadinessError, match="larger than 16 MB"):
        load_yaml_file(path)


def test_unreadable_path_is_reported(tmp_path: pytest.TempPathFactory) -> None:
    with pytest.raises(ReadinessError, match="cannot read file"):
        load_yaml_file(tmp_path / "missing.yaml")  # type: ignore[operator]


def test_yaml_1_1_surprises_stay_strings() -> None:
    data = load_yaml_bytes(b"country: NO\nanswer: yes\nother: off\nat: 18:00\nhex: 0x1f\n", "x").data
    assert data == {"country": "NO", "answer": "yes", "other": "off", "at": "18:00", "hex": "0x1f"}


def test_core_scalars_are_typed() -> None:
    data = load_yaml_bytes(b"a: true\nb: 12\nc: 1.5\nd: 2026-11-24\ne: null\nf: -3\n", "x").data
    assert data == {"a": True, "b": 12, "c": 1.5, "d": dt.date(2026, 11, 24), "e": None, "f": -3}


def test_line_map_points_at_nested_fields() -> None:
    document = load_yaml_bytes(b"top:\n  items:\n    - id: a\n    - id: b\n      extra: 1\n", "x")
    assert document.lines.line_for(("top", "items", 1, "extra")) == 5
    assert document.lines.line_for(("top", "items", 1, "missing")) == 4


def test_dump_then_load_keeps_strings_that_look_like_other_types() -> None:
    data = {
        "a": "yes",
        "b": "18:00",
        "c": "2026-01-01",
        "d": "null",
        "e": "multi\nline",
        "f": "\x07bell",
        "g": "1e3",
        "h": "010",
        "i": "~",
        "j": ".inf",
    }
    assert load_yaml_bytes(dump_yaml(data).encode(), "x").data == data
