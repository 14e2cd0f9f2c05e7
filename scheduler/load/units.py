"""config/units.toml → Directory: units, aliases and groups, with names resolved (SPEC §2.2)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scheduler.load.robots import robot_refs
from scheduler.load.schema import Report, Section, did_you_mean
from scheduler.load.settings import secret_ref
from scheduler.model import Group, Unit

_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"  # a domain label: no leading or trailing hyphen
# local part: no spaces, brackets, separators, colons ("mailto:") or control characters; no empty dot-atom
_EMAIL = re.compile(r"(?!\.)(?:[^@\s<>\"',;:()\[\]\\\x00-\x1f\x7f-\x9f.]|\.(?!\.))+(?<!\.)"
                    rf"@(?:{_LABEL}\.)+[A-Za-z]{{2,}}")
_MOBILE = re.compile(r"1\d{10}|@all")


@dataclass(frozen=True, slots=True)
class Directory:
    """Every name a task may use, and what it stands for."""

    units: Mapping[str, Unit]
    groups: Mapping[str, Group]
    aliases: Mapping[str, str]  # alias → unit name

    def known(self, name: str) -> bool:
        return name in self.units or name in self.groups or name in self.aliases

    def resolve(self, name: str) -> tuple[str, ...]:
        """Unit names for a unit, alias or group (groups expanded, in order, no repeats)."""
        if name in self.units:
            return (name,)
        if name in self.aliases:
            return (self.aliases[name],)
        out: dict[str, None] = {}
        self._expand(name, out, ())
        return tuple(out)

    def _expand(self, name: str, out: dict[str, None], path: tuple[str, ...]) -> None:
        if name in path:
            return  # cycles are reported at load time
        group = self.groups.get(name)
        if group is None:
            for unit in self.resolve(name) if self.known(name) else ():
                out.setdefault(unit, None)
            return
        for member in group.members:
            self._expand(member, out, (*path, name))

    def suggest(self, name: str) -> str:
        hidden = invisible(name)
        if hidden:  # pasted from a page or a document: the names look the same
            clean = "".join(c for c in name if not _unseen(c))
            fix = f"：应为“{clean}”" if self.known(clean) else ""
            return f"，名称中有看不见的字符（{'、'.join(hidden)}），请删除{fix}"
        names = [*self.units, *self.aliases, *self.groups]
        hint = did_you_mean(name, names)
        if not hint:
            partial = [n for n in names if name in n or n in name][:3]
            hint = ("，相近的名称：" + "、".join(f"“{n}”" for n in partial)) if partial else ""
        return hint


def parse_units(data: dict[str, Any], path: Path, report: Report) -> Directory:
    top = Section(data, report, path.name, "")
    units: dict[str, Unit] = {}
    aliases: dict[str, str] = {}
    for name, table in top.table("unit").items():
        sec = top.child(table if isinstance(table, dict) else {}, f'[unit."{name}"]')
        if not isinstance(table, dict):
            sec.error("", "应为表")
            continue
        _check_name(sec, name)
        units[name] = _unit(sec, name, path.parent)
    for name, unit in units.items():  # after every unit: an alias may name a unit defined later
        sec = top.child({}, f'[unit."{name}"]')
        for alias in unit.aliases:
            _add_alias(sec, aliases, units, alias, name)
    groups = {name: _group(top, name, table) for name, table in top.table("group").items()}
    top.finish()
    directory = Directory(units, groups, aliases)
    _check_groups(top, directory)
    return directory


def _email_hint(addr: str) -> str:
    """What was probably meant, for the usual pastes: a mailto: link, a name with the address, a list."""
    if addr.lower().startswith("mailto:"):
        return "，去掉“mailto:”"
    if "<" in addr and ">" in addr:
        return "，只写尖括号中的地址，不写姓名"
    if any(sep in addr for sep in ",;，；、") and addr.count("@") > 1:
        return "；多个地址请分别写成一项：email = [\"a@example.gov.cn\", \"b@example.gov.cn\"]"
    return ""


def _unit(sec: Section, name: str, base: Path) -> Unit:
    emails = sec.texts("email")
    for i, addr in enumerate(emails):
        if not _EMAIL.fullmatch(addr):
            shown = "".join(c if c.isprintable() or c == " " else f"\\u{ord(c):04x}" for c in addr)
            sec.error(f"email[{i}]", f"“{shown}”不是电子邮件地址（应为 name@example.gov.cn{_email_hint(addr)}）")
    mobiles = sec.texts("mention_mobiles")
    for i, mobile in enumerate(mobiles):
        if not _MOBILE.fullmatch(mobile):
            sec.error(f"mention_mobiles[{i}]", f"“{mobile}”不是 11 位手机号码")
    robots = robot_refs(sec, base)
    unit = Unit(name, sec.texts("aliases"), emails, secret_ref(sec, "wecom_key", base), mobiles,
                robots.dingtalk_token, robots.dingtalk_secret, robots.feishu_hook, robots.feishu_secret)
    sec.texts("note")
    sec.finish()
    return unit


def invisible(name: str) -> list[str]:
    """The code points of the characters in `name` that show as nothing (zero-width spaces and
    joiners, BOM, direction marks, control characters), e.g. ["U+200B"]."""
    return sorted({f"U+{ord(c):04X}" for c in name if _unseen(c)})


def _unseen(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cf", "Co", "Cn")


def _check_name(sec: Section, name: str) -> None:
    if not name.strip() or name != name.strip():
        sec.error("", "名称不能为空，前后也不能有空格（任务中的名称会去掉前后空格，这个名称无法被引用）")
    hidden = invisible(name)
    if hidden:
        sec.warn("", f"名称中有看不见的字符（{'、'.join(hidden)}），多半是从网页或文档复制时带入的；"
                     "任务中须写出同样的字符才能引用，建议删除")


def _add_alias(sec: Section, aliases: dict[str, str], units: Mapping[str, Unit],
               alias: str, name: str) -> None:
    if alias in units and alias != name:
        sec.error("aliases", f"别名“{alias}”与单位名称重复")
    elif aliases.get(alias, name) != name:
        sec.error("aliases", f"别名“{alias}”已属于单位“{aliases[alias]}”")
    elif alias != name:
        aliases[alias] = name


def _group(top: Section, name: str, table: Any) -> Group:
    sec = top.child(table if isinstance(table, dict) else {}, f'[group."{name}"]')
    _check_name(sec, name)
    members = sec.texts("members", required=True)
    if "members" in sec.data and not members:
        sec.error("members", "成员不能为空")
    sec.texts("note")
    sec.finish()
    return Group(name, members)


def _check_groups(top: Section, directory: Directory) -> None:
    for name, group in directory.groups.items():
        sec = top.child({}, f'[group."{name}"]')
        if name in directory.units or name in directory.aliases:
            sec.error("", f"分组名称“{name}”与单位名称或别名重复")
        for i, member in enumerate(group.members):
            if not directory.known(member):
                sec.error(f"members[{i}]", f"未知的单位“{member}”{directory.suggest(member)}")
        cycle = _cycle(directory, name, ())
        if cycle:
            sec.error("members", "分组循环包含：" + " → ".join(cycle))


def _cycle(directory: Directory, name: str, path: tuple[str, ...]) -> tuple[str, ...]:
    if name in path:
        return (*path[path.index(name):], name)
    group = directory.groups.get(name)
    for member in group.members if group else ():
        found = _cycle(directory, member, (*path, name))
        if found and found[0] == (path[0] if path else name):
            return found
    return ()
