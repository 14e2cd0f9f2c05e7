"""A strict reader of one TOML table: typed getters, located messages, unknown keys caught.

    sec = Section(data, report, file="tasks.toml", place='[[task]] id="QH2021-02"')
    lead = sec.names("lead")        # reports "→ lead[1]: 应为文字" and returns what it could
    sec.finish()                    # reports unknown keys with "您是不是想写 …"
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from scheduler.errors import Problem, Severity

Report = Callable[[Problem], None]
_MISSING = object()

_TYPE_NAMES: dict[type, str] = {
    str: "文字（加英文双引号）", int: "整数", bool: "true 或 false", list: "数组 [...]",
    dict: "表", date: "日期（如 2021-06-30）", float: "数字",
}


def type_name(value: object) -> str:
    if isinstance(value, datetime):
        return "日期时间"
    return next((zh for t, zh in _TYPE_NAMES.items() if type(value) is t), type(value).__name__)


def did_you_mean(word: str, candidates: Iterable[str], n: int = 3) -> str:
    close = difflib.get_close_matches(word, list(candidates), n=n, cutoff=0.5)
    return "，您是不是想写 " + "、".join(f"“{c}”" for c in close) if close else ""


class Section:
    """One table of a file; every getter reports problems instead of raising."""

    def __init__(self, data: dict[str, Any], report: Report, file: str, place: str) -> None:
        self.data = data
        self.report = report
        self.file = file
        self.place = place
        self.used: set[str] = set()

    def at(self, key: str) -> str:
        return f"{self.place} → {key}" if self.place and key else self.place or key

    def error(self, key: str, message: str) -> None:
        self.report(Problem(Severity.ERROR, self.file, self.at(key), message))

    def warn(self, key: str, message: str) -> None:
        self.report(Problem(Severity.WARNING, self.file, self.at(key), message))

    def get(self, key: str, kind: type | tuple[type, ...], required: bool = False) -> Any:
        self.used.add(key)
        value = self.data.get(key, _MISSING)
        if value is _MISSING:
            if required:
                self.error(key, "缺少必填项")
            return None
        exact = type(value)  # the common case, checked first (a reload validates ~600,000 values)
        if exact is kind or (type(kind) is tuple and exact in kind):
            return value
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if (isinstance(value, bool) and bool not in kinds) or (isinstance(value, datetime) and datetime not in kinds):
            ok = False
        else:
            ok = isinstance(value, kinds)
        if not ok:
            expected = "或".join(_TYPE_NAMES.get(k, k.__name__) for k in kinds)
            self.error(key, f"应为{expected}，实际是{type_name(value)}")
            return None
        return value

    def text(self, key: str, required: bool = False, default: str = "") -> str:
        value = self.get(key, str, required)
        return default if value is None else str(value)

    def integer(self, key: str, default: int | None = None) -> int | None:
        value = self.get(key, int)
        return default if value is None else int(value)

    def day(self, key: str) -> date | None:
        value = self.get(key, date)
        return value if isinstance(value, date) else None

    def texts(self, key: str, required: bool = False) -> tuple[str, ...]:
        """An array of strings; a single string is accepted as a one-element list."""
        value = self.get(key, (list, str), required)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value,) if value.strip() else ()
        stripped = tuple([item.strip() for item in value if type(item) is str])
        if len(stripped) == len(value) and all(stripped):  # every item a non-empty string
            return stripped
        out = []
        for i, item in enumerate(value):
            if isinstance(item, str) and item.strip():
                out.append(item.strip())
            elif isinstance(item, str):
                self.error(f"{key}[{i}]", "不能是空字符串")
            else:
                self.error(f"{key}[{i}]", f"应为文字（加英文双引号），实际是{type_name(item)}")
        return tuple(out)

    def table(self, key: str) -> dict[str, Any]:
        value = self.get(key, dict)
        return value if isinstance(value, dict) else {}

    def tables(self, key: str) -> list[dict[str, Any]]:
        """An array of tables (`[[key]]`); non-table items are reported and skipped."""
        value = self.get(key, list)
        out = []
        for i, item in enumerate(value or ()):
            if isinstance(item, dict):
                out.append(item)
            else:
                self.error(f"{key}[{i}]", f"应为表，实际是{type_name(item)}")
        return out

    def child(self, data: dict[str, Any], place: str) -> Section:
        return Section(data, self.report, self.file, place)

    def optional(self, key: str, place: str) -> Section | None:
        """The sub-table `key` (e.g. `[report]`) as a Section placed at `place`; None when absent."""
        return self.child(self.table(key), place) if key in self.data else None

    def finish(self, extra_known: Iterable[str] = ()) -> None:
        known = self.used | set(extra_known)
        for key in self.data:
            if key not in known:
                self.error(key, "未知的键" + did_you_mean(key, sorted(known)))


def timeout_of(section: Section, default: int) -> float:
    """A channel's `timeout` in seconds: 1–600 (0 or a negative value made every send time out at once)."""
    value = section.integer("timeout", default)
    if value is None or not 1 <= value <= 600:
        section.error("timeout", f"应为 1–600 之间的整数（秒），默认 {default}")
        return float(default)
    return float(value)


class BaseDir:
    """The settings file's directory: `base / "../x"` gives a normalised path."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def __truediv__(self, other: str) -> Path:
        return Path(os.path.normpath(self.directory / other))
