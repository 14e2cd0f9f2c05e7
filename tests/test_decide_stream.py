"""decide_streaming: the same decision as one decide() over the whole stream, part by part."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from scheduler.decide_stream import by_tasks, decide_streaming
from scheduler.due import decide
from scheduler.messages import DeliveryState, ReminderId
from scheduler.model import Identity, Reminder, Role
from tests.kit import at
from tests.test_due import WINDOW, Open, View

STAGES = (("提前告知", "2021-06-16", -10), ("临期提醒", "2021-06-25", -3), ("到期提醒", "2021-06-30", 0))


def _candidates(shape: list[tuple[int, int, int]]) -> list[Reminder]:
    """Per task (in order): how many units, how many stages fired, milestones."""
    out = []
    for t, (units, stages, milestones) in enumerate(shape):
        for m in range(milestones):
            for stage, day, offset in STAGES[:stages]:
                for u in range(units):
                    out.append(Reminder(at(f"{day}T09:00"), f"T-{t:02d}", str(m), date(2021, 6, 30),
                                        date(2021, 6, 30), stage, offset, 0, Role.LEAD, f"单位{u}", ("email",)))
    return out


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 3), st.integers(1, 3), st.integers(1, 2)), max_size=8),
       st.integers(1, 4), st.sets(st.integers(0, 40)), st.booleans())
def test_streaming_equals_one_decision(shape: list[tuple[int, int, int]], size: int, done_at: set[int],
                                       outside: bool) -> None:
    candidates = _candidates(shape)
    done: set[ReminderId] = {candidates[i].identity for i in done_at if i < len(candidates)}
    view = View(done, [Open("k", DeliveryState.DEFERRED)])
    now = at("2021-06-30T20:00" if outside else "2021-06-30T09:30")
    whole = decide(candidates, view, now, WINDOW)
    written: list[Reminder] = []
    streamed = decide_streaming(iter(candidates), view, now, WINDOW, written.extend, size)
    assert streamed.send == whole.send
    assert (streamed.outgoing, streamed.give_up, streamed.waiting) == (whole.outgoing, whole.give_up, whole.waiting)
    assert streamed.superseded == len(whole.supersede)
    assert written == ([] if whole.waiting else whole.supersede)


def test_parts_end_at_task_boundaries() -> None:
    candidates = _candidates([(2, 1, 1), (1, 2, 1), (3, 1, 1)])
    parts = list(by_tasks(candidates, 2))
    assert [[r.task for r in p] for p in parts] == [["T-00", "T-00", "T-01", "T-01"], ["T-02", "T-02", "T-02"]]


def test_a_first_pass_asks_the_ledger_nothing() -> None:
    candidates = _candidates([(2, 3, 1), (1, 2, 2)])

    class Asked(View):
        def handled(self, ids: Iterable[Identity]) -> set[Identity]:
            raise AssertionError("asked")

    streamed = decide_streaming(candidates, Asked(), at("2021-06-30T09:30"), WINDOW, lambda _: None, 1,
                                nothing_handled=True)
    assert streamed.send == decide(candidates, View(), at("2021-06-30T09:30"), WINDOW).send
