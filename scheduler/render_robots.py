"""Digest → DingTalk and Feishu messages. Pure.

- DingTalk: markdown (headings, bold, lists render well); text when the unit has
  `mention_mobiles`, with `at.atMobiles` and the `@138…` numbers in the text (DingTalk notifies
  only numbers that appear in it). Bodies stay under 20,000 bytes (errcode 460101 beyond).
- Feishu: `post` rich text (title + one paragraph per task). Feishu cannot mention by mobile.
  Bodies stay under 20,000 bytes with room for the signature added at send time.

A long digest is split between tasks (titles marked 1/3, 2/3 …), each part a Message of its own.
Sizes are counted as the JSON body's UTF-8 bytes, escapes included.
"""

from __future__ import annotations

import hashlib
import json

import jinja2

from scheduler.group import Digest, DigestItem
from scheduler.messages import Message
from scheduler.render import (
    _MARKDOWN,
    _MENTION,
    LINK_LABEL,
    NOTES_LABEL,
    ROBOT_TITLE_LIMIT,
    TEXT_LIMIT,
    fit_notes,
    truncate_bytes,
)
from scheduler.render_items import ItemView, item_view, subject

DINGTALK_LIMIT = 20_000  # bytes of the request body
FEISHU_LIMIT = 20_000  # bytes of the request body, "timestamp" and "sign" included
SIGNATURE_ROOM = 100  # Feishu: ', "timestamp": "1700000000", "sign": "<44 characters>"' fits
WIDEST_PART = "续99/99"


def robot_messages(env: jinja2.Environment, digest: Digest, mobiles: tuple[str, ...],
                   link: str | None = None, notes: tuple[str, ...] = ()) -> list[Message]:
    """`link`: the unit's page and `notes` the decisions on its feedback (web feature): they end the
    last part of a split message (SPEC 6)."""
    if digest.channel == "dingtalk":
        return dingtalk(env, digest, mobiles, link, notes)
    return feishu(env, digest, link, notes)


def _closing(link: str | None, notes: tuple[str, ...], sep: str) -> str:
    text = (sep + NOTES_LABEL + "".join(sep + n for n in notes)) if notes else ""
    return text + (f"{sep}{LINK_LABEL}{link}" if link else "")


def dingtalk(env: jinja2.Environment, digest: Digest, mobiles: tuple[str, ...],
             link: str | None = None, notes: tuple[str, ...] = ()) -> list[Message]:
    as_text = bool(mobiles)
    suffix, clean, sep = (".txt.j2", _MENTION, "\n") if as_text else (".md.j2", _MARKDOWN, "\n\n")
    subj = subject(digest)
    closing = _closing(link, fit_notes(tuple(n.translate(clean) for n in notes), DINGTALK_LIMIT // 4), sep)
    mention = (sep + " ".join(f"@{m}" for m in mobiles if m != "@all")).rstrip() if as_text else ""
    tail = closing + mention

    def head(part: str) -> str:
        return env.get_template("dingtalk_head" + suffix).render(subject=subj.translate(clean), part=part).strip()

    def body(content: str) -> str:
        return dingtalk_body(content, subj, mobiles)

    blocks = [_block(env, "dingtalk_item" + suffix, n, item, clean) for n, item in enumerate(digest.items, 1)]
    room = DINGTALK_LIMIT - _size(body("")) - _escaped(head(WIDEST_PART) + tail)
    groups = pack_sized(blocks, [_escaped(sep + b) for b in blocks], room)
    messages = []
    for n, group in enumerate(groups, 1):
        part = f"{n}/{len(groups)}" if len(groups) > 1 else ""
        content = head(part) + "".join(sep + b for _, b in group) + (tail if n == len(groups) else mention)
        messages.append(_message("dingtalk", digest, subj, content, body(content), group))
    return messages


def feishu(env: jinja2.Environment, digest: Digest, link: str | None = None,
           notes: tuple[str, ...] = ()) -> list[Message]:
    subj = subject(digest)
    notes = fit_notes(notes, FEISHU_LIMIT // 4)  # JSON escapes at most double it
    tail = [[{"tag": "text", "text": NOTES_LABEL}], *([{"tag": "text", "text": n}] for n in notes)] if notes else []
    tail += [[{"tag": "text", "text": LINK_LABEL}, {"tag": "a", "text": link, "href": link}]] if link else []

    def body(title: str, paragraphs: list[list[dict[str, str]]], last: bool = True) -> str:
        post = {"zh_cn": {"title": title, "content": paragraphs + (tail if last else [])}}
        return json.dumps({"msg_type": "post", "content": {"post": post}}, ensure_ascii=False)

    blocks = [_block(env, "feishu_item.txt.j2", n, item, _MENTION) for n, item in enumerate(digest.items, 1)]
    room = FEISHU_LIMIT - SIGNATURE_ROOM - _size(body(f"{subj}（{WIDEST_PART}）", []))
    groups = pack_sized(blocks, [_size(json.dumps(_paragraph(b), ensure_ascii=False)) + 2 for b in blocks], room)
    messages = []
    for n, group in enumerate(groups, 1):
        title = f"{subj}（{n}/{len(groups)}）" if len(groups) > 1 else subj
        last = n == len(groups)
        content = "\n\n".join([title, *(b for _, b in group)]) + (_closing(link, notes, "\n\n") if last else "")
        messages.append(_message("feishu", digest, subj, content,
                                 body(title, [_paragraph(b) for _, b in group], last), group))
    return messages


def dingtalk_body(content: str, title: str, mobiles: tuple[str, ...]) -> str:
    if mobiles:  # "@all" (allowed in mention_mobiles, as for WeCom) is DingTalk's isAtAll
        numbers = [m for m in mobiles if m != "@all"]
        data: dict[str, object] = {"msgtype": "text", "text": {"content": content},
                                   "at": {"atMobiles": numbers, "isAtAll": len(numbers) < len(mobiles)}}
    else:
        data = {"msgtype": "markdown", "markdown": {"title": title, "text": content}}
    return json.dumps(data, ensure_ascii=False)


def plain_payload(kind: str, text: str, mobiles: tuple[str, ...] = ()) -> str:
    """A plain-text body for a robot of `kind` (reports to the coordinator, `send-test`)."""
    if kind == "feishu":
        text = truncate_bytes(text.translate(_MENTION), FEISHU_LIMIT // 2)
        return json.dumps({"msg_type": "text", "content": {"text": text}}, ensure_ascii=False)
    if kind == "dingtalk":
        mention = "".join(f" @{m}" for m in mobiles if m != "@all")
        return dingtalk_body(truncate_bytes(text, DINGTALK_LIMIT // 2) + mention, "", mobiles)
    body: dict[str, object] = {"content": truncate_bytes(text, TEXT_LIMIT)}
    if mobiles:
        body["mentioned_mobile_list"] = list(mobiles)
    return json.dumps({"msgtype": "text", "text": body}, ensure_ascii=False)


def pack_sized(blocks: list[str], sizes: list[int], room: int) -> list[list[tuple[int, str]]]:
    """Greedy: consecutive blocks (kept whole) into groups whose sizes add up to at most `room`;
    a block too big alone is cut (escaping at most doubles a one-line text's size)."""
    groups: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    used = 0
    for i, (block, size) in enumerate(zip(blocks, sizes, strict=True)):
        if size > room:
            block, size = truncate_bytes(block, room // 2 - 40), room
        if current and used + size > room:
            groups.append(current)
            current, used = [], 0
        current.append((i, block))
        used += size
    return [*groups, current] if current else groups


def _block(env: jinja2.Environment, template: str, n: int, item: DigestItem, clean: dict[int, str]) -> str:
    view = item_view(item)
    cleaned = ItemView(*(getattr(view, f).translate(clean) if f != "color" else getattr(view, f)
                         for f in ItemView._fields))
    cleaned = cleaned._replace(title=truncate_bytes(cleaned.title, ROBOT_TITLE_LIMIT))
    return env.get_template(template).render(index=n, item=cleaned).strip("\n")


def _paragraph(block: str) -> list[dict[str, str]]:
    return [{"tag": "text", "text": block + "\n"}]


def _message(kind: str, digest: Digest, subj: str, content: str, payload: str,
             group: list[tuple[int, str]]) -> Message:
    identities = tuple(digest.items[i].reminder.identity for i, _ in group)
    key = hashlib.sha256("\x1e".join((kind, digest.unit, payload)).encode()).hexdigest()[:32]
    return Message(key, kind, digest.unit, subj, content, (), "", payload, identities)


def _size(text: str) -> int:
    return len(text.encode())


def _escaped(text: str) -> int:
    """Bytes `text` takes inside a JSON string (without the quotes)."""
    return len(json.dumps(text, ensure_ascii=False).encode()) - 2

