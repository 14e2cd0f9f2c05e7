"""`duban import --units-out FILE`: a units.toml skeleton for every unit the draft names (SPEC §4).

Collectives (各市州政府, 各地区, 国务院相关部门, 各有关区、县级市) become groups with empty
members; every other name a unit with empty contacts. An existing FILE is kept byte for byte:
only the names it has as neither unit, alias nor group are appended (a name that is only some
group's member is not defined yet, and is appended as a unit).
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

import tomli

from scheduler.errors import DubanError, os_reason
from scheduler.importer.emit import q, toml_lines, unit_names
from scheduler.importer.parse import Draft
from scheduler.load.reader import describe_toml_error, not_utf8

_COLLECTIVE = re.compile(r"^各|[相有]关(?:部门|单位|地区|方面)|成员单位|各(?:部门|单位|地区)|、")


@dataclass(frozen=True)
class Written:
    units: tuple[str, ...]
    groups: tuple[str, ...]


def is_collective(name: str) -> bool:
    """A name that stands for several units: 各…, …相关部门, …成员单位, "市、县政府"."""
    return bool(_COLLECTIVE.search(re.sub(r"[（(][^（）()]*[）)]", "", name)) or name.startswith("各"))


def named_units(draft: Draft) -> list[str]:
    """Every unit name of the draft, in the order they first appear."""
    seen: dict[str, None] = {}
    for task in draft.tasks:
        a = task.assignment
        for name in unit_names([*a.lead, *a.responsible, *a.cooperating]):
            seen.setdefault(name, None)
    return list(seen)


def skeleton(names: list[str], source: str, header: bool) -> str:
    units = [n for n in names if not is_collective(n)]
    groups = [n for n in names if is_collective(n)]
    out: list[str] = []
    if header:
        out += [f"# 单位通讯录：duban import 根据《{source}》生成的骨架。",
                "# 请为每个单位填写联系方式，为每个分组列出成员，然后运行 duban check。", ""]
    else:
        out += [f"# —— duban import 根据 {source} 追加的单位和分组 ——", ""]
    for name in units:
        out += ["# 请填写联系方式：email = [\"…@….gov.cn\"]，和/或企业微信机器人 wecom_key_env / wecom_key_file、"
                "钉钉 dingtalk_token_env、飞书 feishu_hook_env（或相应的 _file）",
                f"[unit.{q(name)}]", "email = []", ""]
    for name in groups:
        out += ["# 集合名称：请在 members 中列出它包含的单位（每个成员也须在本文件中定义为单位）",
                f"[group.{q(name)}]", "members = []", ""]
    return toml_lines(out)[:-1]


def same_file(path: Path, fd: int) -> bool:
    """Whether `path` is the file (or pipe) open as `fd` (`--units-out tasks.toml > tasks.toml`); a
    terminal or /dev/null may well be both."""
    try:
        here, there = path.stat(), os.fstat(fd)
    except (OSError, ValueError):
        return False
    return not stat.S_ISCHR(here.st_mode) and (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def write_units(path: Path, draft: Draft, source: str) -> Written:
    """Write (or extend) the skeleton at `path`; what was added. A symlink is written through, an
    existing file keeps its mode; a read-only file, or one the result would not parse, is left alone."""
    real = Path(os.path.realpath(path))
    names = named_units(draft)
    if real.exists() and not real.is_file() and not real.is_dir():  # /dev/null, /dev/stderr, a FIFO: never
        _write_in_place(path, real, skeleton(names, source, header=True))  # read (it may block) nor replaced
        return _written(names)
    old = b""
    if real.exists():  # a dangling symlink: its target is created
        old, known = _known(path, real)
        names = [n for n in names if n not in known]
    if not names and real.exists():
        return Written((), ())  # (a new file is written even so: the loop's next step reads it)
    text = skeleton(names, source, header=not old.strip())
    newline = b"\r\n" if b"\r\n" in old else b"\n"
    gap = b"" if not old or old.endswith(b"\n\n") or old.endswith(b"\r\n\r\n") else (
        newline if old.endswith(b"\n") else newline * 2)
    data = old + gap + text.encode("utf-8").replace(b"\n", newline)
    try:
        tomllib.loads(data.decode("utf-8-sig"))
    except tomllib.TOMLDecodeError:
        raise DubanError(f"{path}：单位文件中的 unit 或 group 不是 [unit.\"名称\"] 这样的表"
                         "（如写成了内联表 unit = {…}），无法在末尾追加；请改写后再导入，文件未改动") from None
    _atomic_write(path, real, data)
    return _written(names)


def _written(names: list[str]) -> Written:
    return Written(tuple(n for n in names if not is_collective(n)), tuple(n for n in names if is_collective(n)))


def _known(path: Path, real: Path) -> tuple[bytes, set[str]]:
    try:
        data = real.read_bytes()
    except OSError as err:
        raise DubanError(f"{path}：无法读取单位文件（{os_reason(err)}）") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DubanError(f"{path}：单位文件未改动。{not_utf8(data, str(path))}") from None
    try:
        doc = tomli.loads(text)
    except tomli.TOMLDecodeError as err:
        place, hint = describe_toml_error(err)
        where = f"{place}：" if place else ""
        raise DubanError(f"{path}：单位文件不是有效的 TOML（{where}{hint}），请先修正再追加；文件未改动") from None
    if stray := [key for key in doc if key not in ("unit", "group")]:  # a tasks or settings file, say
        raise DubanError(f"{path}：这不像单位文件（其中有 units.toml 中不该有的 {'、'.join(stray[:5])}），文件未改动；"
                         "--units-out 应指向 units.toml")
    known: set[str] = set()
    units = doc.get("unit", {})
    for name, table in units.items() if isinstance(units, dict) else ():
        known.add(name)
        aliases = table.get("aliases", []) if isinstance(table, dict) else []
        known.update(a for a in aliases if isinstance(a, str))
    groups = doc.get("group", {})
    known.update(groups if isinstance(groups, dict) else ())
    return data, known


def _atomic_write(path: Path, real: Path, data: bytes) -> None:
    """A temporary file beside the real file, then rename: never half a file."""
    try:
        if real.exists():
            mode = stat.S_IMODE(real.stat().st_mode)
            if not mode & 0o222 or not os.access(real, os.W_OK):
                raise DubanError(f"{path}：单位文件是只读的（或无权写入），未改动；请让它可写（如 chmod 644）后重试")
        else:
            mode = 0o666 & ~_umask()
        fd, tmp = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.")
    except OSError as err:
        raise DubanError(f"{path}：无法写入单位文件（{os_reason(err)}）") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, real)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise DubanError(f"{path}：无法写入单位文件（{os_reason(err)}）") from None


def _write_in_place(path: Path, real: Path, text: str) -> None:
    try:
        with real.open("wb") as fh:
            fh.write(text.encode("utf-8"))
    except OSError as err:
        raise DubanError(f"{path}：无法写入单位文件（{os_reason(err)}）") from None


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
