"""File changes → one reload request. Directories are watched, not files: editors save by
writing a new file and renaming it over the old one, which a watch on the file would miss.

The files are read from the current App after every change (`files()`), so a tasks file added
by a reload is watched from then on. A symlink counts with its target: the directory holding
the link and the directory holding the file it points to are both watched, and a change to
either path (replacing a file by a link, editing the target) requests a reload.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path

import watchfiles

log = logging.getLogger("duban")
RELOAD_WAIT = 10.0  # seconds the watcher waits for the reload it requested before re-reading the files
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
    """Set `wanted` when one of `files()` changes; the set of files is re-read after each change,
    once the reload it requested is done (`reloaded`, set by the daemon after each reload)."""
    while not stop.is_set():
        if reloaded is not None and wanted.is_set():
            await _first_of(reloaded, stop, timeout=RELOAD_WAIT)
            reloaded.clear()
            if stop.is_set():
                return
        targets = targets_of(files())
        directories = sorted({str(p.parent) for p in targets if p.parent.is_dir()})
        if not directories:
            return
        try:
            async for changes in watchfiles.awatch(*directories, stop_event=stop, debounce=300, recursive=False):
                if any(Path(path).absolute() in targets or Path(path).resolve() in targets for _, path in changes):
                    wanted.set()
                    break
        except (OSError, RuntimeError) as err:
            log.warning("file watching stopped (%s); use SIGHUP (systemctl reload duban) to reload", err)
            return


async def _first_of(*events: asyncio.Event, timeout: float) -> None:
    waiters = [asyncio.create_task(e.wait()) for e in events]
    try:
        await asyncio.wait(waiters, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for w in waiters:
            w.cancel()
