"""The ASGI app (starlette): routes of SPEC §6, security helpers shared by the pages.

Every refusal is a 403 whose body names nothing; 400 a bad field, 404 what is not yours, 303 after
a form. Templates are Jinja2 with autoescape; no script, no external resource.
"""

from __future__ import annotations

from typing import Any

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import Message

from scheduler.web.context import WebContext
from scheduler.wording import days_left

FORBIDDEN = "403 禁止访问"
FORM_LIMIT = 64 * 1024  # bytes: a 2,000-character note is ~18 KB URL-encoded
SESSION_COOKIE = "duban_session"
HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY",
           "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                                      "form-action 'self'; frame-ancestors 'none'",
           "Cache-Control": "no-store"}

_env = jinja2.Environment(loader=jinja2.PackageLoader("scheduler.web", "templates"), autoescape=True,
                          undefined=jinja2.StrictUndefined)
_env.filters["days_left"] = days_left


def page(name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(render(name, **context), status_code, headers=HEADERS)


def render(name: str, **context: Any) -> str:
    return _env.get_template(name).render(**context)


def html(body: str) -> HTMLResponse:
    return HTMLResponse(body, 200, headers=HEADERS)


def forbidden() -> Response:
    return PlainTextResponse(FORBIDDEN, 403, headers=HEADERS)


def plain(text: str, status_code: int) -> Response:
    return PlainTextResponse(text, status_code, headers=HEADERS)


def ascii_number(text: str) -> bool:
    """Plain ASCII digits: `str.isdigit` also takes "²", which `int` refuses."""
    return text.isascii() and text.isdigit()


async def form_fields(request: Request, names: tuple[str, ...]) -> dict[str, str] | Response:
    """The form's text fields (missing ones empty), read no further than FORM_LIMIT bytes; or the 400
    answer for a form too large or a file where text is expected."""
    declared = request.headers.get("content-length", "")
    if ascii_number(declared) and int(declared) > FORM_LIMIT:
        return plain("400 提交的内容过大", 400)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > FORM_LIMIT:
            return plain("400 提交的内容过大", 400)

    async def replay() -> Message:
        return {"type": "http.request", "body": bytes(body), "more_body": False}

    try:
        async with Request(request.scope, replay).form() as form:
            values = {name: form.get(name) for name in names}
    except (HTTPException, ValueError):  # a malformed multipart body (python-multipart's errors are ValueErrors)
        return plain("400 无法读取提交的表单", 400)
    if any(not isinstance(v, str | None) for v in values.values()):
        return plain("400 表单字段应为文字", 400)
    return {name: str(v or "") for name, v in values.items()}


def ctx(request: Request) -> WebContext:
    found: WebContext = request.app.state.ctx
    return found


def source(request: Request) -> str:
    peer = request.client.host if request.client else None
    return ctx(request).client(peer, request.headers.get("x-forwarded-for"))


async def healthz(request: Request) -> Response:
    last = ctx(request).last_pass()
    return plain(f"ok {last.isoformat(timespec='seconds') if last else '-'}\n", 200)


def create_app(context: WebContext) -> Starlette:
    from scheduler.web import coordinator, unit_pages

    routes = [
        Route("/healthz", healthz),
        Route("/u/{token}", unit_pages.unit_page),
        Route("/u/{token}/feedback", unit_pages.unit_feedback, methods=["POST"]),
        Route("/u/{token}/calendar.ics", unit_pages.calendar),
        Route("/c/{token}", coordinator.signin),
        Route("/", coordinator.dashboard),
        Route("/feedback", coordinator.review),
        Route("/feedback/{ident:int}", coordinator.decide_one, methods=["POST"]),
        Route("/report.xlsx", coordinator.report),
    ]
    app = Starlette(routes=routes, exception_handlers={404: _not_found, 405: _not_allowed})
    app.state.ctx = context
    return app


async def _not_found(request: Request, exc: Exception) -> Response:
    return plain("404 没有这个页面", 404)


async def _not_allowed(request: Request, exc: Exception) -> Response:
    return plain("405 不支持此请求方法", 405)
