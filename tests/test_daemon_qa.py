"""QA pass on the daemon's life (SPEC §3.3, §4; README "duban run", "作为服务运行"): start-up, signals,
reloads, time zones and the systemd protocol, tried the way production meets them — real `duban run`
processes on real files, a real SMTP server on 127.0.0.1, a datagram socket as NOTIFY_SOCKET; the
clock injected where a test needs a given instant."""

from __future__ import annotations

import asyncio
import json
import os
import queue
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time as time_module
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from zoneinfo import ZoneInfo

import pytest

from scheduler.app import State
from scheduler.clock import FixedClock
from scheduler.daemon import Daemon
from scheduler.ledger import Ledger
from tests.conftest import REPO, SETTINGS, TASKS, UNITS, Duban, Project, email_channel
from tests.fakes import Mailbox, SmtpServer, WecomRobot, WecomServer, free_port
from tests.kit import FakeChannel, make_app

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
T02 = '\n[[task]]\nid = "T-02"\ntitle = "第二项任务"\nlead = ["省财政厅"]\ndeadline = 2021-07-05\n'
BAD_LEAD = TASKS.replace('lead = ["省司法厅"]', 'lead = ["省司法局"]')
SECRET = "s" * 40


class Service:
    """A real `duban run` process; its log lines (stderr) are read in a thread and waited for."""

    def __init__(self, project: Project, now: str, env: dict[str, str] | None = None, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "scheduler.cli", "run", "--config", str(project.config), "--now", now, *args],
            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1", "DUBAN_WEB_SECRET": SECRET, **(env or {})})
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.log.append(line)
            self.lines.put(line)

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        """The next log line containing `text`."""
        deadline = time_module.monotonic() + timeout
        while (left := deadline - time_module.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                break
            if text in line:
                return line
        raise AssertionError(f"no log line with {text!r} within {timeout} s:\n{''.join(self.log)}")

    def send(self, sig: signal.Signals) -> None:
        self.proc.send_signal(sig)

    def stop(self, sig: signal.Signals = signal.SIGTERM) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        code = self.proc.wait(30)
        self.reader.join(10)
        return code

    def ended(self, timeout: float = 30.0) -> int:
        """The exit code of a process told to stop already (no further signal: one in its last
        milliseconds, after the event loop let go of the handlers, would end it by the signal)."""
        code = self.proc.wait(timeout)
        self.reader.join(10)
        return code

    def text(self) -> str:
        return "".join(self.log)

    def __enter__(self) -> Service:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)


def _until(condition: Callable[[], bool], timeout: float = 20.0) -> bool:
    """Poll a condition another process changes (no event to wait on), at most `timeout` seconds."""
    tick = threading.Event()
    deadline = time_module.monotonic() + timeout
    while time_module.monotonic() < deadline:
        if condition():
            return True
        tick.wait(0.01)
    return False


def _catches(pid: int, sig: signal.Signals) -> bool:
    """Whether process `pid` has a handler for `sig` (Linux /proc: SigCgt)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return False
    mask = next(int(line.split()[1], 16) for line in status.splitlines() if line.startswith("SigCgt:"))
    return bool(mask >> (sig - 1) & 1)


def _history(duban: Duban, project: Project) -> list[dict[str, object]]:
    result = duban("history", "--config", str(project.config), "--format", "json")
    assert result.code == 0, result.err
    rows: list[dict[str, object]] = json.loads(result.out)
    return rows


def _with_email(project: Project, port: int, settings: str = SETTINGS) -> None:
    project.write("duban.toml", settings + email_channel(port, "timeout = 5\n"))


def _recipients(box: Mailbox) -> list[str]:
    return sorted(r for e in box.received for r in e.rcpt_tos)


# --- reloads -------------------------------------------------------------------------------------------


def test_an_edit_saved_while_a_broken_one_is_being_told_is_not_lost(project: Project) -> None:
    """Defect: the watcher stopped watching from the change it reported until the reload was done
    (and the coordinator told); a fix saved in that gap was never loaded."""
    box = Mailbox()
    with SmtpServer(box) as srv:
        _with_email(project, srv.port)
        with Service(project, "2021-06-30T10:00") as svc:
            svc.wait_for("pass at")
            project.write("tasks.toml", BAD_LEAD)
            svc.wait_for("reload failed")
            project.write("tasks.toml", TASKS + T02)  # the fix, with a new task, saved at once
            svc.wait_for("reloaded 2 tasks", 15)
            assert box.wait_for(5)
            code = svc.stop()
    assert code == 0, svc.text()
    assert "czt@example.gov.cn" in _recipients(box)  # T-02's 临期提醒 went out


def test_a_burst_of_saves_ends_on_the_last_one(project: Project) -> None:
    """A script rewriting the tasks file every few ms: the daemon ends up on the last content and
    never tells the coordinator about a half-written file (each write here is complete)."""
    box = Mailbox()
    with SmtpServer(box) as srv:
        _with_email(project, srv.port)
        with Service(project, "2021-06-30T10:00") as svc:
            svc.wait_for("pass at")
            for n in range(60):
                deadline = f"2021-07-{5 + n % 20:02d}"
                project.write("tasks.toml", TASKS + T02.replace("2021-07-05", deadline))
            project.write("tasks.toml", TASKS + T02)
            svc.wait_for("reloaded 2 tasks")
            assert box.wait_for(4)
            code = svc.stop()
    assert code == 0
    assert "reload failed" not in svc.text()
    assert svc.text().count("reloaded") <= 10, svc.text()  # coalesced, not one reload per write
    assert _recipients(box).count("czt@example.gov.cn") == 1


def test_a_file_rewritten_in_place_for_seconds_is_never_loaded_half_written(project: Project) -> None:
    """Defect: a reload read the tasks file while a program was rewriting it in place (truncate, then
    write) and took the empty or cut-short file as valid: "reloaded 0 tasks", then "reloaded 6 tasks" of
    47 — as if the coordinator had deleted the rest (their retries withdrawn). A reload now waits until
    the files rest, and reads again what changed while it was read."""
    contents = [TASKS + "".join(T02.replace("T-02", f"T-{k:03d}") for k in range(n)) for n in range(1, 48)]
    with Service(project, "2021-06-30T10:00") as svc:
        svc.wait_for("pass at")
        tick = threading.Event()
        end = time_module.monotonic() + 3.0
        n = 0
        while time_module.monotonic() < end:  # a program saving every few ms, in place
            (project.root / "tasks.toml").write_text(contents[n % len(contents)], encoding="utf-8")
            n += 1
            tick.wait(0.003)
        project.write("tasks.toml", TASKS + T02)
        svc.wait_for("reloaded 2 tasks")
        assert svc.stop() == 0
    loaded = [line.split("reloaded ")[1].split(" tasks")[0] for line in svc.log if "reloaded" in line]
    assert loaded == ["2"], svc.text()  # one reload, once the writing stopped
    assert "reload failed" not in svc.text()


def test_a_tasks_file_renamed_over_atomically_is_reloaded(project: Project) -> None:
    """Editors save by writing a new file and renaming it over the old one."""
    with Service(project, "2021-06-30T10:00") as svc:
        svc.wait_for("pass at")
        (project.root / ".tasks.toml.swp").write_text(TASKS + T02, encoding="utf-8")
        (project.root / ".tasks.toml.swp").replace(project.root / "tasks.toml")
        svc.wait_for("reloaded 2 tasks")
        assert svc.stop() == 0


def test_invalid_then_valid_again_tells_once_and_reloads_the_fix(project: Project) -> None:
    box = Mailbox()
    with SmtpServer(box) as srv:
        _with_email(project, srv.port)
        with Service(project, "2021-06-30T10:00") as svc:
            svc.wait_for("pass at")
            project.write("duban.toml", "timezone = \n")
            svc.wait_for("reload failed")
            _with_email(project, srv.port)
            svc.wait_for("reloaded 1 tasks")
            assert svc.stop() == 0
    subjects = box.subjects()
    assert sum("配置文件有误" in s for s in subjects) == 1, subjects
    assert len(box.received) == 4  # three reminders and the one notice: the fix sent nothing twice


def _web(port: int) -> str:
    return (f'\n[web]\nlisten = "127.0.0.1:{port}"\nbase_url = "http://127.0.0.1:{port}"\n'
            'secret_env = "DUBAN_WEB_SECRET"\n')


def _health(port: int) -> str:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as answer:
            return str(answer.read().decode())
    except (urllib.error.URLError, ConnectionError) as err:
        return f"down: {err}"


def test_the_web_turned_on_and_off_by_a_reload(project: Project) -> None:
    """Defect: the web pages were started only at start-up, while the links in messages follow the
    current [web] at once: a reload adding [web] sent links to pages nobody served, and one removing
    it left the pages up."""
    port = free_port()
    with Service(project, "2021-06-30T10:00") as svc:
        svc.wait_for("pass at")
        project.write("duban.toml", SETTINGS + _web(port))
        svc.wait_for("reloaded")
        assert _health(port).startswith("ok")
        project.write("duban.toml", SETTINGS)
        svc.wait_for("reloaded")
        assert _health(port).startswith("down")
        assert svc.stop() == 0


def test_a_state_path_changed_by_a_reload_is_said_to_need_a_restart(project: Project,
                                                                   caplog: pytest.LogCaptureFixture) -> None:
    """The daemon keeps the state it holds the lock on (switching would re-send what the old state
    recorded as sent); the operator is told that the new path takes effect at the next start."""
    state = State(project.root / "state" / "duban.db", dry_run=False)
    daemon = Daemon(project.config, make_app(project.config, FakeChannel("email")), state,
                    FixedClock(datetime(2021, 6, 30, 10, tzinfo=ZoneInfo("Asia/Shanghai"))))
    try:
        project.write("duban.toml", SETTINGS.replace("state/duban.db", "elsewhere/duban.db"))
        asyncio.run(daemon.reload())
    finally:
        asyncio.run(daemon.app.aclose())
        state.close()
    assert daemon.state.ledger.path == project.root / "state" / "duban.db"
    assert f"state 改为 {project.root / 'elsewhere' / 'duban.db'}，重新启动 duban run 后生效" in caplog.text


# --- signals -------------------------------------------------------------------------------------------


def _locked_database(path: Path) -> sqlite3.Connection:
    """Another program holding the whole state (exclusive locking mode: readers wait too)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    Ledger(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA locking_mode=EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    return other


def test_sighup_while_the_state_is_locked_at_start_up_is_a_reload_not_the_end(project: Project) -> None:
    """Defect: SIGHUP (`systemctl reload`, after READY=1 was sent for the locked state) arrived before
    the daemon's handlers and ended the process; under systemd an end by SIGHUP is clean, so
    Restart=on-failure never brought it back."""
    other = _locked_database(project.root / "state" / "duban.db")
    with Service(project, "2021-06-30T10:00") as svc:
        try:
            assert _until(lambda: _catches(svc.proc.pid, signal.SIGHUP)), "SIGHUP is never caught"
            svc.send(signal.SIGHUP)
        finally:
            other.execute("COMMIT")
            other.close()
        svc.wait_for("duban started")
        svc.wait_for("reloaded 1 tasks")
        assert svc.stop() == 0, svc.text()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_while_the_state_is_locked_at_start_up_exits_0_without_sending(project: Project, sig: signal.Signals,
                                                                              supervisor: Supervisor) -> None:
    db = project.root / "state" / "duban.db"
    other = _locked_database(db)
    with Service(project, "2021-06-30T10:00", supervisor.env()) as svc:
        try:
            assert _until(lambda: _holds_open(svc.proc.pid, db))  # loaded, waiting for the state
            svc.send(sig)
        finally:
            other.execute("COMMIT")
            other.close()
        supervisor.next("STOPPING=1")
        assert svc.ended() == 0, svc.text()
    assert "pass at" not in svc.text() and "Traceback" not in svc.text()
    assert "stopping" in svc.text()
    assert list((project.root / "outbox").glob("*")) == []


# --- time: a configured zone with summer time, a host in another zone ---------------------------------


def _zone_settings(zone: str, send_at: str = "09:00", send_until: str = "18:00", extra: str = "") -> str:
    return (SETTINGS.replace('timezone = "Asia/Shanghai"', f'timezone = "{zone}"')
            .replace('send_at = "09:00"', f'send_at = "{send_at}"')
            .replace('send_until = "18:00"', f'send_until = "{send_until}"') + extra)


def _armed(project: Project, now: datetime) -> tuple[datetime, timedelta]:
    """A pass at `now` (outside the window): the opening it names and how far ahead, in real time,
    the scheduler's timer for the next pass was set."""
    state = State(project.root / "state" / "duban.db", dry_run=False)
    daemon = Daemon(project.config, make_app(project.config), state, FixedClock(now))

    async def one() -> tuple[datetime, timedelta]:
        daemon.scheduler.start()
        try:
            assert await daemon.one_pass() == 0
            job = daemon.scheduler.get_job("next")
            return daemon.app.window.next_opening(now), job.next_run_time - datetime.now(UTC)
        finally:
            daemon.scheduler.shutdown(wait=False)

    try:
        return asyncio.run(one())
    finally:
        asyncio.run(daemon.app.aclose())
        state.close()


@pytest.mark.parametrize(("zone", "saturday", "monday", "hours"), [
    (BERLIN, datetime(2021, 3, 27, 10), datetime(2021, 3, 29, 9), 46),  # clocks forward on Sunday
    (BERLIN, datetime(2021, 10, 30, 10), datetime(2021, 11, 1, 9), 48),  # clocks back
    (NEW_YORK, datetime(2021, 3, 13, 10), datetime(2021, 3, 15, 9), 46),
    (NEW_YORK, datetime(2021, 11, 6, 10), datetime(2021, 11, 8, 9), 48),
])
def test_the_next_pass_across_a_dst_change_is_armed_at_the_real_distance(
        project: Project, zone: ZoneInfo, saturday: datetime, monday: datetime, hours: int) -> None:
    """Defect: the distance to the next opening was taken between two datetimes of one ZoneInfo,
    which Python computes on the wall clock: after the spring change the Monday pass came an hour
    late (only the 15-minute sweep started sending), after the autumn one an hour early."""
    project.write("duban.toml", _zone_settings(zone.key))
    opening, ahead = _armed(project, saturday.replace(tzinfo=zone))
    assert opening == monday.replace(tzinfo=zone)
    assert opening.utcoffset() != saturday.replace(tzinfo=zone).utcoffset()
    assert abs(ahead - timedelta(hours=hours)) < timedelta(minutes=1), ahead


def test_the_time_left_in_a_window_across_the_change_is_real_time(project: Project) -> None:
    """A window 01:00–04:00 on the (working) Sunday the clocks go forward is two real hours long."""
    project.write("duban.toml", _zone_settings("Europe/Berlin", "01:00", "04:00",
                                               '\n[calendar.years.2021]\nworkdays = ["2021-03-28"]\n'))
    window = make_app(project.config).window
    start = datetime(2021, 3, 28, 1, 30, tzinfo=BERLIN)
    assert window.open_at(start)
    assert window.seconds_left(start) == 5400.0  # 01:30 CET → 04:00 CEST = 00:30 → 02:00 UTC
    assert not window.open_at(datetime(2021, 3, 28, 4, 0, tzinfo=BERLIN))


@pytest.mark.parametrize(("moment", "is_open"), [
    ("2021-03-26T08:59", False), ("2021-03-26T09:00", True), ("2021-03-29T09:00", True),
    ("2021-03-29T17:59", True), ("2021-03-29T18:00", False), ("2021-03-28T10:00", False),
])
def test_the_window_is_read_on_the_configured_zones_clock_on_both_sides_of_the_change(
        project: Project, moment: str, is_open: bool) -> None:
    project.write("duban.toml", _zone_settings("Europe/Berlin"))
    window = make_app(project.config).window
    assert window.open_at(datetime.fromisoformat(moment).replace(tzinfo=BERLIN)) is is_open


def test_plan_fires_at_send_at_local_time_on_both_sides_of_the_change(project: Project, duban: Duban) -> None:
    project.write("duban.toml", _zone_settings("Europe/Berlin"))
    project.write("tasks.toml", TASKS.replace("2021-06-30", "2021-03-31").replace("2021-06-02", "2021-03-01"))
    result = duban("plan", "--config", str(project.config), "--from", "2021-03-24", "--to", "2021-03-31",
                   "--format", "json")
    assert result.code == 0, result.err
    times = sorted({str(f["at"]) for f in json.loads(result.out)})
    assert times == ["2021-03-26T09:00:00+01:00", "2021-03-31T09:00:00+02:00"]  # 临期提醒 (-3) and 到期提醒


# --- the systemd protocol --------------------------------------------------------------------------------


class Supervisor:
    """The datagram socket a systemd-like supervisor reads as NOTIFY_SOCKET."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(path))
        self.received: list[str] = []

    def next(self, wanted: str, timeout: float = 20.0) -> str:
        deadline = time_module.monotonic() + timeout
        while (left := deadline - time_module.monotonic()) > 0:
            self.sock.settimeout(left)
            try:
                data = self.sock.recv(4096).decode("utf-8")
            except TimeoutError:
                break
            self.received.append(data)
            if wanted in data:
                return data
        raise AssertionError(f"no {wanted!r} within {timeout} s; got {self.received}")

    def pending(self) -> list[str]:
        self.sock.setblocking(False)
        out: list[str] = []
        while True:
            try:
                out.append(self.sock.recv(4096).decode("utf-8"))
            except BlockingIOError:
                return out

    def env(self, **more: str) -> dict[str, str]:
        return {"NOTIFY_SOCKET": str(self.path), **more}


@pytest.fixture
def supervisor(tmp_path: Path) -> Iterator[Supervisor]:
    s = Supervisor(tmp_path / "notify.sock")
    yield s
    s.sock.close()


def test_a_bad_configuration_at_start_says_nothing_to_systemd_and_exits_1(project: Project,
                                                                          supervisor: Supervisor) -> None:
    project.write("tasks.toml", BAD_LEAD)
    with Service(project, "2021-06-30T10:00", supervisor.env()) as svc:
        code = svc.proc.wait(30)
        svc.reader.join(10)
    assert code == 1
    assert "units.toml 中没有单位、别名或分组“省司法局”" in svc.text() and "Traceback" not in svc.text()
    assert supervisor.pending() == []  # no READY=1: systemd sees the start fail


def test_bad_configuration_once_and_daemon_both_exit_1(project: Project, duban: Duban) -> None:
    project.write("tasks.toml", BAD_LEAD)
    handlers = [signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)]
    once = duban("run", "--once", "--config", str(project.config), "--now", "2021-06-30T10:00")
    daemon = duban("run", "--config", str(project.config), "--now", "2021-06-30T10:00")
    assert (once.code, daemon.code) == (1, 1)
    assert [signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)] == handlers
    assert once.err == daemon.err and "省司法局" in once.err and "Traceback" not in once.err + daemon.err


@pytest.mark.parametrize("socket_path", ["/nonexistent/notify.sock", "@duban-nobody-listens"])
def test_notify_socket_pointing_nowhere_is_no_obstacle(project: Project, socket_path: str) -> None:
    env = {"NOTIFY_SOCKET": socket_path, "WATCHDOG_USEC": "200000"}
    with Service(project, "2021-06-30T10:00", env) as svc:
        svc.wait_for("pass at")
        svc.send(signal.SIGHUP)
        svc.wait_for("reloaded")
        assert svc.stop() == 0
    assert "Traceback" not in svc.text() and "ERROR" not in svc.text()


def test_watchdog_pings_go_on_while_a_send_hangs_and_stopping_is_said(project: Project,
                                                                      supervisor: Supervisor) -> None:
    hung = Mailbox(hold=True)
    with SmtpServer(hung) as srv:
        _with_email(project, srv.port)
        project.write("duban.toml", (project.root / "duban.toml").read_text(encoding="utf-8")
                      .replace("timeout = 5", "timeout = 30"))
        with Service(project, "2021-06-30T10:00", supervisor.env(WATCHDOG_USEC="400000")) as svc:
            supervisor.next("READY=1")
            assert hung.data_started.wait(20)
            for _ in range(4):  # every 0.2 s while the pass waits for the server
                supervisor.next("WATCHDOG=1", 2)
            svc.send(signal.SIGTERM)
            supervisor.next("STOPPING=1", 20)
            code = svc.ended()
    assert code == 0
    assert "a send did not finish within 10 s" in svc.text()


def test_a_host_in_another_zone_keeps_the_configured_zones_times(project: Project, supervisor: Supervisor) -> None:
    env = supervisor.env(TZ="America/New_York")
    with Service(project, "2021-07-03T10:00", env) as svc:
        supervisor.next("READY=1")
        status = supervisor.next("STATUS=下一次发送：")
        assert svc.stop() == 0
    assert "STATUS=下一次发送：2021-07-05 09:00" in status  # Monday 09:00 in Shanghai, not New York


# --- stops at each moment, and what is sent afterwards -------------------------------------------------


def test_sigterm_twice_during_a_hung_send_exits_0_and_nothing_is_sent_twice_or_lost(project: Project,
                                                                                     duban: Duban) -> None:
    hung = Mailbox(hold=True)
    with SmtpServer(hung) as srv:
        _with_email(project, srv.port, SETTINGS.replace('send_until = "18:00"', 'send_until = "18:00"\n'))
        project.write("duban.toml", (project.root / "duban.toml").read_text(encoding="utf-8")
                      .replace("timeout = 5", "timeout = 60"))
        with Service(project, "2021-06-30T10:00") as svc:
            assert hung.data_started.wait(20)
            svc.send(signal.SIGTERM)
            svc.send(signal.SIGTERM)  # an impatient operator
            code = svc.ended()
    assert code == 0, svc.text()
    box = Mailbox()
    with SmtpServer(box) as srv:
        _with_email(project, srv.port)
        first = duban("run", "--once", "--config", str(project.config), "--now", "2021-06-30T10:05")
        again = duban("run", "--once", "--config", str(project.config), "--now", "2021-06-30T11:00")
    assert (first.code, again.code) == (0, 0), first.err + again.err
    assert "发送0条消息" in again.out
    assert _recipients(box) == ["hd@example.gov.cn", "sft@example.gov.cn", "xn@example.gov.cn"]
    rows = _history(duban, project)
    assert {(r["unit"], r["state"]) for r in rows if r["stage"] == "到期提醒"} == {
        ("省司法厅", "sent"), ("西宁市", "sent"), ("海东市", "sent")}


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_between_passes_exits_0_at_once(project: Project, sig: signal.Signals) -> None:
    with Service(project, "2021-06-30T10:00") as svc:
        svc.wait_for("pass at")
        svc.send(sig)
        assert svc.proc.wait(10) == 0
        svc.reader.join(10)
    assert svc.text().rstrip().endswith("INFO stopping"), svc.text()


def test_a_reload_and_a_stop_together_stop(project: Project) -> None:
    with Service(project, "2021-06-30T10:00") as svc:
        svc.wait_for("pass at")
        project.write("tasks.toml", TASKS + T02)
        svc.send(signal.SIGHUP)
        svc.send(signal.SIGTERM)
        assert svc.ended() == 0
    assert "Traceback" not in svc.text()


# --- start-up ----------------------------------------------------------------------------------------------


def test_a_missing_state_directory_is_created(project: Project) -> None:
    project.write("duban.toml", SETTINGS.replace("state/duban.db", "new/deeper/duban.db"))
    with Service(project, "2021-06-30T10:00") as svc:
        svc.wait_for("pass at")
        assert svc.stop() == 0
    assert (project.root / "new" / "deeper" / "duban.db").is_file()


def test_a_state_directory_that_cannot_be_made_is_a_chinese_message_and_exit_1(project: Project,
                                                                               duban: Duban) -> None:
    (project.root / "blocker").write_text("a file where the state directory should be\n", encoding="utf-8")
    project.write("duban.toml", SETTINGS.replace("state/duban.db", "blocker/state/duban.db"))
    once = duban("run", "--once", "--config", str(project.config), "--now", "2021-06-30T10:00")
    assert once.code == 1
    assert "blocker" in once.err and "Traceback" not in once.err, once.err
    with Service(project, "2021-06-30T10:00") as daemon:  # a process: the daemon sets up the process's logging
        assert daemon.ended() == 1
    assert "blocker" in daemon.text() and "Traceback" not in daemon.text(), daemon.text()
    assert not list((project.root / "outbox").glob("*"))


def test_a_second_daemon_on_the_same_state_exits_1_and_the_first_runs_on(project: Project) -> None:
    with Service(project, "2021-06-30T10:00") as first:
        first.wait_for("pass at")
        with Service(project, "2021-06-30T10:00") as second:
            assert second.proc.wait(30) == 1
            second.reader.join(10)
        first.send(signal.SIGHUP)
        first.wait_for("reloaded")
        assert first.stop() == 0
    assert "另一个 duban run 正在使用状态文件" in second.text() and "Traceback" not in second.text()


def test_a_zone_changed_by_a_reload_is_the_zone_of_now(project: Project, duban: Duban) -> None:
    """Defect: the daemon's clock kept the zone it started with, so after a reload to another zone
    "today" (calendar notices, retention, the web's dates) and every recorded time stayed in the old one."""
    state = State(project.root / "state" / "duban.db", dry_run=False)
    shanghai = datetime(2021, 6, 30, 16, tzinfo=ZoneInfo("Asia/Shanghai"))  # 10:00 in Berlin
    daemon = Daemon(project.config, make_app(project.config, FakeChannel("email")), state, FixedClock(shanghai))
    try:
        project.write("duban.toml", _zone_settings("Europe/Berlin"))
        asyncio.run(daemon.reload())
        assert daemon.now().isoformat() == "2021-06-30T10:00:00+02:00"
        assert asyncio.run(daemon.one_pass()) == 0
    finally:
        asyncio.run(daemon.app.aclose())
        state.close()
    handled = {str(r["handled_at"]) for r in _history(duban, project) if r["state"] == "sent"}
    assert handled == {"2021-06-30T10:00:00+02:00"}


def test_a_clock_stepped_back_and_forward_sends_nothing_twice(project: Project, duban: Duban) -> None:
    """An NTP step back a day, then on again, then a resume three weeks later (the fake clock moves)."""
    email = FakeChannel("email")
    state = State(project.root / "state" / "duban.db", dry_run=False)
    clock = FixedClock(datetime(2021, 6, 30, 10, tzinfo=ZoneInfo("Asia/Shanghai")))
    daemon = Daemon(project.config, make_app(project.config, email), state, clock)
    seen: list[list[str]] = []

    async def passes() -> None:
        daemon.scheduler.start()
        try:
            for step in (timedelta(0), timedelta(days=-1), timedelta(days=1, minutes=5), timedelta(days=21)):
                clock.advance(step)
                assert await daemon.one_pass() == 0
                seen.append(email.units())
        finally:
            daemon.scheduler.shutdown(wait=False)

    try:
        asyncio.run(passes())
    finally:
        asyncio.run(daemon.app.aclose())
        state.close()
    first = ["海东市", "省司法厅", "西宁市"]
    assert seen[:3] == [first, first, first]
    assert sorted(set(seen[3]) - set(first)) == ["督查室"] and len(seen[3]) == 7  # one 逾期催办 each
    rows = _history(duban, project)
    assert sorted(str(r["stage"]) for r in rows if r["state"] == "sent") == ["到期提醒"] * 3 + ["逾期催办"] * 4


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_the_service_as_the_unit_file_runs_it_credentials_and_state_directory(project: Project, tmp_path: Path,
                                                                             supervisor: Supervisor) -> None:
    """LoadCredential= gives `smtp_password` and a directory `wecom` as `wecom_<file>` in
    $CREDENTIALS_DIRECTORY; StateDirectory= gives $STATE_DIRECTORY, which wins over `state`."""
    creds, state_dir = tmp_path / "credentials", tmp_path / "var-lib-duban"
    creds.mkdir()
    state_dir.mkdir()
    (creds / "smtp_password").write_text("授权码-1", encoding="utf-8")
    (creds / "wecom_sft").write_text("robot-key-sft", encoding="utf-8")
    box = Mailbox()
    robot = WecomRobot(keys={"robot-key-sft"})
    with SmtpServer(box, auth=("duban", "授权码-1")) as srv, WecomServer(robot) as wecom:
        project.write("duban.toml", SETTINGS + email_channel(srv.port, 'username = "duban"\n'
                                                                       'password_file = "smtp_password"\n')
                      + f'\n[channels.wecom]\nbase_url = "{wecom.url}"\n')
        project.write("units.toml", UNITS.replace('email = ["sft@example.gov.cn"]',
                                                  'email = ["sft@example.gov.cn"]\nwecom_key_file = "wecom_sft"'))
        env = supervisor.env(CREDENTIALS_DIRECTORY=str(creds), STATE_DIRECTORY=str(state_dir),
                             JOURNAL_STREAM="8:1234")
        with Service(project, "2021-06-30T10:00", env) as svc:
            supervisor.next("READY=1")
            svc.wait_for("pass at")
            assert svc.stop() == 0
    assert _recipients(box) == ["hd@example.gov.cn", "sft@example.gov.cn", "xn@example.gov.cn"]
    assert len(robot.accepted) == 1
    assert (state_dir / "duban.db").is_file() and not (project.root / "state").exists()
    assert "robot-key-sft" not in svc.text() and "授权码" not in svc.text()


@pytest.mark.parametrize(("send_at", "send_until", "told"), [
    ("09:00", "09:00", "duban.toml send_until：应晚于 send_at（09:00）"),
    ("18:00", "09:00", "duban.toml send_until：应晚于 send_at（18:00）"),
    ("00:00", "24:00", "duban.toml send_until：时间“24:00”写法不对，应为 24 小时制“时:分”"),
])
def test_an_empty_or_reversed_window_is_refused_by_check_and_run(project: Project, duban: Duban, send_at: str,
                                                                 send_until: str, told: str) -> None:
    project.write("duban.toml", _zone_settings("Asia/Shanghai", send_at, send_until))
    for args in (("check",), ("run", "--once"), ("run",)):
        result = duban(*args, "--config", str(project.config), "--now", "2021-06-30T10:00")
        assert result.code == 1
        assert told in result.out + result.err and "Traceback" not in result.out + result.err


@pytest.mark.parametrize(("moment", "is_open"), [
    ("2021-06-30T00:00", True), ("2021-06-30T23:58:59", True), ("2021-06-30T23:59", False),
    ("2021-07-03T00:00", False),  # a Saturday
])
def test_a_window_from_midnight_to_the_last_minute(project: Project, moment: str, is_open: bool) -> None:
    project.write("duban.toml", _zone_settings("Asia/Shanghai", "00:00", "23:59"))
    window = make_app(project.config).window
    now = datetime.fromisoformat(moment).replace(tzinfo=ZoneInfo("Asia/Shanghai"))
    assert window.open_at(now) is is_open
    assert window.next_opening(now).isoformat() == ("2021-07-01T00:00:00+08:00" if moment.startswith("2021-06-30")
                                                    else "2021-07-05T00:00:00+08:00")


def test_a_web_port_taken_at_a_reload_is_logged_and_tried_again_at_the_next(project: Project) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = int(taken.getsockname()[1])
        with Service(project, "2021-06-30T10:00") as svc:
            svc.wait_for("pass at")
            project.write("duban.toml", SETTINGS + _web(port))
            svc.wait_for(f"网页服务无法在 127.0.0.1:{port} 上启动")
            svc.wait_for("reloaded")
            taken.close()  # the port is free again: `systemctl reload` brings the pages up
            svc.send(signal.SIGHUP)
            svc.wait_for("web pages on")
            assert _health(port).startswith("ok")
            assert svc.stop() == 0


@pytest.mark.parametrize(("start", "seconds", "expected"), [
    ("2021-03-28T01:30", 3600, "2021-03-28T03:30:00+02:00"),  # 02:00 CET is 03:00 CEST
    ("2021-10-31T01:30", 7200, "2021-10-31T02:30:00+01:00"),  # 02:30 CEST, 02:00 CET again, 02:30 CET
])
def test_now_shifted_by_the_now_option_runs_in_real_time_across_a_change(start: str, seconds: float,
                                                                        expected: str) -> None:
    """Defect (`--now` previews): the shifted clock added the elapsed time on the wall clock, an hour
    off across the change."""
    from scheduler.clock import ShiftedClock

    elapsed = [0.0]
    clock = ShiftedClock(datetime.fromisoformat(start).replace(tzinfo=BERLIN), lambda: elapsed[0])
    elapsed[0] = seconds
    assert clock.now().isoformat() == expected
    fixed = FixedClock(datetime.fromisoformat(start).replace(tzinfo=BERLIN))
    fixed.advance(timedelta(seconds=seconds))
    assert fixed.now().isoformat() == expected


def test_sigterm_while_a_reload_waits_for_the_files_to_rest_stops_at_once(project: Project,
                                                                           supervisor: Supervisor) -> None:
    done = threading.Event()

    def keep_writing() -> None:  # a program rewriting the tasks file until told to stop (at most 20 s)
        end = time_module.monotonic() + 20
        n = 0
        while not done.wait(0.005) and time_module.monotonic() < end:
            project.write("tasks.toml", TASKS + f"# 第{n}次\n")
            n += 1

    writer = threading.Thread(target=keep_writing)
    with Service(project, "2021-06-30T10:00", supervisor.env()) as svc:
        svc.wait_for("pass at")
        writer.start()
        try:
            supervisor.next("RELOADING=1")
            svc.send(signal.SIGTERM)
            code = svc.proc.wait(5)  # not after the 10 s a reload waits at most for the files to rest
        finally:
            done.set()
            writer.join(10)
        svc.reader.join(10)
    assert code == 0
    assert "reloaded" not in svc.text() and "reload failed" not in svc.text()


@pytest.mark.parametrize("usec", ["0", "", "-5", "1e6", "abc"])
def test_a_watchdog_interval_that_is_not_a_positive_number_pings_nothing(usec: str) -> None:
    from scheduler.systemd import Notifier

    assert Notifier({"NOTIFY_SOCKET": "@x", "WATCHDOG_USEC": usec}).watchdog_interval is None


def test_a_failed_reload_shows_in_the_status_line(project: Project, supervisor: Supervisor) -> None:
    """`systemctl status duban` showed "下一次发送：…" as if nothing were wrong."""
    with Service(project, "2021-07-03T10:00", supervisor.env()) as svc:
        supervisor.next("STATUS=下一次发送：")
        project.write("tasks.toml", BAD_LEAD)
        supervisor.next("RELOADING=1")
        status = supervisor.next("STATUS=")
        supervisor.next("READY=1")
        assert svc.stop() == 0
    assert status == "STATUS=配置文件有误，仍按上一版有效配置运行（详见日志）"


def test_a_pass_that_ends_after_the_window_arms_the_next_from_its_end(project: Project) -> None:
    """A pass started at 17:55 whose sends take ten minutes each: the next pass is tomorrow's 09:00
    counted from the pass's end (the timer was counted from its start: half an hour late)."""
    shanghai = ZoneInfo("Asia/Shanghai")
    clock = FixedClock(datetime(2021, 6, 30, 17, 55, tzinfo=shanghai))
    email = FakeChannel("email", hook=lambda _m: clock.advance(timedelta(minutes=10)))
    state = State(project.root / "state" / "duban.db", dry_run=False)
    daemon = Daemon(project.config, make_app(project.config, email), state, clock)

    async def one() -> timedelta:
        daemon.scheduler.start()
        try:
            assert await daemon.one_pass() == 0
            job = daemon.scheduler.get_job("next")
            due: datetime = job.next_run_time
            return due - datetime.now(UTC)
        finally:
            daemon.scheduler.shutdown(wait=False)

    try:
        ahead = asyncio.run(one())
    finally:
        asyncio.run(daemon.app.aclose())
        state.close()
    assert len(email.sent) == 3  # (the pass's own budget runs on the deliverer's clock: all three went)
    assert clock.now() == datetime(2021, 6, 30, 18, 25, tzinfo=shanghai)
    assert abs(ahead - timedelta(hours=14, minutes=35)) < timedelta(minutes=1), ahead


def _holds_open(pid: int, path: Path) -> bool:
    try:
        return any(os.readlink(fd) == str(path) for fd in Path(f"/proc/{pid}/fd").iterdir())
    except OSError:
        return False


def test_an_edit_made_while_the_state_is_locked_at_start_up_is_loaded(project: Project) -> None:
    """Defect: the files are read before the state is opened and watched only once the daemon runs;
    a tasks file edited while a locked state was waited for (minutes, hours) was never loaded."""
    db = project.root / "state" / "duban.db"
    other = _locked_database(db)
    with Service(project, "2021-06-30T10:00") as svc:
        try:
            assert _until(lambda: _holds_open(svc.proc.pid, db)), "the daemon never opened the state"
            project.write("tasks.toml", TASKS + T02)
        finally:
            other.execute("COMMIT")
            other.close()
        svc.wait_for("duban started: 1 tasks")
        svc.wait_for("reloaded 2 tasks")
        assert svc.stop() == 0


def test_sigterm_while_a_reload_notice_hangs_on_the_server_stops_within_the_grace(project: Project,
                                                                                 duban: Duban) -> None:
    """The notice of a failed reload is sent from the reload, not from a pass: a server that never
    answers held SIGTERM for the whole channel timeout (here 60 s; up to 600 s, past TimeoutStopSec)."""
    hung = Mailbox(hold=True)
    with SmtpServer(hung) as srv:
        _with_email(project, srv.port)
        project.write("duban.toml", (project.root / "duban.toml").read_text(encoding="utf-8")
                      .replace("timeout = 5", "timeout = 60"))
        with Service(project, "2021-06-03T10:00") as svc:  # nothing due yet: the pass sends nothing
            svc.wait_for("pass at")
            project.write("tasks.toml", BAD_LEAD)
            svc.wait_for("reload failed")
            assert hung.data_started.wait(20)
            svc.send(signal.SIGTERM)
            started = time_module.monotonic()
            code = svc.proc.wait(30)
            took = time_module.monotonic() - started
            svc.reader.join(10)
    assert code == 0, svc.text()
    assert took < 15, took  # STOP_GRACE (10 s), as for a send of a pass
    project.write("tasks.toml", TASKS)
    box = Mailbox()
    with SmtpServer(box) as srv:
        _with_email(project, srv.port)
        assert duban("run", "--once", "--config", str(project.config), "--now", "2021-06-03T10:05").code == 0
    assert box.subjects() == ["【督办系统】配置文件有误，仍按上一版有效配置运行"]  # the cut notice, sent once
