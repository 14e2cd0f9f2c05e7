"""Fewer garbage-collector runs while a pass or a load allocates millions of objects.

CPython starts a young-generation collection every 700 net allocations and, as the long-lived
heap grows, full collections that walk every tracked object. A first pass at 20,000 tasks made
~6,000 collections (18 full ones) costing ~5 s of its ~31 s CPU, and found next to nothing:
the objects are plain values without cycles. Inside `fewer_collections()` the young generation
is collected every 50,000 allocations instead; cycles are still collected, later.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG = 50_000  # net allocations between young-generation collections (CPython's default: 700)


@contextmanager
def fewer_collections() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(max(YOUNG, before[0]), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
