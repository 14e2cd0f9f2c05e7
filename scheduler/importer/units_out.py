"""`duban import --units-out FILE`: a units.toml skeleton for every unit the draft names (SPEC §4).

Collectives (各市州政府, 各地区, 国务院相关部门, 各有关区、县级市) become groups with empty
members; every other name a unit with empty contacts. An existing FILE is kept byte for byte:
only the names it has as neither unit, alias nor group are appended.
"""

from __future__ import annotations

import os
import re
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

from scheduler.errors import DubanError, os_reason
from scheduler.importer.emit import q
from scheduler.importer.parse import Draft

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
        for name in (*a.lead, *a.responsible, *a.cooperating):
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
    return "\n".join(out)


def write_units(path: Path, draft: Draft, source: str) -> Written:
    """Write (or extend) the skeleton at `path`; what was added."""
    names = named_units(draft)
    old = b""
    if path.exists():
        old, known = _known(path)
        names = [n for n in names if n not in known]
    if not names:
        return Written((), ())
    text = skeleton(names, source, header=not old.strip())
    prefix = b"" if not old or old.endswith(b"\n\n") else (b"\n" if old.endswith(b"\n") else b"\n\n")
    _atomic_write(path, old + prefix + text.encode("utf-8"))
    return Written(tuple(n for n in names if not is_collective(n)), tuple(n for n in names if is_collective(n)))


def _known(path: Path) -> tuple[bytes, set[str]]:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise DubanError(f"{path}：无法读取单位文件（{os_reason(err)}）") from None
    try:
        doc = tomllib.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise DubanError(f"{path}：单位文件不是 UTF-8 编码，请先转为 UTF-8 再追加") from None
    except tomllib.TOMLDecodeError as err:
        raise DubanError(f"{path}：单位文件不是有效的 TOML（{err}），请先修正再追加") from None
    known: set[str] = set()
    units = doc.get("unit", {})
    for name, table in units.items() if isinstance(units, dict) else ():
        known.add(name)
        aliases = table.get("aliases", []) if isinstance(table, dict) else []
        known.update(a for a in aliases if isinstance(a, str))
    groups = doc.get("group", {})
    known.update(groups if isinstance(groups, dict) else ())
    return data, known


def _atomic_write(path: Path, data: bytes) -> None:
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError as err:
        raise DubanError(f"{path}：无法写入单位文件（{os_reason(err)}）") from None
