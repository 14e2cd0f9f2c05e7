"""`duban import` grammar, round 7 of issue #13: a city's measures (繁体) write the first-is-lead rule
with the variant 爲 ("（責任單位：X、Y，排在首位的爲牽頭單位，下同）"), and a city's 实施意见 gives
the periods its measures apply as ranges followed by 实施 ("2021年5月1日至2022年4月30日實施…政策"),
which are no deadlines. The documents themselves stay out of the repository; each form is tested
with a sentence of the same shape, names and dates changed."""

from __future__ import annotations

from scheduler import phrases
from scheduler.importer.parse import parse_document
from tests.import_rules_support import units


# the first-is-lead rule written with 爲 (as well as 為 and 为) is a rule, never a unit
def test_first_is_lead_written_with_the_variant_wei() -> None:
    draft = parse_document(
        "一、政策措施\n"
        "1.降低企業用地成本。工業用地出讓價格按規定下浮。(責任單位:市自然資源局、市財政局,排在首位的爲牽頭單位,下同)\n"
        "2.降低企業用電成本。落實電價優惠政策。(責任單位:市發展改革局、市供電局)\n")
    assert [units(t) for t in draft.tasks] == [
        (["市自然資源局"], ["市財政局"], []), (["市發展改革局"], ["市供電局"], [])]


def test_first_is_lead_written_with_wei_in_traditional_form() -> None:
    draft = parse_document("一、政策措施\n1.降低物流成本。推行多式聯運。(責任單位:市交通運輸局、市商務局,排在首位的為牽頭單位)\n")
    assert [units(t) for t in draft.tasks] == [(["市交通運輸局"], ["市商務局"], [])]


# a range followed by 实施 is the period a measure applies, not a deadline
def test_a_range_followed_by_shishi_is_a_period() -> None:
    assert phrases.find_all("2023年6月1日至2024年5月31日实施阶段性降低失业保险费率的政策") == []
    assert phrases.find_all("2023年6月1日至2024年5月31日實施階段性降低失業保險費率的政策") == []
    assert phrases.find_all("2023年6月1日至2024年5月31日開展專項整治") == ["2024年5月31日"]


def test_policy_periods_of_a_measure_give_no_deadline() -> None:
    draft = parse_document(
        "一、减负稳岗\n"
        "1.平稳实施社会保险缴费政策。原阶段性下调费率政策实施至2023年4月30日，"
        "2023年5月1日至2024年4月30日实施阶段性下调工伤保险费率50%的政策。（市人力资源社会保障局、市财政局负责）\n"
        "2.开展稳岗专项行动。2023年6月底前完成企业走访。（市人力资源社会保障局负责）\n")
    assert [[p for p, _ in t.deadlines] for t in draft.tasks] == [[], ["2023年6月底前"]]
    assert [units(t) for t in draft.tasks] == [
        ([], ["市人力资源社会保障局", "市财政局"], []), ([], ["市人力资源社会保障局"], [])]


# "（1）" points under a 1. sub-item, each closing with its own assignment, are the tasks; the 1.
# line that only heads them is their group
def test_points_under_a_sub_item_are_tasks() -> None:
    draft = parse_document(
        "二、重点任务\n"
        "（一）特色农产品种植。\n"
        "1.提升种苗质量。\n"
        "（1）编制县域种植推荐目录，引导合理种植。（市农业农村局牵头，各县人民政府配合）\n"
        "（2）加大对合作社的扶持力度。（市财政局负责）\n"
        "2.建设种苗基地。培育一批繁育基地。（市林业局负责）\n")
    assert [(t.number, t.title) for t in draft.tasks] == [
        ("(一)1(1)", "编制县域种植推荐目录，引导合理种植"), ("(一)1(2)", "加大对合作社的扶持力度"),
        ("(一)2", "建设种苗基地")]
    assert [units(t) for t in draft.tasks] == [
        (["市农业农村局"], [], ["各县人民政府"]), ([], ["市财政局"], []), ([], ["市林业局"], [])]


def test_points_under_a_top_level_item() -> None:
    draft = parse_document("二、重点任务\n1.加强组织领导。\n（1）建立联席会议制度。（市卫生健康委牵头）\n"
                           "（2）开展年度评估。（市统计局负责）\n")
    assert [(t.number, t.title, units(t)) for t in draft.tasks] == [
        ("1.(1)", "建立联席会议制度", (["市卫生健康委"], [], [])), ("1.(2)", "开展年度评估", ([], ["市统计局"], []))]


def test_points_without_their_own_assignment_stay_in_their_item() -> None:
    draft = parse_document("二、重点任务\n（一）优化服务。\n1.推进窗口建设。\n（1）设立综合窗口。\n"
                           "（2）推行一次办结。（市政务服务局负责）\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [("推进窗口建设", ([], ["市政务服务局"], []))]
