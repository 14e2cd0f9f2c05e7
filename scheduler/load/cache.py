"""Tasks files parsed by an earlier build, kept for the next reload (SPEC: a reload stays fast).

A reload rebuilds the whole configuration; at 20,000 tasks most of that time is parsing and
validating tasks files that did not change. An entry is reused only when the file's bytes and
everything its validation depends on (the settings and units files, by content) are the same,
so an edit of one tasks file re-parses that file only. Content digests rather than
(mtime, size, inode): two same-size edits within one clock tick keep the same mtime.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from scheduler.errors import Problem, Severity
from scheduler.model import Task

LIMIT = 64  # entries (one per tasks file path)


@dataclass(frozen=True, slots=True)
class _Entry:
    key: tuple[str, ...]
    tasks: tuple[Task, ...]
    problems: tuple[Problem, ...]


_ENTRIES: dict[Path, _Entry] = {}


def digest(path: Path) -> str | None:
    """The content digest of a file, or None when it cannot be read (the loader reports that)."""
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    except OSError:
        return None


def tasks_of(path: Path, depends: tuple[str | None, ...],
             parse: Callable[[], tuple[list[Task], list[Problem]]]) -> tuple[list[Task], list[Problem]]:
    """The tasks (and the warnings found) of `path`, parsed by `parse` unless an entry fits."""
    own = digest(path)
    if own is None or None in depends:
        return parse()
    key = (own, *(d or "" for d in depends))
    entry = _ENTRIES.get(path)
    if entry is not None and entry.key == key:
        return list(entry.tasks), list(entry.problems)
    tasks, problems = parse()
    _ENTRIES.pop(path, None)
    if len(_ENTRIES) >= LIMIT:
        del _ENTRIES[next(iter(_ENTRIES))]
    _ENTRIES[path] = _Entry(key, tuple(tasks), tuple(problems))
    return tasks, problems


def known_good(path: Path, data: bytes) -> bool:
    """Whether these bytes are the content of `path` (resolved) as last loaded, without an error: the
    write-back then need not parse the whole file again to know it is valid."""
    entry = _ENTRIES.get(path)
    return (entry is not None and entry.key[0] == hashlib.blake2b(data, digest_size=16).hexdigest()
            and not any(p.severity is Severity.ERROR for p in entry.problems))
