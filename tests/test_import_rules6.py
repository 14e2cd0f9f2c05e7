"""`duban import` grammar, round 6 of issue #13: a ministries' joint 意见 closes items with bare
lists ("（工信部、应急管理部）") and "（X负责）"; a provincial 工作要点 writes "〔X、Y按职责牵头，
A及B按职责分工负责〕". Both read right on first sight; probes of the same house styles showed
brackets naming their helpers with 参加/协同/协助 and lists ending "按分工负责". The documents
themselves stay out of the repository; each form is tested with a sentence of the same shape,
names changed."""

from __future__ import annotations

from scheduler.importer.parse import DraftTask, parse_document
from tests.import_rules_support import units


def only_task(body: str) -> DraftTask:
    draft = parse_document("二、重点任务\n（三）健全标准体系。" + body + "\n")
    assert [t.title for t in draft.tasks] == ["健全标准体系"]
    return draft.tasks[0]


# first sight, kept as it reads: a bare list and "（X负责）" name responsible units
def test_bare_list_and_single_unit_brackets() -> None:
    draft = parse_document(
        "二、推动创新突破\n"
        "（一）建设创新平台。联合创建工程实验室。（科技部、交通运输部）\n"
        "（二）改革管理制度。设立专门机构。（交通运输部负责）\n")
    assert [units(t) for t in draft.tasks] == [([], ["科技部", "交通运输部"], []), ([], ["交通运输部"], [])]


def test_lead_by_duty_and_collective_names_in_a_hexagonal_bracket() -> None:
    task = only_task("再取消下放一批市级许可事项。〔市政府办公室、市委编办按职责牵头，"
                     "市直有关部门（单位）及各县（区）人民政府按职责分工负责〕")
    assert units(task) == (["市政府办公室", "市委编办"], ["市直有关部门（单位）", "各县（区）人民政府"], [])


# round 6 rules: 参加 / 协同 / 协助 close a clause of helpers, as 配合 and 参与 do
def test_helpers_named_with_canjia() -> None:
    task = only_task("组织制定标准。（农业农村部、水利部负责，气象局参加）")
    assert units(task) == ([], ["农业农村部", "水利部"], ["气象局"])


def test_helpers_named_with_xietong_after_deng() -> None:
    task = only_task("组织制定标准。（农业农村部负责，林草局、气象局等部门协同）")
    assert units(task) == ([], ["农业农村部"], ["林草局", "气象局"])


def test_helpers_named_with_xiezhu_after_a_lead() -> None:
    task = only_task("组织制定标准。（农业农村部牵头，水利部协助，2026年6月底前完成）")
    assert units(task) == (["农业农村部"], [], ["水利部"])
    assert task.assignment.deadlines == ["2026年6月底前完成"]


# "按分工负责" / "按各自职责负责": the tail is a role, not part of the last name
def test_by_division_of_work_tails() -> None:
    assert units(only_task("组织制定标准。（农业农村部、水利部按分工负责）")) == \
        ([], ["农业农村部", "水利部"], [])
    assert units(only_task("组织制定标准。（农业农村部、水利部按各自职责负责）")) == \
        ([], ["农业农村部", "水利部"], [])


# units in sentences (a State Council General Office notice, a forwarded report): the agent
# after a topic, "由X和Y统一归口管理"; provinces and military regions as a subject; a stressed
# "特别是…" part of the subject; no unit from "充分发挥各级政府…" or "我局将……"
def notice(*items: str) -> list[DraftTask]:
    head = "各省、自治区、直辖市人民政府：\n为做好防汛物资储备工作，现通知如下：\n"
    numbered = (f"{n}、{body}\n" for n, body in zip("一二三四", items, strict=False))
    return parse_document(head + "".join(numbered)).tasks


def test_agent_after_a_topic() -> None:
    tasks = notice("储备物资是重要的应急资源，专业性较强。因此，这项工作由应急管理部和国家粮食和储备局统一归口管理。",
                   "对已入库的储备物资，其日常维护和轮换工作由地方各级应急管理部门负责。对储备库点要采取措施加强管理，"
                   "完善设备，确保安全。")
    assert [t.assignment.responsible for t in tasks] == [
        ["应急管理部", "国家粮食和储备局"], ["地方各级应急管理部门"]]


def test_a_remark_in_brackets_names_no_agent() -> None:
    tasks = notice("国务院水行政主管部门负责编制储备规划（流域机构内由水文部门负责），并组织开展储备能力评估。"
                   "储备规划每五年修订一次。")
    assert [t.assignment.responsible for t in tasks] == [["国务院水行政主管部门"]]


def test_provinces_and_military_regions_as_subjects() -> None:
    tasks = notice("储备工作敏感性较强，情况复杂。有关省、自治区、直辖市及军区也要相应指定有关部门负责管理。")
    assert [t.assignment.responsible for t in tasks] == [["有关省、自治区、直辖市", "军区"]]


def test_a_stressed_part_joins_the_subject() -> None:
    tasks = notice("进一步完善储备制度。各省、自治区、直辖市，特别是沿海地区人民政府，也要抓紧制定储备办法。")
    assert [t.assignment.responsible for t in tasks] == [["各省、自治区、直辖市", "沿海地区人民政府"]]


def test_objects_and_self_references_are_no_units() -> None:
    tasks = notice("健全储备体系，充分发挥各级政府在应急保障中的作用。加强储备库点建设和日常监测。",
                   "要进一步加强储备知识宣传，提高全社会的防灾意识。我局将尽快向各地提供宣传材料。")
    assert [units(t) for t in tasks] == [([], [], []), ([], [], [])]


# a State Council General Office reply on a province's requests ("办理情况的函"): each item names
# the handling units as "X会同Y研究提出了办理意见"; titled sub-items under an item are tasks of their own
def reply(*items: str) -> list[DraftTask]:
    head = "某省人民政府：\n对你省提出的问题和建议，有关部门进行了认真研究，现将有关情况函复如下：\n"
    return parse_document(head + "\n".join(items) + "\n国务院办公厅\n2026年3月1日\n").tasks


def test_handling_units_of_a_reply() -> None:
    tasks = reply(
        "一、关于港口扩建项目问题。你省请求，国家尽快审核港口扩建项目建议书。",
        "交通运输部会同自然资源部研究提出了办理意见：该项目已列入规划。交通运输部将适时启动审核程序。"
        "自然资源部也表示将积极配合做好用地预审工作。",
        "二、关于职业教育问题。你省请求，中央加大对职业院校的支持力度。",
        "教育部研究提出了办理意见：该部将按程序抓紧组织研究，并继续予以支持。国家有关部门正在研究相关政策。",
        "三、关于库区群众生产生活问题。你省请求，国家帮助解决库区群众生产生活困难。",
        "乡村振兴局已会同水利部、林草局等部门赴库区进行了实地调查，并提出了初步意见。请你省有关部门按意见办理。")
    assert [t.title for t in tasks] == ["关于港口扩建项目问题", "关于职业教育问题", "关于库区群众生产生活问题"]
    assert [units(t) for t in tasks] == [
        (["交通运输部"], [], ["自然资源部"]),
        ([], ["教育部"], []),
        (["乡村振兴局"], [], ["水利部", "林草局"]),
    ]


def test_titled_sub_items_with_their_own_units() -> None:
    tasks = reply(
        "一、关于防灾减灾问题。你省请求，中央在防灾减灾方面给予专项支持。",
        "1.关于防治山洪灾害问题。水利部会同应急管理部、财政部研究提出了办理意见：水利部将继续将你省作为重点。"
        "财政部将继续安排补助资金。",
        "2.关于避险搬迁问题。国家发展改革委会同乡村振兴局研究提出了办理意见：目前正加快项目前期工作。",
        "二、关于流域污染治理问题。你省请求，将流域污染治理纳入国家规划。",
        "生态环境部会同国家发展改革委、水利部等部门研究提出了办理意见：目前正在修订规划，"
        "同时将会同财政部、住房城乡建设部等有关部门认真研究你省的方案。")
    assert [t.title for t in tasks] == ["关于防治山洪灾害问题", "关于避险搬迁问题", "关于流域污染治理问题"]
    assert [units(t) for t in tasks] == [
        (["水利部"], [], ["应急管理部", "财政部"]),
        (["国家发展改革委"], [], ["乡村振兴局"]),
        (["生态环境部"], [], ["国家发展改革委", "水利部", "财政部", "住房城乡建设部"]),
    ]


# the same genre, read after the rules above: "X意见：" / "X提出了以下意见：" lead-ins, and the
# opinion's points （一）（二） that follow such a lead-in belong to the item; they are not tasks
def test_opinion_lead_ins_and_their_points() -> None:
    tasks = reply(
        "一、关于光伏基地建设问题。你省请求，国家加大对光伏基地建设的支持力度。",
        "国家能源局提出了以下意见：",
        "（一）你省的新能源发展应纳入区域电网统筹考虑，实现资源优化配置，避免重复建设和无序竞争。",
        "（二）光伏基地二期需进一步研究送出通道问题。国家能源局已优先考虑一期配套项目。",
        "二、关于农产品期货品种问题。你省请求增设苹果期货交易品种。",
        "证监会意见：目前苹果期货的条件还不成熟，证监会将继续关注各方面的进展，积极研究并推动这项工作。")
    assert [t.title for t in tasks] == ["关于光伏基地建设问题", "关于农产品期货品种问题"]
    assert [units(t) for t in tasks] == [([], ["国家能源局"], []), ([], ["证监会"], [])]
