"""A unit's pages, reached through its signed link: its open milestones, its submissions, a form
per milestone (SPEC §6), and its calendar feed. Nothing beyond the unit's own milestones."""

from __future__ import annotations

import re
from datetime import timedelta

from icalendar import Calendar, Event  # type: ignore[import-untyped]
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from scheduler.errors import DubanError
from scheduler.feedback.review import FieldError, NotYours, submit
from scheduler.feedback.store import KIND_LABEL, STATE_LABEL
from scheduler.web.app import HEADERS, ascii_number, ctx, forbidden, form_fields, html, plain, render, source

_CONTROL = re.compile(r"\r\n?|[\x00-\x08\x0b-\x1f\x7f]")  # RFC 5545 TEXT takes no control character
PAGE_SIZE = 50  # milestones per page, the most urgent first
SUBMISSIONS_SHOWN = 50


def _unit(request: Request) -> str | None:
    """The unit a valid link names, while units.toml still has it under that name: a link of a
    removed or renamed unit (even one kept as an alias) is refused like any invalid link, as
    `duban link --revoke` can no longer reach it."""
    c = ctx(request)
    unit = c.tokens.unit_of(request.path_params["token"], c.store.generation)
    return unit if unit is not None and unit in c.runtime().directory.units else None


async def unit_page(request: Request) -> Response:
    unit = _unit(request)
    if unit is None:
        return forbidden()
    c = ctx(request)
    token = request.path_params["token"]
    now = c.now()
    index = c.index()
    held = index.held(unit, now.date())
    pages = max(1, -(-len(held) // PAGE_SIZE))
    number = request.query_params.get("page", "1")
    current = min(int(number), pages) if ascii_number(number) and int(number) > 0 else 1
    sent = request.query_params.get("sent", "")

    def draw() -> str:
        mine = c.store.listing(True, unit)
        return render("unit.html", unit=unit, held=held[(current - 1) * PAGE_SIZE:current * PAGE_SIZE],
                      total=len(held), current=current, pages=pages, today=now.date(), token=token,
                      csrf=c.tokens.csrf(token), submissions=list(reversed(mine))[:SUBMISSIONS_SHOWN],
                      waiting={f"{s.task}/{s.milestone}": s for s in mine if s.state == "waiting"},
                      kinds=KIND_LABEL, states=STATE_LABEL, sent=sent if ascii_number(sent) else "")

    # the same link, page and day give the same page until a submission or decision changes it
    return html(c.cached((index,), ("u", token, current, now.date(), sent, c.store.version()), draw))


async def unit_feedback(request: Request) -> Response:
    unit = _unit(request)
    if unit is None:
        return forbidden()
    c = ctx(request)
    token = request.path_params["token"]
    fields = await form_fields(request, ("milestone", "kind", "date", "note", "csrf"))
    if isinstance(fields, Response):
        return fields
    if not c.tokens.csrf_ok(fields["csrf"], token, c.tokens.link_seconds):
        return forbidden()
    try:
        ident = submit(c.store, c.index(), c.now(), unit, fields["milestone"], fields["kind"], fields["date"],
                       fields["note"], source(request))
    except NotYours:
        return plain("404 没有这个节点", 404)
    except FieldError as err:
        return plain(f"400 {err}", 400)
    except DubanError:
        return plain("400 无法提交", 400)
    return RedirectResponse(f"/u/{token}?sent={ident}", 303, headers=HEADERS)


async def calendar(request: Request) -> Response:
    """Open milestones as all-day events on their effective due dates (RFC 5545)."""
    unit = _unit(request)
    if unit is None:
        return forbidden()
    c = ctx(request)
    now = c.now()
    cal = Calendar()
    cal.add("prodid", "-//duban//督办//ZH")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _text(f"督办：{unit}"))
    for h in c.index().held(unit, now.date()):
        event = Event()
        event.add("uid", _text(f"{h.task.id}/{h.milestone.id}@duban"))
        event.add("dtstamp", now)
        event.add("dtstart", h.due)
        event.add("dtend", h.due + timedelta(days=1))
        event.add("summary", _text(f"{h.task.number}{h.task.title}（{h.role.label}）"))
        event.add("description", _text(f"时限：{h.deadline_text}；到期日 {h.due}" + (f"\n{h.milestone.what}"
                                                                               if h.milestone.what else "")))
        cal.add_component(event)
    return Response(cal.to_ical(), 200, media_type="text/calendar; charset=utf-8", headers=HEADERS)


def _text(value: str) -> str:
    """A TEXT value for the feed: line breaks become \\n (icalendar escapes them), any other control
    character (a bare CR would end the content line) a space."""
    return _CONTROL.sub(lambda m: "\n" if m.group().startswith("\r") else " ", value)
