"""The web pages at the HTTP level (SPEC §6): every security rule, the unit form, review."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from scheduler.web.context import WebContext
from tests.conftest import Project
from tests.web_support import Site, csrf_of, running_site

FORBIDDEN = "403 禁止访问"


@pytest.fixture
def site(project: Project) -> Iterator[Site]:
    with running_site(project) as found:
        yield found


def post_feedback(site: Site, unit: str, milestone: str, kind: str, day: str = "", note: str = "说明",
                  csrf: str | None = None) -> tuple[int, str]:
    link = site.unit_link(unit)
    token = csrf if csrf is not None else csrf_of(site.client.get(link).text)
    response = site.client.post(f"{link}/feedback", data={"milestone": milestone, "kind": kind, "date": day,
                                                          "note": note, "csrf": token}, follow_redirects=False)
    return response.status_code, response.headers.get("location", response.text)


def test_unit_page_lists_only_the_units_own_open_milestones(site: Site) -> None:
    page = site.client.get(site.unit_link("省司法厅"))
    assert page.status_code == 200
    keys = [line.split('value="')[1].split('"')[0] for line in page.text.splitlines() if 'name="milestone"' in line]
    assert keys == ["T-01/1", "T-03/2021-06-30", "T-04/1", "T-03/2021-07-31", "T-03/2021-08-31", "T-03/2021-09-30",
                    "T-04/B", "T-03/2021-10-31", "T-03/2021-11-30", "T-03/2021-12-31"]
    assert "T-02" not in page.text and "优化" not in page.text


def test_a_tampered_token_gets_403_naming_nothing(site: Site) -> None:
    link = site.unit_link("省司法厅")
    tampered = link[:-3] + ("AAA" if not link.endswith("AAA") else "BBB")
    for path in (tampered, tampered + "/calendar.ics", "/u/not-a-token"):
        response = site.client.get(path)
        assert (response.status_code, response.text) == (403, FORBIDDEN)


def test_a_link_expires_after_link_days(site: Site) -> None:
    link = site.unit_link("省司法厅")
    site.clock.now += timedelta(days=60)
    assert site.client.get(link).status_code == 200
    site.clock.now += timedelta(seconds=2)
    assert (site.client.get(link).status_code, site.client.get(link).text) == (403, FORBIDDEN)


def test_a_revoked_link_gets_403_and_the_new_one_works(site: Site) -> None:
    old = site.unit_link("省司法厅")
    other = site.unit_link("省财政厅")
    site.store.revoke("省司法厅", site.clock.now)
    assert site.client.get(old).status_code == 403
    assert site.client.get(site.unit_link("省司法厅")).status_code == 200
    assert site.client.get(other).status_code == 200  # revocation is per unit


def test_another_units_milestone_is_404(site: Site) -> None:
    assert post_feedback(site, "省司法厅", "T-02/1", "progress") == (404, "404 没有这个节点")
    assert post_feedback(site, "省司法厅", "T-99/1", "progress") == (404, "404 没有这个节点")
    assert site.store.listing(True) == []


def test_missing_or_foreign_csrf_is_403(site: Site) -> None:
    assert post_feedback(site, "省司法厅", "T-01/1", "progress", csrf="") == (403, FORBIDDEN)
    foreign = csrf_of(site.client.get(site.unit_link("省财政厅")).text)
    assert post_feedback(site, "省司法厅", "T-01/1", "progress", csrf=foreign) == (403, FORBIDDEN)
    assert site.store.listing(True) == []


@pytest.mark.parametrize(("kind", "day", "note", "message"), [
    ("finished", "", "x", "400 反馈类型应为 progress（进展）、done（办结）或 extend（延期申请）"),
    ("done", "2021-06-29", "x", "400 请填写完成日期（不晚于今天）"),
    ("done", "六月", "x", "400 请填写完成日期（不晚于今天）"),
    ("extend", "2021-06-30", "x", "400 延期后的时限应晚于当前时限 2021-06-30"),
    ("extend", "", "x", "400 请填写延期后的新时限（应晚于当前时限 2021-06-30）"),
    ("extend", "2021-07-30", "", "400 请填写延期理由"),
    ("progress", "", "  ", "400 请填写进展情况"),
])
def test_a_bad_field_is_400(site: Site, kind: str, day: str, note: str, message: str) -> None:
    assert post_feedback(site, "省司法厅", "T-01/1", kind, day, note) == (400, message)


def test_a_recurring_occurrence_cannot_be_extended(site: Site) -> None:
    assert post_feedback(site, "省司法厅", "T-03/2021-06-30", "extend", "2021-07-30", "来不及") == (
        400, "400 周期性任务不能申请延期")


def test_a_submission_answers_303_and_shows_on_the_page(site: Site) -> None:
    code, location = post_feedback(site, "省司法厅", "T-01/1", "done", "2021-06-25", "已印发<b>文件</b>")
    assert code == 303
    assert location.startswith("/u/") and location.endswith("?sent=1")
    page = site.client.get(location).text
    assert "已提交（编号 1）" in page and "已印发&lt;b&gt;文件&lt;/b&gt;" in page
    assert "<strong>第一项任务</strong>\n  <span class=\"muted\">（办结待审核）</span>" in page


def test_task_text_is_escaped(site: Site) -> None:
    page = site.client.get(site.unit_link("省财政厅")).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;优化&amp;营商环境" in page
    assert "<script>" not in page


def test_coordinator_pages_without_a_session_are_403(site: Site) -> None:
    for path in ("/", "/feedback", "/report.xlsx"):
        assert (site.client.get(path).status_code, site.client.get(path).text) == (403, FORBIDDEN)
    response = site.client.post("/feedback/1", data={"decision": "accept", "csrf": "x"})
    assert (response.status_code, response.text) == (403, FORBIDDEN)


def test_sign_in_sets_a_strict_httponly_secure_cookie_and_works_once(site: Site) -> None:
    token = site.tokens.signin_token()
    response = site.client.get(f"/c/{token}", follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, "/")
    cookie, marker = response.headers.get_list("set-cookie")
    assert cookie.startswith("duban_session=")
    assert marker.startswith("duban_entering=") and "SameSite=lax" in marker and "Max-Age=120" in marker
    flags = sorted(part.strip() for part in cookie.split(";")[1:])
    assert flags == ["HttpOnly", "Max-Age=43200", "Path=/", "SameSite=strict", "Secure"]
    assert site.client.get("/").status_code == 200
    site.client.cookies.clear()
    again = site.client.get(f"/c/{token}", follow_redirects=False)
    assert (again.status_code, again.text) == (403, FORBIDDEN)


def test_a_sign_in_link_and_a_session_last_12_hours(site: Site) -> None:
    token = site.tokens.signin_token()
    site.clock.now += timedelta(hours=12, seconds=1)
    assert site.client.get(f"/c/{token}", follow_redirects=False).status_code == 403
    site.sign_in()
    site.clock.now += timedelta(hours=12, seconds=1)
    assert site.client.get("/").status_code == 403


def test_dashboard_counts_chart_filters_and_history(site: Site) -> None:
    site.sign_in()
    page = site.client.get("/").text
    assert "未完成节点 <strong>5</strong>" in page
    assert "<svg" in page and "<title>省司法厅 黄 2</title>" in page and "<title>省财政厅 绿 3</title>" in page
    assert "&lt;script&gt;" in page and "<script>" not in page
    only = site.client.get("/", params={"unit": "省财政厅", "light": "绿"}).text
    assert "共 3 个" in only
    post_feedback(site, "省财政厅", "T-02/1", "progress", note="正在推进")
    history = site.client.get("/", params={"task": "T-02"}).text
    assert "任务 T-02 的记录" in history and "正在推进" in history


def test_review_accepts_with_csrf_writes_back_and_asks_for_a_reload(site: Site) -> None:
    post_feedback(site, "省司法厅", "T-01/1", "done", "2021-06-25", "已完成")
    site.sign_in()
    assert "T-01</a> 第一项任务 <a href=\"/feedback\" class=\"muted\">（办结待审核）</a>" in site.client.get("/").text
    page = site.client.get("/feedback").text
    assert "#1 省司法厅" in page
    bad = site.client.post("/feedback/1", data={"decision": "accept", "note": "", "csrf": "forged"})
    assert (bad.status_code, bad.text) == (403, FORBIDDEN)
    response = site.client.post("/feedback/1", data={"decision": "accept", "note": "同意", "csrf": csrf_of(page)},
                                follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, "/feedback?done=1")
    assert "已写入 tasks.toml：节点 T-01/1 写入 done = 2021-06-25" in site.client.get("/feedback?done=1").text
    assert "done = 2021-06-25" in (site.project.root / "tasks.toml").read_text(encoding="utf-8")
    assert site.reloads == [1]
    sub = site.store.get(1)
    assert sub is not None and (sub.state, sub.decided_by, sub.decision_note) == ("accepted", "督办单位（网页）", "同意")


def test_review_rejects_a_bad_decision_field_with_400(site: Site) -> None:
    post_feedback(site, "省司法厅", "T-01/1", "done", "2021-06-25", "已完成")
    site.sign_in()
    csrf = csrf_of(site.client.get("/feedback").text)
    response = site.client.post("/feedback/1", data={"decision": "maybe", "csrf": csrf})
    assert (response.status_code, response.text) == (400, "400 decision 应为 accept 或 reject")
    response = site.client.post("/feedback/1", data={"decision": "reject", "note": " ", "csrf": csrf})
    assert (response.status_code, response.text) == (400, "400 不同意时请写明理由")
    assert site.client.post("/feedback/7", data={"decision": "accept", "csrf": csrf}).status_code == 404


def test_every_state_change_is_in_the_audit_trail(site: Site) -> None:
    post_feedback(site, "省司法厅", "T-01/1", "done", "2021-06-25", "已完成")
    site.sign_in()
    csrf = csrf_of(site.client.get("/feedback").text)
    site.client.post("/feedback/1", data={"decision": "reject", "note": "材料不全", "csrf": csrf})
    trail = [(e.actor, e.action, e.unit, e.detail, e.address) for e in site.store.trail()]
    assert trail == [("省司法厅", "submit:done", "省司法厅", "T-01/1 #1", "testclient"),
                     ("coordinator", "signin", "", "", "testclient"),
                     ("督办单位（网页）", "decide:rejected", "", "#1 材料不全", "testclient")]


@pytest.mark.parametrize(("peer", "forwarded", "expected"), [
    ("203.0.113.5", "198.51.100.7", "203.0.113.5"),  # not a proxy: its header is not believed
    ("127.0.0.1", "198.51.100.7", "198.51.100.7"),
    ("127.0.0.1", "198.51.100.7, 10.1.2.3", "198.51.100.7"),  # through two trusted proxies
    ("127.0.0.1", "6.6.6.6, 198.51.100.7", "198.51.100.7"),  # a forged left part is ignored
    ("127.0.0.1", None, "127.0.0.1"),
])
def test_x_forwarded_for_only_from_trusted_proxies(site: Site, peer: str, forwarded: str | None,
                                                   expected: str) -> None:
    context: WebContext = site.client.app.state.ctx  # type: ignore[attr-defined]
    assert context.client(peer, forwarded) == expected


def test_calendar_has_all_day_events_on_due_dates(site: Site) -> None:
    response = site.client.get(site.unit_link("省财政厅") + "/calendar.ics")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/calendar")
    lines = response.text.replace("\r\n ", "").splitlines()
    assert [x for x in lines if x.startswith("DTSTART")] == ["DTSTART;VALUE=DATE:20210715",
                                                             "DTSTART;VALUE=DATE:20210930",
                                                             "DTSTART;VALUE=DATE:20211231"]


def test_healthz_says_ok(site: Site) -> None:
    response = site.client.get("/healthz")
    assert (response.status_code, response.text) == (200, "ok -\n")


def test_report_xlsx_for_a_signed_in_coordinator(site: Site) -> None:
    site.sign_in()
    response = site.client.get("/report.xlsx")
    assert response.status_code == 200
    assert response.headers["content-disposition"] == (
        "attachment; filename*=UTF-8''%E7%9D%A3%E5%8A%9E%E5%8F%B0%E8%B4%A62021-06-28.xlsx")
    import io

    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    assert header == ["序号", "任务编号", "文件编号", "任务", "节点", "牵头单位", "责任单位", "配合单位", "时限", "到期日",
                      "状态", "剩余工作日", "办结日期", "延期", "最近提醒", "最近反馈"]
    assert sheet.max_row == 12  # T-01, T-02, 7 occurrences of T-03 up to a year ahead, 2 of T-04
