"""File changes → one reload request. Directories are watched, not files: editors save by
writing a new file and renaming it over the old one, which a watch on the file would miss.

The files are read from the current App after every change (`files()`), so a tasks file added
by a reload is watched from then on. A symlink counts with its target: the directory holding
the link and the directory holding the file it points to are both watched, and a change to
either path (replacing a file by a link, editing the target) requests a reload.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from pathlib import Path

import watchfiles

from scheduler.aio import first_of

log = logging.getLogger("duban")
# watchfiles logs every batch at INFO: inside a watched directory holding the log file, its own
# lines would be changes too
logging.getLogger("watchfiles").setLevel(logging.WARNING)


def targets_of(files: tuple[Path, ...]) -> set[Path]:
    """Each file as written (absolute) and as resolved through symlinks."""
    out: set[Path] = set()
    for p in files:
        out.add(p.absolute())
        out.add(p.resolve())
    return out


async def watch_files(files: Callable[[], tuple[Path, ...]], wanted: asyncio.Event, stop: asyncio.Event,
                      reloaded: asyncio.Event | None = None) -> None:
    """Set `wanted` when one of `files()` changes. The watch runs on while the reload it asked for is
    built and the coordinator told (a fix saved meanwhile is seen: it used to be lost); the set of
    files is re-read at each change, and the watch is restarted on other directories only when a
    reload (`reloaded`, set by the daemon after each reload) changed which directories hold them."""
    while not stop.is_set():
        directories = _directories(files())
        if not directories:
            return
        halt = asyncio.Event()
        follower = asyncio.create_task(_halt_when_moved(files, directories, stop, reloaded, halt))
        try:
            async for changes in watchfiles.awatch(*directories, stop_event=halt, debounce=300, recursive=False):
                targets = targets_of(files())
                if any(Path(path).absolute() in targets or Path(path).resolve() in targets for _, path in changes):
                    wanted.set()
        except (OSError, RuntimeError) as err:
            log.warning("file watching stopped (%s); use SIGHUP (systemctl reload duban) to reload", err)
            return
        finally:
            follower.cancel()


def _directories(files: tuple[Path, ...]) -> list[str]:
    return sorted({str(p.parent) for p in targets_of(files) if p.parent.is_dir()})


async def _halt_when_moved(files: Callable[[], tuple[Path, ...]], directories: list[str], stop: asyncio.Event,
                           reloaded: asyncio.Event | None, halt: asyncio.Event) -> None:
    """Set `halt` at the stop, or after a reload that changed the directories to watch."""
    events = [stop] if reloaded is None else [stop, reloaded]
    while not stop.is_set():
        await first_of(*events)
        if reloaded is not None and reloaded.is_set():
            reloaded.clear()
            if _directories(files()) != directories:
                break
    halt.set()


Signature = tuple[tuple[int, int, int] | None, ...]


def signature(files: tuple[Path, ...]) -> Signature:
    """What a change to any of `files` changes: inode, size and modification time (None: missing)."""
    out: list[tuple[int, int, int] | None] = []
    for path in files:
        try:
            st = path.stat()
        except OSError:
            out.append(None)
            continue
        out.append((st.st_ino, st.st_size, st.st_mtime_ns))
    return tuple(out)


async def settled(files: Callable[[], tuple[Path, ...]], quiet: float, limit: float, stop: asyncio.Event) -> bool:
    """Wait until none of `files()` has changed for `quiet` seconds (at most `limit` seconds in all):
    a file rewritten in place is empty or cut short while it is being written, and a valid prefix
    (0 tasks, the first 6 of 47) would be loaded as if the coordinator had deleted the rest.
    False when `stop` was set meanwhile."""
    loop = asyncio.get_running_loop()
    end = loop.time() + limit
    seen = signature(files())
    while not stop.is_set():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), quiet)
        now = signature(files())
        if now == seen or loop.time() >= end:
            return not stop.is_set()
        seen = now
    return False
