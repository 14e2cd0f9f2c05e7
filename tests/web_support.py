"""Shared set-up of the web and feedback tests: a project with [web], and a TestClient on the app
with a clock the test moves."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from starlette.testclient import TestClient

from scheduler.feedback.store import Store
from scheduler.runtime import Runtime, build_runtime
from scheduler.web.app import create_app
from scheduler.web.context import WebContext
from scheduler.web.links import tokens_for
from scheduler.web.tokens import Tokens
from tests.conftest import SETTINGS, UNITS, Project

TZ = ZoneInfo("Asia/Shanghai")
SECRET = "s3cret-for-tests-0123456789-abcdefghijklmnop"
WEB = """
[web]
listen = "127.0.0.1:{port}"
base_url = "https://duban.example.gov.cn"
secret_file = "web.secret"
link_days = 60
trusted_proxies = ["127.0.0.1", "10.0.0.0/8"]
"""
TASKS = """\
# 测试任务清单（协调人维护）
[document]
title = "测试工作要点"
issued = 2021-06-02

[[task]]
id = "T-01"            # 第一项
title = "第一项任务"
lead = ["省司法厅"]
responsible = ["各地区"]
deadline = 2021-06-30  # 原文：6月底前

[[task]]
id = "T-02"
title = "<script>alert(1)</script>优化&营商环境"
lead = ["省财政厅"]
deadline = "年底前"

[[task]]
id = "T-03"
title = "每月报送进展"
responsible = ["省司法厅"]
repeat = "FREQ=MONTHLY;BYMONTHDAY=-1"
start = 2021-06-01
until = 2021-12-31

[[task]]
id = "T-04"
title = "两个节点的任务"
lead = ["省司法厅"]
responsible = ["省财政厅"]
  [[task.milestone]]
  deadline = 2021-07-15
  what = "制定方案"   # 第一步

  [[task.milestone]]
  id = "B"
  deadline = 2021-09-30
  what = "全面实施"
"""


def web_project(project: Project, port: int = 8650, tasks: str = TASKS) -> Project:
    project.write("duban.toml", SETTINGS + WEB.format(port=port))
    project.write("units.toml", UNITS)
    project.write("tasks.toml", tasks)
    (project.root / "web.secret").write_text(SECRET + "\n", encoding="utf-8")
    return project


@dataclass
class Clock:
    now: datetime = field(default_factory=lambda: datetime(2021, 6, 28, 10, 0, tzinfo=TZ))

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Site:
    """The app on a TestClient, and what a test needs around it."""

    project: Project
    clock: Clock
    runtime: Runtime
    store: Store
    tokens: Tokens
    client: TestClient
    reloads: list[int]

    def unit_link(self, unit: str) -> str:
        return f"/u/{self.tokens.unit_token(unit, self.store.generation(unit))}"

    def sign_in(self) -> None:
        response = self.client.get(f"/c/{self.tokens.signin_token()}", follow_redirects=False)
        assert response.status_code == 303

    def reload(self) -> None:
        self.runtime = build_runtime(self.project.config)


def make_site(project: Project, clock: Clock | None = None) -> Site:
    clock = clock or Clock()
    runtime = build_runtime(project.config)
    assert runtime.settings.web is not None
    store = Store(runtime.settings.state)
    tokens = tokens_for(runtime.settings.web, clock)
    reloads: list[int] = []
    site: Site

    def current() -> Runtime:
        return site.runtime

    context = WebContext(current, store, tokens, runtime.settings.web, clock, lambda: None,
                         lambda: reloads.append(1))
    client = TestClient(create_app(context), base_url="https://duban.example.gov.cn")
    site = Site(project, clock, runtime, store, tokens, client, reloads)
    return site


def csrf_of(html: str) -> str:
    marker = 'name="csrf" value="'
    start = html.index(marker) + len(marker)
    return html[start:html.index('"', start)]


@contextmanager
def running_site(project: Project, tasks: str = TASKS) -> Iterator[Site]:
    """The app over `project` (with these tasks), closed after use: the body of each test file's `site` fixture."""
    found = make_site(web_project(project, tasks=tasks))
    try:
        yield found
    finally:
        found.client.close()
        found.store.close()
