"""Between core assessments and table rows. Rows stay inside the store; callers get core models."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from readiness.core.assessment import (
    ActionOverride,
    Answer,
    AnswerValue,
    Assessment,
    ChannelChoice,
    Gap,
    KpiTarget,
    Participant,
    Profile,
    PromotionChoice,
    Refine,
    Team,
    TeamRole,
)
from readiness.core.plain import plain
from readiness.store.tables import (
    ActionOverrideRow,
    AnswerRow,
    AssessmentRow,
    ChannelChoiceRow,
    GapRow,
    KpiTargetRow,
    ParticipantRow,
    PromotionChoiceRow,
    TeamRoleRow,
)

ChildRow = (
    ParticipantRow | GapRow | ChannelChoiceRow | TeamRoleRow | PromotionChoiceRow | KpiTargetRow | ActionOverrideRow
)
PROFILE_IN_COLUMNS = ("organisation", "participants", "launch_date")


def to_json(value: Any) -> str:
    return json.dumps(plain(value, dates_as_text=True), ensure_ascii=False, sort_keys=True)


def encode_value(value: AnswerValue) -> str:
    """Answer values as JSON, with dates tagged so they come back as dates, not text."""
    if isinstance(value, dt.date):
        return json.dumps({"date": value.isoformat()})
    return json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)


def decode_value(text: str) -> AnswerValue:
    value = json.loads(text)
    if isinstance(value, dict):
        return dt.date.fromisoformat(value["date"])
    return tuple(value) if isinstance(value, list) else value


def answer_row(assessment_id: int, question_id: str, answer: Answer) -> AnswerRow:
    return AnswerRow(
        assessment_id=assessment_id,
        question_id=question_id,
        value_json=encode_value(answer.value),
        na=answer.na,
        na_reason=answer.na_reason,
        note=answer.note,
        flagged=answer.flagged,
        answered_by=answer.answered_by,
    )


def answer_of(row: AnswerRow) -> Answer:
    return Answer(
        value=decode_value(row.value_json),
        na=row.na,
        na_reason=row.na_reason,
        note=row.note,
        flagged=row.flagged,
        answered_by=row.answered_by,
    )


def profile_json(profile: Profile) -> str:
    data = plain(profile, dates_as_text=True)
    return json.dumps({k: v for k, v in data.items() if k not in PROFILE_IN_COLUMNS}, ensure_ascii=False)


def team_json(team: Team) -> str:
    data = plain(team, dates_as_text=True)
    del data["roles"]
    return json.dumps(data, ensure_ascii=False)


def child_rows(assessment_id: int, assessment: Assessment) -> list[ChildRow]:
    """Every list of the assessment as rows, keeping each list's order in ``position``."""
    rows: list[ChildRow] = []
    for i, p in enumerate(assessment.profile.participants):
        rows.append(ParticipantRow(assessment_id=assessment_id, position=i, name=p.name, role=p.role))
    for i, g in enumerate(assessment.gaps):
        rows.append(gap_row(assessment_id, i, g))
    for i, c in enumerate(assessment.channels):
        rows.append(ChannelChoiceRow(assessment_id=assessment_id, position=i, **plain(c)))
    for i, r in enumerate(assessment.team.roles):
        rows.append(
            TeamRoleRow(
                assessment_id=assessment_id, position=i, role=r.role, name=r.name, responsibilities=r.responsibilities
            )
        )
    for i, choice in enumerate(assessment.promotion):
        rows.append(
            PromotionChoiceRow(assessment_id=assessment_id, position=i, surface=choice.surface, owner=choice.owner)
        )
    for i, k in enumerate(assessment.kpis):
        rows.append(KpiTargetRow(assessment_id=assessment_id, position=i, **plain(k)))
    for i, o in enumerate(assessment.overrides):
        rows.append(ActionOverrideRow(assessment_id=assessment_id, position=i, **plain(o)))
    return rows


def gap_row(assessment_id: int, position: int, gap: Gap) -> GapRow:
    data = plain(gap)
    data["gap_id"] = data.pop("id")
    return GapRow(assessment_id=assessment_id, position=position, **data)


def assessment_of(
    row: AssessmentRow, organisation: str, answers: list[AnswerRow], children: dict[type, list[Any]]
) -> Assessment:
    def rows(kind: type) -> list[Any]:
        return sorted(children.get(kind, []), key=lambda r: r.position)

    def fields(item: Any, *skip: str) -> dict[str, Any]:
        return {k: v for k, v in item.model_dump().items() if k not in ("id", "assessment_id", "position", *skip)}

    profile = Profile.model_validate(
        {
            **json.loads(row.profile_json),
            "organisation": organisation,
            "launch_date": row.launch_date,
            "participants": [Participant(name=p.name, role=p.role) for p in rows(ParticipantRow)],
        }
    )
    team = Team.model_validate(
        {**json.loads(row.team_json), "roles": [TeamRole(**fields(r)) for r in rows(TeamRoleRow)]}
    )
    return Assessment(
        questionnaire_id=row.questionnaire_id,
        questionnaire_version=row.questionnaire_version,
        language=row.language,
        created=row.created,
        profile=profile,
        answers={a.question_id: answer_of(a) for a in sorted(answers, key=lambda a: a.id or 0)},
        gaps=tuple(Gap(id=g.gap_id, **fields(g, "gap_id")) for g in rows(GapRow)),
        channels=tuple(ChannelChoice(**fields(c)) for c in rows(ChannelChoiceRow)),
        team=team,
        promotion=tuple(PromotionChoice(**fields(p)) for p in rows(PromotionChoiceRow)),
        kpis=tuple(KpiTarget(**fields(k)) for k in rows(KpiTargetRow)),
        overrides=tuple(ActionOverride(**fields(o)) for o in rows(ActionOverrideRow)),
        refine=Refine.model_validate_json(row.refine_json),
    )
