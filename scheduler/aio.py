"""Small asyncio helpers shared by the daemon and the watcher."""

from __future__ import annotations

import asyncio


async def first_of(*events: asyncio.Event) -> None:
    """Wait until any of `events` is set."""
    waiters = [asyncio.create_task(e.wait()) for e in events]
    try:
        await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for w in waiters:
            w.cancel()


async def cancel(task: asyncio.Task[int]) -> None:
    """Cancel and wait; cancel again while a client's clean-up (SMTP QUIT to a hung server) holds it."""
    for _ in range(10):
        task.cancel()
        done, _pending = await asyncio.wait({task}, timeout=0.5)
        if done:
            return
