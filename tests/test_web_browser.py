"""The whole loop in a real browser (Debian's chromium driven by playwright, FACTS §10), against a
real daemon: a unit opens its link and reports 办结 with the page's own form, the coordinator signs
in and accepts on the dashboard, the tasks file changes, the daemon reloads, the reminder stops.

Screenshots go to $DUBAN_SCREENSHOTS when set (the README's pictures: docs/web-unit.png and
docs/web-dashboard.png are made this way), else into the test's temporary directory.
"""

from __future__ import annotations

import os
import queue
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import REPO, SETTINGS, Project
from tests.web_support import TASKS, WEB, web_project

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium (/usr/bin/chromium) is not "
                                "installed: apt-get install -y chromium fonts-noto-cjk")
START = "2021-06-28T10:00"
WAIT = 30.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Daemon:
    """`duban run` as a subprocess; its log lines arrive on a queue (waited on, never polled)."""

    def __init__(self, config: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        self.proc = subprocess.Popen([sys.executable, "-m", "scheduler.cli", "run", "--config", str(config),
                                      "--now", START], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                     text=True, env=env)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.put(line)

    def wait_for(self, text: str) -> str:
        while True:
            line = self.lines.get(timeout=WAIT)
            if text in line:
                return line

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(WAIT)


def link(duban, project: Project, *args: str) -> str:  # type: ignore[no-untyped-def]
    result = duban("link", *args, "--config", str(project.config), "--now", START)
    assert result.code == 0, result.err
    return str(result.out.strip().splitlines()[-1])


def test_a_unit_reports_done_the_coordinator_accepts_and_the_reminder_stops(  # type: ignore[no-untyped-def]
        project: Project, duban, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    port = free_port()
    web_project(project, port, TASKS.replace("<script>alert(1)</script>优化&营商环境", "优化营商环境专项行动"))
    project.write("duban.toml", SETTINGS + WEB.format(port=port).replace(
        "https://duban.example.gov.cn", f"http://127.0.0.1:{port}"))
    shots = Path(os.environ.get("DUBAN_SCREENSHOTS") or tmp_path)
    daemon = Daemon(project.config)
    try:
        daemon.wait_for("pass at")
        unit_url, signin_url = link(duban, project, "省司法厅"), link(duban, project, "--coordinator")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM),
                                        args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
            phone = browser.new_page(viewport={"width": 420, "height": 900}, device_scale_factor=1)
            phone.goto(unit_url)
            phone.screenshot(path=str(shots / "web-unit.png"), full_page=False)
            item = phone.locator("div.milestone", has_text="第一项任务")
            item.locator("summary").click()
            item.locator("select[name=kind]").select_option("done")
            item.locator("input[name=date]").fill("2021-06-25")
            item.locator("textarea[name=note]").fill("已印发实施方案")
            item.locator("button[type=submit]").click()
            phone.wait_for_selector("text=已提交（编号 1）")
            desk = browser.new_page(viewport={"width": 1200, "height": 900})
            desk.goto(signin_url)
            desk.wait_for_selector("text=督办总览")
            desk.screenshot(path=str(shots / "web-dashboard.png"), full_page=False)
            desk.click("text=待审核（1）")
            desk.fill("textarea[name=note]", "同意销号")
            desk.click("text=同意并写入任务文件")
            desk.wait_for_selector("text=已写入 tasks.toml：节点 T-01/1 写入 done = 2021-06-25")
            browser.close()
        daemon.wait_for("reloaded")
    finally:
        code = daemon.stop()
    assert code == 0
    assert "done = 2021-06-25  # 省司法厅报办结" in (project.root / "tasks.toml").read_text(encoding="utf-8")
    result = duban("run", "--once", "--config", str(project.config), "--now", "2021-06-30T09:30")
    assert result.code == 0, result.err
    db = sqlite3.connect(project.root / "state" / "duban.db")
    try:
        due = db.execute("SELECT task, unit FROM reminders WHERE stage = '到期提醒' AND state = 'sent' "
                         "ORDER BY task, unit").fetchall()
    finally:
        db.close()
    assert due == [("T-03", "省司法厅")]  # T-01 is done: its 到期提醒 is not sent


def test_a_busy_port_is_a_chinese_message_and_exit_1(project: Project, tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        web_project(project, int(busy.getsockname()[1]))
        result = subprocess.run([sys.executable, "-m", "scheduler.cli", "run", "--config", str(project.config),
                                 "--now", START], capture_output=True, text=True, timeout=WAIT,
                                env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 1
    assert "错误：网页服务无法在 127.0.0.1:" in result.stderr and "Traceback" not in result.stderr
