"""Work listed under a year label, "2019年任务：一是……；二是……。2020年任务：一是4月底前……" (issue #13 round 51).

A multi-year action plan gives each item's work year by year. The months written after "2020年任务："
are that year's months, not the plan's first year's ("4月底前" is 2020-04-30); a year's list that names
no month is that year's work, due at the year's end (as "2010年开展……", year_work.py). The body is
given back with the months dated and each month-less label worded as its deadline ("2019年底前任务："),
so that the deadline phrases read them in the order they are written.
"""

from __future__ import annotations

import re

# "2019年任务：", "2020年工作任务:", "2021年重点任务：" — not "2019年任务完成情况" (no colon after it)
_LABEL = re.compile(r"(\d{4})\s*年(?:度)?(?:工作|重点|目标|主要)?任务\s*[:：]")
# a month without its year: "4月底前", "10月底", "6月份", "9月30日前"; never "2020年4月" (dated already)
_MONTH = re.compile(r"(?<![年\d])(\d{1,2})\s*月(?=[底末份中上下初前内]|\d{1,2}\s*[日号])")


def year_labelled(body: str) -> str:
    """The body with the months under each year label dated, and month-less labels as deadlines."""
    labels = list(_LABEL.finditer(body))
    if not labels:
        return body
    out = [body[:labels[0].start()]]
    for i, label in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(body)
        span = body[label.end():end]
        dated = _MONTH.sub(rf"{label[1]}年\1月", span)
        out.append((label[0] if dated != span else f"{label[1]}年底前任务：") + dated)
    return "".join(out)
