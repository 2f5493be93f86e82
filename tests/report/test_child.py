"""The render child holds Python's cycle collector off while a job renders and collects once it is answered."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from readiness.report.child import collection_after_reply


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
