"""The 台账 at scale: the 20,000-task configuration of plan_bench.py (300 units, 20 groups, 1–3
milestones per task), `duban report --format xlsx` (and csv, md) as of mid-year, when most
milestones are open and many overdue. Prints wall time and peak memory of each run.

    python bench/report_bench.py [--tasks 20000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from plan_bench import write_config


def run(settings: Path, fmt: str, out: Path) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS in MB) of one `duban report` in a fresh process. CPU time
    is printed too because wall time on a shared machine measures the neighbours as well."""
    script = ("import resource, sys; from scheduler.cli import main; code = main(sys.argv[1:]); "
              "u = resource.getrusage(resource.RUSAGE_SELF); "
              "print(u.ru_utime + u.ru_stime, u.ru_maxrss, file=sys.stderr); sys.exit(code)")
    cmd = [sys.executable, "-c", script, "report", "--config", str(settings), "--now", "2021-07-15",
           "--format", fmt, "--output", str(out)]
    start = time.perf_counter()
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    wall = time.perf_counter() - start
    cpu, rss = done.stderr.strip().splitlines()[-1].split()
    return wall, float(cpu), int(rss) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=20_000)
    parser.add_argument("--keep")
    args = parser.parse_args()
    root = Path(args.keep or tempfile.mkdtemp(prefix="duban-report-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    settings = write_config(root, args.tasks)
    print(f"config: {args.tasks} tasks, tasks.toml {(root / 'tasks.toml').stat().st_size / 1e6:.1f} MB in {root}")
    for fmt in ("xlsx", "csv", "md"):
        out = root / f"report.{fmt}"
        wall, cpu, peak = run(settings, fmt, out)
        print(f"duban report --format {fmt}: {wall:.2f} s wall, {cpu:.2f} s CPU, peak RSS {peak:.0f} MB, "
              f"{out.stat().st_size / 1e6:.1f} MB written")
    if args.tasks <= 20_000:
        import openpyxl

        sheet = openpyxl.load_workbook(root / "report.xlsx", read_only=True)["台账"]
        print(f"台账 rows (with header): {sum(1 for _ in sheet.iter_rows(values_only=True))}")
    print(f"(this process: peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
