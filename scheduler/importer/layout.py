"""Layouts of copied text set right before the walk (issue #13 round 16), line by line:

- a notice run together on one line: "……请认真抓好落实。 一、主要工作目标 1、……(X)。 2、……(Y)。"
  becomes one line per section and item;
- a label line hard-wrapped as a PDF copy wraps every line ("协办单位：A、B、园区党工" / "委、C")
  is joined with its continuation;
- a line naming the unit of the items above it ("4项目标的责任单位均为X。", "该目标责任单位为X。")
  becomes a label line under each of those items;
- an item glued to the bracket closing the one before ("……（X负责）（二）……") starts a line;
- unnumbered one-sentence tasks, each followed by its label lines ("市区新增学位2.36万个。" /
  "责任单位：市教育局" / "进度安排：6月底前……"), are marked as items without a number (RECORD).
"""

from __future__ import annotations

import re
from collections import Counter

from scheduler.importer.flat_rows import table_header, unwrap
from scheduler.importer.item import ASSIGN_LINE
from scheduler.importer.numerals import CN_NUM, cn_to_int
from scheduler.importer.opened_cells import opened_rows
from scheduler.importer.paren_start import split_first_items
from scheduler.importer.ruled_numbers import ruled_numbers
from scheduler.importer.run_on import split_at_spaces
from scheduler.importer.vocab import either

RECORD = "\ue000"  # starts an unnumbered one-sentence task: walker.py opens an item without a number

# "1.2007年是……": an item number before a year is no decimal (round 33)
_DIGIT_SPLIT = re.compile(r"\s+(?=\d{1,3}[、．.](?![\s%]|\d(?!\d{3}年)))")
# after a label's last unit too ("主体责任单位:各村(居) 二、……", "……:各企业 二、……": round 58)
_SECTION_SPLIT = re.compile(rf"(?<=[。：:）)\u4e00-\u9fff])\s+(?=[{CN_NUM}]+、|[（(][{CN_NUM}]+[）)])")
_SECTION_NUMBER = re.compile(rf"^([{CN_NUM}]+)、")
_SUB_LINE = re.compile(r"^(\d{1,3})[.．、﹒](?!\d(?!\d{3}年))")
_STRUCTURE = re.compile(rf"^(?:[（(]?[{CN_NUM}\d]+[）)、．.]|[—\-－\s\d]+$|第[{CN_NUM}\d]+页)")
_ENDS = "。；;！!？?）)〕]】”\":：…，,、"
# "4项目标的责任单位均为市发展改革委。", "以上2项任务的牵头单位均为X", "该目标责任单位为市经委。"
_RETRO = re.compile(
    rf"^(?:以上|上述)?(?:(?P<n>\d{{1,2}}|[{CN_NUM}]+)[项項]|(?P<one>[该該])[项項]?)"
    r"(?:[目][标標]|任[务務]|工作|指[标標])?的?"
    + either(r"(?P<label>责任单位|牵头单位|责任部门|牵头部门)") + r"均?[为為爲是](?P<names>[^。；;]+?)[。.；;]?$")
# person and schedule labels that close a one-sentence task together with its unit labels
_OTHER_LABEL = re.compile(either(
    r"^(?:(?:主管|分管|责任|牵头|督办)[领領][导導]|主要责任人|责任人|进度安排|完成时限|完成时间)\s*[:：]"))
_UNIT_LABEL = re.compile(either(r"^(?:责任单位|牵头单位|责任部门|牵头部门|主办单位|承办单位)\s*[:：]"))


def relayout(lines: list[str]) -> list[str]:
    return _number_records(_retro_labels(_join_wrapped(_split_glued(_split_run_on(ruled_numbers(opened_rows(lines)))))))


# "（一）……。（X负责）（二）……。（Y主办）": the next item glued to the bracket closing this one
_MARK = re.compile(rf"[（(](?P<cn>[{CN_NUM}]+)[）)]|(?P<digit>\d{{1,3}})[.．、](?!\d)")
_GLUED = re.compile(rf"[）)]\s*(?=[（(][{CN_NUM}]+[）)]|\d{{1,3}}[.．、](?!\d))")


def _split_glued(lines: list[str]) -> list[str]:
    """An item glued to the closing bracket of the one before, numbered next, starts a line."""
    out: list[str] = []
    for ln in lines:
        first = _MARK.match(ln)
        if first is None or not _GLUED.search(ln):
            out.append(ln)
            continue
        style, number, start = _style(first), _value(first), 0
        for m in _GLUED.finditer(ln):
            nxt = _MARK.match(ln, m.end())
            if nxt is not None and _style(nxt) == style and _value(nxt) == number + 1:
                out.append(ln[start:m.start() + 1])
                start, number = m.end(), number + 1
        out.append(ln[start:])
    return out


def _style(m: re.Match[str]) -> str:
    return "cn" if m["cn"] else "digit"


def _value(m: re.Match[str]) -> int:
    return cn_to_int(m["cn"]) if m["cn"] else int(m["digit"])


def _split_run_on(lines: list[str]) -> list[str]:
    out: list[str] = []
    for ln in lines:
        if ln.count(" | ") >= 2:  # a " | " table row: a cell's numbered points stay in the cell (round 28)
            out.append(ln)
            continue
        if " " not in ln or not _DIGIT_SPLIT.search(ln):  # a run-on copy keeps a space where each line began
            out.extend(split_at_spaces(ln) or split_first_items(ln) or [ln])  # "…如下: (一)X牵头的工作 ……。 (二)…"
            continue
        parts = [p for s in _SECTION_SPLIT.split(ln) for p in _DIGIT_SPLIT.split(s)]
        numbers = [int(m[1]) for p in parts if (m := _SUB_LINE.match(p))]
        sections = [cn_to_int(m[1]) for p in parts if (m := _SECTION_NUMBER.match(p.strip()))]
        run = (len(numbers) >= 3 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))) \
            or (numbers and len(sections) >= 2 and sections == list(range(1, len(sections) + 1)))  # 一、 二、 then 1、
        run = run or (numbers[:1] == [1] and sections[:1] == [1] and _FIRST_ITEM.search(ln) is not None)
        run = run or (numbers[:1] == [1] and _FIRST_SUB_ITEM.search(ln) is not None)
        flat = table_header(ln)  # a task table run together: its cells' line breaks go (flat_rows.py)
        rows = [unwrap(p.strip()) if flat and _SUB_LINE.match(p.strip()) else p.strip() for p in parts]
        out.extend(rows if run else split_at_spaces(ln) or [ln])
    return out


# "……报告。 一、主要工作目标 1.……": a page start holding the first section's heading and its first item (round 33)
_FIRST_ITEM = re.compile(r"[。：:]\s+一、[\u4e00-\u9fff]{2,20}\s+1[、．.](?!\d(?!\d{3}年))")
# "……实施方案 (一)加快网络规划建设。 1.加快……": the first subsection's heading and its first item (round 65)
_FIRST_SUB_ITEM = re.compile(r"\s[（(]一[）)][^\s。]{2,30}。\s+1[、．.](?!\d)")


_OWN_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,6}[:：]")  # "监督方式:0557-…" below the last item: a line of its own


def _join_wrapped(lines: list[str]) -> list[str]:
    """A PDF copy breaks every line at the same width: a label line that long, not ending a
    clause, goes on in the next line unless that line opens something of its own."""
    lengths = Counter({n: c for n, c in Counter(map(len, lines)).items() if n >= 16})
    if not lengths:
        return lines
    width, count = lengths.most_common(1)[0]
    if count < 5 or 3 * count < sum(lengths.values()):
        return lines
    if 2 * sum(len(ln) == width and ln[-1] in "。；;" for ln in lines) >= count:
        return lines  # lines of one length that end sentences: a list, not a wrapped copy
    out: list[str] = []
    for ln in lines:
        prev = out[-1] if out else ""
        if ln and len(prev) >= width - 2 and prev[-1] not in _ENDS and ASSIGN_LINE.match(prev) \
                and not ASSIGN_LINE.match(ln) and not _STRUCTURE.match(ln) and not _OWN_LABEL.match(ln):
            out[-1] = prev + ln
        else:
            out.append(ln)
    return out


_RETRO_HINT = re.compile(rf"^(?:以上|上述)?(?:\d{{1,2}}|[{CN_NUM}]+|[该該])[项項目]", re.M)


def _retro_labels(lines: list[str]) -> list[str]:
    text = "\n".join(lines)
    if not ("项" in text or "項" in text or "该" in text or "該" in text) or not _RETRO_HINT.search(text):
        return lines
    out: list[str] = []
    starts: list[int] = []  # item lines since the last such line (those before it have their units)
    for ln in lines:
        m = _RETRO.match(ln) if "为" in ln or "為" in ln or "爲" in ln or "是" in ln else None
        count = 0 if m is None else 1 if m["one"] else int(m["n"]) if m["n"].isdigit() else cn_to_int(m["n"])
        if m is None or not 0 < count <= len(starts):
            if _SUB_LINE.match(ln):
                starts.append(len(out))
            out.append(ln)
            continue
        label = f"{m['label']}：{m['names'].strip()}"
        for start in reversed(starts[-count:]):
            end = next((j for j in range(start + 1, len(out)) if _SUB_LINE.match(out[j])), len(out))
            out.insert(end, label)
        starts = []
    return out


def _number_records(lines: list[str]) -> list[str]:
    labelled = [i for i in range(len(lines) - 1) if lines[i] and ("：" in lines[i + 1] or ":" in lines[i + 1])]
    firsts = [i for i in labelled if _record_start(lines, i)]
    if len(firsts) >= 2:  # records: a longer paragraph above its unit's label line is one too (round 57)
        firsts = [i for i in labelled if _record_start(lines, i, _LONG_RECORD)]
    if (len(firsts) < 2 and not _lone(lines, firsts)) \
            or any(_SUB_LINE.match(ln) or _STRUCTURE.match(ln) for ln in lines if ln):
        return lines
    out = list(lines)
    for i in firsts:  # the sentence ends the title even without its "。" (lines after the labels are no title)
        out[i] = RECORD + lines[i] + ("" if lines[i].endswith("。") else "。")
    return out


def _lone(lines: list[str], firsts: list[int]) -> bool:
    """A page that is one task (round 52): its paragraph is the first line, all the lines after it its label lines."""
    written = [i for i, ln in enumerate(lines) if ln]
    return len(firsts) == 1 and written[0] == firsts[0] \
        and all(ASSIGN_LINE.match(lines[i]) or _OTHER_LABEL.match(lines[i]) for i in written[1:])


_OPEN_END = "：:，,、；;（("  # a line going on below ("详情见下:"), no sentence of its own


_LONG_RECORD = 500  # a task's paragraph of two or three sentences, among records of one sentence


def _record_start(lines: list[str], i: int, longest: int = 150) -> bool:
    """A one-sentence line (or, among such records, a paragraph) followed by label lines, one of which names
    the unit."""
    ln = lines[i]
    if ln[-1] in _OPEN_END or ASSIGN_LINE.match(ln) or _OTHER_LABEL.match(ln) or len(ln) > longest:
        return False  # a sentence with or without its "。" ("建成配套小学,提供学位1200个", round 33)
    for j in range(i + 1, len(lines)):  # the label lines below it (never a copy of the rest: 10 MB texts)
        if not (ASSIGN_LINE.match(lines[j]) or _OTHER_LABEL.match(lines[j])):
            return False
        if _UNIT_LABEL.match(lines[j]):
            return True
    return False
