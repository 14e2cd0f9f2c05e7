"""An edited tasks file parsed block by block (a reload after an edit stays under a second).

At 20,000 tasks, parsing the TOML of the whole file is most of a reload's time (~0.9 s), and
task_memo.py already reuses the validated Task of every `[[task]]` block whose text did not
change. Here those blocks are not parsed at all: only the part before the first task (the
[document]) and the blocks task_memo.py will not reuse are parsed, each on its own, and the
tables go to parse_tasks with a placeholder for every reused block.

The result is the whole parse's, or WholeParse is raised before anything is reported (the
caller then parses the file whole): a block that does not parse on its own (a header inside a
multi-line string, a TOML error — the whole parse names its place), one that holds anything
but a single task (a `[document]` after the tasks), a preamble with a `task` key, a file
task_memo.py cannot split, or no previous parse of this file in the same context. A reused
block is text the previous parse read as one complete task, so it parses on its own to the same
table; blocks only add to `task`, so their union is the whole file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomli

from scheduler.errors import Problem
from scheduler.load.schema import Section
from scheduler.load.task_memo import REUSED, WholeParse, memo_for
from scheduler.load.tasks import TaskContext, document_of, headers, parse_tasks
from scheduler.model import Task


def parse_edited(text: str, path: Path, ctx: TaskContext) -> list[Task]:
    """parse_tasks over the tables of the blocks that changed; raises WholeParse."""
    lines, starts = headers(text)
    if not starts:
        raise WholeParse
    preamble = _loads(text[:starts[0]])
    table = preamble.get("document", {})
    if "task" in preamble or not isinstance(table, dict):
        raise WholeParse
    document = document_of(Section(table, _dropped, path.name, "[document]"))
    memo = memo_for(path, text, starts, [REUSED] * len(starts), path.name, ctx.directory, ctx.policies, document)
    if not memo.has_previous():
        raise WholeParse
    ends = [*starts[1:], len(text)]
    tables = [REUSED if memo.would_reuse(i, lines[i]) else _one_task(text[start:end])
              for i, (start, end) in enumerate(zip(starts, ends, strict=True))]
    return parse_tasks({**preamble, "task": tables}, text, path, ctx, memo)


def _dropped(problem: Problem) -> None:
    """The [document]'s problems are reported by parse_tasks, which reads it again."""


def _loads(text: str) -> dict[str, Any]:
    try:
        return tomli.loads(text)
    except (tomli.TOMLDecodeError, ValueError, RecursionError):
        raise WholeParse from None


def _one_task(block: str) -> dict[str, Any]:
    data = _loads(block)
    tables = data.get("task")
    if len(data) != 1 or not isinstance(tables, list) or len(tables) != 1 or not isinstance(tables[0], dict):
        raise WholeParse
    table: dict[str, Any] = tables[0]
    return table
