"""`duban import` grammar, round 60 of issue #13: 工作要点 and 实施意见 of sectors earlier rounds barely kept.

Sentences of our own, not the documents': a reposted provincial 实施意见 whose page sets its own fields as a
bulleted list above the text ("• 時間:…" "• 點擊:…" "• 來源:"), which were read as three items (the last swallowing the 文号,
the addressees and the preamble) when an item below has no bracket of its own, and untitled
measures under a group heading, one of which names its unit as the subject of a sentence ("市防震减灾中心要……"),
which were read as the heading's sentences (one task), and the shapes of the round that were read right at first
sight, kept from being lost: an 实施意见 in traditional characters
with pinyin glosses whose item is followed by its own "責任單位:" line, and a bracket whose first-listed unit
leads ("列第一位的为牵头单位,下同") with a collective unit after a comma."""

from __future__ import annotations

from datetime import date

from scheduler.importer.bullet_fields import bullet_fields
from scheduler.importer.parse import parse_document
from tests.import_rules_support import dates, units

_BULLETED_FIELDS = """歡迎訪問某省農業信息網!
首頁 / 政策文件/ 正文
某省人民政府關於加強耕地保護的實施意見
  • 時間:2019-05-20
  • 點擊:135
  • 來源:

某政發〔2019〕12號

各市人民政府,省政府各部門:

    為落實耕地保護制度,現提出以下意見。

    一、壓實耕地保護責任

    (一)嚴守耕地紅線,落實保護目標。各市要將耕地保有量分解到縣,層層簽訂責任書。(責任單位:省自然資源廳,各市人民政府)

    (二)推進高標準農田建設。2020年底前新建高標準農田50萬畝。
"""


def test_a_page_s_bulleted_fields_are_not_items() -> None:
    draft = parse_document(_BULLETED_FIELDS)
    got = [(t.title, units(t), dates(t, draft)) for t in draft.tasks]
    assert got == [
        ("嚴守耕地紅線,落實保護目標", ([], ["省自然資源廳", "各市人民政府"], []), []),
        ("推進高標準農田建設", ([], [], []), [date(2020, 12, 31)]),
    ]


def test_bulleted_fields_in_simplified_characters_read_as_fields() -> None:
    lines = ["• 发布时间:2021-03-02", "• 浏览次数:88", "• 来源:", "正文"]
    assert bullet_fields(lines) == ["发布时间: 2021-03-02", "浏览次数: 88", "", "正文"]


def test_one_bulleted_field_alone_is_left_as_it_is() -> None:
    lines = ["• 来源:县政府办", "• 加强耕地保护。"]
    assert bullet_fields(lines) == lines


_BULLETED_ITEMS = """某县2020年农业工作要点
• 抓好春耕生产。(责任单位:县农业农村局)
• 推进农田水利建设。(责任单位:县水利局)
• 做好动物防疫工作。(责任单位:县畜牧中心)
"""


def test_bullets_that_are_items_are_still_items() -> None:
    draft = parse_document(_BULLETED_ITEMS)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("抓好春耕生产", ([], ["县农业农村局"], [])),
        ("推进农田水利建设", ([], ["县水利局"], [])),
        ("做好动物防疫工作", ([], ["县畜牧中心"], [])),
    ]


_GLOSSED_ITEM_WITH_UNIT_LINE = """為全面貫徹落實(shí)《某某意見(jiàn)》,現(xiàn)提出以下實(shí)施意見(jiàn):
一、明確糧食儲(chǔ)備責(zé)任
1.落實(shí)地方糧食儲(chǔ)備規(guī)模。各市、縣政府要按規(guī)定充實(shí)儲(chǔ)備糧,確保數(shù)量真實(shí)。
市長(zhǎng)、縣長(zhǎng)的責(zé)任是:管好儲(chǔ)備糧;抓好糧食收購(gòu)。
責(zé)任單位:各市、縣人民政府
"""


def test_a_glossed_item_followed_by_its_own_unit_line() -> None:
    draft = parse_document(_GLOSSED_ITEM_WITH_UNIT_LINE)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("落實地方糧食儲備規模", ([], ["各市、縣人民政府"], [])),
    ]


_MEASURES_UNDER_HEADING = """2020年全县气象防灾减灾重点工作清单
一、重点工作
(一)提升气象灾害监测能力
1.县乡两级气象信息员要熟悉本地易涝点和山洪沟的分布,汛期每日巡查一次,发现险情及时报告。
2.完善乡镇区域自动气象站布局,新增站点10个。县气象局要会同县财政局落实站点运行维护经费。
(二)做好人工影响天气作业
3.抓住有利天气时机开展人工增雨作业,缓解春季旱情。县人影办要加强作业人员安全培训。
"""


def test_untitled_measures_under_a_heading_one_naming_its_unit() -> None:
    draft = parse_document(_MEASURES_UNDER_HEADING)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("县乡两级气象信息员要熟悉本地易涝点和山洪沟的分布,汛期每日巡查一次,发现险情及时报告", ([], [], [])),
        ("完善乡镇区域自动气象站布局,新增站点10个", (["县气象局"], [], ["县财政局"])),
        ("抓住有利天气时机开展人工增雨作业,缓解春季旱情", ([], ["县人影办"], [])),
    ]


_SENTENCES_UNDER_HEADING = """某县2021年春季造林工作要点
一、重点工作
(一)抓好春季植树造林
1.完成人工造林1万亩,封山育林2万亩。
2.实施退化林修复5000亩,做好苗木调运。
"""


def test_sub_items_naming_no_unit_stay_the_heading_s_sentences() -> None:
    draft = parse_document(_SENTENCES_UNDER_HEADING)
    assert [t.title for t in draft.tasks] == ["抓好春季植树造林"]


_ONE_BRACKET_FOR_ALL = """某省防汛工作实施意见
二、重点任务
(一)健全防汛责任体系。落实以行政首长负责制为核心的防汛责任制,层层压实责任。(责任单位:省水利厅、省应急管理厅,各市政府。列第一位的为牵头单位,下同)
"""


def test_a_first_listed_lead_with_a_collective_unit_after_a_comma() -> None:
    draft = parse_document(_ONE_BRACKET_FOR_ALL)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("健全防汛责任体系", (["省水利厅"], ["省应急管理厅", "各市政府"], [])),
    ]
