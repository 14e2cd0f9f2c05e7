"""Deadline phrases as documents write them (SPEC §4)."""

from __future__ import annotations

from datetime import date

import pytest

from scheduler import phrases


@pytest.mark.parametrize(("phrase", "year", "expected"), [
    ("6月底前", 2021, date(2021, 6, 30)),
    ("2021年6月底前", 2030, date(2021, 6, 30)),
    ("年底前", 2021, date(2021, 12, 31)),
    ("2022年11月底前", 2021, date(2022, 11, 30)),
    ("2022年年底前", 2021, date(2022, 12, 31)),
    ("2022年底前", 2021, date(2022, 12, 31)),
    ("2024年", 2021, date(2024, 12, 31)),
    ("2月底前", 2024, date(2024, 2, 29)),
    ("９月底前", 2021, date(2021, 9, 30)),  # full-width digits
    ("三季度末", 2021, date(2021, 9, 30)),
    ("上半年", 2021, date(2021, 6, 30)),
    ("12月15日前", 2021, date(2021, 12, 15)),
    ("持续推进", 2021, None),
    ("长期坚持", 2021, None),
    ("常态化", None, None),
])
def test_phrase_resolves(phrase: str, year: int | None, expected: date | None) -> None:
    assert phrases.resolve(phrase, year).deadline == expected


@pytest.mark.parametrize(("phrase", "year", "message"), [
    ("下个月", 2021, "无法识别的时限“下个月”"),
    ("6月底前", None, "没有写年份"),
    ("2月30日前", 2021, "不是存在的日期"),
    ("13月底前", 2021, "“13月底前”不是存在的日期"),
])
def test_phrase_errors_quote_the_phrase(phrase: str, year: int | None, message: str) -> None:
    with pytest.raises(phrases.PhraseError, match=message):
        phrases.resolve(phrase, year)


def test_find_all_ignores_ongoing_verbs_in_titles() -> None:
    text = "持续推进“互联网＋监管”。2021年6月底前完成，9月底前全面推开，年底前总结"
    assert phrases.find_all(text) == ["2021年6月底前", "9月底前", "年底前"]


@pytest.mark.parametrize(("text", "found"), [
    ("2020年底无分歧欠款应清尽清", ["2020年底"]),
    ("第一阶段(2017年7月18日至 2017年7月25日)", ["2017年7月25日"]),
    ("集中整治阶段（2022年4月至9月）", ["2022年9月"]),  # the end takes the range's year
    ("到2024年，推动全省营商环境均衡发展", ["2024年"]),
    ("2020年要有所突破,2021年底前基本实现", ["2020年", "2021年底前"]),
    ("6月底完成", ["6月底完成"]),
    ("2022年年底前完成", ["2022年年底前"]),
    ("修订出台2020年版鼓励外商投资产业目录", []),
    ("2020年9月11日,李克强总理在会议上讲话", []),
    ("截至2020年6月底，全省已完成", []),
    ("对2019年以来梳理的问题", []),
])
def test_find_all_reads_targets_ranges_and_skips_references(text: str, found: list[str]) -> None:
    assert phrases.find_all(text) == found
