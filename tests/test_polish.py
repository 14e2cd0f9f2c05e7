"""QA polish: one days-left wording everywhere, status title ellipsis, dry-run summary, the
not-UTF-8 advice for every file, Chinese TOML/JSON syntax messages."""

from __future__ import annotations

import re

import pytest
import tomli

from scheduler.load.json_text import describe_json_error
from scheduler.load.reader import describe_toml_error
from scheduler.plan_view import width
from scheduler.wording import clip, days_left, run_summary
from tests.conftest import TASKS, Duban, Project
from tests.web_support import make_site, web_project

LONG = "关于进一步深化全省法治政府建设示范创建活动的实施方案落实情况"


def test_days_left_wording() -> None:
    assert [days_left(128), days_left(1), days_left(0), days_left(-3)] == [
        "还剩128个工作日", "还剩1个工作日", "今天到期", "已逾期3个工作日"]


def test_clip_marks_a_cut_and_counts_cjk_as_two_columns() -> None:
    assert clip("一二三", 6) == "一二三"
    assert clip("一二三四", 6) == "一二…"
    assert clip("abcdefgh", 6) == "abcde…"
    assert clip(LONG, 40) == "关于进一步深化全省法治政府建设示范创建…"
    assert width(clip(LONG, 40)) == 39


def test_status_table_says_the_days_and_cuts_long_titles_with_an_ellipsis(project: Project, duban: Duban) -> None:
    project.write("tasks.toml", TASKS.replace('title = "第一项任务"', f'title = "{LONG}"'))
    late = duban("status", "--config", str(project.config), "--now", "2021-07-06").out.splitlines()
    early = duban("status", "--config", str(project.config), "--now", "2021-01-04").out.splitlines()
    assert late[2] == "  灯  任务        节点        到期日      剩余                  最近一次提醒"
    assert late[3] == ("  红  T-01        1           2021-06-30  已逾期4个工作日       （尚未提醒）  "
                       "关于进一步深化全省法治政府建设示范创建…")
    assert early[3] == ("  绿  T-01        1           2021-06-30  还剩121个工作日       （尚未提醒）  "
                        "关于进一步深化全省法治政府建设示范创建…")
    assert width(late[3].split("（")[0]) == width(early[3].split("（")[0]) == width(late[2].split("最近")[0])


def test_dashboard_and_unit_page_use_the_status_wording(project: Project) -> None:
    site = make_site(web_project(project))
    try:
        site.sign_in()
        page = site.client.get("/").text
        cells = re.findall(r"<td>[^<]*(?:工作日|到期)[^<]*</td>", page)
        assert cells == ["<td>还剩2个工作日</td>", "<td>还剩2个工作日</td>", "<td>还剩13个工作日</td>",
                         "<td>还剩68个工作日</td>", "<td>还剩130个工作日</td>"]
        unit = site.client.get(site.unit_link("省财政厅")).text
        assert "还剩130个工作日；" in unit
    finally:
        site.client.close()
        site.store.close()


def test_a_dry_run_says_so(project: Project, duban: Duban) -> None:
    dry = duban("run", "--once", "--dry-run", "--config", str(project.config), "--now", "2021-06-30T09:30")
    real = duban("run", "--once", "--config", str(project.config), "--now", "2021-06-30T09:30")
    assert dry.out == "试运行（未真正发送，未记入状态）：写入发件箱3条消息，6条较早阶段的提醒已被新阶段取代\n"
    assert real.out == "发送3条消息，6条较早阶段的提醒已被新阶段取代\n"


def test_run_summary_outside_the_sending_hours() -> None:
    text = "不在发送时段（工作日的 send_at–send_until）内：本次不发送，提醒将在下一个发送时段发出"
    assert run_summary(text, False) == text
    assert run_summary(text, True) == "试运行（未真正发送，未记入状态）：" + text


ADVICE = ("文件不是 UTF-8 编码，duban 只接受 UTF-8：请在编辑器中“另存为 UTF-8”，"
          "或运行 iconv -f 原编码 -t UTF-8 {0} -o {0}.utf8（原编码如 BIG5、UTF-16）")


@pytest.mark.parametrize("name", ["tasks.toml", "units.toml", "duban.toml"])
def test_every_file_that_is_not_utf8_gets_the_conversion_advice(project: Project, duban: Duban, name: str) -> None:
    (project.root / name).write_bytes(b"# caf\xe9\n")
    result = duban("check", "--config", str(project.config))
    assert result.code == 1
    assert f"  {name} 第1行：{ADVICE.format(name)}\n" in result.out + result.err


@pytest.mark.parametrize("name", ["tasks.toml", "units.toml", "duban.toml"])
def test_every_gbk_file_gets_the_iconv_command(project: Project, duban: Duban, name: str) -> None:
    (project.root / name).write_bytes("# 说明\n".encode("gbk"))
    result = duban("check", "--config", str(project.config))
    assert (f"  {name} 第1行：文件似乎是 GBK/GB18030 编码，duban 只接受 UTF-8：请在编辑器中“另存为 UTF-8”，"
            f"或运行 iconv -f GB18030 -t UTF-8 {name} -o {name}.utf8\n") in result.out + result.err


def toml_error(text: str) -> tuple[str, str]:
    with pytest.raises(tomli.TOMLDecodeError) as caught:
        tomli.loads(text)
    return describe_toml_error(caught.value)


@pytest.mark.parametrize(("text", "expected"), [
    ("a = 1\nb\n", ("第2行第2列", "键后面缺少“=”")),
    ('a = "x', ("第1行第7列", "字符串缺少结束的双引号")),
    ('a = "x\n', ("第1行第7列", "字符串缺少结束的双引号，或含有不允许的字符")),
    ("a = x\n", ("第1行第5列", "值的写法不对（文字要加英文双引号，日期写成 2021-06-30）")),
    ("a = 1\na = 2\n", ("第2行第6列", "同一个键写了两次")),
    ("[t]\n[t]\n", ("第2行第3列", "同一个表写了两次")),
    ("a = 2021-02-30\n", ("第1行第5列", "日期不存在或写法不对（应为 2021-06-30）")),
    ('a = "\x01"\n', ("第1行第6列", "字符串缺少结束的双引号，或含有不允许的字符")),
    ('a = "\\q"\n', ("第1行第8列", "字符串中的反斜杠“\\”要写成“\\\\”（或改用单引号字符串）")),
    ('a = "\\uD800"\n', ("第1行第12列",
                         "TOML 语法错误（解析器的原始提示：Escaped character is not a Unicode scalar value）")),
])
def test_toml_errors_in_chinese_with_line_and_column(text: str, expected: tuple[str, str]) -> None:
    assert toml_error(text) == expected


def test_check_reports_a_units_toml_syntax_error_in_chinese(project: Project, duban: Duban) -> None:
    project.write("units.toml", "[unit.x]\nemail = [1, 2\n")
    result = duban("check", "--config", str(project.config))
    assert "  units.toml 第3行第1列：数组缺少右方括号“]”\n" in result.out + result.err
    assert "Unclosed" not in result.out + result.err


@pytest.mark.parametrize(("msg", "expected"), [
    ("Expecting value", "这里应有一个值（文字要加英文双引号；最后一项后面不能有逗号）"),
    ("Expecting property name enclosed in double quotes", "这里应有一个加英文双引号的键名（最后一项后面不能有逗号）"),
    ("Expecting ',' delimiter", "缺少分隔的英文逗号“,”"),
    ("Expecting ':' delimiter", "键名后面缺少英文冒号“:”"),
    ("Unterminated string starting at", "字符串缺少结束的英文双引号"),
    ("Something new", "JSON 语法错误（解析器的原始提示：Something new）"),
])
def test_json_messages_in_chinese(msg: str, expected: str) -> None:
    assert describe_json_error(msg) == expected


def test_a_holiday_file_syntax_error_in_chinese(project: Project, duban: Duban) -> None:
    project.write("duban.toml", (project.root / "duban.toml").read_text(encoding="utf-8")
                  + '\n[calendar]\nfiles = ["h.json"]\n')
    project.write("h.json", '{"year": 2099, "days": [\n  {"name": "元旦",}\n]}')
    result = duban("check", "--config", str(project.config))
    assert result.code == 1
    assert ("h.json 第2行第17列：JSON 格式错误：这里应有一个加英文双引号的键名（最后一项后面不能有逗号）；应为 holiday-cn 格式 "
            '{"year": 2027, "days": [{"name": …, "date": "YYYY-MM-DD", "isOffDay": true}]}') in result.out
