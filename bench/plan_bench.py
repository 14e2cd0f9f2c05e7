"""Planner at scale: 20,000 tasks, 300 units, 20 groups, 1–3 milestones each, 1–5 names per
role, the default policy; `duban plan --format json` for a 30-day window in mid-year, when most
earlier milestones are overdue and repeating. Prints wall time, peak memory and firings.

    python bench/plan_bench.py [--tasks 20000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def write_config(root: Path, n_tasks: int, seed: int = 42) -> Path:
    rng = random.Random(seed)
    units = [f"单位{i:03d}" for i in range(300)]
    groups = {f"分组{g:02d}": rng.sample(units, 8) for g in range(20)}
    lines = []
    for i, u in enumerate(units):
        lines += [f"[unit.{q(u)}]", f'email = ["u{i:03d}@example.gov.cn"]', ""]
    for g, members in groups.items():
        lines += [f"[group.{q(g)}]", "members = [" + ", ".join(q(m) for m in members) + "]", ""]
    (root / "units.toml").write_text("\n".join(lines), encoding="utf-8")
    group_names = list(groups)
    out = ["[document]", 'title = "基准测试"', "issued = 2021-01-04", ""]
    for t in range(n_tasks):
        out += ["[[task]]", f'id = "B-{t:05d}"', f'title = "基准任务{t}"']
        for role in ("lead", "responsible", "cooperating"):
            names = rng.sample(units, rng.randint(1, 5))
            if role == "responsible" and rng.random() < 0.1:  # some tasks name a group (各地区)
                names[-1] = rng.choice(group_names)
            out.append(f"{role} = [" + ", ".join(q(n) for n in names) + "]")
        for _ in range(rng.randint(1, 3)):
            deadline = date(2021, 1, 31) + timedelta(days=rng.randrange(300))
            out += ["  [[task.milestone]]", f"  deadline = {deadline.isoformat()}"]
        out.append("")
    (root / "tasks.toml").write_text("\n".join(out), encoding="utf-8")
    settings = root / "duban.toml"
    settings.write_text('tasks = "tasks.toml"\nunits = "units.toml"\ncoordinator = "单位000"\n'
                        'state = "state/duban.db"\n[channels.outbox]\ndir = "outbox"\n', encoding="utf-8")
    return settings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=20_000)
    parser.add_argument("--keep")
    args = parser.parse_args()
    root = Path(args.keep or tempfile.mkdtemp(prefix="duban-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    settings = write_config(root, args.tasks)
    size = (root / "tasks.toml").stat().st_size / 1e6
    print(f"config: {args.tasks} tasks, tasks.toml {size:.1f} MB in {root}")
    cmd = [sys.executable, "-m", "scheduler.cli", "plan", "--config", str(settings),
           "--from", "2021-07-01", "--to", "2021-07-30", "--format", "json"]
    start = time.perf_counter()
    with open(root / "plan.json", "wb") as out:
        subprocess.run(cmd, stdout=out, check=True)
    wall = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    firings = sum(1 for line in (root / "plan.json").open(encoding="utf-8") if line.startswith(("{", ",{")))
    print(f"duban plan --format json: {wall:.2f} s wall, peak RSS {peak_mb:.0f} MB, {firings} firings")


if __name__ == "__main__":
    main()
