"""A bare year as the time of the work an item plans, beside the ones scheduler/phrases.py reads
("2021年全面推广", "到2024年"): "2010年开展行政性收费清理", "2010年在企业注册领域开展……试点",
"2010年进一步完善网上年审机制", "力争/确保2010年全市……达到50%以上", "2007年所有……" (round 45) and a year with
the work's completion ("并在2011年投入使用", "2012年建成", "2013年竣工"; round 46) are that year's work — the year's
end. Never "2010年以来"/"2010年底前" (the past, or a phrase read already) nor a span "2009—2010年"."""

from __future__ import annotations

import re

_NOT_AFTER = r"(?<![\d至到—–~-])"
_WORK = re.compile(_NOT_AFTER + r"(\d{4})\s*年(?=(?:在[\u4e00-\u9fff]{2,12}?)?(?:开展|進一步|进一步|開展))")
_DONE = re.compile(_NOT_AFTER + r"(\d{4})\s*年(?=(?:全面|全部|基本)?"
                   r"(?:投入使用|投入运营|投入运行|建成|竣工|完工|投用))")
# "2007年所有进行年检的车辆实施尾气排放检测" (round 45): the work on all of that year's cases
_ALL = re.compile(_NOT_AFTER + r"(\d{4})\s*年(?=所有|全部)")
_STRIVE = re.compile(r"(?:力争|力爭|确保|確保)(\d{4})\s*年(?![底末内內前起后後以度初中上下\d])")


def work_years(text: str) -> list[str]:
    """The years written as the time of the planned work in `text`, as "2010年", each once."""
    if "年" not in text:
        return []
    found: list[str] = []
    for m in (*_WORK.finditer(text), *_DONE.finditer(text), *_ALL.finditer(text), *_STRIVE.finditer(text)):
        if f"{m[1]}年" not in found:
            found.append(f"{m[1]}年")
    return found
