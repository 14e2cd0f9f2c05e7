"""`duban import` grammar after round 12 of issue #13: forms national plans use that no document
showed yet (bench/import_corpus_split.md, Round 12): "请X商Y……", "X同Y……", "X联合Y……", "X协同Y……"
(X in charge, Y its partner, as "X会同Y"), "各市具体负责" after another clause, and a year's target
written with a count ("2024年改造老旧小区100个"). Sentences written for the tests."""

from __future__ import annotations

from datetime import date

from scheduler.importer.assign import parse_assignment
from scheduler.importer.parse import parse_document
from scheduler.importer.subjects import subject_units
from tests.import_rules_support import dates, units


def subjects(text: str) -> tuple[list[str], list[str], list[str]]:
    a = subject_units(text)
    return a.lead, a.responsible, a.cooperating


# "请X商Y研究……", "由X商Y提出……": X in charge, Y its partner
def test_consulting_a_partner() -> None:
    assert subjects("请国家发展改革委商财政部研究提出具体措施。") == (["国家发展改革委"], [], ["财政部"])
    assert subjects("由教育部商人力资源社会保障部、财政部提出实施办法。") == (
        ["教育部"], [], ["人力资源社会保障部", "财政部"])
    assert subjects("请市工商局商有关部门研究。") == ([], ["市工商局"], [])  # no partner named


# "X同Y加强……", "X联合Y开展……", "X协同Y做好……": as "X会同Y"
def test_together_with_jointly_with_in_concert_with() -> None:
    assert subjects("市商务局同市财政局加强资金监管。") == (["市商务局"], [], ["市财政局"])
    assert subjects("市科技局联合市财政局、市税务局开展专项评估。") == (["市科技局"], [], ["市财政局", "市税务局"])
    assert subjects("省农业农村厅协同省水利厅做好灌区管护。") == (["省农业农村厅"], [], ["省水利厅"])
    a = parse_assignment("（市商务局同市财政局负责）")
    assert (a.lead, a.responsible, a.cooperating) == (["市商务局"], [], ["市财政局"])
    b = parse_assignment("（省体育局联合省教育厅负责，2025年底前完成）")
    assert (b.lead, b.cooperating, b.deadlines) == (["省体育局"], ["省教育厅"], ["2025年底前完成"])


# real names holding 商/同/联合 stay whole
def test_names_holding_the_joining_words_are_not_split() -> None:
    assert subjects("商务部同海关总署加强协调。") == (["商务部"], [], ["海关总署"])
    assert subjects("市工商行政管理局负责登记。") == ([], ["市工商行政管理局"], [])
    assert subjects("省商务厅要加强指导。") == ([], ["省商务厅"], [])
    assert parse_assignment("（省工商业联合会负责）").responsible == ["省工商业联合会"]
    assert parse_assignment("（市商务局、市工商局负责）").responsible == ["市商务局", "市工商局"]
    assert subjects("商务部会同海关总署制定办法。") == (["商务部"], [], ["海关总署"])


# "各市具体负责" after another clause: the cities' governments are named
def test_each_city_in_charge_after_another_clause() -> None:
    assert subjects("省住房城乡建设厅负责指导，各市具体负责。") == ([], ["省住房城乡建设厅", "各市"], [])
    assert subjects("省交通运输厅牵头制定标准，各县要抓好落实。") == (["省交通运输厅"], ["各县"], [])
    assert subjects("各市场主体要依法经营。") == ([], [], [])  # not "各市"


# "2024年改造老旧小区100个", "2025年、2026年各改造100个": each year's target
def test_a_years_target_with_a_count() -> None:
    text = ("某市人民政府办公室关于印发某方案的通知\n某政办发〔2024〕5号\n2024年3月1日\n二、重点任务\n"
            "（一）改造老旧小区。2024年改造老旧小区120个，2025年、2026年各改造80个。（市住房城乡建设局负责）\n"
            "（二）治理黑臭水体。2025年治理黑臭水体15条。（市生态环境局负责）\n"
            "（三）稳定生产。2024年预计生产机床90台，2024年1月1日至12月31日给予补贴。（市工业和信息化局负责）\n"
            "（四）总结经验。2023年改造老旧小区60个，2025年起实行新标准。（市住房城乡建设局负责）\n")
    draft = parse_document(text)
    assert [units(t) for t in draft.tasks][1] == ([], ["市生态环境局"], [])
    assert [dates(t, draft) for t in draft.tasks] == [
        [date(2024, 12, 31), date(2025, 12, 31), date(2026, 12, 31)], [date(2025, 12, 31)], [], []]
