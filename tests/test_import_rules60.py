"""`duban import` grammar, round 59 of issue #13: national bodies' 工作要点 and 分工, plans' 分工表 as text.

Sentences of our own, not the documents': a provincial department's key-work table whose "目标体系 |
工作体系 | 政策体系" columns describe each task before its progress and its 责任处室 (the one layout of
the round the importer did not read), and the shapes of the round that were read right at first sight,
kept from being lost: a 领导小组's 工作要点 item of several sentences each closed by its own bracket
("X牵头负责" among them), the same 要点 copied from a PDF with its lines broken and a page number inside
an item, a 国办 task list whose first bracket says "以下均需……不再列出", and a ministries' 分工表 copied
as " | " text in traditional characters with pinyin glosses."""

from __future__ import annotations

from datetime import date

from scheduler.importer.parse import parse_document
from tests.import_rules_support import dates, units

_SYSTEM_COLUMNS = """省商务厅重点工作推进情况(截至二季度)
序号 | 重点任务 | 目标体系 | 工作 体系 | 政策 体系 | 评价体系 | 进展情况 | 工作计划 | 责任处室 |
2022年目标 | ||||||||
1 | 培育一批内外贸一体化企业,扩大自主品牌出口。 | 1.认定内外贸一体化企业100家。 2.培育出口品牌50个。 | 1.制定认定办法。 2.组织企业申报。 | 1.已印发《关于促进内外贸一体化的实施意见》。 | 企业满意度 | 1.5月10日,召开推进会。 2.6月20日,公布第一批名单。 | 1.开展第二批认定。 | 对外贸易处 |
2 | 推进跨境电商综试区建设。 | 1.跨境电商进出口额增长20%。 | 1.建设线上综合服务平台。 | 1.拟出台扶持政策。 | 综试区考核排名 | 1.4月8日,平台上线试运行。 | 1.组织年度考核。 | 电子商务处、对外贸易处 |
"""


def test_a_key_work_table_whose_system_columns_describe_the_task() -> None:
    draft = parse_document(_SYSTEM_COLUMNS)
    got = [(t.title, units(t), dates(t, draft)) for t in draft.tasks]
    assert got == [
        ("培育一批内外贸一体化企业,扩大自主品牌出口", ([], ["对外贸易处"], []), []),
        ("推进跨境电商综试区建设", ([], ["电子商务处", "对外贸易处"], []), []),
    ]


_ONE_SYSTEM_COLUMN = """序号 | 重点任务 | 目标体系 | 责任单位 | 完成时限 |
1 | 建成全省统一的公共资源交易平台。 | 交易项目全部进平台 | 省公共资源交易中心 | 2022年9月底前 |
2 | 推行工程建设项目审批告知承诺制。 | 审批时间压减一半 | 省住房城乡建设厅 | 2022年12月底前 |
"""


def test_a_table_with_one_system_column_keeps_its_task_and_deadline() -> None:
    draft = parse_document(_ONE_SYSTEM_COLUMN)
    got = [(t.title, units(t), dates(t, draft)) for t in draft.tasks]
    assert got == [
        ("建成全省统一的公共资源交易平台", ([], ["省公共资源交易中心"], []), [date(2022, 9, 30)]),
        ("推行工程建设项目审批告知承诺制", ([], ["省住房城乡建设厅"], []), [date(2022, 12, 31)]),
    ]


_SENTENCE_BRACKETS = """2016年全国打击假冒伪劣工作要点
一、完善制度建设
(一)健全法律法规。配合修订产品质量法。(市场监管总局、司法部按职责分工分别负责)推进修订商标法实施条例。(司法部牵头负责,知识产权局按职责分工分别负责)研究制定电子商务平台责任规定。(商务部、市场监管总局按职责分工分别负责)
(二)完善部门规章。制修订网络交易监督管理办法等部门规章。(市场监管总局负责)
(三)加强标准建设。出台
"""


def test_an_item_of_sentences_each_closed_by_its_bracket() -> None:
    draft = parse_document(_SENTENCE_BRACKETS)
    got = [(t.title, units(t)) for t in draft.tasks]
    assert got == [
        ("健全法律法规", (["司法部"], ["市场监管总局", "知识产权局", "商务部"], [])),
        ("完善部门规章", ([], ["市场监管总局"], [])),
    ]


_BROKEN_LINES = """全国打击假冒伪劣工作领导小组 文件

— 1 —

2023年全国打击假冒伪劣工作要点

一、扎实开展重点治理

(一)开展网络领域治理。

1. 开展网络市场专项整治,严厉打击在线销售假冒商

品行为。(市场监管总局、商务部、网信办按职责分工

负责)

2. 加强网络直播营销监管,督促平台落实主体责任。组织开

— 2 —

展直播带货专项检查。(市场监管总局、广电总局按职责分工

负责)

3. 开展寄递渠道专项治理。(邮政局负责)
"""


def test_a_pdf_copy_with_broken_lines_and_a_page_number_inside_an_item() -> None:
    draft = parse_document(_BROKEN_LINES)
    got = [(t.title, units(t)) for t in draft.tasks]
    assert got == [
        ("开展网络市场专项整治,严厉打击在线销售假冒商品行为", ([], ["市场监管总局", "商务部", "网信办"], [])),
        ("加强网络直播营销监管,督促平台落实主体责任", ([], ["市场监管总局", "广电总局"], [])),
        ("开展寄递渠道专项治理", ([], ["邮政局"], [])),
    ]


_LISTED_ONCE = """国务院办公厅关于印发2023年养老服务重点工作任务的通知
国办发〔2023〕99号
国务院办公厅
2023年5月8日
一、完善服务网络
(一)建设社区养老服务中心。依托现有资源,年内基本实现街道综合养老服务中心全覆盖。(民政部、国家发展改革委、财政部等和地方各级人民政府按职责分工负责。以下均需地方各级人民政府负责,不再列出)
(二)发展农村互助养老。推广邻里互助、志愿服务等模式。(民政部负责)
"""


def test_a_first_bracket_that_lists_the_local_governments_once_for_all() -> None:
    draft = parse_document(_LISTED_ONCE)
    got = [(t.title, units(t), dates(t, draft)) for t in draft.tasks]
    assert got == [
        ("建设社区养老服务中心", ([], ["民政部", "国家发展改革委", "财政部", "地方各级人民政府"], []),
         [date(2023, 12, 31)]),
        ("发展农村互助养老", ([], ["民政部", "地方各级人民政府"], []), []),
    ]


_GLOSSED_TABLE = """序號 | 工作任務(wù) | 責(zé)任部門 |
一)提升辦學(xué)質(zhì)量 | ||
1 | 遴選100所左右示範性職業(yè)學(xué)校 | 教育部,各地有關(guān)部門 |
2 | 建設300個左右實訓(xùn)基地 | 教育部、人力資源社會保障部,各地有關(guān)部門 |
二)深化產(chǎn)教融合 | ||
3 | 培育1000家左右產(chǎn)教融合型企業(yè) | 國家發(fā)展改革委、教育部,相關(guān)省份有關(guān)部門 |
"""


def test_a_traditional_table_with_pinyin_glosses_and_comma_separated_units() -> None:
    draft = parse_document(_GLOSSED_TABLE)
    got = [(t.title, units(t)) for t in draft.tasks]
    assert got == [
        ("遴選100所左右示範性職業學校", ([], ["教育部", "各地有關部門"], [])),
        ("建設300個左右實訓基地", ([], ["教育部", "人力資源社會保障部", "各地有關部門"], [])),
        ("培育1000家左右產教融合型企業", ([], ["國家發展改革委", "教育部", "相關省份有關部門"], [])),
    ]
