"""`duban feedback` and `duban link` (SPEC §4): list, accept, reject; print or revoke links."""

from __future__ import annotations

import getpass
import json
from collections.abc import Iterator
from datetime import datetime

from scheduler.errors import DubanError
from scheduler.feedback.readers import generation_of
from scheduler.feedback.review import decide
from scheduler.feedback.store import KIND_LABEL, STATE_LABEL, Store, Submission
from scheduler.plan_view import pad
from scheduler.render_items import one_line
from scheduler.runtime import Runtime
from scheduler.web.links import signin_url, tokens_for, unit_url


def listing(runtime: Runtime, everything: bool, fmt: str) -> Iterator[str]:
    subs: list[Submission] = []
    if runtime.settings.state.is_file():  # no state: nothing submitted, and none is created here
        store = _store(runtime)
        try:
            subs = store.listing(everything)
        finally:
            store.close()
    if fmt == "json":
        yield json.dumps([s.as_json() for s in subs], ensure_ascii=False, indent=2) + "\n"
        return
    if not subs:
        yield "没有等待审核的反馈。\n" if not everything else "还没有任何反馈。\n"
        return
    yield (f"  编号  {pad('提交时间', 16)}  {pad('单位', 16)}  {pad('节点', 16)}  {pad('类型', 16)}  "
           f"{pad('状态', 6)}  说明\n")
    for s in subs:
        yield _row(s)


def _row(s: Submission) -> str:
    kind = KIND_LABEL[s.kind] + (f" {s.date}" if s.date else "")
    state = STATE_LABEL[s.state] + (f"：{one_line(s.decision_note)}" if s.decision_note else "")
    return (f"  {s.id:>4}  {pad(s.submitted_at[:16].replace('T', ' '), 16)}  {pad(one_line(s.unit), 16)}  "
            f"{pad(s.task + '/' + s.milestone, 16)}  {pad(kind, 16)}  {pad(state, 6)}  {one_line(s.note)[:40]}\n")


def decision(runtime: Runtime, ident: str, accept: bool, note: str, now: datetime) -> str:
    if not ident.isdigit():
        raise DubanError(f"反馈编号“{ident}”应为数字（见 duban feedback 的“编号”列）")
    state = runtime.settings.state
    if not state.is_file():  # never a new, empty state beside the settings: the service keeps its own
        raise DubanError(f"状态数据库 {state} 不存在，没有可审核的反馈：请在服务使用的状态数据库上运行"
                         "（systemd 下设置 STATE_DIRECTORY=/var/lib/duban，见 README“作为系统服务运行”）")
    store = _store(runtime)
    try:
        return decide(store, runtime, int(ident), accept, now, f"命令行（{_user()}）", note, "")
    finally:
        store.close()


def link(runtime: Runtime, unit: str | None, coordinator: bool, revoke: bool, now: datetime) -> str:
    web = runtime.settings.web
    if web is None:
        raise DubanError(f"{runtime.settings.label} 中没有 [web]：未启用网页，没有链接")
    if coordinator:
        if unit or revoke:
            raise DubanError("--coordinator 不能与单位名称或 --revoke 同时使用")
        return signin_url(web, tokens_for(web, lambda: now)) + "\n"
    if not unit:
        raise DubanError("请写明单位名称，或使用 --coordinator")
    if unit not in runtime.directory.units and unit not in runtime.directory.aliases:
        raise DubanError(f"units.toml 中没有单位“{unit}”{runtime.directory.suggest(unit)}")
    name = runtime.directory.resolve(unit)[0]
    if not revoke:  # read without writing: printing a link creates no state
        return unit_url(web, tokens_for(web, lambda: now), name, generation_of(runtime.settings.state, name)) + "\n"
    store = _store(runtime)
    try:
        generation = store.revoke(name, now)
        return f"已作废“{name}”此前的所有链接（第{generation}代）。新链接：\n" + unit_url(
            web, tokens_for(web, lambda: now), name, generation) + "\n"
    finally:
        store.close()


def _store(runtime: Runtime) -> Store:
    return Store(runtime.settings.state)


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "?"
