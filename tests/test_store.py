"""The assessment library's behaviour, the same on a SQLite file and on a PostgreSQL server (``library_url``).

Real databases on both engines: round trips through the command line, one-UPDATE saves, revisions that refuse a
save over someone else's, summaries that list without loading, search, deletes, copies between libraries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event

from readiness.cli import main
from readiness.core.assessment import Answer, Assessment
from readiness.core.content import Content
from readiness.core.exchange import exchange_text, read_exchange_bytes
from readiness.core.problems import ReadinessError
from readiness.store import (
    Library,
    RevisionConflict,
    create_assessment,
    delete_assessment,
    list_assessments,
    load_assessment,
    mark_plan_generated,
    open_library,
    read_assessment,
    replace_assessment,
    set_last_page,
)

SAMPLES = Path(__file__).resolve().parents[1] / "questionnaires" / "samples"
SAMPLE_FILES = sorted(SAMPLES.glob("*.yaml"))


@pytest.fixture
def library(library_url: str) -> Iterator[Library]:
    with open_library(library_url) as opened:
        yield opened


def cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def create(
    library: Library, assessment: Assessment, content: Content | None = None, baseline: int | None = None
) -> int:
    with library.session() as session:
        return create_assessment(session=session, assessment=assessment, content=content, baseline_id=baseline)


def load(library: Library, assessment_id: int) -> Assessment:
    with library.session() as session:
        return load_assessment(session=session, assessment_id=assessment_id)


def replace(library: Library, assessment_id: int, assessment: Assessment, started_from: int | None = None) -> int:
    with library.session() as session:
        return replace_assessment(
            session=session, assessment_id=assessment_id, assessment=assessment, content=None, started_from=started_from
        )


def listed(library: Library, search: str = "") -> dict[int, Any]:
    with library.session() as session:
        return {row.id: row for row in list_assessments(session=session, search=search)}


def renamed(assessment: Assessment, organisation: str) -> Assessment:
    return assessment.model_copy(
        update={"profile": assessment.profile.model_copy(update={"organisation": organisation})}
    )


def with_answer(assessment: Assessment, question: str, answer: Answer) -> Assessment:
    return assessment.model_copy(update={"answers": {**assessment.answers, question: answer}})


# --- round trips through the command line -----------------------------------------------------------------------


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda path: path.stem)
def test_import_then_export_gives_back_the_same_bytes(
    library_url: str, tmp_path: Path, sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(capsys, "--db", library_url, "import", sample)
    assert (code, err) == (0, "")
    assert out.strip().isdigit(), out
    exported = tmp_path / "out.yaml"
    assert cli(capsys, "--db", library_url, "export", out.strip(), "-o", exported)[0] == 0
    assert exported.read_bytes() == sample.read_bytes()


def test_list_and_delete_through_the_command_line(library_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    dental = cli(capsys, "--db", library_url, "import", SAMPLES / "us-dental.en.yaml")[1].strip()
    retail = cli(capsys, "--db", library_url, "import", SAMPLES / "mx-retail.es.yaml")[1].strip()
    code, out, _ = cli(capsys, "--db", library_url, "list")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == [retail, dental]  # newest first
    assert "56.5" in out.splitlines()[1]  # the stored overall score, listed without scoring again
    out = cli(capsys, "--db", library_url, "list", "--search", "DENTAL")[1]
    assert [line.split()[0] for line in out.splitlines()] == [dental]

    assert cli(capsys, "--db", library_url, "delete", dental)[:2] == (0, f"deleted {dental}\n")
    assert [line.split()[0] for line in cli(capsys, "--db", library_url, "list")[1].splitlines()] == [retail]
    code, _, err = cli(capsys, "--db", library_url, "delete", dental)
    assert code == 2 and "no such assessment" in err and len(err.splitlines()) == 1


def test_copy_moves_assessments_to_another_library_whole(
    library_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    local = tmp_path / "local.sqlite"
    ids = [
        cli(capsys, "--db", local, "import", SAMPLES / f"{name}.yaml")[1].strip()
        for name in ("jp-brand.en", "br-services.pt-BR")
    ]
    code, out, err = cli(capsys, "--db", local, "copy", *ids, "--to", library_url)
    assert (code, err) == (0, "")
    copies = [line.split()[-1] for line in out.splitlines()]
    assert [line.split()[1] for line in out.splitlines()] == ids
    for copy, name in zip(copies, ("jp-brand.en", "br-services.pt-BR"), strict=True):
        exported = tmp_path / f"{name}.yaml"
        assert cli(capsys, "--db", library_url, "export", copy, "-o", exported)[0] == 0
        assert exported.read_bytes() == (SAMPLES / f"{name}.yaml").read_bytes()

    code, out, err = cli(capsys, "--db", local, "copy", ids[0], "999", "--to", library_url)
    assert code == 2 and out == "" and "assessment 999: no such assessment" in err and len(err.splitlines()) == 1
    with open_library(library_url) as target:
        assert len(listed(target)) == 2  # all or nothing: the good id was not copied either


# --- saving --------------------------------------------------------------------------------------------------------


def test_an_edit_is_one_update_of_one_row(library: Library, samples: dict[str, Assessment], shipped: Content) -> None:
    assessment_id = create(library, samples["us-dental.en"], shipped)
    edited = with_answer(samples["us-dental.en"], "identify.main_pain_point", Answer(value="Patients wait"))
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        statements.append(" ".join(statement.split()[:3]).upper())

    event.listen(library.engine, "before_cursor_execute", seen)
    try:
        with library.session() as session:
            replace_assessment(session=session, assessment_id=assessment_id, assessment=edited, content=shipped)
    finally:
        event.remove(library.engine, "before_cursor_execute", seen)
    assert [s for s in statements if not s.startswith("BEGIN")] == ["UPDATE ASSESSMENT_DOCUMENT SET"]
    assert load(library, assessment_id) == edited


@pytest.mark.parametrize(
    "answer",
    [
        Answer(value='text with ñ, 日本 and "quotes"'),
        Answer(value="2027-02-28"),
        Answer(value=42.5),
        Answer(value=0.0),
        Answer(value=("one",)),
        Answer(value=()),
        Answer(value=dt.date(2027, 2, 28)),
        Answer(value=None, na=True, na_reason="no data yet"),
        Answer(value="x", note="from the workshop", flagged=True, answered_by="Ana"),
    ],
    ids=["text", "date-like-text", "number", "zero", "one-choice", "no-choice", "date", "not-applicable", "details"],
)
def test_every_answer_shape_comes_back_as_saved(
    library: Library, samples: dict[str, Assessment], answer: Answer
) -> None:
    sample = samples["jp-brand.en"]
    assessment_id = create(library, sample)
    question = next(iter(sample.answers))
    replace(library, assessment_id, with_answer(sample, question, answer))
    loaded = load(library, assessment_id).answers[question]
    assert loaded == answer
    assert type(loaded.value) is type(answer.value)
    assert list(load(library, assessment_id).answers) == list(sample.answers)  # the order of the answers too


def test_replace_writes_the_document_and_the_summary(
    library: Library, samples: dict[str, Assessment], shipped: Content
) -> None:
    assessment_id = create(library, samples["de-b2b-software.en"], shipped)
    other = create(library, samples["cn-exporter.en"], shipped)
    replacement = samples["mx-retail.es"]
    with library.session() as session:
        revision = replace_assessment(
            session=session, assessment_id=assessment_id, assessment=replacement, content=shipped
        )
    assert revision == 2
    assert load(library, assessment_id) == replacement
    rows = listed(library)
    assert list(rows) == [assessment_id, other]  # the edit lists it first
    mine = rows[assessment_id]
    assert (mine.organisation, mine.language, mine.answers) == ("Casa Jacaranda", "es", len(replacement.answers))
    assert (round(mine.score or 0, 1), mine.band) == (45.8, "emerging")
    assert mine.revision == 2 and mine.changed_by
    assert load(library, other) == samples["cn-exporter.en"]
    assert rows[other].revision == 1


def test_saving_a_missing_assessment_is_refused(library: Library, samples: dict[str, Assessment]) -> None:
    with pytest.raises(ReadinessError, match="no such assessment"):
        replace(library, 99, samples["us-dental.en"], started_from=1)
    with pytest.raises(ReadinessError, match="no such assessment"), library.session() as session:
        set_last_page(session=session, assessment_id=99, page="gaps")
    assert listed(library) == {}


def test_a_save_over_a_newer_revision_is_refused_and_theirs_kept(
    library_url: str, samples: dict[str, Assessment]
) -> None:
    """Two people on one library, each with their own connection: the second save over the first is refused."""
    with open_library(library_url) as ana, open_library(library_url) as ben:
        assessment_id = create(ana, samples["us-dental.en"])
        with ana.session() as session:
            anas_copy = read_assessment(session=session, assessment_id=assessment_id)
        with ben.session() as session:
            bens_copy = read_assessment(session=session, assessment_id=assessment_id)
        assert anas_copy.revision == bens_copy.revision == 1

        anas_edit = renamed(anas_copy.assessment, "Fernhill Dental (Ana)")
        assert replace(ana, assessment_id, anas_edit, started_from=anas_copy.revision) == 2
        with pytest.raises(RevisionConflict) as refused:
            replace(ben, assessment_id, renamed(bens_copy.assessment, "Fernhill (Ben)"), started_from=1)
        assert refused.value.revision == 2
        assert "revision 2" in str(refused.value) and "\n" not in str(refused.value)
        assert load(ben, assessment_id) == anas_edit  # nothing of Ben's was written

        assert replace(ben, assessment_id, renamed(anas_edit, "Fernhill (Ben)"), started_from=2) == 3


def test_the_page_to_resume_on_is_kept_and_is_not_an_edit(library: Library, samples: dict[str, Assessment]) -> None:
    assessment_id = create(library, samples["cn-exporter.es"])
    with library.session() as session:
        set_last_page(session=session, assessment_id=assessment_id, page="gaps")
    with library.session() as session:
        stored = read_assessment(session=session, assessment_id=assessment_id)
    assert (stored.last_page, stored.revision) == ("gaps", 1)
    assert listed(library)[assessment_id].last_page == "gaps"


def test_the_status_says_complete_once_every_part_is_done_and_when_the_plan_was_generated(
    library: Library, samples: dict[str, Assessment], shipped: Content
) -> None:
    sample = samples["mx-retail.en"]
    complete = create(library, sample, shipped)
    started = create(library, sample.model_copy(update={"gaps": ()}), shipped)
    assert (listed(library)[complete].status, listed(library)[started].status) == ("complete", "draft")
    assert listed(library)[complete].plan_generated_at is None

    with library.session() as session:
        mark_plan_generated(session=session, assessment_id=complete)
    summary = listed(library)[complete]
    assert summary.plan_generated_at is not None and summary.plan_generated_at.tzinfo is not None
    assert summary.plan_generated_at >= summary.updated_at
    assert summary.revision == 1, "generating a plan is not an edit"
    with library.session() as session, pytest.raises(ReadinessError, match="assessment 999"):
        mark_plan_generated(session=session, assessment_id=999)


def test_a_reassessment_reads_with_its_baseline_and_outlives_it(
    library: Library, samples: dict[str, Assessment]
) -> None:
    baseline = create(library, samples["us-dental.en"])
    reassessment = create(library, samples["us-dental.es"], baseline=baseline)
    unrelated = create(library, samples["jp-brand.en"])
    assert listed(library)[reassessment].baseline_id == baseline
    with library.session() as session:
        assert read_assessment(session=session, assessment_id=reassessment).baseline == samples["us-dental.en"]
        assert read_assessment(session=session, assessment_id=baseline).baseline is None
        delete_assessment(session=session, assessment_id=baseline)
    with library.session() as session:
        assert read_assessment(session=session, assessment_id=reassessment).baseline is None
    rows = listed(library)
    assert set(rows) == {reassessment, unrelated}
    assert rows[reassessment].baseline_id is None
    assert load(library, reassessment) == samples["us-dental.es"]
    with pytest.raises(ReadinessError, match="no such assessment"), library.session() as session:
        delete_assessment(session=session, assessment_id=baseline)
    with pytest.raises(ReadinessError, match="no such assessment"):
        create(library, samples["us-dental.en"], baseline=baseline)


def test_ids_keep_growing_after_deletes(library: Library, samples: dict[str, Assessment]) -> None:
    first = create(library, samples["us-dental.en"])
    second = create(library, samples["jp-brand.en"])
    with library.session() as session:
        delete_assessment(session=session, assessment_id=first)
    assert create(library, samples["mx-retail.en"]) > second


# --- listing and search ------------------------------------------------------------------------------------------


def test_list_search_ignores_case(library: Library, samples: dict[str, Assessment]) -> None:
    dental = create(library, samples["us-dental.en"])
    retail = create(library, samples["mx-retail.en"])
    software = create(library, samples["de-b2b-software.en"])

    def found(search: str) -> set[int]:
        return set(listed(library, search))

    assert found("") == {dental, retail, software}
    assert found("dental") == found("DENTAL") == found("fernHILL dEnTaL") == {dental}
    assert found("jacaranda") == found("Casa JACARANDA") == {retail}
    assert found("GMBH") == {software}
    assert found("zzz") == set()


def test_list_search_takes_wildcards_literally(library: Library, samples: dict[str, Assessment]) -> None:
    create(library, samples["us-dental.en"])
    percent = create(library, renamed(samples["mx-retail.en"], "Tienda 100% Natural"))
    backslash = create(library, renamed(samples["mx-retail.en"], "Back\\slash Ltd"))
    assert set(listed(library, "%")) == {percent}
    assert set(listed(library, "\\")) == {backslash}
    assert listed(library, "_") == {}


def test_list_search_ignores_case_beyond_ascii(library: Library, samples: dict[str, Assessment]) -> None:
    created = create(library, renamed(samples["mx-retail.es"], "Ñandú Óptica"))
    create(library, samples["us-dental.en"])
    assert set(listed(library, "ñandú óptica")) == set(listed(library, "ÑANDÚ")) == {created}


def test_an_unscored_assessment_lists_without_a_score(library: Library, samples: dict[str, Assessment]) -> None:
    """Stored without content (or with a questionnaire that is not installed): listed, with no score."""
    assessment_id = create(library, samples["us-dental.en"], content=None)
    row = listed(library)[assessment_id]
    assert (row.score, row.band, row.answers) == (None, None, len(samples["us-dental.en"].answers))


# --- what the library holds, it can export -----------------------------------------------------------------------

TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    repeats=st.integers(0, 150_000),
    notes=st.lists(TEXT, min_size=1, max_size=6),
    nan_free=st.floats(-1e9, 1e9, allow_nan=False),
)
def test_any_assessment_the_library_holds_exports_and_reads_back(
    tmp_path: Path, samples: dict[str, Assessment], shipped: Content, repeats: int, notes: list[str], nan_free: float
) -> None:
    """Long texts (up to about 3 MB), any storable characters, in notes, answers and gaps."""
    base = samples["us-dental.en"]
    answers = {q: a.model_copy(update={"note": notes[i % len(notes)]}) for i, (q, a) in enumerate(base.answers.items())}
    first = next(iter(answers))
    answers[first] = answers[first].model_copy(update={"na_reason": "Long workshop notes. " * repeats})
    gaps = tuple(g.model_copy(update={"notes": notes[0], "measured_value": nan_free}) for g in base.gaps)
    assessment = Assessment.model_validate(
        base.model_copy(
            update={
                "answers": answers,
                "gaps": gaps,
            }
        ).model_dump()
    )
    with open_library(str(tmp_path / "property.sqlite")) as library:
        stored = load(library, create(library, assessment))
    text = exchange_text(stored).encode()
    assert read_exchange_bytes(text, "export.yaml", shipped) == assessment


def test_an_assessment_too_big_to_export_is_refused_in_one_line(
    library: Library, samples: dict[str, Assessment]
) -> None:
    base = samples["us-dental.en"]
    huge = with_answer(base, next(iter(base.answers)), Answer(value="yes", note="a\n" * 3_000_000))
    assessment_id = create(library, base)
    with pytest.raises(ReadinessError, match="over the 16 MB") as refused:
        replace(library, assessment_id, huge)
    assert "\n" not in str(refused.value)
    with pytest.raises(ReadinessError, match="over the 16 MB"):
        create(library, huge)
    assert load(library, assessment_id) == base and len(listed(library)) == 1
