"""Deadlines as a coordinator types them into tasks.toml beyond the document forms: ten-day
periods, "10月份", dotted and slashed dates, 今年/明年, 长期/持续; a recurring phrase is told how
to write `repeat`. The importer's own phrase rules are not touched (scheduler/phrases.py)."""

from __future__ import annotations

from datetime import date

import pytest

from scheduler import phrases
from scheduler.phrases import PhraseError
from scheduler.phrases_written import resolve_written
from tests.conftest import TASKS, Duban, Project

CASES = [
    ("6月上旬", date(2021, 6, 10)), ("9月中旬前", date(2021, 9, 20)), ("12月下旬", date(2021, 12, 31)),
    ("2022年3月中旬", date(2022, 3, 20)), ("十月上旬", date(2021, 10, 10)), ("10月份", date(2021, 10, 31)),
    ("2021.6.30", date(2021, 6, 30)), ("2021/06/30", date(2021, 6, 30)), ("2021-6-3", date(2021, 6, 3)),
    ("2021．6．30前", date(2021, 6, 30)), ("6.30前", date(2021, 6, 30)), ("6.30", date(2021, 6, 30)),
    ("今年底前", date(2021, 12, 31)), ("今年6月底前", date(2021, 6, 30)), ("本年度内", date(2021, 12, 31)),
    ("明年6月底前", date(2022, 6, 30)), ("明年", date(2022, 12, 31)), ("次年三季度末", date(2022, 9, 30)),
    ("明年内", date(2022, 12, 31)),
]


@pytest.mark.parametrize(("written", "expected"), CASES)
def test_written_forms_resolve(written: str, expected: date) -> None:
    assert resolve_written(written, 2021).deadline == expected


@pytest.mark.parametrize("written", ["长期", "持续", "持续实施"])
def test_more_ongoing_words(written: str) -> None:
    assert resolve_written(written, 2021).ongoing


@pytest.mark.parametrize("written", ["6月中旬", "2021.6.30", "明年6月底前", "长期"])
def test_the_importer_rules_are_unchanged(written: str) -> None:
    with pytest.raises(PhraseError):
        phrases.resolve(written, 2021)


@pytest.mark.parametrize("written", ["2021.13.40", "6月中下旬", "按时限要求", "立即"])
def test_what_stays_unknown_names_the_phrase_as_written(written: str) -> None:
    with pytest.raises(PhraseError, match=f"无法识别的时限“{written}”"):
        resolve_written(written, 2021)


def test_next_year_without_an_issue_date_says_what_to_fill() -> None:
    with pytest.raises(PhraseError, match="相对于印发年份：请在 \\[document\\] 中填写 issued"):
        resolve_written("明年6月底前", None)


def test_check_shows_the_resolution_and_the_recurring_hint(project: Project, duban: Duban) -> None:
    project.write("tasks.toml", TASKS.replace("deadline = 2021-06-30", 'deadline = "明年3月中旬"'))
    result = duban("check", "--config", str(project.config))
    assert result.code == 0, result.out + result.err
    assert "“明年3月中旬”按 2022-03-20 处理" in result.out
    project.write("tasks.toml", TASKS.replace("deadline = 2021-06-30", 'deadline = "每季度末"'))
    result = duban("check", "--config", str(project.config))
    assert result.code == 1
    assert ("“每季度末”是周期性的时限：deadline 只写一个日期；周期性的任务请写 repeat（RRULE）和 start，"
            '如每季度末：repeat = "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"') in result.out + result.err
