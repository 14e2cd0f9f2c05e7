"""`duban run`: the long-running service.

APScheduler (3.11, AsyncIOScheduler, memory store, explicit zone) keeps the timers: the next pass
at the next opening of the send window, and a safety pass every 15 minutes inside the window (retries, clock jumps).
Jobs are few and derived from the files; nothing is pickled. A file change in the configuration
directories or SIGHUP requests a reload: a whole new runtime is built and validated first and
swapped in only if valid; otherwise the old one stays and the coordinator is told once.
SIGTERM/SIGINT: no new passes; a running pass may finish (bounded), then exit 0.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from scheduler import logs
from scheduler.channels.factory import open_channels
from scheduler.errors import ConfigError, DubanError, Severity
from scheduler.notify import Notifier
from scheduler.pipeline import Services, notify_coordinator, recover, run_pass
from scheduler.runtime import Runtime, build_runtime
from scheduler.service import Service, describe
from scheduler.watch import watch_files
from scheduler.web.serve import WebServer

log = logging.getLogger("duban")
SAFETY_MINUTES = 15
STOP_GRACE = 10.0


class Daemon:
    def __init__(self, path: Path, runtime: Runtime, dry_run: bool, start: datetime | None = None) -> None:
        self.path = path
        self.dry_run = dry_run
        tz = runtime.settings.timezone
        origin, mono = (start, time.monotonic()) if start else (None, 0.0)
        # --now shifts the clock: time passes from the given instant at the real pace
        self.now: Callable[[], datetime] = (
            (lambda: origin + timedelta(seconds=time.monotonic() - mono)) if origin else (lambda: datetime.now(tz)))
        self.service = Service(runtime, self.now, dry_run)
        self.stopping = asyncio.Event()
        self.reload_wanted = asyncio.Event()
        self.pass_lock = asyncio.Lock()
        self.notifier = Notifier()
        self.last_pass: datetime | None = None
        self.web: WebServer | None = None
        self.scheduler = AsyncIOScheduler(timezone=tz, job_defaults={
            "misfire_grace_time": 6 * 3600,  # a late pass still runs (the default 1 s drops it)
            "coalesce": True, "max_instances": 1})

    @property
    def services(self) -> Services:
        return self.service.services

    async def main(self) -> int:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, self.stopping.set)
        loop.add_signal_handler(signal.SIGHUP, self.reload_wanted.set)
        if self.services.runtime.settings.web:
            self.web = WebServer(lambda: self.services.runtime, self.now, lambda: self.last_pass,
                                 self.reload_wanted.set)
            await self.web.start()
        self.scheduler.start()
        self.scheduler.add_job(self.safety_pass, "interval", minutes=SAFETY_MINUTES, id="safety")
        watcher = asyncio.create_task(watch_files(self.services.runtime.files, self.reload_wanted, self.stopping))
        self.notifier.ready("已加载，正在检查待发提醒")
        pinger = asyncio.create_task(self.notifier.watchdog())
        log.info("duban started: %d tasks, state %s", len(self.services.runtime.tasks),
                 self.services.runtime.settings.state)
        try:
            await recover(self.services, self.now())
            await self.run_pass()
            await self._loop()
        finally:
            pinger.cancel()
            await self._shutdown(watcher)
        return 0

    async def _loop(self) -> None:
        while not self.stopping.is_set():
            stop = asyncio.create_task(self.stopping.wait())
            reload = asyncio.create_task(self.reload_wanted.wait())
            await asyncio.wait({stop, reload}, return_when=asyncio.FIRST_COMPLETED)
            for task in (stop, reload):
                task.cancel()
            if self.reload_wanted.is_set() and not self.stopping.is_set():
                await asyncio.sleep(0.3)  # coalesce an editor's burst of writes
                self.reload_wanted.clear()
                await self.reload()

    async def safety_pass(self) -> None:
        """Retries and clock jumps matter only while messages may be sent: outside the window this
        wake-up does nothing (the pass armed for the next opening does the work)."""
        if self.services.window.open_at(self.now()):
            await self.run_pass()

    async def run_pass(self) -> None:
        if self.stopping.is_set():
            return
        async with self.pass_lock:
            now = self.now()
            result = await run_pass(self.services, now)
            self.last_pass = now
            if self.web is not None:
                self.web.context.boards.invalidate()  # 最近提醒 may have changed
            if not result.waiting or result.sent:
                log.info("pass at %s: %s", now.isoformat(timespec="seconds"), describe(result))
            opening = self.arm(now)
            waiting = result.due if result.waiting else result.retry
            self.notifier.status(f"下一次发送：{opening:%Y-%m-%d %H:%M}，待发{waiting}条")

    def arm(self, now: datetime) -> datetime:
        """The next pass at the next opening of the send window."""
        opening = self.services.window.next_opening(now)
        delay = max(0.0, (opening - now).total_seconds())
        run_at = datetime.now(self.services.runtime.settings.timezone) + timedelta(seconds=delay)
        self.scheduler.add_job(self.run_pass, "date", run_date=run_at, id="next", replace_existing=True)
        log.debug("next pass at %s", opening.isoformat(timespec="minutes"))
        return opening

    async def reload(self) -> None:
        self.notifier.reloading()
        try:
            await self._reload()
        finally:
            self.notifier.ready()

    async def _reload(self) -> None:
        started = time.perf_counter()
        try:
            runtime = build_runtime(self.path, strict_secrets=not self.dry_run)
            channels = open_channels(runtime, self.now, self.dry_run)
        except ConfigError as err:
            lines = [p.located() for p in err.problems if p.severity is Severity.ERROR]
            log.error("reload failed, keeping the previous configuration:\n%s", "\n".join(lines))
            await notify_coordinator(self.services, "配置文件有误，仍按上一版有效配置运行", lines, self.now())
            return
        except DubanError as err:
            log.error("reload failed, keeping the previous configuration: %s", err)
            await notify_coordinator(self.services, "配置文件有误，仍按上一版有效配置运行", [str(err)], self.now())
            return
        async with self.pass_lock:
            old = self.services.channels
            self.services.channels = channels
            self.services.swap(runtime)
            await old.aclose()
        log.info("reloaded %d tasks in %.0f ms", len(runtime.tasks), (time.perf_counter() - started) * 1000)
        await self.run_pass()

    async def _shutdown(self, watcher: asyncio.Task[None]) -> None:
        log.info("stopping")
        self.notifier.stopping()
        if self.web is not None:
            await self.web.stop()  # before the scheduler: no request outlives the services
        self.scheduler.shutdown(wait=False)
        watcher.cancel()
        try:
            await asyncio.wait_for(self.pass_lock.acquire(), STOP_GRACE)  # let an in-flight pass finish
        except TimeoutError:
            log.warning("a pass did not finish within %.0f s; its pending messages are resent at start", STOP_GRACE)
        await self.service.close()


def serve(path: Path, runtime: Runtime, dry_run: bool, start: datetime | None = None) -> int:
    logs.setup()
    return asyncio.run(_serve(path, runtime, dry_run, start))


async def _serve(path: Path, runtime: Runtime, dry_run: bool, start: datetime | None) -> int:
    return await Daemon(path, runtime, dry_run, start).main()
