"""The benchmarks still run: each one's fixture and measuring path, on a small size. Timings are the benchmarks'
business, not a test's; this keeps them from rotting while the code they measure changes (the stress fixture and the
UI stall child once did, unnoticed until a benchmark run)."""

from __future__ import annotations

from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).parents[1] / "benchmarks"


@pytest.fixture(autouse=True)
def _benchmarks_importable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(BENCHMARKS))


def test_the_stress_fixture_is_built_and_reads_back(tmp_path: Path) -> None:
    import report_bench

    fixture = report_bench.stress_fixture(tmp_path, "mx-retail", 30, 120)
    assessment, content = report_bench.load_fixture(fixture.folders, fixture.assessment)
    assert len(assessment.gaps) == 30
    assert len(report_bench.plan_of(assessment, content).all_tasks()) >= 120
    assert report_bench.one_answer_changed(assessment) != assessment


def test_the_ui_stall_child_renders_with_the_apps_renderer() -> None:
    import ui_bench

    cold, warm = ui_bench.stalls(1)
    assert len(cold) == 1 and len(warm) == 1


def test_the_transcript_benchmark_measures_its_export(tmp_path: Path) -> None:
    import transcripts_bench

    export = tmp_path / "chat.txt"
    transcripts_bench.generate(export, 2_000)
    _seconds, _peak, found = transcripts_bench.run_once(export)
    assert found["messages"] == 2_000 and found["conversations"] != 0
