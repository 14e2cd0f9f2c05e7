"""Document text → Draft: header facts, numbered items, their units and deadlines."""

from __future__ import annotations

import re

from scheduler.importer.articles import article_lines
from scheduler.importer.bracketed import relayout_targets
from scheduler.importer.bullet_fields import bullet_fields
from scheduler.importer.colon_units import colon_units
from scheduler.importer.copies import normalised, plain_spaces
from scheduler.importer.draft import Draft as Draft
from scheduler.importer.draft import DraftTask as DraftTask
from scheduler.importer.duty_headings import duty_headings
from scheduler.importer.duty_paragraphs import duty_paragraphs
from scheduler.importer.furniture import without_furniture
from scheduler.importer.glued_fields import glued_fields
from scheduler.importer.glued_items import glued_lines
from scheduler.importer.glued_table import glued_table
from scheduler.importer.header import header_facts, title_year
from scheduler.importer.label_forms import plain_labels
from scheduler.importer.layout import relayout
from scheduler.importer.marked_items import marked_items
from scheduler.importer.meeting_news import meeting_tasks
from scheduler.importer.minutes import read_minutes
from scheduler.importer.numerals import WIDE
from scheduler.importer.numerals import cn_to_int as cn_to_int
from scheduler.importer.office_points import office_points
from scheduler.importer.ordinal_points import ordinal_points
from scheduler.importer.outline import outline_lines
from scheduler.importer.page_fields import page_fields
from scheduler.importer.records import record_lines
from scheduler.importer.restated import without_restated
from scheduler.importer.scored_items import scored_items
from scheduler.importer.sections import covering_notice, select_tasks
from scheduler.importer.site_chunks import joined_site_chunks
from scheduler.importer.spaced_table import spaced_table
from scheduler.importer.spanned_cells import spanned_rows
from scheduler.importer.starred_lead import starred_leads
from scheduler.importer.stated_duty import stated_units
from scheduler.importer.top_points import top_points
from scheduler.importer.traditional import fold, restore
from scheduler.importer.unit_cells import unit_cells
from scheduler.importer.unit_person import unit_label
from scheduler.importer.walker import Walker

# "聯(lián)絡(luò )員": some copies put a space before the closing bracket
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])[(（](?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*) ?[)）]")  # "辦（bàn）" too


def _laid_out(lines: list[str]) -> list[str]:
    """The lines as the walker reads them: tables, records, run-on pages, minutes and target lists laid out."""
    lines = spaced_table(glued_table(lines))  # tables whose cells run together (rounds 66, 68)
    lines = colon_units(duty_paragraphs(joined_site_chunks(lines)))  # site_chunks, duty_paragraphs, colon_units (58)
    lines = marked_items(top_points(article_lines(outline_lines(lines))))  # numbering as a plan's levels
    lines = ordinal_points(starred_leads(lines))  # starred_lead.py, ordinal_points.py (round 54)
    lines = spanned_rows(glued_lines(office_points(scored_items(lines))))  # rounds 53, 52
    lines = glued_fields(lines)  # a 整改 list's labels run together on one line (round 61)
    return duty_headings(relayout_targets(read_minutes(relayout(record_lines(unit_cells(lines))))))


def parse_document(text: str) -> Draft:
    lines = normalised(without_furniture([ln.translate(WIDE) for ln in plain_spaces(text).splitlines()]))  # stripped
    lines = bullet_fields(page_fields(lines))  # page_fields.py: "1. [成文日期] …"; bullet_fields.py: "• 時間:…"
    written = [_PINYIN.sub("", ln).strip() for ln in lines]
    written = [unit_label(plain_labels(ln)) if ":" in ln or "：" in ln else ln for ln in written]  # label_forms.py
    written = [stated_units(ln) for ln in written]  # "…,负责部门为X、Y等。" (stated_duty.py, round 67)
    read, folding = fold(written)  # traditional.py
    lines = _laid_out(read)
    draft = _header(lines)
    Walker(draft, lines).run()
    covering_notice(draft, "\n".join(read))  # as read: a wrapped copy joined, keywords simplified
    select_tasks(draft)
    draft.tasks = without_restated(draft.tasks)  # a point written again as a division table's row (66)
    if folding is not None:  # names as written; meeting_news.py folds a sentence's keywords itself
        restore(draft, folding)
        if all(t.assignment.empty() and not t.deadlines for t in draft.tasks):  # else it reads no line
            lines = _laid_out(written)
    if news := meeting_tasks(lines, draft.tasks):  # a meeting's news: units that must do something
        draft.tasks = news
    _unique_keys(draft)
    return draft


def _unique_keys(draft: Draft) -> None:
    """Numbering may restart in each section: a repeated key gets "-2", "-3" … (ids stay unique)."""
    seen: dict[str, int] = {}
    taken = {task.key for task in draft.tasks}  # "01-2" may be a key of its own ("(一)2"): never reuse it
    for task in draft.tasks:
        count = seen[task.key] = seen.get(task.key, 0) + 1
        if count > 1:
            key = task.key
            while f"{key}-{count}" in taken:
                count += 1
            seen[key] = count
            task.key = f"{key}-{count}"
            taken.add(task.key)


def _header(lines: list[str]) -> Draft:
    title, number, issued = header_facts(lines)
    return Draft(title=title, number=number, issued=issued, year=None if issued else title_year(title))
