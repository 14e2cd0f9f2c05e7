"""Security QA: secrets never appear in output, errors, logs, the state database or files written.

Distinctive values for every secret (SMTP password, WeCom key, DingTalk token and signing secret,
Feishu hook and secret, the web's signing key), each with characters that need URL-encoding; every
command run against peers that fail the way a library or a platform would put a URL, a header or a
credential into its error text (tests/security_support.py); each output scanned for each secret raw,
URL-encoded, base64 (SMTP AUTH encodes it) and hex.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import logging
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from scheduler import logs, secrets
from scheduler.channels.base import Outcome
from scheduler.channels.feishu import FeishuChannel
from scheduler.channels.robot import RobotKey
from scheduler.load.robots import RobotSettings
from scheduler.messages import Message
from scheduler.model import SecretRef
from scheduler.render_robots import plain_payload
from scheduler.web.tokens import Tokens
from tests.conftest import SETTINGS, Duban, Project
from tests.fakes import JsonServer, Mailbox, SmtpServer, free_port
from tests.security_support import EchoRobots, EchoSmtp, HttpPeer, leaks, written

USER = "duban-mailer"
SECRETS = {
    "DUBAN_QA_PW": "Pw7+q/Z=x%41&y?é",
    "DUBAN_QA_WK": "wk-6c1e+9a/4f=b?d&e",
    "DUBAN_QA_DT": "dt-3b8e+0c/7d=a&f",
    "DUBAN_QA_DTS": "SECdts+5k/6l=m",  # also written to a secret file (dingtalk_secret_file)
    "DUBAN_QA_FS": "fs-2p3o+i/u=y",
    "DUBAN_QA_FSS": "fss+1z/2x=c",
}
WEB_SECRET = "WebSigningKey+/=" + "K9vQ" * 10
PASTED = "pasted-into-units+/=42"  # a key written literally into units.toml
ALL = {**SECRETS, "web": WEB_SECRET}
SECRET_FILES = ("dt.secret", "web.secret")
NOW = "2021-06-30T10:00"

UNITS = """\
[unit."督查室"]
email = ["dcs@example.gov.cn"]
wecom_key_env = "DUBAN_QA_WK"

[unit."省司法厅"]
email = ["sft@example.gov.cn"]
wecom_key_env = "DUBAN_QA_WK"
dingtalk_token_env = "DUBAN_QA_DT"
dingtalk_secret_file = "dt.secret"
feishu_hook_env = "DUBAN_QA_FS"
feishu_secret_env = "DUBAN_QA_FSS"

[unit."省财政厅"]
email = ["czt@example.gov.cn"]

[group."各地区"]
members = ["省财政厅"]
"""


def channels(smtp_port: int, robots: str, security: str = "none", timeout: int = 5) -> str:
    """Every channel configured: SMTP with AUTH, the three robots under `robots` (a base URL)."""
    return f"""
[channels.email]
host = "127.0.0.1"
port = {smtp_port}
security = "{security}"
sender = "督办系统 <duban@example.gov.cn>"
username = "{USER}"
password_env = "DUBAN_QA_PW"
timeout = {timeout}

[channels.wecom]
base_url = "{robots}/cgi-bin/webhook/send"
timeout = {timeout}

[channels.dingtalk]
base_url = "{robots}/robot/send"
timeout = {timeout}

[channels.feishu]
base_url = "{robots}/open-apis/bot/v2/hook"
timeout = {timeout}

[web]
listen = "127.0.0.1:{free_port()}"
base_url = "https://duban.example.gov.cn"
secret_file = "web.secret"
"""


@pytest.fixture
def secured(project: Project, monkeypatch: pytest.MonkeyPatch) -> Project:
    for name, value in SECRETS.items():
        monkeypatch.setenv(name, value)
    project.write("units.toml", UNITS)
    (project.root / "dt.secret").write_text(SECRETS["DUBAN_QA_DTS"] + "\n", encoding="utf-8")
    (project.root / "web.secret").write_text(WEB_SECRET + "\n", encoding="utf-8")
    return project


def configure(project: Project, smtp_port: int, robots: str, **kwargs: object) -> None:
    project.write("duban.toml", SETTINGS + channels(smtp_port, robots, **kwargs))  # type: ignore[arg-type]


def shown(project: Project, *texts: str) -> list[str]:
    """Every secret form in these texts and in every file the commands wrote."""
    blobs = {f"output {i}": t.encode() for i, t in enumerate(texts)}
    blobs.update(written(project.root, skip=SECRET_FILES))
    return leaks(ALL, blobs, USER)


@contextmanager
def echoing(mechanisms: str = "PLAIN LOGIN") -> Iterator[tuple[int, str]]:
    """An SMTP server and a robot platform that refuse and echo what they were sent."""
    with EchoSmtp(mechanisms) as smtp, JsonServer(EchoRobots()) as robots:
        yield smtp.port, robots.url.rstrip("/")


# -- the channels: servers echoing what they were sent ---------------------------------------------

@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN"])
def test_send_test_against_echoing_servers_shows_no_secret(secured: Project, duban: Duban, mechanism: str,
                                                            caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with echoing(mechanism) as (smtp, robots):
        configure(secured, smtp, robots)
        result = duban("send-test", "省司法厅", "--config", str(secured.config))
    assert result.code == 1
    assert "SMTP 535 5.7.8 credentials" in result.out  # the server's words are kept ...
    assert "errcode=93000" in result.out and "errcode=310000" in result.out and "code=19001" in result.out
    assert shown(secured, result.out, result.err, caplog.text) == []  # ... without the secrets


def test_run_once_and_every_command_after_it_show_no_secret(secured: Project, duban: Duban,
                                                            caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    texts: list[str] = []
    with echoing() as (smtp, robots):
        configure(secured, smtp, robots)
        cfg = ("--config", str(secured.config), "--now", NOW)
        dry = duban("run", "--once", "--dry-run", *cfg)
        assert dry.code == 0 and "写入发件箱" in dry.out, dry.out + dry.err
        first = duban("run", "--once", *cfg)
        assert first.code == 0 and "5条暂时未能发送" in first.out, first.out + first.err
        for command in (("check",), ("plan", "--format", "json"), ("plan", "--format", "csv"), ("status",),
                        ("status", "--format", "json"), ("history",), ("history", "--format", "json"),
                        ("report", "--output", str(secured.root / "台账.xlsx")),
                        ("report", "--output", str(secured.root / "通报.docx")), ("report", "--format", "csv"),
                        ("report",), ("feedback", "--all"), ("feedback", "--all", "--format", "json"),
                        ("run", "--once", "--dry-run"), ("send-test", "督查室"), ("send-test", "省财政厅")):
            result = duban(*command, *cfg)
            assert "Traceback" not in result.err, command
            texts += [result.out, result.err]
    state = written(secured.root / "state")
    assert all(any(t in v for v in state.values()) for t in (b"errcode=93000", b"code=19001", b"SMTP 535"))  # kept ...
    assert shown(secured, dry.out, dry.err, first.out, first.err, caplog.text, *texts) == []  # ... and no secret anywhere
    assert (secured.root / "台账.xlsx").exists() and list((secured.root / "outbox").iterdir())


def test_import_with_the_config_shows_no_secret(secured: Project, duban: Duban) -> None:
    configure(secured, 1, "http://127.0.0.1:1")
    doc = secured.write("要点.txt", "一、重点任务\n（一）推进某项工作。（省司法厅牵头，各地区负责；6月底前）\n")
    result = duban("import", str(doc), "--year", "2021", "--config", str(secured.config))
    assert result.code == 0 and 'lead = ["省司法厅"]' in result.out
    assert shown(secured, result.out, result.err) == []


# -- the channels: other failures -------------------------------------------------------------------

@pytest.mark.parametrize("mode", ["404", "redirect", "hold", "close", "refused", "tls"])
def test_failing_peers_show_no_secret(secured: Project, duban: Duban, mode: str,
                                      caplog: pytest.LogCaptureFixture) -> None:
    """SMTP refuses AUTH (aiosmtpd, 535); the robots answer an HTML 404, a redirect, nothing, a
    closed connection, no listener, or plain HTTP to an https URL."""
    caplog.set_level(logging.DEBUG)
    with ExitStack() as stack:
        smtp = stack.enter_context(SmtpServer(Mailbox(), auth=(USER, "another password")))
        if mode == "refused":
            robots = "http://127.0.0.1:1"
        else:
            peer = stack.enter_context(HttpPeer("404" if mode == "tls" else mode))
            robots = peer.url.replace("http:", "https:") if mode == "tls" else peer.url
        configure(secured, smtp.port, robots, security="tls" if mode == "tls" else "none", timeout=1)
        result = duban("send-test", "省司法厅", "--config", str(secured.config))
    assert result.code == 1 and "Traceback" not in result.err
    assert result.out.count("：失败（") == 4, result.out
    assert shown(secured, result.out, result.err, caplog.text) == []


def test_a_feishu_hook_outside_a_hook_path_is_not_in_the_request_log(caplog: pytest.LogCaptureFixture,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """httpx logs each request URL at INFO: a base_url not ending in /hook (a proxy, a typo) still
    carries the hook in the path."""
    caplog.set_level(logging.INFO)
    hook = "fs-proxy+hook/8=z"
    monkeypatch.setenv("DUBAN_QA_HOOK", hook)
    robot = RobotKey(secrets.resolve(SecretRef(env="DUBAN_QA_HOOK")))
    with JsonServer(EchoRobots()) as srv:
        channel = FeishuChannel(RobotSettings(f"{srv.url}feishu-proxy", 100, 5.0, 5), {"省司法厅": robot})
        message = Message("0" * 32, "feishu", "省司法厅", "s", "【督办提醒】", payload=plain_payload("feishu", "督办"))

        async def go() -> Outcome:
            try:
                return (await channel.send(message)).outcome
            finally:
                await channel.aclose()

        assert asyncio.run(go()) is Outcome.PERMANENT
    assert "HTTP Request: POST" in caplog.text and "feishu-proxy/" in caplog.text
    assert leaks({"hook": hook}, {"log": caplog.text.encode()}) == []


def test_a_redirect_is_not_followed_with_the_key(secured: Project, duban: Duban) -> None:
    """A robot answering 302 to another server: the key must not be sent there."""
    with HttpPeer("404") as elsewhere, HttpPeer("redirect", target=elsewhere.url) as robots:
        configure(secured, 1, robots.url, timeout=2)
        result = duban("send-test", "省司法厅", "--config", str(secured.config))
    assert result.out.count("返回无法识别的内容（HTTP 302）") == 3, result.out
    assert len(robots.requests) == 3 and elsewhere.requests == []


def test_starttls_not_offered_means_no_password_sent(secured: Project, duban: Duban) -> None:
    """security = "starttls" to a server that does not offer STARTTLS: AUTH is never sent in clear."""
    with EchoSmtp() as smtp:
        configure(secured, smtp.port, "http://127.0.0.1:1", security="starttls")
        result = duban("send-test", "省财政厅", "--config", str(secured.config))
    assert result.code == 1 and "邮件 czt@example.gov.cn：失败" in result.out, result.out
    assert smtp.auth == [] and shown(secured, result.out, result.err) == []


# -- the daemon, with a reload ------------------------------------------------------------------------

def test_the_daemon_with_a_reload_logs_no_secret(secured: Project) -> None:
    with echoing() as (smtp, robots):
        configure(secured, smtp, robots)
        env = {**os.environ, **SECRETS, "PYTHONUNBUFFERED": "1", "JOURNAL_STREAM": "8:1"}
        proc = subprocess.Popen([sys.executable, "-m", "scheduler.cli", "run", "--config", str(secured.config),
                                 "--now", NOW], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        lines: list[str] = []
        seen = threading.Condition()

        def read() -> None:
            assert proc.stderr is not None
            for line in proc.stderr:
                with seen:
                    lines.append(line)
                    seen.notify_all()

        reader = threading.Thread(target=read, daemon=True)
        reader.start()

        def wait_for(text: str, count: int = 1) -> bool:
            with seen:
                return seen.wait_for(lambda: sum(text in line for line in lines) >= count, 30)

        try:
            assert wait_for("pass at"), "".join(lines)
            secured.write("tasks.toml", (secured.root / "tasks.toml").read_text(encoding="utf-8")
                          .replace("第一项任务", "第一项任务（修改）"))
            os.kill(proc.pid, signal.SIGHUP)
            assert wait_for("reloaded"), "".join(lines)
            secured.write("units.toml", UNITS.replace('wecom_key_env = "DUBAN_QA_WK"', f'wecom_key = "{PASTED}"', 1))
            os.kill(proc.pid, signal.SIGHUP)  # a key pasted into units.toml: refused, and never repeated
            assert wait_for("reload failed"), "".join(lines)
        finally:
            proc.send_signal(signal.SIGTERM)
            out, _ = proc.communicate(timeout=30)
            reader.join(10)
    log = "".join(lines)
    assert proc.returncode == 0, log
    assert "<6>HTTP Request: POST" in log and "errcode=93000" in log  # journal-style lines, failures logged
    assert "/u/" not in out + log  # nor a unit's link
    assert shown(secured, out, log) == []
    assert "不允许把密钥直接写在配置文件中" in log
    blobs = {"log": (out + log).encode(), **written(secured.root, skip=(*SECRET_FILES, "units.toml"))}
    assert leaks({"pasted": PASTED}, blobs) == []


# -- secret files that cannot be read -----------------------------------------------------------------

@pytest.mark.parametrize("content", [b"SECdts\xff\xfe-not-utf8", None])
def test_an_unreadable_secret_file_is_a_message_not_a_traceback(secured: Project, duban: Duban,
                                                                content: bytes | None) -> None:
    target = secured.root / "dt.secret"
    target.unlink()
    if content is None:
        target.mkdir()  # a directory: unreadable even for root
    else:
        target.write_bytes(content)
    configure(secured, 1, "http://127.0.0.1:1")
    cfg = ("--config", str(secured.config), "--now", NOW)
    check = duban("check", *cfg)
    assert check.code == 0 and "dingtalk_secret" in check.out and "Traceback" not in check.err
    for command in (("send-test", "省司法厅"), ("run", "--once")):
        result = duban(*command, *cfg)
        assert result.code == 1, command
        assert "Traceback" not in result.err and "dt.secret" in result.err, result.err
        assert "not-utf8" not in result.out + result.err


@pytest.mark.parametrize("table", ["wecom", "dingtalk", "feishu"])
@pytest.mark.parametrize("url", ["http://127.0.0.1:99999/send", "http://127.0.0.1:0/send", "http://127.0.0.1:x/send"])
def test_a_base_url_no_request_can_go_to_is_refused_by_check(secured: Project, duban: Duban, table: str,
                                                             url: str) -> None:
    """An out-of-range port passed the "http(s)://host" pattern and made every send a traceback."""
    configure(secured, 1, "http://127.0.0.1:1")
    text = (secured.root / "duban.toml").read_text(encoding="utf-8")
    start = text.index(f"[channels.{table}]\nbase_url = ")
    line = text[start:].split("\n")[1]
    secured.write("duban.toml", text[:start] + text[start:].replace(line, f'base_url = "{url}"', 1))
    result = duban("check", "--config", str(secured.config))
    assert result.code == 1 and f"[channels.{table}] → base_url" in result.out, result.out
    assert "Traceback" not in result.err


def test_a_logged_traceback_carries_no_secret(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """An unexpected error is logged with its traceback (deliver.py): a library's exception text
    holding a key is scrubbed like the message."""
    monkeypatch.setenv("DUBAN_QA_TRACE", "trace-key+/=9")
    key = secrets.resolve(SecretRef(env="DUBAN_QA_TRACE")).reveal()
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    try:
        logs.setup()
        try:
            raise RuntimeError(f"cannot send to https://robot.example/send?key={key} ({key})")
        except RuntimeError:
            logging.getLogger("duban").exception("unexpected error while sending %s", key)
    finally:
        root.handlers[:], root.level = saved
    err = capsys.readouterr().err
    assert "Traceback" in err and "RuntimeError: cannot send to" in err
    assert leaks({"key": key}, {"stderr": err.encode()}) == []


# -- a unit's link token ------------------------------------------------------------------------------

def readable(path: Path) -> bytes:
    """A file as written, and for an e-mail its decoded parts too (bodies are base64 or QP)."""
    data = path.read_bytes()
    if path.suffix == ".eml":
        mail = email.message_from_bytes(data, policy=email.policy.default)
        for part in mail.walk():
            body = part.get_payload(decode=True)
            data += body if isinstance(body, bytes) else b""
    return data


def test_a_units_link_is_only_in_its_own_messages(secured: Project, duban: Duban) -> None:
    """The link token is a unit's credential to its page: in its own messages, nowhere else."""
    configure(secured, 1, "http://127.0.0.1:1")
    cfg = ("--config", str(secured.config), "--now", NOW)
    dry = duban("run", "--once", "--dry-run", *cfg)
    assert dry.code == 0 and "写入发件箱" in dry.out
    day = datetime(2021, 6, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # links are signed as of the day's start
    tokens = Tokens(WEB_SECRET, 60, lambda: day)
    links = {unit: tokens.unit_token(unit, 0) for unit in ("督查室", "省司法厅", "省财政厅")}
    texts = [dry.out, dry.err]
    for command in (("status",), ("history", "--format", "json"), ("plan", "--format", "json"), ("report",),
                    ("report", "--output", str(secured.root / "台账.xlsx")), ("feedback", "--all"), ("check",)):
        result = duban(*command, *cfg)
        texts += [result.out, result.err]
    outbox = {p.name: readable(p) for p in (secured.root / "outbox").iterdir()}
    for unit, token in links.items():
        own = [name for name in outbox if f"-{unit}-" in name]
        assert len(own) == {"督查室": 0, "省司法厅": 4, "省财政厅": 1}[unit] and all(token.encode() in outbox[name] for name in own), unit  # every message carries it
        elsewhere = {**{n: b for n, b in outbox.items() if n not in own}, **written(secured.root / "台账.xlsx")}
        elsewhere.update({f"output {i}": t.encode() for i, t in enumerate(texts)})
        assert leaks({unit: token}, elsewhere) == [], unit


@pytest.mark.parametrize(("host", "warned"), [("smtp.example.gov.cn", True), ("10.0.0.5", True),
                                              ("127.0.0.1", False), ("localhost", False)])
def test_check_warns_when_the_smtp_password_would_cross_the_network_unencrypted(
        secured: Project, duban: Duban, host: str, warned: bool) -> None:
    configure(secured, 25, "http://127.0.0.1:1")
    text = (secured.root / "duban.toml").read_text(encoding="utf-8").replace('host = "127.0.0.1"', f'host = "{host}"')
    secured.write("duban.toml", text)
    result = duban("check", "--config", str(secured.config), "--now", NOW)
    assert result.code == 0, result.out
    assert ("[channels.email] → security：" in result.out and "明文" in result.out) is warned, result.out
