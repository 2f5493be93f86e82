"""The plan's HTML, before any PDF: golden files, the labels the templates use, and autoescaping.

Golden files: tests/fixtures/report/mini.en-a4.html and mini.es-letter.html hold the HTML of the mini
assessment (tests/conftest.py) with the mini content, generated on a fixed date, with the Readiness version
replaced by ``{VERSION}``. After an intended change to the templates, labels or plan model, rewrite them with

    READINESS_UPDATE_GOLDENS=1 python -m pytest tests/report/test_templates.py

and review the diff of the golden files before committing them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import typing
from pathlib import Path

import pytest
from conftest import mini_assessment
from markupsafe import Markup
from report_support import FIXTURES

from readiness import __version__
from readiness.core.assessment import ActionStatus, ChannelChoice
from readiness.core.catalog import Direction
from readiness.core.content import Content
from readiness.core.plan.model import TaskKind
from readiness.core.questionnaire import ScoringMethod
from readiness.core.text import Lang, Step
from readiness.report.html import Paper, _environment, render_plan_html
from readiness.report.labels import label_forms, label_keys
from readiness.report.outputs import plan_in
from readiness.report.tasklist import COLUMNS
from readiness.report.theme import load_theme
from readiness.resources import Folder, folder

UPDATE_ENV = "READINESS_UPDATE_GOLDENS"
GENERATED = dt.date(2026, 11, 2)
GOLDENS = {(Lang.EN, Paper.A4): "mini.en-a4.html", (Lang.ES, Paper.LETTER): "mini.es-letter.html"}

SAME_IN_BOTH = {"readiness.na": "N/A", "team.bot": "Bot", "csv.id": "ID"}
"""Labels that are rightly the same word in English and Spanish."""

DYNAMIC_VALUES: dict[str, tuple[str, ...]] = {
    "status.": tuple(ActionStatus),
    "channels.role_": typing.get_args(ChannelChoice.model_fields["role"].annotation),
    "kpis.direction_": tuple(Direction),
    "appendix.method_": tuple(ScoringMethod),
    "step.": tuple(Step),
    "kind.": tuple(TaskKind),
    "csv.": COLUMNS,
}
"""Every value a key built as ``prefix ~ value`` can take, from the enums that produce the values."""


# ------------------------------------------------------------------ golden HTML


def _html(content: Content, lang: Lang, paper: Paper) -> str:
    plan = plan_in(mini_assessment(), content, lang)
    html = render_plan_html(plan, load_theme(), paper, generated=GENERATED).html
    return html.replace(f"Readiness {__version__}", "Readiness {VERSION}")


@pytest.mark.parametrize(("lang", "paper"), list(GOLDENS), ids=lambda v: str(v))
def test_the_html_matches_its_golden_file(mini_content: Content, lang: Lang, paper: Paper) -> None:
    html = _html(mini_content, lang, paper)
    golden = FIXTURES / GOLDENS[lang, paper]
    if os.environ.get(UPDATE_ENV) == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(html, encoding="utf-8", newline="\n")
        pytest.skip(f"rewrote {golden}")
    assert golden.is_file(), f"no golden file {golden}: run with {UPDATE_ENV}=1 to write it"
    expected = golden.read_text(encoding="utf-8")
    if html != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), html.splitlines(), str(golden), "rendered now", n=1, lineterm=""
        )
        pytest.fail(
            f"the HTML differs from {golden.name} (rewrite with {UPDATE_ENV}=1):\n" + "\n".join(list(diff)[:80])
        )


def test_the_html_is_reproducible(mini_content: Content) -> None:
    """Same plan, same date: same bytes (the golden test relies on it)."""
    assert _html(mini_content, Lang.EN, Paper.A4) == _html(mini_content, Lang.EN, Paper.A4)


def test_the_generation_date_is_printed_in_the_colophon(mini_content: Content) -> None:
    plan = plan_in(mini_assessment(), mini_content, Lang.EN)
    html = render_plan_html(plan, load_theme(), Paper.A4, generated=dt.date(2031, 5, 17)).html
    assert "May 17, 2031" in html
    assert "May 17, 2031" not in render_plan_html(plan, load_theme(), Paper.A4, generated=GENERATED).html


# ------------------------------------------------------------------ labels


def _sources() -> tuple[str, str]:
    templates = "\n".join(
        p.read_text(encoding="utf-8") for p in sorted(folder(Folder.REPORT_TEMPLATES).rglob("*.html"))
    )
    code_folder = Path(__file__).resolve().parents[2] / "readiness" / "report"
    code = "\n".join(p.read_text(encoding="utf-8") for p in sorted(code_folder.glob("*.py")))
    return templates, code


def used_label_keys() -> set[str]:
    """Every label key the templates and the report code can ask for, with dynamic keys expanded."""
    templates, code = _sources()
    static = set(re.findall(r"\bt\(\s*'([a-z0-9_.]+)'\s*[,)]", templates))
    static |= set(re.findall(r"\bt\(\s*[\"']([a-z0-9_.]+)[\"']\s*[,)]", code))
    static |= set(re.findall(r"Labels\([^()]*(?:\([^()]*\))?[^()]*\)\(\s*[\"']([a-z0-9_.]+)[\"']", code))
    prefixes = set(re.findall(r"\bt\(\s*'([a-z0-9_.]+)'\s*~", templates))
    prefixes |= set(re.findall(r"\bt\(\s*f\"([a-z0-9_.]+)\{", code))
    unknown = prefixes - set(DYNAMIC_VALUES)
    assert not unknown, f"label keys built from {unknown}: add their possible values to DYNAMIC_VALUES"
    dynamic = {prefix + str(value) for prefix in prefixes for value in DYNAMIC_VALUES[prefix]}
    suffixes = set(re.findall(r"\bt\(\s*\w+\s*~\s*'([a-z0-9_.]+)'\s*\)", templates))
    sections = set(re.findall(r"section_heading\(\d+,\s*'(\w+)'\)", templates))
    assert suffixes == {".title", ".lead"} and len(sections) == 11
    return static | dynamic | {section + suffix for section in sections for suffix in suffixes}


def test_every_label_used_exists() -> None:
    missing = used_label_keys() - label_keys()
    assert not missing, f"used but not in labels.yaml: {sorted(missing)}"


def test_every_label_is_used() -> None:
    unused = label_keys() - used_label_keys()
    assert not unused, f"in labels.yaml but never used: {sorted(unused)}"


def test_the_key_finder_finds_each_kind_of_use() -> None:
    """used_label_keys must see static keys, dynamic prefixes, section headings and the Python uses."""
    used = used_label_keys()
    for key in ("cover.kicker", "status.dropped", "channels.role_secondary", "kpis.title", "kpis.lead"):
        assert key in used, key
    for key in ("csv.late_start", "kind.compliance", "ics.calendar", "meta.description", "cover.title_for"):
        assert key in used, key


def test_every_label_is_translated() -> None:
    same = {
        key: label_forms(key, Lang.EN)[-1]
        for key in label_keys()
        if label_forms(key, Lang.EN) == label_forms(key, Lang.ES)
    }
    assert same == SAME_IN_BOTH


def test_labels_take_the_same_parameters_in_both_languages() -> None:
    seen: set[str] = set()
    for key in label_keys():
        english, spanish = label_forms(key, Lang.EN), label_forms(key, Lang.ES)
        assert len(english) == len(spanish), key
        for en, es in zip(english, spanish, strict=True):
            params = set(re.findall(r"\{(\w+)\}", en))
            assert params == set(re.findall(r"\{(\w+)\}", es)), key
            seen |= params
        if len(english) == 2:
            assert english[0] != english[1] and spanish[0] != spanish[1], key
    assert {"organisation", "count", "version", "date"} <= seen


# ------------------------------------------------------------------ escaping


def test_the_environment_autoescapes_and_cleans_every_value() -> None:
    environment = _environment()
    assert environment.autoescape is True
    template = environment.from_string('<p title="{{ x }}">{{ x }}</p>{{ trusted }}|{{ n }}')
    out = template.render(x="<a href='j'>&\"\x00\u202e</a>", trusted=Markup("<b>ok</b>"), n=49)
    assert out == (
        '<p title="&lt;a href=&#39;j&#39;&gt;&amp;&#34;&lt;/a&gt;">'
        "&lt;a href=&#39;j&#39;&gt;&amp;&#34;&lt;/a&gt;</p><b>ok</b>|49"
    )


def test_user_text_is_never_evaluated_as_a_template() -> None:
    out = _environment().from_string("{{ x }}").render(x="{{ 7*7 }}{% raw %}")
    assert out == "{{ 7*7 }}{% raw %}"
