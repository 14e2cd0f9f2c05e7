"""Security QA of the web pages: a unit's link shows it only its own milestones, every form POST
needs its CSRF token, hostile task text is escaped on every page and in the calendar feed, the web
listens on loopback unless configured (and `check` says so when it is not)."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from icalendar import Calendar  # type: ignore[import-untyped]

from scheduler.runtime import build_runtime
from scheduler.web.serve import WebServer
from scheduler.web.tokens import Tokens
from tests.conftest import SETTINGS, UNITS, Duban, Project
from tests.fakes import free_port
from tests.web_support import TASKS, WEB, Clock, Site, csrf_of, make_site, running_site, web_project

EVIL_TITLE = '第一项任务"onmouseover=alert(1) x="<img src=x onerror=alert(2)>;逗号,反斜杠\\'
EVIL_WHAT = '<b>制定</b>"onmouseover=alert(3)'
HOSTILE = (TASKS.replace('title = "第一项任务"', f"title = '{EVIL_TITLE}'")
           .replace('what = "制定方案"', f"what = '{EVIL_WHAT}'"))
RAW = ("<img", "<b>", '"onmouseover', "<script>")
# what each unit holds in TASKS: 省财政厅 leads T-02 and is responsible for T-04; 省司法厅 T-01, T-03, T-04
OTHERS = {"省财政厅": ("T-01/1", "T-03/2021-06-30"), "省司法厅": ("T-02/1",)}


@pytest.fixture
def site(project: Project) -> Iterator[Site]:
    with running_site(project, HOSTILE) as found:
        yield found


def tasks_on(text: str) -> list[str]:
    return [t for t in ("T-01", "T-02", "T-03", "T-04") if t in text]


# -- a unit's link: its own milestones only -------------------------------------------------------

def test_a_unit_page_and_its_calendar_hold_only_its_own_tasks(site: Site) -> None:
    fin, sft = site.unit_link("省财政厅"), site.unit_link("省司法厅")
    assert tasks_on(site.client.get(fin).text) == ["T-02", "T-04"]
    assert tasks_on(site.client.get(sft).text) == ["T-01", "T-03", "T-04"]
    feed = Calendar.from_ical(site.client.get(fin + "/calendar.ics").content)
    summaries = sorted(str(e["SUMMARY"]) for e in feed.walk("VEVENT"))
    assert summaries == ["<script>alert(1)</script>优化&营商环境（牵头）", "两个节点的任务（责任）",
                         "两个节点的任务（责任）"]


@pytest.mark.parametrize("unit", sorted(OTHERS))
def test_a_unit_cannot_post_on_another_units_milestones(site: Site, unit: str) -> None:
    link = site.unit_link(unit)
    csrf = csrf_of(site.client.get(link).text)
    for milestone in OTHERS[unit]:
        for kind in ("progress", "done", "extend"):
            form = {"milestone": milestone, "kind": kind, "date": "2021-06-29", "note": "x", "csrf": csrf}
            assert site.client.post(link + "/feedback", data=form).status_code == 404, (milestone, kind)
    assert site.store.listing(False, None) == []


def test_a_unit_link_opens_no_coordinator_page(site: Site) -> None:
    link = site.unit_link("省财政厅")
    csrf = csrf_of(site.client.get(link).text)
    for path in ("/", "/?task=T-01", "/feedback", "/report.xlsx", "/c/" + link.removeprefix("/u/")):
        assert site.client.get(path, follow_redirects=False).status_code == 403, path
    decision = {"decision": "accept", "note": "同意", "csrf": csrf}
    assert site.client.post("/feedback/1", data=decision).status_code == 403


def test_a_link_signed_with_an_old_key_is_refused(site: Site) -> None:
    old = Tokens("the-key-before-rotation-0123456789-abcdefghij", 60, site.clock)
    token = old.unit_token("省财政厅", site.store.generation("省财政厅"))
    for path in (f"/u/{token}", f"/u/{token}/calendar.ics"):
        response = site.client.get(path)
        assert (response.status_code, response.text) == (403, "403 禁止访问")
    assert site.client.get(f"/c/{old.signin_token()}", follow_redirects=False).status_code == 403
    site.client.cookies.set("duban_session", old.session())  # a session cookie of the old key
    assert [site.client.get(p).status_code for p in ("/", "/feedback", "/report.xlsx")] == [403, 403, 403]


@pytest.mark.parametrize("alias", [False, True])
def test_the_link_of_a_renamed_or_removed_unit_is_refused(site: Site, alias: bool) -> None:
    """The link names a unit units.toml no longer has (`duban link 旧名 --revoke` cannot reach it):
    403 like any invalid link, also when the old name became an alias (revoking the new name would
    not reach links naming the old one)."""
    old = site.unit_link("省财政厅")
    csrf = csrf_of(site.client.get(old).text)
    renamed = '[unit."省财政局"]\naliases = ["省财政厅"]' if alias else '[unit."省财政局"]'
    site.project.write("units.toml", UNITS.replace('[unit."省财政厅"]', renamed))
    site.project.write("tasks.toml", HOSTILE.replace("省财政厅", "省财政局"))
    site.reload()
    for path in (old, old + "/calendar.ics"):
        assert (site.client.get(path).status_code, site.client.get(path).text) == (403, "403 禁止访问"), path
    form = {"milestone": "T-02/1", "kind": "progress", "date": "", "note": "x", "csrf": csrf}
    assert site.client.post(old + "/feedback", data=form).status_code == 403
    assert tasks_on(site.client.get(site.unit_link("省财政局")).text) == ["T-02", "T-04"]


# -- CSRF on every form ---------------------------------------------------------------------------

def test_every_post_form_carries_a_csrf_token(site: Site) -> None:
    link = site.unit_link("省司法厅")
    csrf = csrf_of(site.client.get(link).text)
    form = {"milestone": "T-01/1", "kind": "done", "date": "2021-06-28", "note": "已完成", "csrf": csrf}
    assert site.client.post(link + "/feedback", data=form, follow_redirects=False).status_code == 303
    pages = [site.client.get(link).text]
    site.sign_in()
    pages += [site.client.get(path).text for path in ("/", "/?task=T-01", "/feedback")]
    forms = [f for text in pages for f in re.findall(r"<form[^>]*>.*?</form>", text, re.S)]
    posts = [f for f in forms if 'method="post"' in f]
    unit_posts = sum('method="post"' in f for f in re.findall(r"<form[^>]*>", pages[0]))
    assert (unit_posts, len(posts)) == (10, 11)  # a form per open milestone of 省司法厅 (T-03 monthly); one review
    assert all(re.search(r'<input type="hidden" name="csrf" value="[^"]{20,}">', f) for f in posts)
    assert all('method="get"' in f for f in forms if f not in posts)


@pytest.mark.parametrize("csrf", [None, "", "wrong", "the other form's"])
def test_every_form_post_without_its_csrf_token_is_refused(site: Site, csrf: str | None) -> None:
    link = site.unit_link("省司法厅")
    own = csrf_of(site.client.get(link).text)
    submitted = {"milestone": "T-01/1", "kind": "done", "date": "2021-06-28", "note": "已完成", "csrf": own}
    assert site.client.post(link + "/feedback", data=submitted, follow_redirects=False).status_code == 303
    site.sign_in()
    review = csrf_of(site.client.get("/feedback").text)
    forged = {"wrong": own + "x", "the other form's": None}
    unit_form = {"milestone": "T-01/1", "kind": "progress", "date": "", "note": "x"}
    decision = {"decision": "accept", "note": "同意"}
    for path, form, other in ((link + "/feedback", unit_form, review), ("/feedback/1", decision, own)):
        sent = dict(form)
        if csrf is not None:
            sent["csrf"] = (forged.get(csrf) or other) if csrf in forged else csrf
        response = site.client.post(path, data=sent, follow_redirects=False)
        assert (response.status_code, response.text) == (403, "403 禁止访问"), path
    assert [s.state for s in site.store.listing(False, None)] == ["waiting"]


# -- hostile task text ------------------------------------------------------------------------------

def test_hostile_titles_are_escaped_on_every_page(site: Site) -> None:
    link = site.unit_link("省司法厅")
    csrf = csrf_of(site.client.get(link).text)
    form = {"milestone": "T-04/1", "kind": "done", "date": "2021-06-28", "note": "完成", "csrf": csrf}
    assert site.client.post(link + "/feedback", data=form, follow_redirects=False).status_code == 303
    pages = {"unit": site.client.get(link).text}
    site.sign_in()
    for path in ("/", "/?task=T-01", "/?task=T-02", "/?task=T-04", "/feedback", "/?unit=省司法厅"):
        pages[path] = site.client.get(path).text
    for name, text in pages.items():
        assert [r for r in RAW if r in text] == [], name
    assert "&lt;img src=x onerror=alert(2)&gt;" in pages["unit"] and "&#34;onmouseover=alert(1)" in pages["unit"]
    assert "&lt;b&gt;制定&lt;/b&gt;&#34;onmouseover=alert(3)" in pages["unit"] and "&lt;script&gt;" in pages["/"]


def test_hostile_titles_stay_one_property_in_the_calendar(site: Site) -> None:
    raw = site.client.get(site.unit_link("省司法厅") + "/calendar.ics").content
    assert b"\\;" in raw and b"\\," in raw and b"\\\\" in raw
    events = Calendar.from_ical(raw).walk("VEVENT")
    assert raw.count(b"BEGIN:VEVENT") == len(events) == 10  # T-01, T-03 monthly to December, T-04 twice
    assert sorted({str(e["SUMMARY"]) for e in events}) == sorted([f"{EVIL_TITLE}（牵头）", "两个节点的任务（牵头）",
                                                                  "每月报送进展（责任）"])
    assert any(EVIL_WHAT in str(e.get("DESCRIPTION", "")) for e in events)


def test_hostile_unit_names_and_task_ids_are_escaped_and_encoded(project: Project) -> None:
    """Unit names (units.toml) and task ids reach attributes, links and the dashboard's SVG chart."""
    unit = '省"onmouseover=alert(9) x="<i>厅'
    ident = "T-<img/src=x/onerror=alert(7)>&amp;"
    web_project(project, tasks=TASKS.replace('id = "T-02"', f"id = '{ident}'")
                .replace('lead = ["省财政厅"]', f"lead = ['{unit}']"))
    project.write("units.toml", UNITS + f"\n[unit.'{unit}']\nemail = [\"e@example.gov.cn\"]\n")
    site = make_site(project)
    try:
        link = site.unit_link(unit)
        csrf = csrf_of(site.client.get(link).text)
        form = {"milestone": f"{ident}/1", "kind": "done", "date": "2021-06-28", "note": "n", "csrf": csrf}
        assert site.client.post(link + "/feedback", data=form, follow_redirects=False).status_code == 303
        pages = {"unit": site.client.get(link).text}
        site.sign_in()
        for path in ("/", "/feedback", f"/?task={quote(ident)}", f"/?unit={quote(unit)}"):
            pages[path] = site.client.get(path).text
    finally:
        site.client.close()
        site.store.close()
    for name, text in pages.items():
        assert [r for r in ("<img", "<i>", '"onmouseover', "<script>") if r in text] == [], name
    assert f'href="/?task={quote(ident, safe="/")}#history"' in pages["/"]
    assert "<title>省&quot;onmouseover=alert(9) x=&quot;&lt;i&gt;厅 绿 1</title>" in pages["/"]  # the chart


# -- where the web listens ------------------------------------------------------------------------

def test_the_web_listens_on_loopback_unless_configured(project: Project) -> None:
    port = free_port()
    project.write("duban.toml", SETTINGS + WEB.format(port=port).replace(f'listen = "127.0.0.1:{port}"\n', ""))
    (project.root / "web.secret").write_text("x" * 40, encoding="utf-8")
    web = build_runtime(project.config).settings.web
    assert web is not None and (web.host, web.port) == ("127.0.0.1", 8650)
    web_project(project, port=port)
    runtime = build_runtime(project.config)

    async def bound() -> list[tuple[str, int]]:
        server = WebServer(lambda: runtime, runtime.settings.state, Clock(), lambda: None, lambda: None)
        await server.start()
        try:
            return [s.getsockname()[:2] for srv in server.server.servers for s in srv.sockets]
        finally:
            await server.stop()

    assert asyncio.run(bound()) == [("127.0.0.1", port)]


@pytest.mark.parametrize("listen", ["0.0.0.0:8650", "[::]:8650", "10.1.2.3:8650"])
def test_check_warns_when_the_web_listens_beyond_this_machine(project: Project, duban: Duban, listen: str) -> None:
    web_project(project)
    text = project.config.read_text(encoding="utf-8").replace('listen = "127.0.0.1:8650"', f'listen = "{listen}"')
    project.write("duban.toml", text)
    result = duban("check", "--config", str(project.config), "--now", "2021-06-28")
    assert result.code == 0, result.out + result.err
    assert "[web] → listen" in result.out and "本机以外" in result.out and "127.0.0.1" in result.out


@pytest.mark.parametrize("listen", ["127.0.0.1:8650", "[::1]:8650", "localhost:8650", "127.0.0.2:8650"])
def test_check_is_quiet_about_a_loopback_listen(project: Project, duban: Duban, listen: str) -> None:
    web_project(project)
    text = project.config.read_text(encoding="utf-8").replace('listen = "127.0.0.1:8650"', f'listen = "{listen}"')
    project.write("duban.toml", text)
    result = duban("check", "--config", str(project.config), "--now", "2021-06-28")
    assert result.code == 0 and "listen" not in result.out, result.out
