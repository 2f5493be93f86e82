"""How far each part of the wizard is filled in: done, partly done, or not started.

One function decides it for every sub-page (the profile, each step's questions, the gap register, the channels,
the team, the surfaces, the KPI targets), so the navigator's marks and an overview agree.
"""

from __future__ import annotations

from enum import StrEnum

from readiness.core.assessment import Assessment
from readiness.core.questionnaire import Questionnaire
from readiness.core.scoring import visible_questions
from readiness.core.text import Step


class Progress(StrEnum):
    DONE = "done"
    PARTLY = "partly"
    NOT_STARTED = "not_started"


def _of(filled: int, wanted: int) -> Progress:
    if wanted and filled >= wanted:
        return Progress.DONE
    return Progress.PARTLY if filled else Progress.NOT_STARTED


def questions_progress(questionnaire: Questionnaire, assessment: Assessment, step: Step) -> Progress:
    """Answered (or marked N/A) among the step's questions that skip logic shows."""
    shown = visible_questions(questionnaire, assessment.answers)
    asked = [q.id for q in questionnaire.questions if q.step is step and q.id in shown]
    answered = [q for q in asked if _answered(assessment, q)]
    return _of(len(answered), len(asked))


def _answered(assessment: Assessment, question: str) -> bool:
    answer = assessment.answers.get(question)
    return answer is not None and (answer.na or answer.value not in (None, "", ()))


def sub_page_progress(questionnaire: Questionnaire, assessment: Assessment) -> dict[str, Progress]:
    """Each sub-page's progress, keyed ``page`` or ``page.part`` (``open.channels``)."""
    profile, team = assessment.profile, assessment.team
    roles = {choice.role for choice in assessment.channels}
    return {
        "profile": _of(
            sum(bool(x) for x in (profile.countries, profile.home_country, profile.launch_date, profile.participants)),
            4,
        ),
        **{f"{step.value}.questions": questions_progress(questionnaire, assessment, step) for step in Step},
        "identify.gaps": _of(len(assessment.gaps), 1),
        "open.channels": Progress.DONE
        if "primary" in roles
        else (Progress.PARTLY if assessment.channels else Progress.NOT_STARTED),
        "open.team": _of(sum(bool(x) for x in (team.executive_sponsor, team.channel_owner, team.roles)), 3),
        "promote.surfaces": _of(len(assessment.promotion), 1),
        "refine.kpis": _of(len(assessment.kpis), 1),
    }
