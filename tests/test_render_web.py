"""The web feature's hooks in the renderer: the unit's link ends the message (a split robot
message: its last part only), the decisions to tell it come just before the link."""

from __future__ import annotations

import json
from datetime import datetime

from scheduler.render import MARKDOWN_LIMIT, Renderer
from tests.conftest import Project
from tests.test_render import NOW, digests, tasks_toml

LINK = "https://duban.example.gov.cn/u/abc.def"


def link(unit: str) -> str:
    return f"{LINK}?{unit}"


def notes(unit: str, now: datetime) -> tuple[str, ...]:
    return (f"2021-06-28报送的T-001/1办结（2021-06-25）：{now:%Y-%m-%d}未同意，意见：材料*不全",)


def test_a_split_robot_message_carries_the_link_and_notes_in_its_last_part_only(project: Project) -> None:
    project.write("units.toml", (project.root / "units.toml").read_text(encoding="utf-8").replace(
        'email = ["sft@example.gov.cn"]', 'email = ["sft@example.gov.cn"]\nwecom_key_env = "K"'))
    runtime, ds = digests(project, tasks_toml(80, title="推进政务服务一网通办和跨省通办工作" * 2))
    wecom = next(d for d in ds if d.channel == "wecom")
    messages = Renderer(None, link, notes).render(wecom, runtime.directory.units["省司法厅"], NOW)
    contents = [json.loads(m.payload)["markdown"]["content"] for m in messages]
    assert all(len(c.encode()) <= MARKDOWN_LIMIT for c in contents)
    assert [LINK in c for c in contents] == [False] * (len(contents) - 1) + [True]
    assert contents[-1].endswith("\n反馈审核结果：\n2021-06-28报送的T-001/1办结（2021-06-25）：2021-07-01未同意，"
                                 "意见：材料＊不全\n反馈和查看本单位任务：https://duban.example.gov.cn/u/abc.def?省司法厅")


def test_an_email_ends_with_the_notes_then_the_link(project: Project) -> None:
    runtime, ds = digests(project, tasks_toml(2))
    email = next(d for d in ds if d.channel == "email" and d.unit == "省司法厅")
    unit = runtime.directory.units["省司法厅"]
    plain = Renderer(None).render(email, unit, NOW)[0]
    linked = Renderer(None, link, notes).render(email, unit, NOW)[0]
    assert linked.text.endswith("\n\n反馈审核结果：\n- 2021-06-28报送的T-001/1办结（2021-06-25）：2021-07-01未同意，"
                                "意见：材料*不全\n\n反馈和查看本单位任务：https://duban.example.gov.cn/u/abc.def?省司法厅\n")
    assert linked.html.endswith('<p>反馈和查看本单位任务：<a href="https://duban.example.gov.cn/u/abc.def?省司法厅">'
                                "https://duban.example.gov.cn/u/abc.def?省司法厅</a></p>\n")
    assert linked.key != plain.key  # the notes are content
