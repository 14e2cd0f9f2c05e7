"""config/duban.toml → Settings (SPEC §2.1). Paths resolve against the settings file's directory."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from scheduler.errors import ConfigError, Problem, Severity
from scheduler.load.calendar_settings import CalendarSettings, parse_calendar
from scheduler.load.reader import read_toml
from scheduler.load.report_settings import ReportSettings, parse_report
from scheduler.load.robots import RobotSettings, robot_settings, usable_url
from scheduler.load.schema import BaseDir, Report, Section, timeout_of
from scheduler.load.web import WebSettings, loopback, parse_web
from scheduler.model import DEFAULT_POLICY, Policy, Role, SecretRef, Stage

SECURITY_MODES = ("tls", "starttls", "none")
_ROLE_NAMES = tuple(r.value for r in Role)


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
    base = BaseDir(path.parent)
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
        outbox=_outbox(channels, base), calendar=parse_calendar(sec, base), policies=_policies(sec),
        email=_email(channels, base), wecom=_wecom(channels),
        dingtalk=robot_settings(channels, "dingtalk"), feishu=robot_settings(channels, "feishu"),
        report=parse_report(sec),
        web=parse_web(sec, base.directory, lambda s, stem, b: secret_ref(s, stem, BaseDir(b))),
    )
    channels.finish()
    sec.finish()
    return settings


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


def _task_paths(sec: Section, base: BaseDir) -> tuple[Path, ...]:
    names = sec.texts("tasks")
    if "tasks" in sec.data and not names and not sec.data["tasks"]:
        sec.error("tasks", "至少列出一个任务文件，如 \"../tasks.toml\"")
    paths: list[Path] = []
    seen: dict[Path, int] = {}
    for i, name in enumerate(names):
        path = base / name
        first = seen.setdefault(path.resolve(), i)
        if first != i:  # the same file twice (or through a link) would load every task twice
            sec.error(f"tasks[{i}]", f"与 tasks[{first}] 是同一个文件（{name}），请只列一次")
            continue
        paths.append(path)
    return tuple(paths) if paths else (base / "../tasks.toml",)


def _state_path(sec: Section, base: BaseDir) -> Path:
    state = sec.text("state", default="../state/duban.db")
    directory = os.environ.get("STATE_DIRECTORY")
    if directory:  # systemd's StateDirectory= wins (SPEC §2.1); it may list several
        return Path(directory.split(":")[0]) / "duban.db"
    path = base / state
    if path.is_dir() or (path.exists() and not path.is_file()):  # a directory, /proc/…, a device
        sec.error("state", f"“{state}”是目录或设备，不是文件：应为 SQLite 状态文件的路径（如 ../state/duban.db），"
                           "文件不存在时 duban run 会创建它")
    return path


def _outbox(channels: Section, base: BaseDir) -> Path:
    out = channels.child(channels.table("outbox"), "[channels.outbox]")
    path = base / out.text("dir", default="../outbox")
    out.finish()
    return path


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


FAR_OFFSET = 250  # working days, about a year: farther is a typo more often than a plan


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
    if sec.data.get("to") == []:
        sec.error("to", "至少写一个角色（lead、responsible、cooperating、coordinator），否则这个阶段不发给任何人")
    if offset is not None and abs(offset) > FAR_OFFSET:
        sec.warn("offset", f"距到期日{abs(offset)}个工作日，超过一年（{FAR_OFFSET}个工作日），请确认没有多写一位数")
    repeat = sec.integer("repeat_every")
    if repeat is not None and repeat < 1:
        sec.error("repeat_every", "应为正整数（每隔几个工作日重复一次）")
        repeat = None
    sec.finish()
    return Stage(name, offset or 0, tuple(roles), repeat)


def _email(channels: Section, base: BaseDir) -> EmailSettings | None:
    em = channels.optional("email", "[channels.email]")
    if em is None:
        return None
    security = em.text("security", default="tls")
    if security not in SECURITY_MODES:
        em.error("security", f"应为 \"tls\"（465 端口）、\"starttls\"（587 端口）或 \"none\"，实际是“{security}”")
    port = em.integer("port", 465 if security == "tls" else 587 if security == "starttls" else 25)
    if port is not None and not 0 < port < 65536:
        em.error("port", f"端口 {port} 不在 1–65535 之间")
    sender = em.text("sender", required=True)
    if sender and not _one_sender(sender):
        em.error("sender", f"“{sender}”不是一个发件人地址（应为 duban@example.gov.cn 或 "
                           "督办系统 <duban@example.gov.cn>；名称中有逗号或引号时，"
                           "把名称放在英文双引号中，引号前加反斜杠）")
    settings = EmailSettings(
        host=em.text("host", required=True), port=port or 465, security=security,
        sender=sender, username=em.text("username"),
        password=secret_ref(em, "password", base), timeout=timeout_of(em, 30),
    )
    if security == "none" and settings.password and not loopback(settings.host):
        em.warn("security", f"security = \"none\" 时邮箱密码以明文经网络发送到 {settings.host}："
                            "请改用 \"tls\"（465 端口）或 \"starttls\"（587 端口）")
    em.finish()
    return settings


_ADDRESS = re.compile(r"[^@\s<>\"',;\x00-\x1f\x7f-\x9f]+@[^@\s<>\"',;\x00-\x1f\x7f-\x9f]+")


def _one_sender(sender: str) -> bool:
    """Exactly one address, as the e-mail header parser reads it (an unquoted comma makes two)."""
    from email.utils import getaddresses

    found = getaddresses([sender])
    return len(found) == 1 and _ADDRESS.fullmatch(found[0][1]) is not None


def _wecom(channels: Section) -> WecomSettings | None:
    wc = channels.optional("wecom", "[channels.wecom]")
    if wc is None:
        return None
    base_url = wc.text("base_url", default=WECOM_URL)
    if not usable_url(base_url) or "key=" in base_url:
        wc.error("base_url", "应为 http(s) 地址且不含 key=（机器人密钥写在 units.toml 的 "
                 "wecom_key_env/wecom_key_file）")
    per_minute = wc.integer("per_minute", 20) or 0  # 0 is refused, not the default
    if not 1 <= per_minute <= 20:
        wc.error("per_minute", "应为 1–20 之间的整数（平台限制每个机器人每分钟 20 条；不写即为 20）")
    timeout = timeout_of(wc, 15)
    wc.finish()
    return WecomSettings(base_url, per_minute, timeout)


def secret_ref(sec: Section, stem: str, base: BaseDir | Path) -> SecretRef | None:
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
