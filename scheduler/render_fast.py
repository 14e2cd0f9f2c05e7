"""The shipped e-mail templates (email.txt.j2, email.html.j2) written out in Python. Pure.

A digest of a first pass holds hundreds of items; one Jinja loop iteration per item (and one
markupsafe call per field) made rendering the largest cost of a pass. These functions give
exactly the bytes the shipped templates give (tests/test_render_fast.py renders both ways and
compares); the Renderer uses them only while no file in the settings' `templates/` directory
overrides the template, so an operator's own template is still rendered by Jinja.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scheduler.render_items import ItemView

TEXT_TEMPLATE = "email.txt.j2"
HTML_TEMPLATE = "email.html.j2"

_HTML_HEAD = ('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{subject}</title></head>\n'
              '<body style="font-family: sans-serif; font-size: 14px;">\n<p>{unit}：</p>\n<p>{summary}</p>\n'
              '<table border="1" cellspacing="0" cellpadding="6" style="border-collapse: collapse;">\n'
              "<tr><th>序号</th><th>任务</th><th>阶段</th><th>时限 / 到期日</th><th>角色</th><th>涉及单位</th>"
              "<th>要求</th></tr>\n")
_SPECIAL = re.compile("[&<>'\"]")
_CLOSING = "请按时限办理；已完成的请告知督办单位销号。"


def escape(text: str) -> str:
    """What Jinja's autoescape (markupsafe.escape) makes of a string."""
    if _SPECIAL.search(text) is None:
        return text
    return (text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;").replace("'", "&#39;")
            .replace('"', "&#34;"))


def email_text(unit: str, summary: str, items: Sequence[ItemView], by_unit: Sequence[dict[str, str]],
               sent_at: str) -> str:
    parts = [f"{unit}：\n\n{summary}\n"]
    append = parts.append
    for n, i in enumerate(items, 1):
        mine = (f"转交：{i.for_unit}（{i.role}单位，未配置联系方式，请代为转达）" if i.for_unit
                else f"本单位：{i.role}单位")
        append(f"\n{n}. {i.number}{i.title}\n   阶段：{i.stage}（{i.days}）\n   时限：{i.written}，到期日 {i.due}\n"
               f"   {mine}\n")
        if i.others:
            append(f"   涉及单位：{i.others}\n")
        if i.what:
            append(f"   要求：{i.what}\n")
        if i.document:
            append(f"   依据：{i.document}\n")
    append("\n")
    if by_unit:
        append("\n按单位汇总：\n" + "".join(f"  {row['unit']}：{row['text']}\n" for row in by_unit))
    append(f"\n{_CLOSING}\n本邮件由督办系统自动发送（{sent_at}）。\n")
    return "".join(parts)


def email_html(subject: str, unit: str, summary: str, items: Sequence[ItemView],
               by_unit: Sequence[dict[str, str]], sent_at: str) -> str:
    parts = [_HTML_HEAD.format(subject=escape(subject), unit=escape(unit), summary=escape(summary))]
    append = parts.append
    search = _SPECIAL.search
    for n, i in enumerate(items, 1):
        # one search over the item's fields: most items hold nothing to escape (then each field
        # is its own escape); a first pass escapes ~230,000 items of 12 fields
        if search("".join(i)) is not None:
            i = type(i)._make(escape(f) for f in i)
        document = f"<br><small>{i.document}</small>" if i.document else ""
        role = f"转交 {i.for_unit}（{i.role}，未配置联系方式）" if i.for_unit else i.role
        append(f"<tr>\n<td>{n}</td>\n<td>{i.number}{i.title}{document}</td>\n"
               f'<td style="color: {i.html_color};"><b>{i.stage}</b><br>{i.days}</td>\n'
               f"<td>{i.written}<br>{i.due}</td>\n<td>{role}</td>\n<td>{i.others}</td>\n"
               f"<td>{i.what}</td>\n</tr>")
    append("\n</table>\n")
    if by_unit:
        append("<p>按单位汇总：</p><ul>" + "".join(f"<li>{escape(row['unit'])}：{escape(row['text'])}</li>"
                                             for row in by_unit) + "</ul>")
    append(f"\n<p>{_CLOSING}<br><small>本邮件由督办系统自动发送（{escape(sent_at)}）。</small></p>\n</body></html>")
    return "".join(parts)
