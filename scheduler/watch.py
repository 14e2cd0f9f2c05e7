"""File changes → one reload request. Directories are watched, not files: editors save by
writing a new file and renaming it over the old one, which a watch on the file would miss."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path

import watchfiles

log = logging.getLogger("duban")


async def watch_files(files: Callable[[], tuple[Path, ...]], wanted: asyncio.Event, stop: asyncio.Event) -> None:
    """Set `wanted` when one of `files()` changes; the set of files is re-read after each change."""
    while not stop.is_set():
        targets = {p.resolve() for p in files()}
        directories = sorted({str(p.parent) for p in targets if p.parent.is_dir()})
        if not directories:
            return
        try:
            async for changes in watchfiles.awatch(*directories, stop_event=stop, debounce=300, recursive=False):
                if any(Path(path).resolve() in targets for _, path in changes):
                    wanted.set()
                    break
        except (OSError, RuntimeError) as err:
            log.warning("file watching stopped (%s); use SIGHUP (systemctl reload duban) to reload", err)
            return
