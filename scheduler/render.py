"""Digest → Messages: e-mail (plain + HTML) and WeCom (markdown, or text to @ by mobile). Pure.

Templates are Jinja2 files shipped in scheduler/templates and overridable by files of the same
name in a `templates/` directory beside the settings file. Text from coordinators' files is
made harmless for each format: header values lose line breaks, HTML is escaped by Jinja, and
WeCom markdown/mention syntax is replaced by full-width look-alikes.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable
from datetime import datetime
from html import escape
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

import jinja2

from scheduler import render_fast
from scheduler.group import Digest, DigestItem
from scheduler.messages import Message, ReminderId
from scheduler.model import Unit
from scheduler.render_items import ItemView, by_unit, item_view, one_line, subject, summary

MARKDOWN_LIMIT = 4096  # bytes of markdown.content
TEXT_LIMIT = 2048  # bytes of text.content (the documented, safe budget)
# bytes of a title in a robot message: a longer one (a pasted paragraph) would have the whole item cut
# to the message limit, losing its stage, days and due date; the e-mail keeps the title whole
ROBOT_TITLE_LIMIT = 1200
_MARKDOWN = str.maketrans({"*": "＊", "_": "＿", "[": "［", "]": "］", "(": "（", ")": "）", "#": "＃",
                           "`": "｀", "<": "＜", ">": "＞", "~": "～", "|": "｜"})
_MENTION = str.maketrans({"<": "＜", ">": "＞", "@": "＠"})


CHANNEL_LABEL = {"email": "邮件", "wecom": "企业微信", "dingtalk": "钉钉", "feishu": "飞书", "outbox": "发件箱"}


EMAIL_LIMIT = 5_000_000  # bytes of text and HTML in one e-mail: ~6.8 MB once encoded, under the common 10 MB limit


class Part(NamedTuple):
    """Which part of a long digest an e-mail is."""

    number: int
    of: int
    whole: Digest


def split(digest: Digest, count: int) -> list[Digest]:
    """`count` runs of consecutive items, as even as they come."""
    size, extra = divmod(len(digest.items), count)
    bounds = [n * size + min(n, extra) for n in range(count + 1)]
    return [Digest(digest.unit, digest.channel, digest.items[a:b]) for a, b in pairwise(bounds)]


def _size(message: Message) -> int:
    """The UTF-8 bytes of an e-mail's text and HTML."""
    return len(message.text.encode()) + len(message.html.encode())


UnitLink = Callable[[str], "str | None"]  # unit name → its page (web feature), or None
UnitNotes = Callable[[str, datetime], tuple[str, ...]]  # unit, now → decisions to tell it (web feature)
NOTES_LABEL = "反馈审核结果："
LINK_LABEL = "反馈和查看本单位任务："


class Renderer:
    """`unit_link` is the hook of the web feature: when it gives a URL for the receiving unit, the
    URL ends every message to that unit (e-mail text and HTML; a split robot message: its last part)."""

    def __init__(self, template_dir: Path | None, unit_link: UnitLink | None = None,
                 unit_notes: UnitNotes | None = None, email_limit: int = EMAIL_LIMIT) -> None:
        self.email_limit = email_limit
        self.unit_link = unit_link
        self.unit_notes = unit_notes
        self._views: dict[tuple[int, str], tuple[str, ...]] = {}  # per task and milestone (tasks live with the App)
        loaders: list[jinja2.BaseLoader] = [jinja2.PackageLoader("scheduler", "templates")]
        if template_dir is not None and template_dir.is_dir():
            loaders.insert(0, jinja2.FileSystemLoader(template_dir))
        loader = jinja2.ChoiceLoader(loaders)
        # the shipped e-mail templates are rendered by render_fast (same bytes, far faster)
        # unless the operator overrides them
        own = template_dir if template_dir is not None and template_dir.is_dir() else None
        self._fast_text = own is None or not (own / render_fast.TEXT_TEMPLATE).exists()
        self._fast_html = own is None or not (own / render_fast.HTML_TEMPLATE).exists()
        self.text = jinja2.Environment(loader=loader, autoescape=False, keep_trailing_newline=True,
                                       undefined=jinja2.StrictUndefined)
        self.html = jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined)

    def render(self, digest: Digest, unit: Unit | None, now: datetime) -> list[Message]:
        if digest.channel == "wecom":
            mobiles = unit.mention_mobiles if unit else ()
            return self.wecom(digest, mobiles, now)
        if digest.channel in ("dingtalk", "feishu"):
            from scheduler.render_robots import robot_messages

            return robot_messages(self.text, digest, unit.mention_mobiles if unit else (), self._link(digest.unit),
                                  self._notes(digest.unit, now))
        return self.emails(digest, unit.emails if unit else (), now)

    def emails(self, digest: Digest, to: tuple[str, ...], now: datetime) -> list[Message]:
        """One e-mail per digest. A digest too long for one (the coordinator's copies of
        thousands of escalations) goes in parts of consecutive items, each under `email_limit`:
        a mail server refuses a message over its size limit for good."""
        whole = self.email(digest, to, now)
        if (len(whole.text) + len(whole.html)) * 4 <= self.email_limit or len(digest.items) < 2:
            return [whole]  # under the limit whatever the characters (4 bytes at most each)
        size = _size(whole)
        if size <= self.email_limit:
            return [whole]
        count = min(len(digest.items), math.ceil(size / (self.email_limit * 0.9)))
        while True:
            parts = [self.email(piece, to, now, Part(n, count, digest))
                     for n, piece in enumerate(split(digest, count), 1)]
            if count == len(digest.items) or all(_size(m) <= self.email_limit for m in parts):
                return parts
            count = min(len(digest.items), count * 2)

    def email(self, digest: Digest, to: tuple[str, ...], now: datetime, part: Part | None = None) -> Message:
        """`part`: this digest is part `part.number` of `part.whole` (subject, summary and
        escalation kind are the whole's; the feedback decisions end the last part only)."""
        whole = part.whole if part else digest
        subj = subject(whole) + (f"（第{part.number}/{part.of}封）" if part else "")
        sent_at = f"{now:%Y-%m-%d %H:%M}"
        items = [item_view(i, self._views) for i in digest.items]
        head = summary(whole) + (f"（内容较多，分{part.of}封发送，本封为第{part.number}封，列{len(items)}项）"
                                 if part else "")
        rows = by_unit(whole) if whole.escalation else []  # the whole digest's counts in each part
        context = {"unit": digest.unit, "summary": head, "items": items, "subject": subj, "by_unit": rows,
                   "sent_at": sent_at}
        text = (render_fast.email_text(digest.unit, head, items, rows, sent_at) if self._fast_text
                else self.text.get_template("email.txt.j2").render(context))
        html = (render_fast.email_html(subj, digest.unit, head, items, rows, sent_at) if self._fast_html
                else self.html.get_template("email.html.j2").render(context))
        notes = self._notes(digest.unit, now) if part is None or part.number == part.of else ()
        if notes:
            text = text.rstrip("\n") + f"\n\n{NOTES_LABEL}\n" + "".join(f"- {n}\n" for n in notes)
            html += f"<p>{NOTES_LABEL}</p><ul>" + "".join(f"<li>{escape(n)}</li>" for n in notes) + "</ul>\n"
        link = self._link(digest.unit)
        if link:
            text = text.rstrip("\n") + f"\n\n{LINK_LABEL}{link}\n"
            html += f'<p>{LINK_LABEL}<a href="{escape(link, quote=True)}">{escape(link)}</a></p>\n'
        # the key ignores the sending time: the same content keeps its Message-ID when re-sent
        key = _key("email", digest.unit, "\x1f".join(to), subj, text.replace(sent_at, ""))
        return Message(key, "email", digest.unit, subj, text, to, html, "", _identities(digest))

    def wecom(self, digest: Digest, mobiles: tuple[str, ...], now: datetime | None = None) -> list[Message]:
        as_text = bool(mobiles)
        suffix, limit, clean = (".txt.j2", TEXT_LIMIT, _MENTION) if as_text else (".md.j2", MARKDOWN_LIMIT, _MARKDOWN)
        subj = subject(digest)
        blocks = [self._wecom_item(n, item, suffix, clean) for n, item in enumerate(digest.items, 1)]
        sized_head = self.text.get_template("wecom_head" + suffix).render(subject=subj.translate(clean), part="续99/99")
        link = self._link(digest.unit)
        notes = fit_notes(tuple(n.translate(clean) for n in self._notes(digest.unit, now)), limit // 2) if now else ()
        tail = (f"\n{NOTES_LABEL}" + "".join(f"\n{n}" for n in notes) if notes else "") + (
            f"\n{LINK_LABEL}{link}" if link else "")
        groups = pack(blocks, limit - len(sized_head.encode()) - len(tail.encode()) - 1)
        messages = []
        for n, group_items in enumerate(groups, 1):
            part = f"{n}/{len(groups)}" if len(groups) > 1 else ""
            head = self.text.get_template("wecom_head" + suffix).render(subject=subj.translate(clean), part=part)
            content = (head.rstrip("\n") + "\n" + "\n".join(b for _, b in group_items)).strip()
            content += tail if n == len(groups) else ""  # the link ends the last part (SPEC 6)
            payload = _payload(content, mobiles)
            identities = tuple(digest.items[i].reminder.identity for i, _ in group_items)
            key = _key("wecom", digest.unit, payload)
            messages.append(Message(key, "wecom", digest.unit, subj, content, (), "", payload, identities))
        return messages

    def _notes(self, unit: str, now: datetime) -> tuple[str, ...]:
        return tuple(one_line(n) for n in self.unit_notes(unit, now)) if self.unit_notes else ()

    def _link(self, unit: str) -> str | None:
        return one_line(self.unit_link(unit) or "") or None if self.unit_link else None

    def _wecom_item(self, n: int, item: DigestItem, suffix: str, clean: dict[int, str]) -> str:
        view = item_view(item, self._views)
        cleaned = ItemView(*(getattr(view, f).translate(clean) if f not in ("color",) else getattr(view, f)
                             for f in ItemView._fields))
        cleaned = cleaned._replace(title=truncate_bytes(cleaned.title, ROBOT_TITLE_LIMIT))
        return self.text.get_template("wecom_item" + suffix).render(index=n, item=cleaned).strip("\n")


def pack(blocks: list[str], budget: int) -> list[list[tuple[int, str]]]:
    """Greedy packing of blocks (kept whole where possible) into groups of at most `budget` bytes."""
    groups: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    used = 0
    for i, block in enumerate(blocks):
        size = len(block.encode()) + 1
        if size > budget:
            block = truncate_bytes(block, budget - 1)
            size = budget
        if current and used + size > budget:
            groups.append(current)
            current, used = [], 0
        current.append((i, block))
        used += size
    if current:
        groups.append(current)
    return groups


NOTES_MORE = "另有{}条审核结果，请在反馈页面查看"


def fit_notes(notes: tuple[str, ...], budget: int) -> tuple[str, ...]:
    """As many notes (one line each) as fit in `budget` UTF-8 bytes with the label, the rest
    counted on a last line: a bulk review must not push a robot message over its byte limit."""
    kept: list[str] = []
    used = len(NOTES_LABEL.encode()) + len(NOTES_MORE.format(len(notes)).encode()) + 4
    for n, note in enumerate(notes):
        note = truncate_bytes(note, budget // 4)
        size = len(note.encode()) + 2  # and its line break(s)
        if used + size > budget:
            return (*kept, NOTES_MORE.format(len(notes) - n))
        kept.append(note)
        used += size
    return tuple(kept)


def truncate_bytes(text: str, limit: int) -> str:
    """At most `limit` UTF-8 bytes, cut on a character boundary, marked with …"""
    data = text.encode()
    if len(data) <= limit:
        return text
    return data[: max(0, limit - 3)].decode("utf-8", errors="ignore") + "…"


def _payload(content: str, mobiles: tuple[str, ...]) -> str:
    if mobiles:
        body = {"msgtype": "text", "text": {"content": content, "mentioned_mobile_list": list(mobiles)}}
    else:
        body = {"msgtype": "markdown", "markdown": {"content": content}}
    return json.dumps(body, ensure_ascii=False)


def _key(*parts: str) -> str:
    return hashlib.sha256("\x1e".join(parts).encode()).hexdigest()[:32]


def _identities(digest: Digest) -> tuple[ReminderId, ...]:
    return tuple(i.reminder.identity for i in digest.items)
