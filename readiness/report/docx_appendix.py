"""The full plan's last chapter in Word: every question with its answer and note, and how each score was computed
(the PDF's appendix, without the attached assessment file)."""

from __future__ import annotations

from readiness.core.names import SCORING_METHOD_NAMES, STEP_NAMES
from readiness.core.plan.appendix import AnswerLine
from readiness.core.plan.readiness import ScoreLine
from readiness.report.docx_parts import PlanDocument
from readiness.report.docx_writer import Cells
from readiness.report.sections import PLAN_SECTIONS as S


def appendix(d: PlanDocument) -> None:
    plan, r = d.plan, d.plan.readiness
    d.chapter(S["appendix"], "Every question with its answer and note, and how each score was computed.")
    headers = ["#", *(d.t(h) for h in ("Question", "Answer", "Note", "Score"))]
    for step, step_name in STEP_NAMES.items():
        d.doc.heading(d.t(step_name), 2)
        d.doc.table(headers, [_answer_row(d, a) for a in plan.answers if a.step == step])
    if plan.skipped_questions:
        d.doc.paragraph(
            d.n(
                "Question {numbers} was skipped: it does not apply given earlier answers.",
                "Questions {numbers} were skipped: they do not apply given earlier answers.",
                len(plan.skipped_questions),
                numbers=", ".join(str(n) for n in plan.skipped_questions),
            )
        )
    d.doc.heading(d.t("How the scores were computed"), 2)
    d.doc.paragraph(d.t(SCORING_METHOD_NAMES[plan.scores.method]))
    headers = [d.t("Dimension"), d.t("Calculation"), d.t("Score")]
    d.doc.table(
        headers,
        [[line.label, _calculation(d, line), d.fmt.score(line.score)] for line in (*r.steps, *r.reasons, r.overall)],
    )


def _answer_row(d: PlanDocument, a: AnswerLine) -> Cells:
    question = f"{a.text} · {d.t('To review')}" if a.flagged else a.text
    score = "—" if a.score is None else d.fmt.number(a.score, 0)
    note = [a.note, d.t("Answered by {name}", name=a.answered_by) if a.answered_by else ""]
    return [str(a.number), question, _answer(d, a), [n for n in note if n], f"{score} × {d.fmt.number(a.weight)}"]


def _answer(d: PlanDocument, a: AnswerLine) -> list[str]:
    if a.status == "na":
        return [f"{d.t('Not applicable')}{f' — {a.na_reason}' if a.na_reason else ''}"]
    said = []
    if a.number_value is not None:
        said.append(d.fmt.quantity(a.number_value, a.unit) + (f" · {', '.join(a.choices)}" if a.choices else ""))
    elif a.choices:
        said.append("; ".join(a.choices))
    if a.date_value:
        said.append(d.date(a.date_value, "long"))
    said.append(a.text_value)
    return [text for text in said if text] or [d.t("Not answered")]


def _calculation(d: PlanDocument, line: ScoreLine) -> str:
    if line.score is None:
        return d.t("No scored answers yet")
    score, total = d.fmt.score(line.score), d.fmt.number(line.weighted_sum)
    if line.dimension == "overall" and d.plan.scores.method == "mean_of_steps":
        count = d.fmt.number(line.total_weight, 0)
        return d.t("mean of the step scores = {total} ÷ {count} = {score}", total=total, count=count, score=score)
    weight = d.fmt.number(line.total_weight)
    return d.t("Σ(weight × score) ÷ Σ weight = {total} ÷ {weight} = {score}", total=total, weight=weight, score=score)
