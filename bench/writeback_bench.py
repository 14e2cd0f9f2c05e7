"""The write-back of an accepted 办结 into the tasks file of the 20,000-task configuration: prepare
(read, edit the task's block with tomlkit, check the whole result is still TOML) and commit (the
atomic replace), for a task near the start, the middle and the end. Prints the slowest of each.

    python bench/writeback_bench.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from plan_bench import write_config

from scheduler.errors import DubanError
from scheduler.feedback.writeback import Edit, commit, prepare
from scheduler.runtime import build_runtime


def main() -> None:
    root = Path(tempfile.mkdtemp(prefix="duban-writeback-bench-"))
    try:
        settings = write_config(root, 20_000)
        path = root / "tasks.toml"
        print(f"write-back into tasks.toml ({path.stat().st_size / 1e6:.1f} MB), the slowest of 3 tasks "
              "(near the start, middle, end):")
        print(f"  prepare, file not loaded by this process: {slowest(path) * 1000:.0f} ms (the whole file is parsed)")
        build_runtime(settings)
        print(f"  prepare, file as last loaded:             {slowest(path) * 1000:.0f} ms")
        start = time.perf_counter()
        try:  # the deadline changed meanwhile: told from the task's block alone
            prepare(path, Edit("extend", "B-10000", "1", "单位001", True, date(2030, 6, 1), date(2021, 6, 2),
                               date(2021, 6, 3), date(2000, 1, 1)))
        except DubanError:
            print(f"  a refusal (deadline changed meanwhile):   {(time.perf_counter() - start) * 1000:.0f} ms")
        ready = prepare(path, edit("B-10000"))
        start = time.perf_counter()
        commit(ready)
        print(f"  commit (atomic replace):                  {(time.perf_counter() - start) * 1000:.0f} ms")
    finally:
        shutil.rmtree(root)


def edit(task: str) -> Edit:
    return Edit("done", task, "1", "单位001", True, date(2021, 6, 1), date(2021, 6, 2), date(2021, 6, 3))


def slowest(path: Path) -> float:
    runs = []
    for task in ("B-00010", "B-10000", "B-19990"):
        start = time.perf_counter()
        prepare(path, edit(task))
        runs.append(time.perf_counter() - start)
    return max(runs)


if __name__ == "__main__":
    main()
