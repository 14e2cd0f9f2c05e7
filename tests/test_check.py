"""`duban check`: the sample passes; every kind of mistake is named, located, and exits 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPO, SETTINGS, TASKS, UNITS, Duban, Project


def test_sample_passes_with_summary_and_warnings(duban: Duban) -> None:
    result = duban("check", "--config", str(REPO / "config" / "duban.toml"), "--now", "2098-11-22")
    assert result.code == 0, result.err
    assert "检查通过：3个文件，58项任务，6个时间节点" in result.out
    assert "未配置联系方式" in result.out  # contactless units are routed to the coordinator
    assert "按持续推进处理" in result.out  # tasks without deadline are listed as ongoing
    assert "“2021年6月底前”按 2021-06-30 处理" in result.out
    assert "2099年节假日数据尚未配置" in result.out  # November: next year's data is missing (a far year)


def test_next_year_warning_only_from_november(duban: Duban) -> None:
    result = duban("check", "--config", str(REPO / "config" / "duban.toml"), "--now", "2098-10-31")
    assert "2099年节假日数据尚未配置" not in result.out


TASK_HEAD = '[document]\nissued = 2021-06-02\n\n[[task]]\nid = "T-01"\ntitle = "任务"\nlead = ["省司法厅"]\n'

# (file, text, expected substrings: file name, place, message)
BROKEN = [
    ("tasks.toml", TASK_HEAD + 'deadline = 2021-06-30\ntitle = "again"\n', ["tasks.toml", "第9行第16列", "同一个键写了两次"]),
    ("tasks.toml", TASK_HEAD + 'deadline = "2021-06-30\n', ["tasks.toml", "第8行", "双引号"]),
    ("tasks.toml", TASK_HEAD + "deadline = 2021-13-01\n", ["tasks.toml", "第8行", "日期"]),
    ("tasks.toml", TASK_HEAD.replace('lead = ["省司法厅"]', "lead = 3") + "deadline = 2021-06-30\n",
     ["tasks.toml", 'id="T-01" → lead', "应为数组"]),
    ("tasks.toml", TASK_HEAD + "deadlin = 2021-06-30\n", ["tasks.toml", "→ deadlin", "未知的键", "deadline"]),
    ("tasks.toml", TASK_HEAD.replace('id = "T-01"\n', ""), ["tasks.toml", "第4行", "→ id", "缺少必填项"]),
    ("tasks.toml", TASK_HEAD + TASK_HEAD.split("\n\n")[1], ["tasks.toml", 'id="T-01"', "任务编号重复"]),
    ("tasks.toml", TASK_HEAD.replace("省司法厅", "省司法局"), ["tasks.toml", "lead[0]", "没有单位", "省司法厅"]),
    ("tasks.toml", TASK_HEAD + 'deadline = "下个月"\n', ["tasks.toml", "→ deadline", "无法识别的时限“下个月”"]),
    ("tasks.toml", TASK_HEAD + 'policy = "strict"\n', ["tasks.toml", "→ policy", "没有策略“strict”"]),
    ("tasks.toml", TASK_HEAD + 'status = "closed"\n', ["tasks.toml", "→ status", "open"]),
    ("tasks.toml", TASK_HEAD + 'repeat = "FREQ=SOMETIMES"\nstart = 2021-03-01\n', ["tasks.toml", "→ repeat", "RRULE"]),
    ("tasks.toml", TASK_HEAD + 'repeat = "FREQ=MONTHLY"\n', ["tasks.toml", "→ start", "必须写 start"]),
    ("tasks.toml", TASK_HEAD + 'repeat = "FREQ=MONTHLY"\nstart = 2021-03-01\nuntil = 2020-01-01\n',
     ["tasks.toml", "→ until", "早于 start"]),
    ("tasks.toml", TASK_HEAD + 'repeat = "FREQ=MONTHLY"\nstart = 2021-03-01\nuntil = 2091-01-01\n',
     ["tasks.toml", "→ until", "超过 20 年"]),
    ("tasks.toml", TASK_HEAD + "[[task.milestone]]\ndeadline = 2021-06-30\ndone = 1999-01-01\n",
     ["tasks.toml", "milestone[0] → done", "合理范围"]),
    ("tasks.toml", TASK_HEAD + "deadline = 2021-06-30\n[[task.milestone]]\ndeadline = 2021-09-30\n",
     ["tasks.toml", "→ milestone", "只能写一种"]),
    ("tasks.toml", TASK_HEAD.replace("issued = 2021-06-02\n", "") + 'deadline = "6月底前"\n',
     ["tasks.toml", "→ deadline", "没有写年份"]),
    ("units.toml", UNITS + '\n[group."循环"]\nmembers = ["循环二"]\n[group."循环二"]\nmembers = ["循环"]\n',
     ["units.toml", '[group."循环"]', "循环包含"]),
    ("units.toml", UNITS + '\n[group."空组"]\nmembers = ["不存在的单位"]\n',
     ["units.toml", "members[0]", "未知的单位“不存在的单位”"]),
    ("units.toml", UNITS.replace('email = ["sft@example.gov.cn"]', 'email = ["sft at example"]'),
     ["units.toml", '[unit."省司法厅"] → email[0]', "不是电子邮件地址"]),
    ("units.toml", UNITS.replace('[unit."省残联"]', '[unit."省残联"]\nemial = ["a@b.cn"]'),
     ["units.toml", "emial", "您是不是想写", "email"]),
    ("units.toml", UNITS.replace('[unit."督查室"]\nemail = ["dcs@example.gov.cn"]\n', ""),
     ["duban.toml", "coordinator", "督查室"]),
    ("duban.toml", 'send_at = "9点"\ncoordinator = "督查室"\n', ["duban.toml", "send_at", "09:00"]),
    ("duban.toml", 'send_at = "19:00"\ncoordinator = "督查室"\n', ["duban.toml", "send_until", "应晚于"]),
    ("duban.toml", 'timezone = "Asia/Beijing"\ncoordinator = "督查室"\n', ["duban.toml", "timezone", "未知的时区"]),
    ("duban.toml", 'coordinator = "督查室"\n[calendar.years.2099]\nholidays = ["2099-02-12..2099-02-06"]\n',
     ["duban.toml", "[calendar.years.2099] → holidays[0]", "起始日期晚于结束日期"]),
    ("duban.toml", 'coordinator = "督查室"\n[calendar.years.2099]\nholidays = ["2099-02-30"]\n',
     ["duban.toml", "holidays[0]", "不是日期"]),
    ("duban.toml", 'coordinator = "督查室"\n[calendar]\nfallback = "guess"\n', ["duban.toml", "fallback", "weekends"]),
    ("duban.toml", 'coordinator = "督查室"\n[policy.fast]\nstages = [{ name = "催", offset = 1, to = ["boss"] }]\n',
     ["duban.toml", "[policy.fast] stages[0] → to[0]", "未知的角色“boss”"]),
    ("duban.toml", 'coordinator = "督查室"\n[policy.fast]\nstages = [{ name = "催", ofset = 1, to = ["lead"] }]\n',
     ["duban.toml", "stages[0] → ofset", "未知的键", "offset"]),
    ("duban.toml", 'coordinator = "督查室"\n[policy.fast]\nstages = [{ name = "催", offset = 1, to = ["lead"], repeat_every = 0 }]\n',
     ["duban.toml", "repeat_every", "正整数"]),
    ("duban.toml", 'coordinator = "督查室"\n[channels.email]\nhost = "h"\nsender = "s@x.cn"\npassword = "hunter2"\n',
     ["duban.toml", "[channels.email] → password", "不允许把密钥直接写在配置文件中"]),
    ("duban.toml", 'coordinator = "督查室"\n[channels.email]\nhost = "h"\nsender = "s@x.cn"\nsecurity = "ssl"\n',
     ["duban.toml", "security", "starttls"]),
    ("duban.toml", 'coordinator = "督查室"\ntasks = "missing.toml"\n', ["missing.toml", "文件不存在"]),
]


@pytest.mark.parametrize(("name", "text", "expected"), BROKEN, ids=[e[2][-1] for e in BROKEN])
def test_each_mistake_is_located_in_chinese(project: Project, duban: Duban, name: str, text: str,
                                            expected: list[str]) -> None:
    if name == "duban.toml":
        text = 'tasks = "tasks.toml"\nunits = "units.toml"\n' + text if "tasks =" not in text else (
            'units = "units.toml"\n' + text)
    project.write(name, text)
    result = duban("check", "--config", str(project.config))
    output = result.out + result.err
    assert result.code == 1, output
    for fragment in expected:
        assert fragment in output
    assert "Traceback" not in output


def test_missing_secret_is_a_warning_for_check(project: Project, duban: Duban) -> None:
    project.write("duban.toml", SETTINGS + '\n[channels.email]\nhost = "h"\nsender = "s@x.cn"\n'
                  'password_env = "DUBAN_TEST_NO_SUCH_VAR"\n')
    result = duban("check", "--config", str(project.config))
    assert result.code == 0
    assert "DUBAN_TEST_NO_SUCH_VAR" in result.out


def test_bom_is_accepted_and_gbk_is_explained(project: Project, duban: Duban) -> None:
    (project.root / "tasks.toml").write_bytes(b"\xef\xbb\xbf" + TASKS.encode())
    assert duban("check", "--config", str(project.config)).code == 0
    (project.root / "tasks.toml").write_bytes(TASKS.encode("gb18030"))
    result = duban("check", "--config", str(project.config))
    assert result.code == 1
    assert "GBK/GB18030" in result.err + result.out
    assert "iconv" in result.err + result.out


def test_missing_settings_file(duban: Duban, tmp_path: Path) -> None:
    result = duban("check", "--config", str(tmp_path / "nope.toml"))
    assert result.code == 1
    assert "nope.toml" in result.out + result.err
    assert "文件不存在" in result.out + result.err


def test_usage_error_exits_2(duban: Duban) -> None:
    result = duban("plan", "--format", "xml")
    assert result.code == 2
    assert "用法错误" in result.err
