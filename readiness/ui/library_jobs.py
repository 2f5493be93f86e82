"""Library work the main window hands to the library thread, and its small helpers."""

from __future__ import annotations

from readiness.ui.library_view import LibraryRow


def library_rows(session: object, search: str) -> list[tuple[LibraryRow, float | None]]:
    """The library list from the stored summaries: one query, no assessment loaded or scored."""
    from readiness.store import list_assessments

    return [
        (
            LibraryRow(
                id=summary.id,
                organisation=summary.organisation,
                created=summary.created.isoformat(),
                language=summary.language,
                status=summary.status,
                score="",
                answers=summary.answers,
                baseline_id=summary.baseline_id,
                last_page=summary.last_page,
                plan_generated=summary.plan_generated_at.isoformat() if summary.plan_generated_at else "",
            ),
            summary.score,
        )
        for summary in list_assessments(session=session, search=search)  # type: ignore[arg-type]
    ]
