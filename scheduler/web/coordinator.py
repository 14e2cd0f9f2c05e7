"""The coordinator's pages: sign-in by a one-time 12-hour link, the dashboard, review, the 台账."""

from __future__ import annotations

import io
from datetime import date
from typing import Any
from urllib.parse import quote

import anyio
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from scheduler import readmodel, status
from scheduler.errors import DubanError
from scheduler.feedback.review import decide
from scheduler.feedback.store import KIND_LABEL, STATE_LABEL
from scheduler.ledger import Ledger
from scheduler.report import register
from scheduler.runtime import Runtime
from scheduler.web.app import (
    HEADERS,
    SESSION_COOKIE,
    ascii_number,
    ctx,
    forbidden,
    form_fields,
    html,
    page,
    plain,
    render,
    source,
)
from scheduler.web.tokens import ENTERING_SECONDS, SESSION_SECONDS

ROW_LIMIT = 300
REMINDER_STATE = {"sent": "已发送", "superseded": "已被取代（不再发送）", "pending": "待发送", "failed": "发送失败"}
AUTHOR = "督办单位（网页）"
ENTERING = "duban_entering"  # a signed marker with no data, SameSite=Lax: "this browser has just signed in"


async def signin(request: Request) -> Response:
    c = ctx(request)
    nonce = c.tokens.signin_nonce(request.path_params["token"])
    if nonce is None or not c.store.use_signin(nonce, c.now(), source(request)):
        return forbidden()
    response = RedirectResponse("/", 303, headers=HEADERS)
    response.set_cookie(SESSION_COOKIE, c.tokens.session(), max_age=SESSION_SECONDS, path="/", httponly=True,
                        samesite="strict", secure=c.web.https)
    response.set_cookie(ENTERING, c.tokens.entering(), max_age=ENTERING_SECONDS, path="/", httponly=True,
                        samesite="lax", secure=c.web.https)
    return response


def _entering(request: Request) -> Response:
    """Right after the sign-in's 303: a browser that followed the link from another site (webmail)
    does not send the SameSite=Strict session cookie along that redirect chain, but it does send the
    Lax marker set with it. A page with no data then sends it on to `/` from this site (meta refresh,
    and a link), where the session cookie is sent. Without the marker: 403."""
    if not ctx(request).tokens.entering_ok(request.cookies.get(ENTERING)):
        return forbidden()
    return page("entering.html")


def _session(request: Request) -> str | None:
    cookie = request.cookies.get(SESSION_COOKIE)
    return cookie if cookie and ctx(request).tokens.session_ok(cookie) else None


async def dashboard(request: Request) -> Response:
    session = _session(request)
    if session is None:
        return _entering(request)
    c = ctx(request)
    runtime, today = c.runtime(), c.now().date()
    board = await anyio.to_thread.run_sync(c.boards.get, runtime, today)
    unit, lit, task = (request.query_params.get(k, "") for k in ("unit", "light", "task"))
    index = c.index()

    def draw() -> str:
        rows = _filtered(request, board.rows, unit, lit, today)
        waiting = c.store.listing()
        review = {(s.task, s.milestone) for s in waiting if s.kind == "done"}
        return render("dashboard.html", board=board, rows=rows[:ROW_LIMIT], total=len(rows), limit=ROW_LIMIT,
                      chart=Markup(board.chart), units=sorted(index.by_unit), unit=unit, light=lit,
                      lights=status.LIGHTS, history=_history(request, task) if task else None, task=task,
                      waiting=len(waiting), review=review, kinds=KIND_LABEL, states=STATE_LABEL,
                      reminder_states=REMINDER_STATE)

    if task:  # a task's history reads the reminders sent: not cached
        return html(draw())
    return html(c.cached((board, index), ("/", unit, lit, c.store.version()), draw))


def _filtered(request: Request, rows: list[status.Row], unit: str, lit: str, today: Any) -> list[status.Row]:
    if unit:
        keys = {(h.task.id, h.milestone.id) for h in ctx(request).index().held(unit, today)}
        rows = [r for r in rows if (r.task, r.milestone) in keys]
    if lit in status.LIGHTS:
        rows = [r for r in rows if r.light == lit]
    return rows


def _history(request: Request, task_id: str) -> dict[str, Any] | None:
    c = ctx(request)
    task = next((t for t in c.runtime().tasks if t.id == task_id), None)
    if task is None:
        return None
    path = c.runtime().settings.state
    sent = []
    if path.is_file():
        ledger = Ledger(path, readonly=True)
        try:
            sent = ledger.task_history(task_id)
        finally:
            ledger.close()
    return {"task": task, "sent": sent, "feedback": c.store.for_task(task_id)}


async def review(request: Request) -> Response:
    session = _session(request)
    if session is None:
        return forbidden()
    c = ctx(request)
    done = request.query_params.get("done", "")
    message = c.outcomes.pop(int(done), "") if ascii_number(done) else ""
    return page("review.html", waiting=c.store.listing(), recent=list(reversed(c.store.listing(True)))[:50],
                kinds=KIND_LABEL, states=STATE_LABEL, csrf=c.tokens.csrf(session), message=message)


async def decide_one(request: Request) -> Response:
    session = _session(request)
    if session is None:
        return forbidden()
    c = ctx(request)
    fields = await form_fields(request, ("csrf", "decision", "note"))
    if isinstance(fields, Response):
        return fields
    if not c.tokens.csrf_ok(fields["csrf"], session, SESSION_SECONDS):
        return forbidden()
    choice, note = fields["decision"], fields["note"]
    if choice not in ("accept", "reject"):
        return plain("400 decision 应为 accept 或 reject", 400)
    if choice == "reject" and not note.strip():
        return plain("400 不同意时请写明理由", 400)
    ident = request.path_params["ident"]
    if c.store.get(ident) is None:
        return plain("404 没有这条反馈", 404)
    runtime, now, address = c.runtime(), c.now(), source(request)

    def take() -> str:  # the write-back reads and writes the tasks file: off the event loop
        return decide(c.store, runtime, ident, choice == "accept", now, AUTHOR, note, address)

    try:
        async with c.deciding:
            outcome = await anyio.to_thread.run_sync(take)
    except DubanError as err:
        outcome = f"未完成：{err}"
    else:
        c.boards.invalidate()
        if choice == "accept":
            c.on_change()
    c.outcomes[ident] = outcome
    return RedirectResponse(f"/feedback?done={ident}", 303, headers=HEADERS)


async def report(request: Request) -> Response:
    """The 台账 as of now (SPEC 3.5), the same workbook as `duban report --format xlsx`."""
    if _session(request) is None:
        return forbidden()
    c = ctx(request)
    today = c.now().date()
    data = await anyio.to_thread.run_sync(_register_xlsx, c.runtime(), today)
    name = quote(f"督办台账{today.isoformat()}.xlsx")
    return Response(data, 200, headers={**HEADERS, "Content-Disposition": f"attachment; filename*=UTF-8''{name}"},
                    media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def _register_xlsx(runtime: Runtime, today: date) -> bytes:
    out = io.BytesIO()
    register.write_xlsx(readmodel.load(runtime, today), out)
    return out.getvalue()
