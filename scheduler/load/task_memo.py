"""Tasks of an edited tasks file reused task by task (a reload after an edit stays fast).

`cache.py` reuses a whole file when its bytes did not change. After an edit of one task of a
20,000-task file, every other task's text is the same: its `[[task]]` block (the text from its
header to the next one) is keyed by a digest, and a block seen in the previous parse of that
file gives the same Task and the same problems, provided the validation context is equal (the
units directory, the policies, the file's [document]). A task moved to another line keeps its
Task (with the new line) when it produced no problem; one with problems is reused only on the
same line and index (the places in its messages name them).

The blocks map to tables one to one only when every task is written as a plain `[[task]]`
header: a file with a quoted header (`[["task"]]`), a `task = …` key, or a header count that
differs from the number of tasks (a header inside a multi-line string) is parsed whole.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from scheduler.errors import Problem
from scheduler.load.units import Directory
from scheduler.model import Document, Policy, Task

LIMIT = 64  # files remembered
_ODD = re.compile(r"""^[ \t]*(\[\[[ \t]*["']|["']?task["']?[ \t]*[=.])""", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Done:
    task: Task | None
    problems: tuple[Problem, ...]
    line: int
    index: int


@dataclass(frozen=True, slots=True)
class _Context:
    label: str
    directory: Directory
    policies: Mapping[str, Policy]
    document: Document


class WholeParse(Exception):
    """An edited file read block by block (task_blocks.py) must be parsed whole instead; nothing of
    the attempt was reported."""


class _Reused(dict[str, Any]):
    """The table of a block whose Task is reused (task_blocks.py): never read."""


REUSED: dict[str, Any] = _Reused()

# a task without problems is kept as itself (the memo stays small: the daemon keeps it)
_FILES: dict[Path, tuple[_Context, dict[int, Task | Done]]] = {}


class Memo:
    """One parse of one file: looks up the previous parse's blocks, records this one's."""

    def __init__(self, path: Path, text: str, starts: list[int], tables: list[dict[str, Any]],
                 context: _Context) -> None:
        self._path = path
        self._context = context
        self.keys: list[int] | None = None
        self._new: dict[int, Task | Done] = {}
        self._old: dict[int, Task | Done] = {}
        if len(starts) != len(tables) or _ODD.search(text):
            _FILES.pop(path, None)
            return
        ends = [*starts[1:], len(text)][:len(starts)]  # a file without any task: no block
        self.keys = [int.from_bytes(hashlib.blake2b(text[s:e].encode(), digest_size=16).digest())
                     for s, e in zip(starts, ends, strict=True)]
        previous = _FILES.get(path)
        if previous is not None and previous[0] == context:
            self._old = previous[1]

    def has_previous(self) -> bool:
        """A previous parse of this file, in the same context, can be reused from."""
        return self.keys is not None and bool(self._old)

    def would_reuse(self, index: int, line: int) -> bool:
        """Whether `reuse` will give this block's task (without recording anything)."""
        kept = self._old.get(self.keys[index]) if self.keys is not None else None
        return kept is not None and (not isinstance(kept, Done) or (kept.line, kept.index) == (line, index))

    def reuse(self, index: int, line: int) -> Done | None:
        if self.keys is None:
            return None
        kept = self._old.get(self.keys[index])
        if kept is None:
            return None
        if isinstance(kept, Done):
            if (kept.line, kept.index) != (line, index):
                return None  # its problems name its place
            self._new[self.keys[index]] = kept
            return kept
        task = kept if kept.line == line else replace(kept, line=line)
        self._new[self.keys[index]] = task
        return Done(task, (), line, index)

    def store(self, index: int, done: Done) -> None:
        if self.keys is not None:
            self._new[self.keys[index]] = done if done.problems or done.task is None else done.task

    def finish(self) -> None:
        if self.keys is None:
            return
        _FILES.pop(self._path, None)
        if len(_FILES) >= LIMIT:
            del _FILES[next(iter(_FILES))]
        _FILES[self._path] = (self._context, self._new)


def memo_for(path: Path, text: str, starts: list[int], tables: list[dict[str, Any]], label: str,
             directory: Directory, policies: Mapping[str, Policy], document: Document) -> Memo:
    return Memo(path.resolve(), text, starts, tables, _Context(label, directory, policies, document))
