"""`duban import` grammar, round 56 of issue #13: State Council and ministry documents whose items close
with assignment brackets, as copies reposted in traditional characters (sentences of our own, not the
documents').

Batch 1: a traditional copy's bracket "(A、B和C負責)" parts C from B at "和" when both end as units' names
end — also when the names end in characters only a traditional copy writes ("銀保監會", "人民銀行",
"檢察院", "領導小組", "大隊", "聯席會議", "開發區"), and the names keep their traditional form."""

from __future__ import annotations

from scheduler.importer.parse import parse_document
from tests.import_rules_support import dates, units

_OPINION = """國務院辦公廳關於促進養老消費的意見
國辦發〔2021〕88號
一、擴大服務供給
(一)發展普惠養老服務。支持社會力量興辦普惠型養老機構。(民政部、人民銀行和地方各級人民政府負責。以下均需地方各級人民政府負責,不再列出)
(二)加強金融支持。鼓勵金融機構開發養老金融產品。(人民銀行、銀保監會和證監會負責)
(三)維護老年人權益。依法打擊涉老詐騙犯罪。(最高人民檢察院和公安部負責)
(四)健全工作機制。發揮部際聯席會議作用,定期調度工作進展。(養老服務部際聯席會議和國家發展改革委負責)
(五)開展試點示範。在國家級開發區先行先試。(商務部、國家級經濟技術開發區和民政部負責)
"""


def test_traditional_names_part_at_and_when_both_end_as_units() -> None:
    draft = parse_document(_OPINION)
    got = [(t.title, units(t), dates(t, draft)) for t in draft.tasks]
    assert got == [
        ("發展普惠養老服務", ([], ["民政部", "人民銀行", "地方各級人民政府"], []), []),
        ("加強金融支持", ([], ["人民銀行", "銀保監會", "證監會", "地方各級人民政府"], []), []),
        ("維護老年人權益", ([], ["最高人民檢察院", "公安部", "地方各級人民政府"], []), []),
        ("健全工作機制", ([], ["養老服務部際聯席會議", "國家發展改革委", "地方各級人民政府"], []), []),
        ("開展試點示範", ([], ["商務部", "國家級經濟技術開發區", "民政部", "地方各級人民政府"], []), []),
    ]


_SQUADS = """某縣道路交通安全整治工作方案
1.整治客運車輛違法行為。開展集中整治行動。(縣交警大隊和縣交通運輸局負責)
2.建立工作專班。成立整治工作領導小組。(縣整治工作領導小組和縣應急管理局負責,2022年6月底前完成)
3.做好宣傳教育。(團縣委和縣教育局負責)
"""


def test_traditional_squads_groups_and_league_part_at_and() -> None:
    draft = parse_document(_SQUADS)
    got = [(t.title, units(t), [d.isoformat() for d in dates(t, draft)]) for t in draft.tasks]
    assert got == [
        ("整治客運車輛違法行為", ([], ["縣交警大隊", "縣交通運輸局"], []), []),
        ("建立工作專班", ([], ["縣整治工作領導小組", "縣應急管理局"], []), ["2022-06-30"]),
        ("做好宣傳教育", ([], ["團縣委", "縣教育局"], []), []),
    ]


def test_simplified_names_with_and_inside_stay_whole() -> None:
    text = ("（一）推动制造业数字化转型。开展试点。（工业和信息化部、文化和旅游部和各省级人民政府负责）\n"
            "（二）加强监管。（国家金融监督管理总局和中国人民银行负责）\n")
    draft = parse_document(text)
    assert [units(t) for t in draft.tasks] == [
        ([], ["工业和信息化部", "文化和旅游部", "各省级人民政府"], []),
        ([], ["国家金融监督管理总局", "中国人民银行"], []),
    ]
