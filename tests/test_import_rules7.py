"""`duban import` grammar, round 7 of issue #13: a city's measures (繁体) write the first-is-lead rule
with the variant 爲 ("（責任單位：X、Y，排在首位的爲牽頭單位，下同）"), and a city's 实施意见 gives
the periods its measures apply as ranges followed by 实施 ("2021年5月1日至2022年4月30日實施…政策"),
which are no deadlines. The documents themselves stay out of the repository; each form is tested
with a sentence of the same shape, names and dates changed."""

from __future__ import annotations

from scheduler import phrases
from scheduler.importer.parse import DraftTask, parse_document


def units(task: DraftTask) -> tuple[list[str], list[str], list[str]]:
    a = task.assignment
    return a.lead, a.responsible, a.cooperating


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
