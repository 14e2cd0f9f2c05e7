"""Property (SPEC §3.3): with one pass a working day inside the window, what `duban history` records
up to any day is exactly what `duban plan` lists up to that day — recurrences and long offsets
included."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from scheduler.ledger import Ledger
from scheduler.plan import Window
from scheduler.workdays import WorkCalendar
from tests.conftest import SETTINGS, UNITS, Project
from tests.kit import at, make_app, one_pass

ISSUED = date(2021, 3, 1)
CAL = WorkCalendar()


def _settings(early: int, near: int, late: int, every: int) -> str:
    return SETTINGS + f"""
[policy.long]
stages = [
  {{ name = "提前告知", offset = {early}, to = ["lead", "responsible"] }},
  {{ name = "临期提醒", offset = {near}, to = ["lead", "responsible", "cooperating"] }},
  {{ name = "逾期催办", offset = {late}, to = ["lead", "coordinator"], repeat_every = {every} }},
]
"""


def _tasks(deadlines: list[date], rule: str) -> str:
    out = [f'[document]\ntitle = "测试"\nissued = {ISSUED.isoformat()}\n']
    for i, deadline in enumerate(deadlines):
        out.append(f'[[task]]\nid = "F-{i}"\ntitle = "定期任务{i}"\nlead = ["省司法厅"]\nresponsible = ["各地区"]\n'
                   f'cooperating = ["省残联"]\npolicy = "long"\ndeadline = {deadline.isoformat()}\n')
    out.append(f'[[task]]\nid = "R-1"\ntitle = "周期任务"\nlead = ["省财政厅"]\npolicy = "long"\nrepeat = "{rule}"\n'
               f'start = {ISSUED.isoformat()}\nuntil = 2022-06-30\n')
    return "\n".join(out)


# bounded: six scenarios, no shrinking (a failure prints its scenario; shrinking 100-day runs takes minutes)
@settings(max_examples=6, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(early=st.integers(-60, -6), near=st.integers(-5, -1), late=st.integers(0, 3), every=st.integers(1, 7),
       offsets=st.lists(st.integers(0, 160), min_size=1, max_size=3),
       rule=st.sampled_from(["FREQ=MONTHLY;BYMONTHDAY=-1", "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15",
                             "FREQ=WEEKLY;INTERVAL=3;BYDAY=FR"]))
def test_history_equals_plan_day_by_day(tmp_path_factory: pytest.TempPathFactory, early: int, near: int, late: int,
                                        every: int, offsets: list[int], rule: str) -> None:
    project = Project(tmp_path_factory.mktemp("prop"))
    project.write("duban.toml", _settings(early, near, late, every))
    project.write("units.toml", UNITS)
    project.write("tasks.toml", _tasks([ISSUED + timedelta(days=d) for d in offsets], rule))
    app = make_app(project.config)
    day = CAL.on_or_before(ISSUED) if CAL.is_workday(ISSUED) else CAL.shift(ISSUED, 1)
    with Ledger(project.root / "state" / "duban.db") as ledger:
        for _ in range(100):
            now = at(f"{day.isoformat()}T09:30")
            one_pass(app, ledger, now)
            planned = {(r.at, *r.identity) for r in app.planner.plan(app.runtime.tasks, Window(ISSUED, day))}
            recorded = {(r.at, r.task, r.milestone, r.due, r.stage, r.repetition, r.unit)
                        for r in ledger.history(end=now)}
            assert recorded == planned, day
            day = CAL.shift(day, 1)
