"""How far each part of the wizard is filled in: done, partly done, or not started.

One function decides it for every sub-page (the profile, each step's questions, the gap register, the channels,
the team, the surfaces, the KPI targets), so the navigator's marks and an overview agree.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from readiness.core.assessment import Assessment
from readiness.core.i18n import N_
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
    return _of(*questions_count(questionnaire, assessment, step))


def questions_count(questionnaire: Questionnaire, assessment: Assessment, step: Step) -> tuple[int, int]:
    """How many of the step's shown questions are answered (or N/A), and how many are shown."""
    shown = visible_questions(questionnaire, assessment.answers)
    asked = [q.id for q in questionnaire.questions if q.step is step and q.id in shown]
    return sum(_answered(assessment, q) for q in asked), len(asked)


def _answered(assessment: Assessment, question: str) -> bool:
    answer = assessment.answers.get(question)
    return answer is not None and (answer.na or answer.value not in (None, "", ()))


ESSENTIALS: dict[str, Callable[[Assessment], tuple[tuple[str, object], ...]]] = {
    "profile": lambda a: (
        (N_("countries served"), a.profile.countries),
        (N_("home country"), a.profile.home_country),
        (N_("launch date"), a.profile.launch_date),
        (N_("participants"), a.profile.participants),
    ),
    "open.team": lambda a: (
        (N_("sponsor"), a.team.executive_sponsor),
        (N_("channel owner"), a.team.channel_owner),
        (N_("roles"), a.team.roles),
    ),
}
"""What makes the profile and the team page done, by name: counted for their marks, and named in the overview for
what is still missing (seen in a real window: "3 of 4 essentials" left the user to guess which)."""


def sub_page_counts(questionnaire: Questionnaire, assessment: Assessment) -> dict[str, tuple[int, int]]:
    """Each sub-page's (filled, wanted), keyed ``page`` or ``page.part`` (``open.channels``): the essentials of the
    profile, the questions shown, at least one gap, a primary channel, the sponsor, owner and roles, at least one
    surface and one KPI target."""
    return {
        **{part: _essentials_count(named(assessment)) for part, named in ESSENTIALS.items()},
        **{f"{step.value}.questions": questions_count(questionnaire, assessment, step) for step in Step},
        "identify.gaps": (len(assessment.gaps), 1),
        "open.channels": (sum(choice.role == "primary" for choice in assessment.channels), 1),
        "promote.surfaces": (len(assessment.promotion), 1),
        "refine.kpis": (len(assessment.kpis), 1),
    }


def _essentials_count(named: tuple[tuple[str, object], ...]) -> tuple[int, int]:
    return sum(bool(present) for _name, present in named), len(named)


def sub_page_progress(questionnaire: Questionnaire, assessment: Assessment) -> dict[str, Progress]:
    """Each sub-page's mark, from its counts; channels chosen with none primary are partly done."""
    marks = {part: _of(*count) for part, count in sub_page_counts(questionnaire, assessment).items()}
    if marks["open.channels"] is Progress.NOT_STARTED and assessment.channels:
        marks["open.channels"] = Progress.PARTLY
    return marks
