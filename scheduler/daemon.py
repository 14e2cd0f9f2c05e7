"""`duban run`: the long-running service.

The daemon owns its passes: APScheduler (3.11, AsyncIOScheduler, memory store, explicit zone)
only signals that a pass is wanted — at the next opening of the send window or the next retry,
and every 15 minutes inside the window (a safety sweep for clock jumps). Passes run one at a time
in the main loop, as tasks the daemon awaits.

Reload (a file change or SIGHUP): a whole new App is built and validated first and swapped in
whole between passes; otherwise the old one stays and the coordinator is told once (a message
recorded and retried like every message). SIGTERM/SIGINT: the pass starts no new send, a send in
progress may finish (at most 10 s), then the scheduler is shut down and the daemon exits 0.
A state that cannot be used: locked → reported, tried again at the next pass; corrupt,
read-only, full or gone → exit 1 with a Chinese message.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import signal
import time
from collections.abc import Callable, Coroutine
from datetime import date, datetime, timedelta
from pathlib import Path

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from scheduler.aio import cancel, first_of
from scheduler.app import App, State, build_app
from scheduler.clock import Clock, later
from scheduler.due import Outgoing
from scheduler.errors import ConfigError, DubanError, Severity, StateBrokenError, StateLockedError
from scheduler.messages import Reason
from scheduler.notices import notify
from scheduler.pass_result import PassResult, describe
from scheduler.pipeline import deliver_all, run_pass
from scheduler.retention import closing_days
from scheduler.systemd import Notifier
from scheduler.watch import settled, signature, watch_files
from scheduler.web.serve import WebServer
from scheduler.wording import run_summary

log = logging.getLogger("duban")
SAFETY_MINUTES = 15
STOP_GRACE = 10.0
COALESCE = 0.3  # seconds without a change before a reload: an editor's burst of writes is one reload
SETTLE_LIMIT = 10.0  # seconds: files that never rest are loaded anyway
LOCKED_RETRY = 60.0  # seconds between attempts to open a state locked at start-up


class Daemon:
    def __init__(self, path: Path, app: App, state: State, clock: Clock) -> None:
        self.path = path
        self.app = app
        self.state = state
        self.clock = clock
        self.stopping = asyncio.Event()
        self.reload_wanted = asyncio.Event()
        self.pass_wanted = asyncio.Event()
        self.reloaded = asyncio.Event()
        self.pruned: date | None = None  # retention runs once a day
        self.notifier = Notifier()
        self.last_pass: datetime | None = None
        self.loads = 0  # successful loads: a fault is told once per good configuration it falls back to
        self.loaded = f"{clock.now().isoformat()}#0"
        self.web: WebServer | None = None
        self.scheduler = AsyncIOScheduler(timezone=app.runtime.settings.timezone, job_defaults={
            "misfire_grace_time": 6 * 3600,  # a late pass still runs (the default 1 s drops it)
            "coalesce": True, "max_instances": 1})

    def now(self) -> datetime:
        """In the zone of the current configuration (a reload may change it; the clock keeps its own)."""
        return self.clock.now().astimezone(self.app.runtime.settings.timezone)

    async def main(self) -> int:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, self.stopping.set)
        loop.add_signal_handler(signal.SIGHUP, self.reload_wanted.set)
        if self.app.runtime.settings.web:
            await self._start_web()
        self.scheduler.start()
        self.scheduler.add_job(self._safety, "interval", minutes=SAFETY_MINUTES, id="safety")
        watcher = asyncio.create_task(watch_files(lambda: self.app.files(), self.reload_wanted, self.stopping,
                                                  self.reloaded))
        self.notifier.ready("已加载，正在检查待发提醒")
        pinger = asyncio.create_task(self.notifier.watchdog())
        log.info("duban started: %d tasks, state %s", len(self.app.runtime.tasks), self.app.runtime.settings.state)
        self.pass_wanted.set()
        try:
            return await self._loop()
        finally:
            pinger.cancel()
            watcher.cancel()
            await self._shutdown()

    async def _loop(self) -> int:
        while not self.stopping.is_set():
            await first_of(self.stopping, self.reload_wanted, self.pass_wanted)
            if self.stopping.is_set():
                break
            if self.reload_wanted.is_set():
                await self.reload(settle=True)
            if self.pass_wanted.is_set() and not self.stopping.is_set():
                self.pass_wanted.clear()
                code = await self._owned_pass()
                if code:
                    return code
        return 0

    async def _owned_pass(self) -> int:
        return await self._owned(self.one_pass())

    async def _owned(self, work: Coroutine[object, object, int]) -> int:
        """Run a pass (or a reload's notice) as a task; on SIGTERM let it finish its send (bounded), then stop."""
        task = asyncio.create_task(work)
        stop = asyncio.create_task(self.stopping.wait())
        await asyncio.wait({task, stop}, return_when=asyncio.FIRST_COMPLETED)
        stop.cancel()
        if not task.done():
            done, _ = await asyncio.wait({task}, timeout=STOP_GRACE)
            if not done:
                log.warning("a send did not finish within %.0f s; it is resent once at the next start", STOP_GRACE)
                await cancel(task)
                return 0
        return task.result()

    async def one_pass(self) -> int:
        now = self.now()
        try:
            result = await run_pass(self.app, self.state.ledger, now, self.stopping)
        except StateLockedError as err:
            log.error("%s", err)
            self.notifier.status(str(err))
            self._arm(now, later(now, timedelta(minutes=1)))
            return 0
        except StateBrokenError as err:
            log.error("%s", err)
            return 1
        self.last_pass = now
        if self.web is not None and (result.sent or result.superseded or result.failed):
            self.web.context.boards.invalidate()  # 最近提醒 changed
        if self.pruned != now.date():
            self.pruned = now.date()
            with contextlib.suppress(StateLockedError):
                if (count := self.state.ledger.prune(now, closing_days(self.app.runtime.tasks))):
                    log.info("pruned the bodies of %d messages settled, and about milestones closed, more than a year "
                             "ago", count)
        if not result.waiting or result.sent:
            summary = run_summary(describe(result), self.app.dry_run)
            log.info("pass at %s: %s", now.isoformat(timespec="seconds"), summary)
        opening = self._arm(now, result.next_attempt)
        waiting = result.due if result.waiting else result.deferred
        self.notifier.status(f"下一次发送：{opening:%Y-%m-%d %H:%M}，待发{waiting}条")
        return 0

    async def _start_web(self) -> None:
        self.web = WebServer(lambda: self.app.runtime, self.state.ledger.path, self.now,
                             lambda: self.last_pass, self.reload_wanted.set)
        await self.web.start()

    async def _follow_web(self) -> None:
        """A reload that adds, changes or removes [web]: the pages follow, as the links in messages do
        (pages that could not start, a port taken, are tried again at each reload)."""
        wanted = self.app.runtime.settings.web
        if (self.web.context.web if self.web is not None else None) == wanted:
            return
        if self.web is not None:
            await self.web.stop()
            self.web = None
        if wanted is not None:
            try:
                await self._start_web()
            except DubanError as err:
                self.web = None
                log.error("%s", err)

    async def _safety(self) -> None:
        """Retries and clock jumps matter only while messages may be sent."""
        if self.app.window.open_at(self.now()):
            self.pass_wanted.set()

    async def _wake(self) -> None:
        self.pass_wanted.set()

    def _arm(self, now: datetime, retry: datetime | None) -> datetime:
        """The next pass: the next opening of the window, or an earlier retry."""
        at = self.app.window.next_opening(now)
        if retry is not None and retry < at:
            at = max(retry, later(now, timedelta(seconds=1)))
        # real seconds (also across a summer-time change), from the pass's end: it may have taken minutes
        delay = at.timestamp() - self.now().timestamp()
        run_at = later(datetime.now(self.app.runtime.settings.timezone), timedelta(seconds=delay))
        self.scheduler.add_job(self._wake, "date", run_date=run_at, id="next", replace_existing=True)
        log.debug("next pass at %s", at.isoformat(timespec="minutes"))
        return at

    async def reload(self, settle: bool = False) -> None:
        """`settle`: first wait until the files rest (a SIGTERM meanwhile: no reload)."""
        self.reloaded.clear()
        self.notifier.reloading()
        try:
            if settle:
                if not await settled(self.app.files, COALESCE, SETTLE_LIMIT, self.stopping):
                    return
                self.reload_wanted.clear()
            await self._reload()
        finally:
            self.reloaded.set()
            self.notifier.ready()

    async def _reload(self) -> None:
        started = time.perf_counter()
        files = self.app.files
        before = signature(files())
        try:
            app = build_app(self.path, self.now, self.app.dry_run, previous=self.app,
                            unit_link=self.app.renderer.unit_link, unit_notes=self.app.renderer.unit_notes)
        except DubanError as err:
            if signature(files()) != before:  # written to while it was read: not the coordinator's mistake (yet)
                self.reload_wanted.set()
                return
            lines = ([p.located() for p in err.problems if p.severity is Severity.ERROR]
                     if isinstance(err, ConfigError) else [str(err)])
            await self._tell("配置文件有误，仍按上一版有效配置运行", lines)
            return
        if signature(files()) != before:  # read half-written: read it again once it rests
            await app.aclose()
            self.reload_wanted.set()
            return
        old, self.app = self.app, app
        self.loads += 1
        self.loaded = f"{self.now().isoformat()}#{self.loads}"
        await old.aclose()
        await self._follow_web()
        if (moved := app.runtime.settings.state) != old.runtime.settings.state:  # the lock is held on the old one
            log.warning("duban.toml 中的 state 改为 %s，重新启动 duban run 后生效；现在仍使用 %s", moved,
                        old.runtime.settings.state)
        try:
            self.state.ledger.retry_now(self.now())
        except DubanError as err:
            log.error("%s", err)
        log.info("reloaded %d tasks in %.0f ms", len(app.runtime.tasks), (time.perf_counter() - started) * 1000)
        self.pass_wanted.set()

    async def _tell(self, title: str, lines: list[str]) -> None:
        log.error("reload failed, keeping the previous configuration:\n%s", "\n".join(lines))
        self.notifier.status(f"{title}（详见日志）")  # systemctl status shows it until the next pass
        try:
            told = hashlib.sha256("\n".join([self.loaded, title, *lines]).encode()).hexdigest()
            keys = notify(self.app, self.state.ledger, title, lines, self.now(), told)
        except DubanError as err:
            log.error("%s", err)
            return
        if keys and self.app.window.open_at(self.now()):
            await self._owned(self._deliver([_notice(k) for k in keys]))

    async def _deliver(self, work: list[Outgoing]) -> int:
        await deliver_all(self.app, self.state.ledger, work, self.now(), PassResult(), self.stopping)
        return 0

    async def _shutdown(self) -> None:
        log.info("stopping")
        self.notifier.stopping()
        if self.web is not None:
            await self.web.stop()  # before the scheduler: no request outlives the services
        self.scheduler.shutdown(wait=False)
        await self.app.aclose()
        self.state.close()


def _notice(key: str) -> Outgoing:
    return Outgoing(key, Reason.NOTICE)


async def open_state(path: Path, dry_run: bool, stopping: asyncio.Event, report: Callable[[str], None],
                     lock_wait: float | None = None, retry: float = LOCKED_RETRY) -> State | None:
    """The state at start-up (SPEC 3.3): a database locked by another program (beyond its 60 s
    wait) is reported and tried again a minute later, as at a pass, instead of ending the daemon.
    None when SIGTERM/SIGINT came meanwhile."""
    while not stopping.is_set():
        try:
            return State(path, dry_run, lock_wait)
        except StateLockedError as err:
            report(str(err))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stopping.wait(), retry)
    return None
