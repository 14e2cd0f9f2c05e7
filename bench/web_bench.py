"""Web figures at the 20,000-task configuration: the dashboard and a unit page, answered by the
running daemon on 127.0.0.1 to 20 concurrent clients (a bounded load: each client makes a fixed
number of requests, one after the other). Prints p50/p95/max per page.

    python bench/web_bench.py [--clients 20] [--requests 25]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from plan_bench import write_config

ROOT = Path(__file__).resolve().parent.parent
NOW = "2021-07-01T10:00"


def duban(*args: str) -> list[str]:
    return [sys.executable, "-m", "scheduler.cli", *args]


def setup(root: Path, port: int) -> Path:
    settings = write_config(root, 20_000)
    (root / "web.secret").write_text("bench-" + "x" * 40 + "\n", encoding="utf-8")
    with settings.open("a", encoding="utf-8") as out:
        out.write(f'[web]\nlisten = "127.0.0.1:{port}"\nbase_url = "http://127.0.0.1:{port}"\n'
                  'secret_file = "web.secret"\n')
    return settings


def link(settings: Path, *args: str) -> str:
    out = subprocess.run(duban("link", *args, "--config", str(settings), "--now", NOW), capture_output=True,
                         text=True, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return out.stdout.strip().splitlines()[-1]


async def load(url: str, clients: int, requests: int, cookies: dict[str, str]) -> list[float]:
    """Each client: one keep-alive connection, `requests` GETs one after the other. A minimal
    HTTP/1.1 client, so that the load script takes little of the CPU it shares with the daemon."""
    parsed = httpx.URL(url)
    cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
    head = (f"GET {parsed.raw_path.decode()} HTTP/1.1\r\nHost: {parsed.host}:{parsed.port}\r\n"
            + (f"Cookie: {cookie}\r\n" if cookie else "") + "\r\n").encode()
    times: list[float] = []

    async def client() -> None:
        reader, writer = await asyncio.open_connection(parsed.host, parsed.port)
        for _ in range(requests):
            start = time.perf_counter()
            writer.write(head)
            status = await reader.readline()
            length = 0
            while (line := await reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("latin-1").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            await reader.readexactly(length)
            times.append(time.perf_counter() - start)
            assert b" 200 " in status, status
        writer.close()

    await asyncio.gather(*(client() for _ in range(clients)))
    return times


def report(name: str, times: list[float], size: int) -> None:
    ms = sorted(t * 1000 for t in times)
    p95 = ms[int(len(ms) * 0.95) - 1]
    print(f"{name}: {len(ms)} requests, p50 {statistics.median(ms):.0f} ms, p95 {p95:.0f} ms, "
          f"max {ms[-1]:.0f} ms, page {size / 1024:.0f} KB")


def write_back(root: Path) -> None:
    """The write-back of an accepted 办结 into the 4 MB tasks file (prepared, not committed)."""
    from datetime import date

    from scheduler.feedback.writeback import Edit, prepare

    runs = []
    for task in ("B-00010", "B-10000", "B-19990"):
        start = time.perf_counter()
        prepare(root / "tasks.toml", Edit("done", task, "1", "单位001", True, date(2021, 6, 1), date(2021, 6, 2),
                                          date(2021, 6, 3)))
        runs.append(time.perf_counter() - start)
    print(f"write-back into tasks.toml ({(root / 'tasks.toml').stat().st_size / 1e6:.1f} MB): "
          f"{max(runs) * 1000:.0f} ms at most of 3 (a task near the start, middle, end)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=25)
    args = parser.parse_args()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    root = Path(tempfile.mkdtemp(prefix="duban-web-bench-"))
    settings = setup(root, port)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    log = root / "daemon.log"
    with log.open("w") as out:
        proc = subprocess.Popen(duban("run", "--dry-run", "--config", str(settings), "--now", NOW),
                                stderr=out, stdout=subprocess.DEVNULL, text=True, env=env)
    try:
        with log.open() as lines:  # start-up and the first pass over 20,000 tasks
            while "pass at" not in lines.readline():
                if proc.poll() is not None:
                    raise SystemExit(log.read_text())
                time.sleep(0.2)
        unit_url = link(settings, "单位123")
        with httpx.Client(timeout=300) as http:
            signin = http.get(link(settings, "--coordinator"), follow_redirects=False)
            cookies = {k: v for k, v in signin.cookies.items()}
            first = time.perf_counter()
            board = http.get(f"http://127.0.0.1:{port}/", cookies=cookies)
            print(f"dashboard, first request (builds the read model): {(time.perf_counter() - first) * 1000:.0f} ms")
            page = http.get(unit_url)
            held = len(re.findall(r'name="milestone"', page.text))
        print(f"config: 20,000 tasks; {args.clients} concurrent clients x {args.requests} requests per page")
        report("dashboard GET /", asyncio.run(load(f"http://127.0.0.1:{port}/", args.clients, args.requests,
                                                   cookies)), len(board.content))
        report(f"unit page GET /u/… ({held} open milestones)",
               asyncio.run(load(unit_url, args.clients, args.requests, {})), len(page.content))
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(60)
    write_back(root)
    passes = sum("pass at" in line for line in log.read_text().splitlines())
    print(f"(the daemon made {passes} passes meanwhile)")
    shutil.rmtree(root)  # the configuration and a state of some 200 MB


if __name__ == "__main__":
    main()
