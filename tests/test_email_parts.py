"""A digest too long for one e-mail goes in parts, each under the size mail servers accept.

At scale the coordinator's digest carries a copy of every escalation (20,196 items, 17 MB in
bench/daemon_bench.py); a server with a 10 MB limit refuses it for good (552) and the coordinator
never gets it. The renderer cuts such a digest into consecutive parts under `email_limit`; every
reminder is carried by exactly one part, and each part is a message of its own (key, retries).
"""

from __future__ import annotations

import shutil
from datetime import datetime

import pytest

from scheduler.channels.email import EmailChannel
from scheduler.history import row_json
from scheduler.ledger import Ledger
from scheduler.messages import DeliveryState, Message
from scheduler.render import EMAIL_LIMIT, Renderer
from scheduler.runtime import build_runtime
from tests.conftest import SETTINGS, Project, email_channel
from tests.fakes import Mailbox, SmtpServer
from tests.kit import at, make_app, one_pass

UNITS = """\
[unit."督查室"]
email = ["dcs@example.gov.cn"]

[unit."省司法厅"]
email = ["sft@example.gov.cn"]
"""

HEAD = """\
[document]
title = "测试工作要点"
issued = 2021-06-02
"""

TASK = """
[[task]]
id = "T-{n:02d}"
title = "第{n}项任务：完善行政执法案卷评查、执法监督和法治政府建设考核评价制度，推动各项措施落到实处"
lead = ["省司法厅"]
deadline = 2021-06-30
"""

LINK = "https://duban.example.gov.cn/u/abc"


def tasks(count: int) -> str:
    return HEAD + "".join(TASK.format(n=n) for n in range(1, count + 1))


def size(message: Message) -> int:
    return len(message.text.encode()) + len(message.html.encode())


def render(project: Project, renderer: Renderer, count: int) -> list[Message]:
    """The messages of a first pass (fresh state) sending `count` due reminders to 省司法厅."""
    shutil.rmtree(project.root / "state", ignore_errors=True)
    project.write("units.toml", UNITS)
    project.write("tasks.toml", tasks(count))
    app = make_app(project.config, renderer=renderer)
    with Ledger(project.root / "state" / "duban.db") as ledger:
        one_pass(app, ledger, "2021-06-30T09:30")
    sent = [m for m in app.channels.email.sent if m.unit == "省司法厅"]  # type: ignore[attr-defined]
    return sorted(sent, key=lambda m: m.subject)


def test_a_digest_under_the_limit_is_one_message_as_before(project: Project) -> None:
    messages = render(project, Renderer(None), 40)
    assert EMAIL_LIMIT == 5_000_000
    assert [m.subject for m in messages] == ["【督办提醒】省司法厅：40项任务今天到期"]
    assert "分" not in messages[0].text.split("\n")[2]


def test_a_long_digest_goes_in_parts_each_under_the_limit(project: Project) -> None:
    whole = render(project, Renderer(None), 40)[0]
    assert size(whole) > 25_000
    parts = render(project, Renderer(None, email_limit=12_000), 40)
    assert [m.subject for m in parts] == [f"【督办提醒】省司法厅：40项任务今天到期（第{n}/3封）" for n in range(1, 4)]
    assert all(size(m) <= 12_000 for m in parts)
    assert len({m.key for m in parts}) == 3
    # every reminder in exactly one part, in the digest's order
    assert [r for m in parts for r in m.reminders] == list(whole.reminders)
    heads = [m.text.split("\n")[2] for m in parts]
    assert heads == [f"40项任务今天到期（内容较多，分3封发送，本封为第{n}封，列{k}项）" for n, k in ((1, 14), (2, 13), (3, 13))]
    titles = [line for m in parts for line in m.text.splitlines() if "项任务：" in line]
    assert len(titles) == 40


def test_each_part_ends_with_the_units_link_and_the_last_with_the_review_results(project: Project) -> None:
    def notes(unit: str, now: datetime) -> tuple[str, ...]:
        return ("T-01 第1个节点 办结：已同意",)

    renderer = Renderer(None, unit_link=lambda unit: LINK, unit_notes=notes, email_limit=12_000)
    parts = render(project, renderer, 40)
    assert all(m.text.rstrip().endswith(f"反馈和查看本单位任务：{LINK}") for m in parts)
    assert all(f'href="{LINK}"' in m.html for m in parts)
    assert ["已同意" in m.text for m in parts] == [False, False, True]


@pytest.mark.parametrize(("limit", "sent", "state"), [(12_000, 3, DeliveryState.SENT),
                                                       (10**9, 0, DeliveryState.FAILED)])
def test_a_server_with_a_size_limit_accepts_every_part(project: Project, limit: int, sent: int,
                                                       state: DeliveryState) -> None:
    """Real SMTP (aiosmtpd) whose SIZE is 30,000 bytes: the 40-item digest whole is refused for
    good (552, reported); in parts of 12,000 bytes every part arrives and every reminder is sent."""
    box = Mailbox()
    with SmtpServer(box, size_limit=30_000) as server:
        project.write("duban.toml", SETTINGS + email_channel(server.port, "timeout = 5\n"))
        project.write("units.toml", UNITS)
        project.write("tasks.toml", tasks(40))
        settings = build_runtime(project.config).settings.email
        assert settings is not None
        email = EmailChannel(settings, None, lambda: at("2021-06-30T09:30"))
        app = make_app(project.config, email=email, renderer=Renderer(None, email_limit=limit))
        with Ledger(project.root / "state" / "duban.db") as ledger:
            result = one_pass(app, ledger, "2021-06-30T09:30")
            rows = [row_json(r) for r in ledger.history() if (r.unit, r.stage) == ("省司法厅", "到期提醒")]
    arrived = [e for e in box.received if "sft@example.gov.cn" in e.rcpt_tos]
    assert len(arrived) == sent
    assert len(rows) == 40 and {r["state"] for r in rows} == {state.value}
    assert [line for line in result.failed if "552" in line] == ([] if sent else [result.failed[0]])


def test_parts_are_stable_across_passes(project: Project) -> None:
    """The same digest cut the same way gives the same keys (a retry resends the same parts)."""
    first = [m.key for m in render(project, Renderer(None, email_limit=12_000), 40)]
    again = [m.key for m in render(project, Renderer(None, email_limit=12_000), 40)]
    assert first == again
