"""Library work the main window hands to the library thread, and its small helpers."""

from __future__ import annotations

from readiness.core.content import Content
from readiness.ui.library_view import LibraryRow


def library_rows(session: object, content: Content, search: str) -> list[tuple[LibraryRow, float | None]]:
    from readiness.core.problems import ReadinessError
    from readiness.core.scoring import score_assessment
    from readiness.store import list_assessments, load_assessment

    rows = []
    for summary in list_assessments(session=session, search=search):  # type: ignore[arg-type]
        score: float | None = None
        try:
            assessment = load_assessment(session=session, assessment_id=summary.id)  # type: ignore[arg-type]
            score = score_assessment(content.assessment_questionnaire(assessment), assessment.answers).overall.score
        except ReadinessError:
            pass  # a questionnaire that is not installed: listed without a score
        row = LibraryRow(
            id=summary.id,
            organisation=summary.organisation,
            created=summary.created.isoformat(),
            language=summary.language,
            status=summary.status,
            score="",
            answers=summary.answers,
            baseline_id=summary.baseline_id,
            last_page=summary.last_page,
        )
        rows.append((row, score))
    return rows
