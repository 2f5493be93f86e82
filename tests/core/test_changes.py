"""Each edit is named by the part of the assessment it changed, so Undo can say what it undoes."""

from __future__ import annotations

from readiness.core.assessment import Answer, Assessment
from readiness.core.changes import Change, Part, Rows, what_changed


def test_nothing_changed_is_no_edit(samples: dict[str, Assessment]) -> None:
    sample = samples["mx-retail.en"]
    assert what_changed(sample, sample.model_copy()) is None


def test_an_answer_a_profile_field_and_rows_are_named(samples: dict[str, Assessment]) -> None:
    sample = samples["mx-retail.en"]
    answers = {**sample.answers, "identify.fcr": Answer(value=55.0)}
    assert what_changed(sample, sample.model_copy(update={"answers": answers})) == Change(Part.ANSWER, "identify.fcr")
    renamed = sample.profile.model_copy(update={"organisation": "Otra"})
    assert what_changed(sample, sample.model_copy(update={"profile": renamed})) == Change(Part.PROFILE, "organisation")
    fewer = sample.model_copy(update={"gaps": sample.gaps[1:]})
    assert what_changed(sample, fewer) == Change(Part.GAPS, rows=Rows.REMOVED)
    assert what_changed(fewer, sample) == Change(Part.GAPS, rows=Rows.ADDED)


def test_a_tab_edit_that_also_answers_its_linked_question_is_named_after_the_tab(
    samples: dict[str, Assessment],
) -> None:
    sample = samples["mx-retail.en"]
    answers = {**sample.answers, "promote.surfaces": Answer(value=("website",))}
    edited = sample.model_copy(update={"promotion": sample.promotion[:1], "answers": answers})
    assert what_changed(sample, edited) == Change(Part.PROMOTION, rows=Rows.REMOVED)
