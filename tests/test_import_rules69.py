"""`duban import` grammar, round 68 of issue #13: a county's 职责清单 whose table a forum ran into one
paragraph, and a 治理 plan's brackets with a "治理时限" label.

Sentences of our own, not the documents': a table "工作任务和内容 责任单位 配合单位 完成时间" whose cells a
page joined with single spaces, rows unnumbered, each task text closed by "." ("……曝光. 区委宣传部 持续开展
负责……"), a units name its cell wrapped ("区交通 运输局") and a time cell of two pieces ("9月底前完成 方案报送");
and "（责任单位:X;治理时限:2023年6月）" / "治理时限:" as a label line."""

from __future__ import annotations

from datetime import date

from scheduler.importer.parse import parse_document
from scheduler.importer.spaced_table import spaced_table
from tests.import_rules_support import dates, units

_SPACED = """发布者: 某某 2021-05-06
附件 某区2020年城市环境整治方案任务清单 工作任务和内容 责任单位 配合单位 完成时间 负责全区环境整治的宣传报道,在报纸、电台开设专栏,曝光违法违规行为.

区委宣传部 持续开展 负责整治工作的督查和考核. 区委区政府 督查室 长期坚持 负责编制老旧街区改造实施方案,督促各街道抓好落实. 区住建局 9月底前完成 方案报送 在城区主干道设置货车限行标志,加强渣土车辆的查处.加大对违规停车的处罚力度. 区公安局 持续开展 负责推进公交车辆更新,做好道路扬尘防治. 区交通 运输局 12月底前完成车辆更新 负责城区道路的清扫保洁
"""


def test_a_table_whose_cells_a_page_joined_with_spaces_is_read_row_by_row() -> None:
    draft = parse_document(_SPACED)
    got = [(t.title, units(t), [p for p, _ in t.deadlines], t.ongoing) for t in draft.tasks]
    assert got == [
        ("负责全区环境整治的宣传报道,在报纸、电台开设专栏,曝光违法违规行为", ([], ["区委宣传部"], []), [], "持续推进"),
        ("负责整治工作的督查和考核", ([], ["区委区政府督查室"], []), [], "长期坚持"),
        ("负责编制老旧街区改造实施方案,督促各街道抓好落实", ([], ["区住建局"], []), ["9月底前"], ""),
        ("在城区主干道设置货车限行标志,加强渣土车辆的查处", ([], ["区公安局"], []), [], "持续推进"),
        ("负责推进公交车辆更新,做好道路扬尘防治", ([], ["区交通运输局"], []), ["12月底前"], ""),
    ]  # the last row is cut before its units: no task


def test_a_space_joined_header_and_lines_that_are_none() -> None:
    lines = spaced_table(_SPACED.splitlines())
    assert lines[1] == "附件 某区2020年城市环境整治方案任务清单"
    assert lines[2] == "工作任务和内容 | 责任单位 | 配合单位 | 完成时间"
    assert lines[3] == "负责全区环境整治的宣传报道,在报纸、电台开设专栏,曝光违法违规行为。 | 区委宣传部 |  | 持续开展"
    assert lines[5] == "负责编制老旧街区改造实施方案,督促各街道抓好落实。 | 区住建局 |  | 9月底前完成方案报送"
    assert lines[7] == "负责推进公交车辆更新,做好道路扬尘防治。 | 区交通运输局 |  | 12月底前完成车辆更新"
    assert lines[8] == "负责城区道路的清扫保洁"
    prose = ["各单位要对照工作任务 责任单位 完成时间 逐项抓好落实。", "工作任务 责任单位 完成时间 加强宣传,做好引导."]
    assert spaced_table(prose) == prose  # a header word run in a sentence; a row without its units
    no_time = ["工作任务 责任单位 完成时间 加强宣传引导工作. 区委宣传部"]
    assert spaced_table(no_time) == no_time
    numbered = ["序号 工作任务 牵头单位 配合单位 完成时限", "1 建成应急广播系统。 县文旅局 县财政局 2024年6月底前"]
    assert spaced_table(numbered) == numbered  # numbered rows, a cell a column: the table reader's
    after = ["工作任务 责任单位 完成时间 开展宣传周活动. 区文明办 5月底前 其他事项另行通知", "二、工作要求", "(一)加强领导"]
    assert spaced_table(after) == ["工作任务 | 责任单位 | 完成时间", "开展宣传周活动。 | 区文明办 | 5月底前",
                                   "其他事项另行通知", "二、工作要求", "(一)加强领导"]  # the lines after it stay


_GOVERN = """三、具体举措、责任主体和治理时限
(一)压实监管责任
1.修订完善全县燃气安全监管职责清单,明确各行业主管部门的监管职责。(责任单位:县住建局;治理时限:2023年6月)
2.建立燃气安全联合执法机制,定期开展联合检查。(牵头责任单位:县住建局;责任单位:县市场监管局、县应急局;治理时限:2023年9月)
3.开展燃气用户安全宣传。
责任单位:各乡镇人民政府
治理时限:2023年12月
"""


def test_a_governance_plans_time_label_gives_the_deadline() -> None:
    draft = parse_document(_GOVERN)
    got = [(t.title, units(t), dates(t, draft)) for t in draft.tasks]
    assert got == [
        ("修订完善全县燃气安全监管职责清单,明确各行业主管部门的监管职责", ([], ["县住建局"], []), [date(2023, 6, 30)]),
        ("建立燃气安全联合执法机制,定期开展联合检查",
         (["县住建局"], ["县市场监管局", "县应急局"], []), [date(2023, 9, 30)]),
        ("开展燃气用户安全宣传", ([], ["各乡镇人民政府"], []), [date(2023, 12, 31)]),
    ]
