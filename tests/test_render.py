"""Digests and their rendering: grouping per unit and channel, byte limits, harmless text."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from scheduler.group import group
from scheduler.mime import email_mime
from scheduler.plan import Window
from scheduler.render import MARKDOWN_LIMIT, TEXT_LIMIT, Renderer
from scheduler.runtime import build_runtime, planner_for
from tests.conftest import Project

NOW = datetime(2021, 7, 1, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def tasks_toml(n: int, title: str = "任务") -> str:
    out = ['[document]\ntitle = "测试工作要点"\nnumber = "测〔2021〕1号"\nissued = 2021-06-02\n']
    for i in range(n):
        deadline = "2021-06-30" if i % 2 else "2021-07-06"
        out.append(f'[[task]]\nid = "T-{i:03d}"\nnumber = "({i})"\ntitle = "{title}{i}"\nlead = ["省司法厅"]\n'
                   f'responsible = ["省残联"]\ndeadline = {deadline}\ndetail = "完成第{i}项工作。"\n')
    return "\n".join(out)


def digests(project: Project, tasks: str, day: date = date(2021, 7, 1)):  # type: ignore[no-untyped-def]
    project.write("tasks.toml", tasks)
    runtime = build_runtime(project.config)
    reminders = planner_for(runtime).plan(runtime.tasks, Window(day, day))
    return runtime, group(reminders, {t.id: t for t in runtime.tasks})


def test_one_digest_per_unit_and_channel_with_via_in_the_coordinators(project: Project) -> None:
    _, ds = digests(project, tasks_toml(12))
    # 督查室: 6 tasks are overdue (escalated to it) and 12 reminders for 省残联 pass through it
    assert [(d.unit, d.channel, len(d.items)) for d in ds] == [("省司法厅", "email", 12), ("督查室", "email", 18)]
    coordinator = ds[1]
    assert coordinator.escalation
    assert {i.reminder.unit for i in coordinator.items} == {"督查室", "省残联"}


def test_email_subject_body_and_escalation_summary(project: Project) -> None:
    runtime, ds = digests(project, tasks_toml(3))
    renderer = Renderer(None)
    [unit] = renderer.render(ds[0], runtime.directory.units["省司法厅"], NOW)
    [coord] = renderer.render(ds[1], runtime.directory.units["督查室"], NOW)
    assert unit.subject == "【督办提醒】省司法厅：2项任务临近完成时限，1项已逾期"
    assert unit.to == ("sft@example.gov.cn",)
    assert "还剩3个工作日" in unit.text and "已逾期1个工作日" in unit.text
    assert "本单位：牵头单位" in unit.text and "涉及单位：省残联" in unit.text
    assert "依据：测试工作要点（测〔2021〕1号）" in unit.text and "要求：完成第1项工作。" in unit.text
    assert coord.subject.startswith("【督办通报】督查室：")
    assert "按单位汇总：" in coord.text and "省残联：" in coord.text
    assert "转交：省残联（责任单位，未配置联系方式" in coord.text


def test_message_key_is_stable_and_changes_with_content(project: Project) -> None:
    runtime, ds = digests(project, tasks_toml(2))
    unit = runtime.directory.units["省司法厅"]
    first = Renderer(None).render(ds[0], unit, NOW)[0]
    again = Renderer(None).render(ds[0], unit, NOW.replace(hour=10))[0]  # later send, same content
    assert first.key == again.key
    _, changed = digests(project, tasks_toml(2, title="改过的任务"))
    assert Renderer(None).render(changed[0], unit, NOW)[0].key != first.key


def test_long_wecom_digest_is_split_on_task_boundaries_within_bytes(project: Project) -> None:
    project.write("units.toml", (project.root / "units.toml").read_text(encoding="utf-8").replace(
        'email = ["sft@example.gov.cn"]', 'email = ["sft@example.gov.cn"]\nwecom_key_env = "K"'))
    runtime, ds = digests(project, tasks_toml(80, title="推进政务服务一网通办和跨省通办工作" * 2))
    wecom = next(d for d in ds if d.channel == "wecom")
    unit = runtime.directory.units["省司法厅"]
    messages = Renderer(None).render(wecom, unit, NOW)
    assert len(messages) == 6  # 80 items of ~600 bytes under the 4096-byte markdown limit
    for m in messages:
        assert len(json.loads(m.payload)["markdown"]["content"].encode()) <= MARKDOWN_LIMIT
    assert sum(len(m.reminders) for m in messages) == 80  # every task once, none cut in half
    assert "（1/6）" in messages[0].text and "（6/6）" in messages[-1].text
    mentioned = Renderer(None).wecom(wecom, ("13800000000",))
    for m in mentioned:
        body = json.loads(m.payload)
        assert body["msgtype"] == "text" and body["text"]["mentioned_mobile_list"] == ["13800000000"]
        assert len(body["text"]["content"].encode()) <= TEXT_LIMIT


def test_hostile_titles_are_harmless(project: Project) -> None:
    title = '<script>alert(1)</script>**粗体**[链接](http://x)\\r\\nBcc: spy@evil.example <@all>'
    runtime, ds = digests(project, tasks_toml(1, title=title))
    digest = next(d for d in ds if d.unit == "省司法厅")
    unit = runtime.directory.units["省司法厅"]
    mail = Renderer(None).render(digest, unit, NOW)[0]
    assert "<script>" not in mail.html and "&lt;script&gt;" in mail.html
    mime = email_mime(mail, "督办系统 <duban@example.gov.cn>", NOW)
    assert mime["Bcc"] is None
    md = Renderer(None).wecom(digest, ())[0]
    content = json.loads(md.payload)["markdown"]["content"]
    for raw in ("<script>", "**粗体**", "[链接](", "<@all>"):
        assert raw not in content
    item = content.split("\n")[1]  # the CR LF inside the title did not break the item line
    assert item.startswith("**1. ") and item.endswith("**")
    assert "alert（1）" in item and "Bcc: spy@evil.example" in item


def test_templates_can_be_overridden_from_the_config_directory(project: Project, tmp_path: Path) -> None:
    runtime, ds = digests(project, tasks_toml(1))
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "email.txt.j2").write_text("{{ unit }}同志：共{{ items|length }}项。\n", encoding="utf-8")
    message = Renderer(templates).render(ds[0], runtime.directory.units["省司法厅"], NOW)[0]
    assert message.text == "省司法厅同志：共1项。\n"
    assert "<table" in message.html  # the HTML template was not overridden
