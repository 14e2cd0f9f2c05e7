"""`duban import` grammar, round 11 of issue #13: a province's measures whose brackets name
"相關市、縣政府", a town plan whose subject list holds "派出所(交通中队)" (a remark after a name's
ending), and the two lines of the corpus's purchasing pilot that were still wrong: a body described
by its composition ("X由……组成，……，负责……"), "由X承担……工作并负责具体实施" with X ending in 所,
"X汇总……" and "试点地区在……完成……"; also covering notices copied without their plan, a page that
stops after "1.指导思想", and notices copied with ASCII commas (no CSV tables). The documents themselves stay out of the repository; each form
is tested with sentences of the same shape, names and dates changed."""

from __future__ import annotations

from pathlib import Path

from scheduler.importer.assign import parse_assignment
from scheduler.importer.formats import document_text
from scheduler.importer.parse import parse_document
from scheduler.importer.subjects import subject_units
from tests.import_rules_support import units


def subjects(text: str) -> tuple[list[str], list[str], list[str]]:
    a = subject_units(text)
    return a.lead, a.responsible, a.cooperating


# "(A、B、相關市、縣政府負責)": the governments of the levels concerned, no place named, are one collective
def test_governments_of_the_levels_concerned_are_one_collective() -> None:
    text = ("一、推進基礎設施建設\n1.加快城際鐵路建設,今明兩年投資120億元。續建某某城際鐵路。"
            "(省發改委、交通運輸廳、相關市、縣政府負責)\n")
    assert units(parse_document(text).tasks[0]) == ([], ["省發改委", "交通運輸廳", "相關市、縣政府"], [])
    a = parse_assignment("（省水利厅、有关市、县政府负责）")
    assert a.responsible == ["省水利厅", "有关市、县政府"]
    assert subjects("省住建厅、相关市、县政府要加快编制规划。") == ([], ["省住建厅", "相关市、县政府"], [])
    assert subjects("有關市、縣政府要加快建設。") == ([], ["有關市、縣政府"], [])
    # places named before a shared ending stay as written, as before
    assert subjects("江北区、西湖区政府要做好保障。") == ([], ["江北区", "西湖区政府"], [])


# "城建办、农办、派出所(交通中队)、消防站等部门要……": 所/站 end units' names in sentences too, and a
# remark in brackets after a name's ending belongs to the name
def test_a_remark_after_a_names_ending() -> None:
    text = "综治办、司法所(调解中队)、消防站等部门要落实巡查责任，摸清隐患底数。"
    assert subjects(text) == ([], ["综治办", "司法所(调解中队)", "消防站"], [])
    assert subjects("农办、派出所、安监站等单位要加强排查。") == ([], ["农办", "派出所", "安监站"], [])
    # generic names stay generic with a remark; "（以下简称……）" is no remark of the name
    assert subjects("由市教育局、市财政局牵头，其他相关部门（单位）配合。") == (["市教育局", "市财政局"], [], [])
    assert subjects("东城镇、西城镇（以下统称“两镇”）重点做好保障。") == ([], ["东城镇", "西城镇"], [])
    # 所 and 站 that end no unit's name
    assert subjects("各类经营场所要落实主体责任。") == ([], [], [])
    assert subjects("我们站在新的起点上。") == ([], [], [])
    assert subjects("沿海地区所在地人民政府要加强监测。") == ([], ["沿海地区所在地人民政府"], [])


# "X由各方派员组成，……，负责……。由Y承担X日常工作并负责具体实施。": X is the subject of the later
# 负责; Y (a 所) carries the work; both are responsible, in the order written
def test_a_body_described_by_its_composition_and_its_agent() -> None:
    text = ("五、组织形式\n（二）成立联合评审办公室。在领导小组领导下，成立联合评审办公室。"
            "联合评审办公室由参与城市各派1名代表组成，主任由参与城市推举确定，负责组织开展集中评审。"
            "由省医用耗材集中采购事务所承担联合评审办公室日常工作并负责具体实施。\n")
    assert units(parse_document(text).tasks[0]) == (
        [], ["联合评审办公室", "省医用耗材集中采购事务所"], [])
    # a body composed of members, with no 负责 after it, is still no subject
    assert subjects("评审专家组由各领域专家组成。") == ([], [], [])


# "X汇总……", "试点地区在……完成……": the verb 汇总, and the pilot areas as a collective
def test_collecting_and_the_pilot_areas() -> None:
    text = ("联合评审办公室汇总试点地区的采购需求，发布采购公告。"
            "试点地区在省级平台上按照采购价格完成挂网。领导小组办公室对全过程进行指导监督。")
    assert subjects(text) == ([], ["联合评审办公室", "试点地区", "领导小组办公室"], [])
    assert subjects("市统计局汇总各区数据。") == ([], ["市统计局"], [])


# "X是“某某”建设试点责任主体": quotation marks inside the role do not hide the subject
def test_responsible_subject_with_a_quoted_name() -> None:
    assert subjects("试点县政府是“美丽乡村”建设试点责任主体，要有序开展试点。") == ([], ["试点县政府"], [])


# "现将《X方案》印发给你们，并就有关事项通知如下：1.……2.…… [signature]" with no plan after it: the
# notice's requirements are no tasks, and the draft has none (the plan itself is to be imported)
def test_a_covering_notice_without_its_plan_drafts_nothing() -> None:
    text = ("某市人民政府办公室关于印发《2022年重点工作责任分工方案》的通知\n各县区人民政府，市直各部门：\n"
            "现将《2022年重点工作责任分工方案》印发给你们，并就抓好落实通知如下：\n"
            "1.压实责任。各牵头单位要细化举措，于2022年2月10日前将推进方案报市政府。\n"
            "2.加强督查。各责任单位要于每月25日前报送进展情况。\n某市人民政府办公室\n2022年1月20日\n")
    assert parse_document(text).tasks == []
    # the same requirements with the plan after the signature are still read as before
    plan = text + "2022年重点工作责任分工方案\n一、稳定经济增长\n1.地区生产总值增长6%。（市发改委牵头）\n"
    assert [t.title for t in parse_document(plan).tasks] == ["地区生产总值增长6%"]


# "一、……的总体要求 1.指导思想。……" and nothing else: an item that states aims is never drafted
def test_guiding_thought_alone_is_no_task() -> None:
    text = ("某省人民政府关于深化某项改革的实施意见\n一、深化改革的总体要求\n"
            "1.指导思想。以某某理论为指导，加快构建规范透明的制度。\n")
    assert parse_document(text).tasks == []
    text += "2.落实分工。各市要制定方案，于2015年6月底前报省政府。\n"
    assert [t.title for t in parse_document(text).tasks] == ["落实分工"]


# a notice copied with ASCII commas is no CSV table, although a clause names a unit and a task
def test_prose_with_ascii_commas_is_no_csv_table(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text("某市人民政府办公室关于印发任务分解方案的通知\n某政办发〔2021〕1号\n各县、区人民政府,市政府各部门:\n"
                    "一、统筹协调,合力攻坚。各相关单位要加强配合,加强与责任单位的沟通联系,共同推动各项工作任务完成。\n"
                    "二、加强督考,狠抓落实。市政府督考办要加大督查力度。\n", encoding="utf-8")
    assert "加强与责任单位的沟通联系" in document_text(path)
    assert "\t" not in document_text(path)
    table = tmp_path / "table.txt"
    table.write_text("序号,重点任务,牵头单位,完成时限\n1,建设数据平台,市数据局,2021年底前\n", encoding="utf-8")
    assert "牵头单位：市数据局" in document_text(table)


# probes in national forms: "（X会同Y、Z组织实施，持续推进）" and "（X组织实施）" close an item although
# they hold no 牵头/负责/配合; "（X会同有关部门推进）" is X's own work
def test_brackets_whose_verb_is_organise_and_implement() -> None:
    def first(bracket: str) -> tuple[tuple[list[str], list[str], list[str]], str]:
        draft = parse_document(f"二、重点任务\n（一）推进示范创建。在有条件的地区开展示范。{bracket}\n"
                               "（二）加强宣传。（文化和旅游部负责）\n")
        return units(draft.tasks[0]), draft.tasks[0].ongoing
    assert first("（农业农村部会同科技部、财政部组织实施，持续推进）") == (
        (["农业农村部"], [], ["科技部", "财政部"]), "持续推进")
    assert first("（科技部组织实施）") == (([], ["科技部"], []), "")
    assert first("（商务部会同有关部门推进）") == (([], ["商务部"], []), "")
    assert first("（以下简称《办法》）") == (([], [], []), "")


# label lines "参与单位：" / "参与部门：" after an item, as in 重点任务分工 tables copied into text
def test_participating_label_lines() -> None:
    text = ("二、主要任务\n（一）加强质量监管。\n牵头部门：市场监管总局\n参与部门：公安部、海关总署\n"
            "（二）推进数据共享。\n牵头单位：国家数据局\n参与单位：公安部、民政部\n完成时限：2021年12月\n")
    first, second = parse_document(text).tasks
    assert units(first) == (["市场监管总局"], [], ["公安部", "海关总署"])
    assert units(second) == (["国家数据局"], [], ["公安部", "民政部"])


# "持續推進" in a traditional copy's bracket is the ongoing wording, not a unit
def test_ongoing_wording_in_traditional_characters() -> None:
    for bracket, unit in (("（省大數據局按職責分工負責，持續推進）", "省大數據局"), ("（省商務廳負責，持續實施）", "省商務廳")):
        task = parse_document(f"二、重點任務\n（一）推進改革。全面推行。{bracket}\n").tasks[0]
        assert (units(task), task.ongoing) == (([], [unit], []), "持续推进")
