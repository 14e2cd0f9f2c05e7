"""`duban import` grammar, round 42 of issue #13: State Council and ministry documents whose items close
with assignment brackets (a 2014 国办 意见 on foreign trade, a digest of a 2017 国办 意见 on cold chains, a
national 2023 工作要点 printed in a journal's page-turning copy, a page of a province's reform division with
"分别牵头"). The 工作要点 closes items with "(X、Y牵头,A、B等部门单位参与)": "部门单位" after 等 is the
generic tail, as "等部门" and "等部门和单位" are. These tests keep the round's shapes read, in sentences of
their own."""

from __future__ import annotations

from scheduler.importer.parse import parse_document
from scheduler.importer.vocab import GENERIC
from tests.import_rules_support import units


# "(X、Y牵头,A、B等部门单位参与)": the two leads, A and B cooperating, no unit "部门单位"
def test_etc_with_departments_and_units_written_together_is_no_unit() -> None:
    draft = parse_document("(一)举办全民健身知识竞赛。(体育总局、国家卫生健康委牵头,中央宣传部、共青团中央等部门单位参与)\n"
                           "(二)开展中小学生视力筛查。(教育部牵头,国家疾控局等单位部门参与)\n"
                           "(三)开展老年人防跌倒宣传。(国家卫生健康委牵头,全国老龄办等有关部门单位参与)\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("举办全民健身知识竞赛", (["体育总局", "国家卫生健康委"], [], ["中央宣传部", "共青团中央"])),
        ("开展中小学生视力筛查", (["教育部"], [], ["国家疾控局"])),
        ("开展老年人防跌倒宣传", (["国家卫生健康委"], [], ["全国老龄办"]))]


# the generic words stay generic; a named kind of body after 相关 ("相关行业协会") stays a unit
def test_generic_words_and_named_kinds_of_bodies() -> None:
    assert all(GENERIC.match(w) for w in ("部门单位", "单位部门", "有关部门单位", "部门和单位", "相关部门"))
    assert not any(GENERIC.match(w) for w in ("各部门单位", "市直部门单位", "相关行业协会", "各有关单位"))
    draft = parse_document("1、推广标准化周转箱。(国家标准委、相关行业协会负责)\n2、建设产地仓储设施。(农业农村部负责)\n")
    assert units(draft.tasks[0]) == ([], ["国家标准委", "相关行业协会"], [])


# "(A、B、C分别牵头)": each of them leads
def test_several_units_each_leading() -> None:
    draft = parse_document("(十二)推进文化体制改革。组建出版发行集团,推进院团转企改制。(省委宣传部、省文化厅、省新闻出版局分别牵头)\n"
                           "(十三)推进科技体制改革。完善科研院所分类管理。(省科技厅牵头)\n")
    assert units(draft.tasks[0]) == (["省委宣传部", "省文化厅", "省新闻出版局"], [], [])


# a journal's page-turning copy of a PDF: indented lines with blank lines between them, a bracket broken
# over them ("按\n\n职责分工负责", "国家\n\n卫生健康委"), and the previous page's last bracket at the top
def test_indented_page_copy_with_blank_lines_between_its_lines() -> None:
    text = ("2023 年 3 月 第 1 期            某某工作要点                                     3\n\n"
            "              能力。(国家疾控局、国家中医药局按职责分工负责)\n\n"
            "                  (四) 持续推进宣讲员队伍建设。(推进办负责)\n\n"
            "                  (五)结合节日纪念日,持续\n\n"
            "              推进健康科普行动。(科技部、国家卫生健康委、中国科协按\n\n"
            "              职责分工负责)\n"
            "                  (六)部署加强学校营养健康工作。(教育部、国家\n\n"
            "              卫生健康委按职责分工负责)\n")
    draft = parse_document(text)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("持续推进宣讲员队伍建设", ([], ["推进办"], [])),
        ("结合节日纪念日,持续推进健康科普行动", ([], ["科技部", "国家卫生健康委", "中国科协"], [])),
        ("部署加强学校营养健康工作", ([], ["教育部", "国家卫生健康委"], []))]
