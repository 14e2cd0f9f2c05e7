"""config/duban.toml → Settings (SPEC §2.1). Paths resolve against the settings file's directory."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from scheduler.errors import ConfigError, Problem, Severity
from scheduler.load.holiday_files import HolidayFile, load_holiday_file
from scheduler.load.reader import read_toml
from scheduler.load.report_settings import ReportSettings, parse_report
from scheduler.load.robots import RobotSettings, robot_settings
from scheduler.load.schema import Report, Section, timeout_of
from scheduler.load.web import WebSettings, parse_web
from scheduler.model import DEFAULT_POLICY, Policy, Role, SecretRef, Stage
from scheduler.workdays import FALLBACKS, CalendarYear

SECURITY_MODES = ("tls", "starttls", "none")
_ROLE_NAMES = tuple(r.value for r in Role)


@dataclass(frozen=True, slots=True)
class CalendarSettings:
    fallback: str = "statutory"
    due_rule: str = "on_or_before"
    years: Mapping[int, CalendarYear] = field(default_factory=dict)
    files: tuple[HolidayFile, ...] = ()


@dataclass(frozen=True, slots=True)
class EmailSettings:
    host: str
    port: int
    security: str
    sender: str
    username: str = ""
    password: SecretRef | None = None
    timeout: float = 30.0


WECOM_URL = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send"


@dataclass(frozen=True, slots=True)
class WecomSettings:
    base_url: str = WECOM_URL
    per_minute: int = 20
    timeout: float = 15.0


@dataclass(frozen=True, slots=True)
class Settings:
    path: Path
    timezone: ZoneInfo
    send_at: time
    send_until: time
    tasks: tuple[Path, ...]
    units: Path
    state: Path
    coordinator: str
    outbox: Path
    calendar: CalendarSettings = field(default_factory=CalendarSettings)
    policies: Mapping[str, Policy] = field(default_factory=dict)
    email: EmailSettings | None = None
    wecom: WecomSettings | None = None
    dingtalk: RobotSettings | None = None
    feishu: RobotSettings | None = None
    web: WebSettings | None = None
    report: ReportSettings | None = None

    @property
    def label(self) -> str:
        return self.path.name


def load_settings(path: Path, report: Report | None = None) -> Settings:
    """Load and validate; without `report`, raise ConfigError on the first batch of errors."""
    problems: list[Problem] = []
    data = read_toml(path)
    settings = parse_settings(data, path, report or problems.append)
    if any(p.severity is Severity.ERROR for p in problems):
        raise ConfigError(problems)
    return settings


def parse_settings(data: dict[str, Any], path: Path, report: Report) -> Settings:
    sec = Section(data, report, path.name, "")
    base = _Base(path.parent)
    tz = _timezone(sec)
    send_at = _clock(sec, "send_at", time(9, 0))
    send_until = _clock(sec, "send_until", time(18, 0))
    if send_at >= send_until:
        sec.error("send_until", f"应晚于 send_at（{send_at:%H:%M}）")
    channels = sec.child(sec.table("channels"), "[channels]")
    settings = Settings(
        path=path, timezone=tz, send_at=send_at, send_until=send_until,
        tasks=_task_paths(sec, base), units=base / sec.text("units", default="units.toml"),
        state=_state_path(sec, base), coordinator=sec.text("coordinator", required=True),
        outbox=_outbox(channels, base), calendar=_calendar(sec, base), policies=_policies(sec),
        email=_email(channels, base), wecom=_wecom(channels),
        dingtalk=robot_settings(channels, "dingtalk"), feishu=robot_settings(channels, "feishu"),
        report=parse_report(sec),
        web=parse_web(sec, base.directory, lambda s, stem, b: secret_ref(s, stem, _Base(b))),
    )
    channels.finish()
    sec.finish()
    return settings


class _Base:
    """The settings file's directory: `base / "../x"` gives a normalised path."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def __truediv__(self, other: str) -> Path:
        return Path(os.path.normpath(self.directory / other))


def _timezone(sec: Section) -> ZoneInfo:
    name = sec.text("timezone", default="Asia/Shanghai")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        sec.error("timezone", f"未知的时区“{name}”，应为 IANA 时区名，如 \"Asia/Shanghai\"")
        return ZoneInfo("Asia/Shanghai")


def _clock(sec: Section, key: str, default: time) -> time:
    text = sec.get(key, str)
    if text is None:
        return default
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", text.strip())
    if match and int(match[1]) < 24 and int(match[2]) < 60:
        return time(int(match[1]), int(match[2]))
    sec.error(key, f"时间“{text}”写法不对，应为 24 小时制“时:分”，如 \"09:00\"")
    return default


def _task_paths(sec: Section, base: _Base) -> tuple[Path, ...]:
    names = sec.texts("tasks")
    return tuple(base / n for n in names) if names else (base / "../tasks.toml",)


def _state_path(sec: Section, base: _Base) -> Path:
    state = sec.text("state", default="../state/duban.db")
    directory = os.environ.get("STATE_DIRECTORY")
    if directory:  # systemd's StateDirectory= wins (SPEC §2.1); it may list several
        return Path(directory.split(":")[0]) / "duban.db"
    return base / state


def _outbox(channels: Section, base: _Base) -> Path:
    out = channels.child(channels.table("outbox"), "[channels.outbox]")
    path = base / out.text("dir", default="../outbox")
    out.finish()
    return path


def _calendar(sec: Section, base: _Base) -> CalendarSettings:
    cal = sec.child(sec.table("calendar"), "[calendar]")
    fallback = cal.text("fallback", default="statutory")
    if fallback not in FALLBACKS:
        cal.error("fallback", f"应为 \"statutory\"、\"weekends\" 或 \"error\"，实际是“{fallback}”")
        fallback = "statutory"
    due_rule = cal.text("due_rule", default="on_or_before")
    if due_rule != "on_or_before":
        cal.error("due_rule", f"目前只支持 \"on_or_before\"，实际是“{due_rule}”")
    years: dict[int, CalendarYear] = {}
    for key, table in cal.table("years").items():
        year_sec = cal.child(table if isinstance(table, dict) else {}, f"[calendar.years.{key}]")
        if not (key.isdigit() and 2000 <= int(key) <= 2099):
            year_sec.error("", f"年份“{key}”不合理，应为 2000–2099 之间的四位数字")
        elif not isinstance(table, dict):
            year_sec.error("", "应为表（holidays = [...]，workdays = [...]）")
        else:
            years[int(key)] = _year(year_sec)
    files = tuple(f for i, name in enumerate(cal.texts("files")) if (f := _holiday_file(cal, base, i, name)))
    cal.finish()
    return CalendarSettings(fallback, due_rule, years, files)


def _holiday_file(cal: Section, base: _Base, i: int, name: str) -> HolidayFile | None:
    path = base / name
    if not path.is_file():
        cal.error(f"files[{i}]", f"找不到节假日文件“{name}”（{path}）")
        return None
    return load_holiday_file(path, name, cal.report)


def _year(sec: Section) -> CalendarYear:
    holidays = _date_set(sec, "holidays")
    workdays = _date_set(sec, "workdays")
    for d in sorted(holidays & workdays):
        sec.error("workdays", f"{d.isoformat()} 同时写在 holidays 和 workdays 中")
    sec.finish()
    return CalendarYear(frozenset(holidays), frozenset(workdays))


def _date_set(sec: Section, key: str) -> set[date]:
    out: set[date] = set()
    for i, item in enumerate(sec.get(key, list) or ()):
        if isinstance(item, date):
            out.add(item)
        elif isinstance(item, str):
            out |= _date_range(sec, f"{key}[{i}]", item)
        else:
            sec.error(f"{key}[{i}]", "应为日期字符串 \"2027-01-01\" 或范围 \"2027-10-01..2027-10-03\"")
    return out


def _date_range(sec: Section, key: str, text: str) -> set[date]:
    parts = [p.strip() for p in text.split("..")]
    try:
        ends = [date.fromisoformat(p) for p in parts]
    except ValueError:
        ends = []
    if len(ends) not in (1, 2) or len(ends) != len(parts):
        sec.error(key, f"“{text}”不是日期或日期范围，应为 \"2027-01-01\" 或 \"2027-10-01..2027-10-03\"")
        return set()
    first, last = ends[0], ends[-1]
    if first > last:
        sec.error(key, f"范围“{text}”的起始日期晚于结束日期")
        return set()
    return {date.fromordinal(o) for o in range(first.toordinal(), last.toordinal() + 1)}


def _policies(sec: Section) -> dict[str, Policy]:
    policies = {"default": DEFAULT_POLICY}
    for name, table in sec.table("policy").items():
        psec = sec.child(table if isinstance(table, dict) else {}, f"[policy.{name}]")
        stages = tuple(_stage(psec.child(t, f"[policy.{name}] stages[{i}]"))
                       for i, t in enumerate(psec.tables("stages")))
        if not stages:
            psec.error("stages", "至少需要一个阶段")
        names = [s.name for s in stages]
        for dup in sorted({n for n in names if names.count(n) > 1}):
            psec.error("stages", f"阶段名称“{dup}”重复：同一策略中的阶段名称必须不同")
        psec.finish()
        policies[name] = Policy(name, stages)
    return policies


def _stage(sec: Section) -> Stage:
    name = sec.text("name", required=True)
    offset = sec.integer("offset")
    if offset is None and "offset" not in sec.data:
        sec.error("offset", "缺少必填项（距到期日的工作日数，如 -3、0、1）")
    roles = []
    for i, role in enumerate(sec.texts("to", required=True)):
        if role in _ROLE_NAMES:
            roles.append(Role(role))
        else:
            sec.error(f"to[{i}]", f"未知的角色“{role}”，应为 lead、responsible、cooperating、coordinator 之一")
    repeat = sec.integer("repeat_every")
    if repeat is not None and repeat < 1:
        sec.error("repeat_every", "应为正整数（每隔几个工作日重复一次）")
        repeat = None
    sec.finish()
    return Stage(name, offset or 0, tuple(roles), repeat)


def _email(channels: Section, base: _Base) -> EmailSettings | None:
    em = channels.optional("email", "[channels.email]")
    if em is None:
        return None
    security = em.text("security", default="tls")
    if security not in SECURITY_MODES:
        em.error("security", f"应为 \"tls\"（465 端口）、\"starttls\"（587 端口）或 \"none\"，实际是“{security}”")
    port = em.integer("port", 465 if security == "tls" else 587 if security == "starttls" else 25)
    if port is not None and not 0 < port < 65536:
        em.error("port", f"端口 {port} 不在 1–65535 之间")
    settings = EmailSettings(
        host=em.text("host", required=True), port=port or 465, security=security,
        sender=em.text("sender", required=True), username=em.text("username"),
        password=secret_ref(em, "password", base), timeout=timeout_of(em, 30),
    )
    em.finish()
    return settings


def _wecom(channels: Section) -> WecomSettings | None:
    wc = channels.optional("wecom", "[channels.wecom]")
    if wc is None:
        return None
    base_url = wc.text("base_url", default=WECOM_URL)
    if not re.match(r"https?://[^/\s]+", base_url) or "key=" in base_url:
        wc.error("base_url", "应为 http(s) 地址且不含 key=（机器人密钥写在 units.toml 的 "
                 "wecom_key_env/wecom_key_file）")
    per_minute = wc.integer("per_minute", 20) or 20
    if not 1 <= per_minute <= 20:
        wc.error("per_minute", "应为 1–20 之间的整数（平台限制每个机器人每分钟 20 条）")
    timeout = timeout_of(wc, 15)
    wc.finish()
    return WecomSettings(base_url, per_minute, timeout)


def secret_ref(sec: Section, stem: str, base: _Base | Path) -> SecretRef | None:
    """`<stem>_env` or `<stem>_file` (exactly one); a literal `<stem>` is refused."""
    if stem in sec.data:
        sec.used.add(stem)
        sec.error(stem, f"不允许把密钥直接写在配置文件中：请改用 {stem}_env 或 {stem}_file")
    env = sec.text(f"{stem}_env")
    file = sec.text(f"{stem}_file")
    if env and file:
        sec.error(f"{stem}_file", f"{stem}_env 和 {stem}_file 只能写一个")
    if env:
        return SecretRef(env=env)
    if file:
        return SecretRef(file=base / file)
    return None
