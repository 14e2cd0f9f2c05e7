"""Daemon figures: a pass over the 20,000-task configuration (time, peak memory), the reading
commands on the state it leaves (status, history, report), the reload time at that size, and the
idle daemon's CPU over 60 s and RSS on the bundled sample.

    python bench/daemon_bench.py [--idle-seconds 60]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from plan_bench import write_config

ROOT = Path(__file__).resolve().parent.parent


def duban(*args: str) -> list[str]:
    return [sys.executable, "-m", "scheduler.cli", *args]


def big_pass(root: Path) -> None:
    settings = write_config(root, 20_000)
    start = time.perf_counter()
    # the sample configuration has no server: a real run writes the outbox and the state
    out = subprocess.run(duban("run", "--once", "--config", str(settings), "--now", "2021-07-01T10:00"),
                         capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak, cpu = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime
    print(f"first pass over 20,000 tasks (fresh state, outbox): {wall:.1f} s wall, {cpu:.1f} s CPU, "
          f"peak RSS {peak:.0f} MB")
    print(f"  {out.stdout.strip()[:120]}")
    start = time.perf_counter()
    subprocess.run(duban("run", "--once", "--config", str(settings), "--now", "2021-07-01T11:00"),
                   capture_output=True, check=True)
    print(f"second pass at the same size (nothing new to send): {time.perf_counter() - start:.1f} s wall")
    reading(settings)
    reload_time(settings)


def reading(settings: Path) -> None:
    """The coordinator's reading commands on the state those passes left (~700,000 reminders)."""
    config = ("--config", str(settings))
    out = settings.parent / "report.xlsx"
    for label, args in (("status", ("status", *config, "--now", "2021-07-01T12:00")),
                        ("history --format json (every reminder)", ("history", *config, "--format", "json")),
                        ("history --task (one task)", ("history", *config, "--task", "B-00172")),
                        ("history --unit --from --to (one unit, a month)",
                         ("history", *config, "--unit", "单位007", "--from", "2021-06-01", "--to", "2021-06-30")),
                        ("report --format xlsx", ("report", *config, "--format", "xlsx", "--output", str(out),
                                                  "--now", "2021-07-01T12:00"))):
        wall, cpu, peak = measure(duban(*args))
        print(f"  {label}: {wall:.1f} s wall, {cpu:.1f} s CPU, peak RSS {peak:.0f} MB")


def measure(cmd: list[str]) -> tuple[float, float, float]:
    """Wall and CPU seconds and peak RSS (MB) of one command, its output discarded."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(cmd)}: exit {proc.returncode}: {errors.read().decode()}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def reload_time(settings: Path) -> None:
    """A reload builds a whole App (load, validate, planner, renderer, channels) before the swap."""
    import asyncio
    from datetime import datetime

    from scheduler.app import build_app

    runs = []
    app = None
    for _ in range(3):
        start = time.perf_counter()
        app = build_app(settings, lambda: datetime.now().astimezone(), dry_run=True, previous=app)
        runs.append(time.perf_counter() - start)
    print(f"reload (build the whole App, then swap) at 20,000 tasks: {min(runs):.2f} s best of 3, excluding sends "
          "(files unchanged: parsed tasks reused)")
    tasks = settings.parent / "tasks.toml"
    edited = []
    for n in range(3):  # an edit of the (single) tasks file: that file is parsed and validated again
        with tasks.open("a", encoding="utf-8") as f:
            f.write(f"# edit {n}\n")
        start = time.perf_counter()
        app = build_app(settings, lambda: datetime.now().astimezone(), dry_run=True, previous=app)
        edited.append(time.perf_counter() - start)
    if app is not None:
        asyncio.run(app.aclose())
    print(f"reload after an edit of the 20,000-task file: {min(edited):.2f} s best of 3")


def idle(seconds: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="duban-idle-"))
    shutil.copytree(ROOT / "config", work / "config")
    shutil.copy(ROOT / "tasks.toml", work / "tasks.toml")
    proc = subprocess.Popen(duban("run", "--config", str(work / "config" / "duban.toml"), "--now", "2021-07-03T10:00"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(5)  # start-up and the first pass
        ticks = os.sysconf("SC_CLK_TCK")
        before = _cpu(proc.pid)
        time.sleep(seconds)
        used = (_cpu(proc.pid) - before) / ticks
        rss = next(int(line.split()[1]) for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines()
                   if line.startswith("VmRSS"))
        print(f"idle daemon on the sample: {used / seconds * 100:.2f} % CPU over {seconds} s, RSS {rss / 1024:.0f} MB")
    finally:
        proc.terminate()
        proc.wait(20)


def _cpu(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--idle-seconds", type=int, default=60)
    args = parser.parse_args()
    big_pass(Path(tempfile.mkdtemp(prefix="duban-bench-")))
    idle(args.idle_seconds)


if __name__ == "__main__":
    main()
