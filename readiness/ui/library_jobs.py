"""Library work the main window hands to the library thread, and its small helpers."""

from __future__ import annotations

from readiness.core.lang import Lang
from readiness.ui.library_view import LibraryRow
from readiness.ui.pages.formatting import format_date


def library_rows(session: object, search: str, lang: Lang) -> list[tuple[LibraryRow, float | None]]:
    """The library list from the stored summaries: one query, no assessment loaded or scored; dates written as
    every page writes them (Babel's medium date), here on the library thread."""
    from readiness.store import list_assessments

    rows = []
    for summary in list_assessments(session=session, search=search):  # type: ignore[arg-type]
        generated = summary.plan_generated_at
        row = LibraryRow(
            id=summary.id,
            organisation=summary.organisation,
            created=format_date(lang, summary.created),
            language=summary.language,
            status=summary.status,
            score="",
            answers=summary.answers,
            baseline_id=summary.baseline_id,
            last_page=summary.last_page,
            plan_generated=format_date(lang, generated.astimezone().date()) if generated else "",
            changed_since_plan=generated is not None and summary.updated_at > generated,
        )
        rows.append((row, summary.score))
    return rows
