"""Adversarial QA of the web pages (SPEC §6): what an attacker or a careless user sends."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from scheduler.web.context import WebContext
from tests.conftest import Project
from tests.web_support import TASKS, Site, csrf_of, running_site

FORBIDDEN = "403 禁止访问"

HOSTILE = TASKS.replace('title = "第一项任务"', 'title = "第一项\\r任务\\u0007</script><a href=\\"javascript:x\\">"')


@pytest.fixture
def site(project: Project) -> Iterator[Site]:
    with running_site(project) as found:
        yield found


@pytest.fixture
def hostile(project: Project) -> Iterator[Site]:
    with running_site(project, HOSTILE) as found:
        yield found


def test_a_page_number_in_other_digits_is_page_one_not_a_crash(site: Site) -> None:
    for number in ("²", "٣", "1e3", "-1", "99999999999999999999999"):
        response = site.client.get(site.unit_link("省司法厅"), params={"page": number})
        assert response.status_code == 200, number


def test_a_done_marker_in_other_digits_is_ignored(site: Site) -> None:
    site.sign_in()
    for done in ("²", "99999999999999999999999"):
        response = site.client.get("/feedback", params={"done": done})
        assert response.status_code == 200, done


def test_a_huge_submission_id_is_404_not_a_crash(site: Site) -> None:
    site.sign_in()
    csrf = site.tokens.csrf(site.client.cookies["duban_session"])
    response = site.client.post("/feedback/99999999999999999999999", data={"decision": "reject", "note": "否",
                                                                            "csrf": csrf}, follow_redirects=False)
    assert response.status_code == 404


def test_the_calendar_has_no_bare_carriage_return_or_control_character(hostile: Site) -> None:
    body = hostile.client.get(hostile.unit_link("省司法厅") + "/calendar.ics").content
    lines = body.split(b"\r\n")
    assert all(b"\r" not in line and b"\n" not in line for line in lines)
    assert all(c >= 0x20 or c == 0x09 for line in lines for c in line)
    unfolded = body.decode().replace("\r\n ", "")
    assert "SUMMARY:第一项\\n任务 </script><a href=\"javascript:x\">（牵头）\r\n" in unfolded


def test_hostile_task_text_is_escaped_on_the_unit_page(hostile: Site) -> None:
    text = hostile.client.get(hostile.unit_link("省司法厅")).text
    assert "</script><a" not in text and 'href="javascript' not in text


def post_unit(site: Site, unit: str, fields: dict[str, str], files: dict[str, tuple[str, bytes]] | None = None,
              ) -> tuple[int, str]:
    link = site.unit_link(unit)
    data = {"csrf": csrf_of(site.client.get(link).text), **fields}
    response = site.client.post(f"{link}/feedback", data=data, files=files, follow_redirects=False)
    return response.status_code, response.headers.get("location", response.text)


def test_a_file_in_a_text_field_is_a_bad_field(site: Site) -> None:
    status, _ = post_unit(site, "省司法厅", {"milestone": "T-01/1", "kind": "progress"},
                          files={"note": ("a.txt", "附件内容".encode())})
    assert status == 400
    assert site.store.listing(True) == []


def test_an_oversized_form_is_400_and_stores_nothing(site: Site) -> None:
    fields = {"milestone": "T-01/1", "kind": "progress", "note": "进展"}
    fields.update({f"pad{i}": "x" * 1000 for i in range(300)})
    assert post_unit(site, "省司法厅", fields) == (400, "400 提交的内容过大")
    assert site.store.listing(True) == []


def test_an_oversized_decision_form_is_400(site: Site) -> None:
    site.sign_in()
    csrf = site.tokens.csrf(site.client.cookies["duban_session"])
    response = site.client.post("/feedback/1", data={"decision": "reject", "note": "否" * 200_000, "csrf": csrf},
                                follow_redirects=False)
    assert (response.status_code, response.text) == (400, "400 提交的内容过大")


@pytest.mark.parametrize(("peer", "forwarded", "expected"), [
    ("127.0.0.1", "<script>", "127.0.0.1"),  # not an address: the nearest trusted proxy is the source
    ("127.0.0.1", "198.51.100.7, unknown", "127.0.0.1"),
    ("127.0.0.1", "198.51.100.7:443", "127.0.0.1"),
    ("10.0.0.2", "2001:db8::1", "2001:db8::1"),
])
def test_a_forwarded_hop_that_is_no_address_is_not_recorded(site: Site, peer: str, forwarded: str,
                                                            expected: str) -> None:
    context: WebContext = site.client.app.state.ctx  # type: ignore[attr-defined]
    assert context.client(peer, forwarded) == expected


def test_a_malformed_or_undecodable_form_is_400_not_a_crash(site: Site) -> None:
    link = site.unit_link("省司法厅")
    csrf = csrf_of(site.client.get(link).text)
    for content_type, body, expected in (
            ("multipart/form-data; boundary=xyz", b"--xyz\r\nnot a part", ["400 无法读取提交的表单"]),
            ("multipart/form-data", b"no boundary", ["400 无法读取提交的表单"]),
            ("application/x-www-form-urlencoded", f"csrf={csrf}&milestone=T-01/1&kind=progress&note=%FF%FE".encode(),
             [f"{link}?sent=1"])):
        response = site.client.post(f"{link}/feedback", content=body, headers={"content-type": content_type},
                                    follow_redirects=False)
        assert response.headers.get("location", response.text) in expected, content_type


@pytest.mark.parametrize(("method", "path", "status"), [
    ("GET", "/u/{token}/feedback", 405), ("PUT", "/u/{token}", 405), ("DELETE", "/u/{token}/calendar.ics", 405),
    ("POST", "/u/{token}", 405), ("POST", "/", 405), ("GET", "/feedback/1", 405), ("POST", "/report.xlsx", 405),
    ("POST", "/feedback/abc", 404), ("POST", "/feedback/-1", 404), ("GET", "/u/", 404), ("GET", "/c/", 404),
    ("GET", "/u/{token}/../../feedback", 403), ("GET", "/u/{token}/calendar.ics/x", 404), ("GET", "/admin", 404),
])
def test_methods_and_paths_that_are_not_pages(site: Site, method: str, path: str, status: int) -> None:
    token = site.unit_link("省司法厅").removeprefix("/u/")
    response = site.client.request(method, path.format(token=token), follow_redirects=False)
    assert response.status_code == status
    assert "Traceback" not in response.text and "省司法厅" not in response.text


def test_one_kind_of_token_is_never_another(site: Site) -> None:
    unit = site.unit_link("省司法厅").removeprefix("/u/")
    signin = site.tokens.signin_token()
    assert site.client.get(f"/c/{unit}").status_code == 403
    assert site.client.get(f"/u/{signin}").status_code == 403
    site.client.cookies.set("duban_session", unit)
    assert site.client.get("/feedback").status_code == 403
    site.client.cookies.set("duban_session", site.tokens.csrf(unit))
    assert site.client.get("/feedback").status_code == 403


def test_csrf_of_one_page_is_refused_on_every_other_form(site: Site) -> None:
    unit_csrf = csrf_of(site.client.get(site.unit_link("省司法厅")).text)
    site.sign_in()
    session = site.client.cookies["duban_session"]
    coordinator_csrf = site.tokens.csrf(session)
    assert post_unit(site, "省司法厅", {"milestone": "T-01/1", "kind": "progress", "note": "x",
                                      "csrf": coordinator_csrf}) == (403, FORBIDDEN)
    status, _ = post_unit(site, "省财政厅", {"milestone": "T-04/1", "kind": "extend", "date": "2021-08-01",
                                          "note": "理由"})
    assert status == 303
    ident = site.store.listing()[0].id
    for csrf in (unit_csrf, site.tokens.csrf(site.tokens.session()), ""):
        response = site.client.post(f"/feedback/{ident}", data={"decision": "accept", "note": "", "csrf": csrf},
                                    follow_redirects=False)
        assert (response.status_code, response.text) == (403, FORBIDDEN)
    assert site.store.listing()[0].state == "waiting"


def test_a_revoked_links_form_is_refused(site: Site) -> None:
    link = site.unit_link("省司法厅")
    csrf = csrf_of(site.client.get(link).text)
    site.store.revoke("省司法厅", site.clock.now)
    response = site.client.post(f"{link}/feedback", data={"milestone": "T-01/1", "kind": "progress", "note": "x",
                                                           "csrf": csrf}, follow_redirects=False)
    assert (response.status_code, response.text) == (403, FORBIDDEN)
    assert site.store.listing(True) == []


def test_what_units_and_the_coordinator_type_is_escaped_everywhere(site: Site) -> None:
    evil = '</textarea><script>alert(1)</script><a href="javascript:alert(1)">x</a>\'"'
    assert post_unit(site, "省财政厅", {"milestone": "T-04/1", "kind": "extend", "date": "2021-08-01",
                                      "note": evil})[0] == 303
    site.sign_in()
    ident = site.store.listing()[0].id
    csrf = csrf_of(site.client.get("/feedback").text)
    response = site.client.post(f"/feedback/{ident}", data={"decision": "reject", "note": evil, "csrf": csrf},
                                follow_redirects=False)
    assert response.status_code == 303
    pages = [site.client.get(site.unit_link("省财政厅")).text, site.client.get("/feedback").text,
             site.client.get("/", params={"task": "T-04"}).text,
             site.client.get("/", params={"task": evil, "unit": evil, "light": evil}).text]
    for text in pages:
        assert "<script>" not in text and '<a href="javascript' not in text and "</textarea><script>" not in text
        assert "&lt;/textarea&gt;&lt;script&gt;" in text


LONG = TASKS.replace('title = "第一项任务"', 'title = "' + "很长的任务名称，" * 30 + '"')


def test_calendar_lines_are_folded_at_75_octets_between_characters(project: Project) -> None:
    with running_site(project, LONG) as site:
        body = site.client.get(site.unit_link("省司法厅") + "/calendar.ics").content
    lines = body.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert all(line.decode("utf-8") is not None for line in lines)  # no character cut in two
    unfolded = body.decode().replace("\r\n ", "")
    assert "SUMMARY:" + "很长的任务名称，" * 30 + "（牵头）\r\n" in unfolded


def test_redirects_stay_on_this_site_whatever_the_host_header(site: Site) -> None:
    response = site.client.get(f"/c/{site.tokens.signin_token()}", headers={"host": "evil.example"},
                               follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, "/")
    status, location = post_unit(site, "省司法厅", {"milestone": "T-01/1", "kind": "progress", "note": "x"})
    assert status == 303 and location.startswith("/u/")


def test_control_and_direction_characters_in_a_note_are_not_stored(site: Site) -> None:
    note = "进展\x1b[31m红\x9b31m字\u202e反向\u2066隔离\u2069\r\n第二行"
    assert post_unit(site, "省司法厅", {"milestone": "T-01/1", "kind": "progress", "note": note})[0] == 303
    assert site.store.listing(True)[0].note == "进展 [31m红 31m字反向隔离 \n第二行"


@pytest.mark.parametrize("milestone", ["T-03/2021-06-30", "T-01/1", " T-04/1", "T-04/1 ", "T-04/1\n", "T-04/B/..",
                                       "T-04", "/", "", "T-04/1\x00"])
def test_a_unit_cannot_name_a_milestone_that_is_not_exactly_its_own(site: Site, milestone: str) -> None:
    # 省财政厅 is responsible for T-04 only (T-03's occurrences and T-01 belong to 省司法厅)
    assert post_unit(site, "省财政厅", {"milestone": milestone, "kind": "progress", "note": "x"}) == (
        404, "404 没有这个节点")
    assert site.store.listing(True) == []


def test_the_dashboard_filters_take_any_text(site: Site) -> None:
    site.sign_in()
    for params in ({"unit": "不存在的单位"}, {"light": "紫"}, {"task": "T-99"}, {"unit": "省财政厅", "light": "红"}):
        assert site.client.get("/", params=params).status_code == 200, params
