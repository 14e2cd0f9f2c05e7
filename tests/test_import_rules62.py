"""`duban import` grammar, round 61 of issue #13: 整改 lists and problem lists handed to units.

Sentences of our own, not the documents': a 巡查 problem list whose "整改要求:由X负责……" names a town,
a 供销社 or a 党校, or puts a role word ("包片单位") before the unit, and closes with a request to
"各相关单位" about the whole list; a 整改措施清单 copied as one line whose labels (整改目标, 责任单位,
责任人, 整改时限, 整改措施) run into each other; a 复审 督导组's problems each closed by "责任单位:X。"
whose closing paragraph "上述责任单位要……于5月15日前整改完毕" follows a short last problem; and the
round's shapes read right at first sight: a 行动方案 item closed by "(责任单位:……)" and a
traditional-character list of "问题。" lines each followed by "主責單位:X"."""

from __future__ import annotations

from datetime import date

from scheduler.importer.glued_fields import glued_fields
from scheduler.importer.parse import parse_document
from tests.import_rules_support import dates, units

_PROBLEM_LIST = """1、北门广场东侧花坛内有积存垃圾。
整改要求:由县市政所负责清理。
2、滨河路公交站台张贴小广告。
整改要求:由包片单位县档案局负责清除。
3、老粮站院内杂物乱堆乱放。
整改要求:由包片单位县供销社负责督促产权单位清理。
4、河西村沿街农户露天粪坑未加盖。
整改要求:由河西镇负责按照标准逐户改造,在复审以前完成。
5、南关市场周边流动摊贩占道经营。
整改要求:由南关沿线包片单位县实验中学、县委党校、县供销社负责劝导。
请各相关单位对本次巡查的问题认真整改,整改情况及时报县爱卫办。
"""


def test_a_problem_list_whose_agents_are_towns_or_follow_a_role_word() -> None:
    draft = parse_document(_PROBLEM_LIST)
    got = [(t.title, units(t)) for t in draft.tasks]
    assert got == [
        ("北门广场东侧花坛内有积存垃圾", ([], ["县市政所"], [])),
        ("滨河路公交站台张贴小广告", ([], ["县档案局"], [])),
        ("老粮站院内杂物乱堆乱放", ([], ["县供销社"], [])),
        ("河西村沿街农户露天粪坑未加盖", ([], ["河西镇"], [])),
        ("南关市场周边流动摊贩占道经营", ([], ["县实验中学", "县委党校", "县供销社"], [])),
    ]


_GLUED = ("某县落实环境保护督察反馈意见整改措施清单一、监管不严(一)部分乡镇对畜禽养殖污染底数不清,监管流于形式。"
          "整改目标:全面摸清养殖场底数,污染问题整改到位。责任单位:县农业农村局、县生态环境局,各乡镇人民政府"
          "责任人:县农业农村局主要负责人整改时限:2019年6月底前整改措施:建立台账。1.开展全面排查。2.落实整改责任。\n"
          "(二)部分企业未按规定建设污染防治设施。整改目标:设施全部建成。责任单位:县生态环境局责任人:县生态环境局局长"
          "整改时限:立行立改,长期坚持整改措施:依法查处。\n")


def test_a_rectification_list_whose_labels_run_together_on_one_line() -> None:
    draft = parse_document(_GLUED)
    got = [(t.title, units(t), dates(t, draft), t.ongoing) for t in draft.tasks]
    assert got == [
        ("部分乡镇对畜禽养殖污染底数不清,监管流于形式",
         ([], ["县农业农村局", "县生态环境局", "各乡镇人民政府"], []), [date(2019, 6, 30)], ""),
        ("部分企业未按规定建设污染防治设施", ([], ["县生态环境局"], []), [], "长期坚持"),
    ]


def test_a_line_whose_labels_open_their_clauses_is_not_cut() -> None:
    line = "(一)推进垃圾分类。责任单位:县城管局;整改时限:2020年底前;整改措施:建设分类设施。"
    assert glued_fields([line]) == [line]
    two = "(二)责任单位:县城管局整改时限:2020年底前"  # two labels only: not a 整改 list's line
    assert glued_fields([two]) == [two]


_PLAN_ITEM = """某市优化营商环境行动方案
为进一步优化营商环境,结合我市实际,制定本方案。
一、开展审批提速行动
(一)深化简政放权。全面清理无法律依据的证明材料,推行证明事项告知承诺制。(责任单位:市行政审批局、司法局、住建局,各县(区)人民政府,高新区管委会)
"""

_HANDED_OVER = """5月8日,市复审督导组对城区部分小区进行了检查,现将发现的问题交办如下:
1.东风小区内无防蝇设施;建设路12号院垃圾清运不及时。责任单位:城东区东风办。
2.文化路3号院无健康教育宣传栏。责任单位:开发区新华办。
上述责任单位要对存在的问题务必于5月15日前整改完毕,整改完毕后报督导组销号。
市复审督导组
"""

_TRADITIONAL = """某市2020年度“群眾最不滿意的事”出爐
1、市城區部分路口信號燈設置不合理問題。

主責單位:市公安局

2、部分老舊小區二次供水水質不穩定問題。

主責單位:市住房城鄉建設局
"""


def test_the_rounds_shapes_read_at_first_sight() -> None:
    plan = parse_document(_PLAN_ITEM)
    assert [(t.title, units(t)) for t in plan.tasks] == [
        ("深化简政放权", ([], ["市行政审批局", "司法局", "住建局", "各县(区)人民政府", "高新区管委会"], [])),
    ]
    listed = parse_document(_TRADITIONAL)
    assert [(t.title, units(t)) for t in listed.tasks] == [
        ("市城區部分路口信號燈設置不合理問題", ([], ["市公安局"], [])),
        ("部分老舊小區二次供水水質不穩定問題", ([], ["市住房城鄉建設局"], [])),
    ]


def test_a_closing_paragraph_about_the_listed_units_is_no_part_of_the_last_item() -> None:
    handed = parse_document(_HANDED_OVER)  # the last problem is short: its paragraph once took the closing in
    assert [(t.title, units(t), dates(t, handed)) for t in handed.tasks] == [
        ("东风小区内无防蝇设施;建设路12号院垃圾清运不及时", ([], ["城东区东风办"], []), []),
        ("文化路3号院无健康教育宣传栏", ([], ["开发区新华办"], []), []),
    ]
