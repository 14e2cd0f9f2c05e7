"""The exception tree of duban, and the Problem record that carries a located message.

    DubanError                    anything a coordinator or operator must be told (exit 1)
    ├── ConfigError               one or more Problems found while loading files
    ├── CalendarGapError          a date in a year without holiday data under fallback="error"
    ├── UsageError                a bad argument value on the command line (exit 2)
    └── StateError                the state database cannot be used (nothing more is sent)
        ├── StateLockedError      locked by another process beyond the bounded wait
        └── StateBrokenError      corrupt, read-only, disk full, or the file disappeared

Every message is Simplified Chinese and names the file and the place.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(Enum):
    ERROR = "错误"
    WARNING = "警告"
    INFO = "说明"


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding about one place in one file."""

    severity: Severity
    file: str
    place: str
    message: str

    def located(self) -> str:
        """`tasks.toml 第12行 [[task]] id="X" → lead[1]：message`."""
        where = f"{self.file} {self.place}".strip()
        return f"{where}：{self.message}" if where else self.message

    def __str__(self) -> str:
        return f"{self.severity.value}：{self.located()}"


class DubanError(Exception):
    """Base of all errors that are shown to a person without a traceback."""

    exit_code = 1


class ConfigError(DubanError):
    """Loading found errors; `problems` lists them all (errors and warnings)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = [p for p in problems if p.severity is Severity.ERROR]
        super().__init__("\n".join(str(p) for p in errors))


class CalendarGapError(DubanError):
    """A computation needed a year for which there is no holiday data."""

    def __init__(self, year: int) -> None:
        self.year = year
        super().__init__(
            f"{year}年没有节假日数据（calendar.fallback = \"error\"）："
            f"请在设置文件（--config，默认 config/duban.toml）的 [calendar.years.{year}] 中补充国务院办公厅通知的安排，"
            "或在 [calendar] files 中列出该年的通知文件（holiday-cn 格式 JSON）"
        )


class UsageError(DubanError):
    """A command-line argument that cannot be used."""

    exit_code = 2


class StateError(DubanError):
    """The state database cannot be used: nothing more is sent (SPEC §3.3)."""


class StateLockedError(StateError):
    """Another process held the state database longer than the bounded wait: try again later."""


class StateBrokenError(StateError):
    """Corrupt, read-only, full, or gone: the daemon stops (exit 1) rather than send unrecorded."""


_OS_REASONS = {
    "EACCES": "没有权限", "EPERM": "不允许的操作（没有权限）", "ENOENT": "文件或目录不存在", "ENOSPC": "磁盘空间已满",
    "EDQUOT": "超出磁盘配额", "EROFS": "文件系统是只读的", "EISDIR": "这是一个目录", "ENOTDIR": "路径中有一段不是目录",
    "EEXIST": "已经存在", "ENAMETOOLONG": "文件名太长", "ELOOP": "符号链接层数过多（可能指向自身）",
    "EMFILE": "打开的文件过多", "ENFILE": "系统打开的文件过多", "EIO": "读写错误（磁盘可能有故障）",
    "EBUSY": "正被占用", "EADDRINUSE": "端口已被占用", "EADDRNOTAVAIL": "本机没有这个地址", "ENOEXEC": "不是可执行文件",
}


def os_reason(err: OSError) -> str:
    """Why the OS refused, in Chinese ("没有权限", "磁盘空间已满"); the OS's own words for the rare others."""
    import errno

    name = errno.errorcode.get(err.errno or 0, "")
    return _OS_REASONS.get(name) or err.strerror or str(err)
