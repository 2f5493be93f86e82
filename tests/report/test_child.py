"""The render child holds Python's cycle collector off while a job renders and collects once it is answered, which
changes how fast a plan is written, not a byte of it."""

from __future__ import annotations

import gc
import re
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from report_support import sample_render

from readiness.core.lang import Lang
from readiness.report.child import collection_after_reply, peak_address_space, ran_out_of_memory
from readiness.report.outputs import pdf_job
from readiness.report.paper import Paper

ATTACHMENT_TIMES = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}Z\)")
"""WeasyPrint stamps the embedded assessment file with the clock's time; nothing else in the PDF differs."""


class Node:
    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def collector_on() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    if not was_enabled:
        gc.disable()


def cycle_left_behind() -> weakref.ref[Node]:
    return weakref.ref(Node())


@pytest.mark.usefixtures("collector_on")
def test_a_cycle_left_during_a_job_lives_until_the_reply_then_is_collected() -> None:
    with collection_after_reply():
        assert not gc.isenabled()
        left = cycle_left_behind()
        churn = [[n] for n in range(100 * gc.get_threshold()[0])]  # enough to start automatic passes, were it on
        assert left() is not None
        del churn
    assert gc.isenabled()
    assert left() is None


@pytest.mark.usefixtures("collector_on")
def test_a_failed_job_turns_the_collector_back_on() -> None:
    with pytest.raises(RuntimeError), collection_after_reply():
        raise RuntimeError("rendering failed")
    assert gc.isenabled()


@pytest.mark.parametrize("lang", [Lang.EN, Lang.ES], ids=lambda lang: lang.value)
def test_the_worker_writes_the_very_pdf_of_a_plain_render_with_the_collector_on(lang: Lang) -> None:
    from readiness.report.pdf import render_pdf

    rendered = sample_render(lang, Paper.A4)
    assert gc.isenabled()
    plain = render_pdf(pdf_job(rendered.assessment, rendered.plan, rendered.page)).pdf
    assert len(ATTACHMENT_TIMES.findall(plain)) == 2
    assert ATTACHMENT_TIMES.sub(b"", rendered.result.pdf) == ATTACHMENT_TIMES.sub(b"", plain)


MB = 1024**2


@pytest.mark.parametrize(
    ("error", "peak", "cap", "out_of_memory"),
    [
        (MemoryError(), None, None, True),
        (SystemError("error return without exception set"), 110 * MB, 120 * MB, True),  # Pango refused, near the cap
        (SystemError("error return without exception set"), 240 * MB, 1024 * MB, False),  # far from it: a real fault
        (ValueError("bad length"), None, 120 * MB, False),  # the peak cannot be read: not guessed
        (ValueError("bad length"), 110 * MB, None, False),  # no cap (Windows)
    ],
)
def test_a_failure_near_the_address_space_cap_is_running_out_of_memory(
    error: Exception, peak: int | None, cap: int | None, out_of_memory: bool
) -> None:
    assert ran_out_of_memory(error, peak, cap) is out_of_memory


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="/proc tells the peak on Linux only")
def test_the_peak_address_space_is_read_from_proc() -> None:
    peak = peak_address_space()
    assert peak is not None and peak > 10 * MB
