"""An edited tasks file read block by block (task_blocks.py) gives exactly what parsing it whole
gives — the tasks and every problem — whatever the edit; the edits where that cannot be known
(a TOML error, a header inside a multi-line string, a [document] after the tasks) are parsed whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scheduler.errors import ConfigError, Problem
from scheduler.load.reader import read_text
from scheduler.load.task_blocks import parse_edited
from scheduler.load.task_memo import WholeParse
from scheduler.load.tasks import TaskContext
from scheduler.load.units import Directory
from scheduler.model import Task
from scheduler.runtime import build_runtime
from tests.conftest import SETTINGS, UNITS

HEAD = '[document]\ntitle = "测试工作要点"\nissued = 2021-06-02\n\n'
UNITS_OF = ["省司法厅", "省财政厅", "各地区", "司法厅", "省残联"]


def block(n: int, unit: str = "省司法厅", deadline: str = "2021-09-30") -> str:
    return (f'[[task]]\nid = "T-{n:02d}"\ntitle = "任务{n}"\nlead = ["{unit}"]\n'
            f"responsible = [\"各地区\"]\ndeadline = {deadline}\n\n")


def tasks_text(count: int) -> str:
    return HEAD + "".join(block(n) for n in range(count))


EDITS = [
    lambda blocks: blocks.__setitem__(3, blocks[3].replace("任务3", "任务3（改）")),
    lambda blocks: blocks.insert(5, block(40)),
    lambda blocks: blocks.pop(2),
    lambda blocks: blocks.append("# 注释\n"),
    lambda blocks: blocks.__setitem__(1, block(1, unit="省发改委")),  # an unknown unit: an error in that block
    lambda blocks: blocks.__setitem__(4, block(4, deadline='"下个月"')),
    lambda blocks: blocks.__setitem__(6, blocks[6].replace('id = "T-06"', 'id = "T-07"')),  # duplicate id
    lambda blocks: blocks.__setitem__(2, blocks[2].replace("deadline", "deadlin")),  # unknown key
    lambda blocks: blocks.insert(0, blocks.pop(7)),  # a task moved to the top
    lambda blocks: blocks.__setitem__(0, HEAD.replace("2021-06-02", "2022-06-02")),  # another document
    lambda blocks: blocks.__setitem__(5, blocks[5].replace('title = "任务5"', 'title = "任务5"\ntitle = "x"')),
    lambda blocks: blocks.__setitem__(5, blocks[5] + 'detail = """\n[[task]]\nid = "X"\n"""\n'),
    lambda blocks: blocks.append('[document]\ntitle = "晚写的文件信息"\n'),
    lambda blocks: blocks.__setitem__(3, blocks[3].replace("[[task]]", "[[ task ]]")),
    lambda blocks: blocks.__setitem__(3, blocks[3] + '[[task.milestone]]\ndeadline = 2021-12-31\n'),
    lambda blocks: blocks.__setitem__(8, blocks[8].replace('lead = ["省司法厅"]', "lead = 3")),
]


def _project(root: Path, text: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "duban.toml").write_text(SETTINGS, encoding="utf-8")
    (root / "units.toml").write_text(UNITS, encoding="utf-8")
    (root / "tasks.toml").write_text(text, encoding="utf-8")
    return root / "duban.toml"


def _loaded(config: Path) -> tuple[list[Task], list[Problem]]:
    try:
        runtime = build_runtime(config)
    except ConfigError as err:
        return [], err.problems
    return list(runtime.tasks), list(runtime.problems)


def _split(text: str) -> list[str]:
    parts = text.split("[[task]]")
    return [parts[0]] + ["[[task]]" + p for p in parts[1:]]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.integers(0, len(EDITS) - 1), min_size=1, max_size=3))
def test_an_edited_file_loads_as_if_parsed_whole(tmp_path_factory: pytest.TempPathFactory, edits: list[int]) -> None:
    warm = _project(tmp_path_factory.mktemp("warm"), tasks_text(10))
    _loaded(warm)  # the previous parse the edit is read against
    blocks = _split(tasks_text(10))
    for n in edits:
        EDITS[n](blocks)
        text = "".join(blocks)
        warm.parent.joinpath("tasks.toml").write_text(text, encoding="utf-8")
        fresh = _project(tmp_path_factory.mktemp("fresh"), text)
        assert _loaded(warm) == _loaded(fresh)


def _context(config: Path) -> TaskContext:
    runtime = build_runtime(config)
    directory: Directory = runtime.directory
    return TaskContext(directory, runtime.settings.policies, lambda problem: None)


def test_an_edit_of_one_task_parses_that_block_only(tmp_path: Path) -> None:
    config = _project(tmp_path, tasks_text(10))
    ctx = _context(config)
    path = tmp_path / "tasks.toml"
    path.write_text(read_text(path).replace("任务3", "任务3（改）"), encoding="utf-8")
    tasks = parse_edited(read_text(path), path, ctx)  # no WholeParse: the other nine blocks are reused
    assert [t.title for t in tasks][2:5] == ["任务2", "任务3（改）", "任务4"]


@pytest.mark.parametrize("edit", [
    lambda text: text.replace('title = "任务3"', 'title = "任务3'),  # a TOML error: its place comes from the whole
    lambda text: text + '[document]\ntitle = "晚写的"\n',
    lambda text: text.replace('title = "任务3"', 'title = """任务3\n[[task]]\n"""'),
])
def test_edits_only_a_whole_parse_can_judge_are_refused(tmp_path: Path, edit: object) -> None:
    config = _project(tmp_path, tasks_text(10))
    ctx = _context(config)
    path = tmp_path / "tasks.toml"
    assert callable(edit)
    path.write_text(edit(read_text(path)), encoding="utf-8")
    with pytest.raises(WholeParse):
        parse_edited(read_text(path), path, ctx)


def test_a_file_never_parsed_before_is_parsed_whole(tmp_path: Path) -> None:
    config = _project(tmp_path, tasks_text(3))
    ctx = _context(config)
    other = tmp_path / "other.toml"
    other.write_text(tasks_text(3), encoding="utf-8")
    with pytest.raises(WholeParse):
        parse_edited(read_text(other), other, ctx)
