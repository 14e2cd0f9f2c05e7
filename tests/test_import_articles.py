"""Measures numbered as articles (若干措施, 实施办法): "第一章 总则" / "第三条 ……（责任单位：X）" — each
article that assigns work is a task, under its chapter; an article that assigns nothing is prose."""

from __future__ import annotations

from scheduler.importer.articles import article_lines
from scheduler.importer.parse import parse_document

MEASURES = """某市支持民营经济发展若干措施
第一章 总则
第一条 为促进民营经济高质量发展，结合本市实际，制定本措施。
第二章 降低成本
第二条 降低企业用地成本。对新增工业用地，按出让价格给予补助。（责任单位：市自然资源局、市财政局，2021年6月底前出台细则）
第三条 降低企业用电成本。落实电价优惠政策。（责任单位：市发展改革委）
第三章 优化服务
第四条 减轻企业税费负担。全面落实减税降费政策。（市税务局牵头，市财政局配合，持续推进）
第五条 本措施自印发之日起施行。
"""


def test_articles_that_assign_work_are_tasks() -> None:
    draft = parse_document(MEASURES)
    assert [(t.number, t.title, t.assignment.lead, t.assignment.responsible, t.assignment.cooperating)
            for t in draft.tasks] == [
        ("(二)", "降低企业用地成本", [], ["市自然资源局", "市财政局"], []),
        ("(三)", "降低企业用电成本", [], ["市发展改革委"], []),
        ("(四)", "减轻企业税费负担", ["市税务局"], [], ["市财政局"])]
    assert draft.tasks[2].ongoing == "持续推进"


def test_chapters_become_parts_and_articles_items() -> None:
    assert article_lines(MEASURES.splitlines())[1:4] == ["一、总则", "（一）为促进民营经济高质量发展，结合本市实际，制定本措施。",
                                                         "二、降低成本"]


def test_an_article_quoted_in_a_plan_is_no_numbering() -> None:
    lines = ["（一）落实法定职责。依照《条例》", "第十二条 规定，做好备案。（市司法局负责）", "（二）加强监督。"]
    assert article_lines(lines) == lines
