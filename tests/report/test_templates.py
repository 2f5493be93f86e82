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

import pytest
from conftest import mini_assessment
from markupsafe import Markup
from report_support import FIXTURES

from readiness import __version__
from readiness.core.content import Content
from readiness.core.lang import Lang
from readiness.report.html import _environment, render_plan_html
from readiness.report.outputs import plan_in
from readiness.report.paper import Paper
from readiness.report.theme import load_theme

UPDATE_ENV = "READINESS_UPDATE_GOLDENS"
GENERATED = dt.date(2026, 11, 2)
GOLDENS = {(Lang.EN, Paper.A4): "mini.en-a4.html", (Lang.ES, Paper.LETTER): "mini.es-letter.html"}


# ------------------------------------------------------------------ golden HTML


def _html(content: Content, lang: Lang, paper: Paper) -> str:
    plan = plan_in(mini_assessment(), content, lang, issued=GENERATED)
    html = render_plan_html(plan, load_theme(), paper).html
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


def test_the_issue_date_is_printed_in_the_colophon(mini_content: Content) -> None:
    later = plan_in(mini_assessment(), mini_content, Lang.EN, issued=dt.date(2031, 5, 17))
    assert "May 17, 2031" in render_plan_html(later, load_theme(), Paper.A4).html
    plan = plan_in(mini_assessment(), mini_content, Lang.EN, issued=GENERATED)
    assert "May 17, 2031" not in render_plan_html(plan, load_theme(), Paper.A4).html


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
