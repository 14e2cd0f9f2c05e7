"""`duban plan` output: JSON (SPEC §4), CSV for Excel (UTF-8 BOM), a Chinese table by day."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Iterable, Iterator, Mapping

from scheduler.model import Reminder, Task
from scheduler.plan import Firing, Recipient
from scheduler.render import CHANNEL_LABEL
from scheduler.render_items import days_phrase, one_line
from scheduler.report.safe import cell


def width(text: str) -> int:
    """Display width in a terminal: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, columns: int) -> str:
    return text + " " * max(0, columns - width(text))


_HEAD = ("时间", "任务", "节点", "阶段", "单位", "角色", "渠道", "截止/到期", "剩余工作日")
_WIDTHS = (5, 10, 10, 8, 22, 4, 18, 21, 14)


def _row(cells: Iterable[str]) -> str:
    return "  " + " ".join(pad(c, w) for c, w in zip(cells, _WIDTHS, strict=True)).rstrip()


def to_json(firings: Iterable[Firing]) -> Iterator[str]:
    """One JSON array (SPEC §4), streamed. Each firing's shared fields are formatted once and
    each recipient's once per plan, so a large plan is mostly string joins."""
    quote = _Quoter()
    tails: dict[Recipient, str] = {}
    prefix = "\n"
    yield "["
    for f in firings:
        head = (f'{{"at": "{f.at.isoformat()}", "task": {quote(f.task)}, "milestone": {quote(f.milestone)}, '
                f'"deadline": "{f.deadline.isoformat()}", "due": "{f.due.isoformat()}", '
                f'"stage": {quote(f.stage)}, "offset": {f.offset}, "repetition": {f.repetition}, ')
        parts = []
        for r in f.recipients:
            tail = tails.get(r)
            if tail is None:
                tail = tails[r] = _recipient_json(r, quote)
            parts.append(prefix + head + tail)
            prefix = ",\n"
        yield "".join(parts)
    yield "\n]\n"


class _Quoter:
    def __init__(self) -> None:
        self.cache: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        found = self.cache.get(text)
        if found is None:
            found = self.cache[text] = json.dumps(text, ensure_ascii=False)
        return found


def _recipient_json(r: Recipient, quote: _Quoter) -> str:
    via = f', "via": {quote(r.via)}' if r.via else ""
    channels = ", ".join(quote(c) for c in r.channels)
    return f'"role": "{r.role.value}", "unit": {quote(r.unit)}, "channels": [{channels}]{via}}}'


CSV_HEADER = ("时间", "任务编号", "序号", "任务", "节点", "时限", "到期日", "阶段", "距到期",
              "重复次数", "角色", "单位", "渠道", "转交")


def to_csv(reminders: Iterable[Reminder], tasks: Mapping[str, Task]) -> Iterator[str]:
    """CSV with a header row; the caller writes the UTF-8 BOM first. Text never starts a formula."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(CSV_HEADER)
    for r in reminders:
        task = tasks.get(r.task)
        writer.writerow(cell(v) for v in (
            r.at.strftime("%Y-%m-%d %H:%M"), r.task, task.number if task else "",
            task.title if task else "", r.milestone, r.deadline.isoformat(), r.due.isoformat(),
            r.stage, days_phrase(r.offset), r.repetition, r.role.label, r.unit,
            "、".join(CHANNEL_LABEL.get(c, c) for c in r.channels), r.via or "",
        ))
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
    yield buf.getvalue()


def to_table(reminders: list[Reminder], tasks: Mapping[str, Task]) -> Iterator[str]:
    if not reminders:
        yield "这段时间内没有要发送的提醒。\n"
        return
    day = None
    for r in reminders:
        if r.at.date() != day:
            day = r.at.date()
            yield f"\n{day.isoformat()}（星期{'一二三四五六日'[day.weekday()]}）\n{_row(_HEAD)}\n"
        task = tasks.get(r.task)
        channels = "、".join(CHANNEL_LABEL.get(c, c) for c in r.channels)
        if r.via:
            channels += f"（转{r.via}）"
        title = one_line(f"{task.number}{task.title}") if task else ""
        cells = (f"{r.at:%H:%M}", r.task, r.milestone, r.stage, one_line(r.unit), r.role.label, channels,
                 f"{r.deadline.isoformat()}/{r.due.isoformat()}", days_phrase(r.offset))
        yield f"{_row(cells)}  {title[:24]}\n"
    yield f"\n共{len(reminders)}条提醒。\n"
