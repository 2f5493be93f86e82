"""On a desktop that has an emoji font and a CJK font, the plan's text still prints in the bundled family.

Stock Debian and Ubuntu desktops install Noto Color Emoji, and fontconfig's standard rules make it an emoji
family. A font stack that named it once sent every digit of the plan to the emoji font ("4 6 . 7 / 1 0 0").
Here the render child runs under a fontconfig configuration like such a desktop's (tests/fontenv.py): digits,
Latin letters and punctuation must come from the bundled family, and only what it lacks from the others.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fontenv import desktop_fonts
from report_support import pdf_reader, render, sample, shipped_content

from readiness.core.assessment import Assessment
from readiness.core.lang import Lang
from readiness.core.plan.builder import build_plan
from readiness.report.html import render_plan_html
from readiness.report.job import RenderJob
from readiness.report.paper import Paper
from readiness.report.theme import load_theme
from readiness.report.worker import RenderWorker

BUNDLED = "Readiness-Sans"
EMOJI, CJK = "😀", "日本語"
PLAIN = re.compile(r"[0-9A-Za-z.,:;/%()–—-]")


@pytest.fixture(scope="module")
def desktop_worker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RenderWorker]:
    config = desktop_fonts(tmp_path_factory.mktemp("desktop-fonts"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FONTCONFIG_FILE", str(config))
        worker = RenderWorker()
        worker.start()  # the child inherits the desktop configuration; later jobs reuse it
    yield worker
    worker.close()


def runs(pdf: bytes) -> list[tuple[str, str]]:
    """(font name, text) of every piece of text drawn, in page order."""
    found: list[tuple[str, str]] = []

    def visit(text: str, _cm: Any, _tm: Any, font: Any, _size: Any) -> None:
        if text.strip() and font is not None:
            found.append((str(font["/BaseFont"]).split("+", 1)[-1], text))

    for page in pdf_reader(pdf).pages:
        page.extract_text(visitor_text=visit)
    return found


def with_script(assessment: Assessment) -> Assessment:
    gap = assessment.gaps[0]
    note = f"Order 4471 delayed 2 days {EMOJI}; customer wrote {CJK}."
    return assessment.model_copy(update={"gaps": (gap.model_copy(update={"notes": note}), *assessment.gaps[1:])})


def test_digits_and_latin_text_print_in_the_bundled_family(desktop_worker: RenderWorker) -> None:
    rendered = render(with_script(sample(Lang.EN)), shipped_content(), worker=desktop_worker)
    drawn = runs(rendered.result.pdf)
    assert drawn
    elsewhere = [(font, text) for font, text in drawn if not font.startswith(BUNDLED) and PLAIN.search(text)]
    assert not elsewhere, elsewhere[:10]
    fonts_of = {font for font, text in drawn if EMOJI in text} | {font for font, text in drawn if CJK[0] in text}
    assert any("Emoji" in font for font in fonts_of), fonts_of  # what Inter lacks still prints, from the desktop
    assert any("CJK" in font for font in fonts_of), fonts_of


def test_this_desktop_would_send_digits_to_the_emoji_font_if_the_stack_named_it(desktop_worker: RenderWorker) -> None:
    """The control: the configuration reproduces the desktop fault, so the test above can fail."""
    page = render_plan_html(build_plan(sample(Lang.EN), shipped_content()), load_theme(), Paper.A4)
    old_stack = page.html.replace(
        'font-family: "Readiness Sans", sans-serif;',
        'font-family: "Readiness Sans", "DejaVu Sans", "Noto Sans", "Noto Color Emoji", sans-serif;',
        1,
    )
    assert old_stack != page.html
    result = desktop_worker.render(RenderJob(old_stack, page.assets, b"", "control"))
    digit_fonts = {font for font, text in runs(result.pdf) if re.search(r"[0-9]", text)}
    assert any("Emoji" in font for font in digit_fonts), digit_fonts
