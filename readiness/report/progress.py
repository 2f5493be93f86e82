"""What the render child is doing, in words: WeasyPrint reports its work as numbered steps, which the window's
progress bar and the command line's progress line both show."""

from __future__ import annotations

import re

from readiness.core.i18n import N_, _
from readiness.core.lang import Lang

RENDER_STEPS = 7
"""WeasyPrint reports its work as 'Step 1 - …' to 'Step 7 - …'."""

RENDER_STEP_TEXTS = {
    1: N_("Reading the plan…"),
    2: N_("Reading the styles…"),
    3: N_("Applying the styles…"),
    4: N_("Building the layout…"),
    6: N_("Writing the PDF…"),
    7: N_("Adding the document details…"),
}
"""What WeasyPrint's numbered steps do (step 5, the layout, names its page)."""


def render_step(message: str, lang: Lang) -> tuple[int, str] | None:
    """WeasyPrint's progress line as (step number, what it does in LANG); None for any other line."""
    step = re.match(r"Step (\d+)\b", message)
    if step is None or not 1 <= int(step.group(1)) <= RENDER_STEPS:
        return None
    number = int(step.group(1))
    page = re.search(r"Page (\d+)", message)
    if number == 5:
        text = (
            _("Laying out page {page}…", lang, page=page.group(1)) if page else _("Laying out the pages again…", lang)
        )
        return number, text
    return number, _(RENDER_STEP_TEXTS[number], lang)
