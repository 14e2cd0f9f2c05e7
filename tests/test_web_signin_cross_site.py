"""Issue #16 follow-up: the coordinator's sign-in link opened from another site (webmail). The
SameSite=Strict cookie is not sent along a cross-site redirect chain; the SameSite=Lax marker set with it
is, so `/` without a session but with the marker answers a small page with no data that goes on to `/`
from the dashboard's own site."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from tests.conftest import SETTINGS, Project
from tests.test_web_browser import CHROMIUM, Daemon, free_port, link
from tests.web_support import TASKS, WEB, Site, running_site, web_project

FORBIDDEN = "403 禁止访问"


@pytest.fixture
def site(project: Project) -> Iterator[Site]:
    with running_site(project) as found:
        yield found


def test_after_sign_in_without_the_cookie_a_page_with_no_data_leads_to_the_dashboard(site: Site) -> None:
    token = site.tokens.signin_token()
    response = site.client.get(f"/c/{token}", follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, "/")
    marker = response.headers.get_list("set-cookie")[1]
    assert marker.startswith("duban_entering=") and "SameSite=lax" in marker
    site.client.cookies.clear()  # a browser after a cross-site link sends the Lax marker only
    site.client.cookies.set("duban_entering", marker.split(";")[0].split("=", 1)[1])
    entering = site.client.get("/")
    assert entering.status_code == 200
    assert '<meta http-equiv="refresh" content="0; url=/">' in entering.text
    assert '<a href="/">进入督办总览</a>' in entering.text and "已登录，正在进入…" in entering.text
    assert "T-01" not in entering.text and "省司法厅" not in entering.text and "督办总览</h" not in entering.text
    for path in ("/feedback", "/report.xlsx"):  # the marker opens nothing else
        answer = site.client.get(path)
        assert (answer.status_code, answer.text) == (403, FORBIDDEN), path
    site.client.cookies.set("duban_entering", "1")  # a forged marker
    assert site.client.get("/").status_code == 403
    site.clock.now += timedelta(seconds=121)  # the marker lasts two minutes
    site.client.cookies.set("duban_entering", marker.split(";")[0].split("=", 1)[1])
    assert site.client.get("/").status_code == 403
    site.client.cookies.clear()
    for path in ("/", "/?signed=1", "/feedback", "/report.xlsx"):
        answer = site.client.get(path)
        assert (answer.status_code, answer.text) == (403, FORBIDDEN), path


def test_with_a_session_the_marker_changes_nothing(site: Site) -> None:
    site.sign_in()
    answer = site.client.get("/")
    assert answer.status_code == 200 and "督办总览" in answer.text


class _Mail(http.server.BaseHTTPRequestHandler):
    """A page of another site (webmail) holding the sign-in link."""

    target = ""

    def do_GET(self) -> None:
        body = f'<html><body><a id="go" href="{self.target}">督办系统登录</a></body></html>'.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return None


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium (/usr/bin/chromium) is not installed")
def test_a_sign_in_link_clicked_on_another_site_ends_on_the_dashboard(  # type: ignore[no-untyped-def]
        project: Project, duban, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    port = free_port()
    web_project(project, port, TASKS)
    project.write("duban.toml", SETTINGS + WEB.format(port=port).replace(
        "https://duban.example.gov.cn", f"http://127.0.0.1:{port}"))
    daemon = Daemon(project.config)
    mail = http.server.ThreadingHTTPServer(("127.0.0.2", 0), _Mail)
    threading.Thread(target=mail.serve_forever, daemon=True).start()
    try:
        daemon.wait_for("pass at")
        _Mail.target = link(duban, project, "--coordinator")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM),
                                        args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
            page = browser.new_page()
            page.goto(f"http://127.0.0.2:{mail.server_address[1]}/")
            page.click("#go")
            page.wait_for_selector("text=督办总览", timeout=20000)
            assert page.url == f"http://127.0.0.1:{port}/"
            browser.close()
    finally:
        mail.shutdown()
        mail.server_close()
        code = daemon.stop()
    assert code == 0
