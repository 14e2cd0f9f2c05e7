"""The calendar's next year (#18): `[calendar] files`, the statutory fallback, the §3.6 notice,
`duban workdays year`. Years "without data" are a far year (2098/2099) or come from a package cut
short by injection (`package_through`), never from what the bundled package holds this month.
Every made-up date is for 2098/2099 and says so where it is defined."""

from __future__ import annotations

import email
import email.policy
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from scheduler.calendar_notice import next_year_notices
from scheduler.channels.base import Outcome, Receipt
from scheduler.errors import Problem
from scheduler.ledger import Ledger
from scheduler.load.holiday_files import HolidayFile, parse_holiday_json
from scheduler.statutory import statutory_holidays
from scheduler.workdays import STATUTORY_SOURCE, CalendarYear, PackageData, WorkCalendar, bundled
from tests.calendar_data import package_through
from tests.conftest import SETTINGS, Duban, Project, Result, email_channel
from tests.fakes import Mailbox, SmtpServer
from tests.kit import FakeChannel, make_app, one_pass

D = date
DATA = Path(__file__).parent / "data"


def holiday_json(year: int, *days: tuple[str, str, bool]) -> str:
    return json.dumps({"year": year, "days": [{"name": n, "date": d, "isOffDay": o} for n, d, o in days]},
                      ensure_ascii=False, indent=2)


# TEST DATA for a far year, made up: no real arrangement. 2099-01-01 is a Thursday.
FAR_FILE = holiday_json(2099, ("元旦", "2099-01-01", True), ("元旦", "2099-01-02", True),
                        ("元旦", "2099-01-04", False), ("春节", "2099-01-19", True))


# -- files honoured and overridden ----------------------------------------------------------------

def test_real_2021_notice_file_gives_the_package_calendar() -> None:
    problems: list[Problem] = []
    notice = parse_holiday_json((DATA / "holiday-cn-2021.json").read_text(encoding="utf-8"), "2021.json",
                                problems.append)
    assert problems == [] and notice is not None
    assert (notice.year, len(notice.days)) == (2021, 38)
    cal = WorkCalendar(files=[notice], package=package_through(2020), fallback="error")
    assert cal.has_data(2021)
    real = WorkCalendar()
    days = [D(2021, 1, 1) + timedelta(days=i) for i in range(365)]
    assert [cal.is_workday(d) for d in days] == [real.is_workday(d) for d in days]
    assert cal.count(D(2021, 1, 1), D(2021, 12, 31)) == 250


# TEST DATA for a far year, made up: a package that "covers" 2099.
FAR_PACKAGE = PackageData({D(2099, 1, 1): "元旦", D(2099, 1, 5): "元旦"}, {D(2099, 1, 3): "元旦"},
                          range(2099, 2100), "test-package")


def test_layers_date_by_date_settings_over_file_over_package() -> None:
    problems: list[Problem] = []
    file = parse_holiday_json(FAR_FILE, "holidays/2099.json", problems.append)
    assert file is not None and problems == []
    settings = {2099: CalendarYear(holidays=frozenset({D(2099, 1, 6)}), workdays=frozenset({D(2099, 1, 2)}))}
    cal = WorkCalendar(settings, files=[file], package=FAR_PACKAGE)
    assert not cal.is_workday(D(2099, 1, 1))  # package and file agree
    assert cal.is_workday(D(2099, 1, 2))  # file says off, settings say on
    assert cal.is_workday(D(2099, 1, 3))  # package make-up Saturday, untouched by the file
    assert cal.is_workday(D(2099, 1, 4))  # file make-up Sunday
    assert not cal.is_workday(D(2099, 1, 5))  # package only
    assert not cal.is_workday(D(2099, 1, 6))  # settings only
    assert not cal.is_workday(D(2099, 1, 19))  # file only
    assert [(s.day.day, s.off, s.source) for s in cal.special_days(2099)] == [
        (1, True, "文件 holidays/2099.json"), (2, False, "设置 [calendar.years.2099]"),
        (3, False, "test-package"), (4, False, "文件 holidays/2099.json"), (5, True, "test-package"),
        (6, True, "设置 [calendar.years.2099]"), (19, True, "文件 holidays/2099.json")]
    assert cal.year_source(2099) == "test-package、文件 holidays/2099.json、设置 [calendar.years.2099]"


def test_file_year_counts_as_data_and_replaces_the_fallback() -> None:
    file = parse_holiday_json(FAR_FILE, "2099.json", lambda p: None)
    assert file is not None
    cal = WorkCalendar(files=[file])
    assert cal.has_data(2099) and not cal.has_data(2098)
    assert cal.guessed_years([D(2098, 6, 1), D(2099, 6, 1)]) == [2098]
    assert cal.is_workday(D(2099, 1, 20))  # statutory 春节 not applied to a year with a file
    assert not cal.is_workday(D(2098, 1, 1))  # 2098 still follows the statutory fallback


def far_project(project: Project, calendar: str, files: dict[str, str] | None = None) -> None:
    project.write("duban.toml", SETTINGS + calendar)
    for name, text in (files or {}).items():
        (project.root / name).parent.mkdir(parents=True, exist_ok=True)
        (project.root / name).write_text(text, encoding="utf-8")


def test_files_through_the_settings_and_cli(project: Project, duban: Duban) -> None:
    far_project(project, '\n[calendar]\nfiles = ["holidays/2099.json"]\n'
                '[calendar.years.2099]\nworkdays = ["2099-01-02"]\n',  # far year, made up
                {"holidays/2099.json": FAR_FILE})
    cfg = str(project.config)
    assert duban("workdays", "is", "2099-01-01", "--config", cfg).out == "false\n"
    assert duban("workdays", "is", "2099-01-02", "--config", cfg).out == "true\n"
    assert duban("workdays", "is", "2099-01-04", "--config", cfg).out == "true\n"
    assert duban("workdays", "shift", "2098-12-31", "1", "--config", cfg).out == "2099-01-02\n"
    check = duban("check", "--config", cfg, "--now", "2098-06-01")
    assert check.code == 0, check.out + check.err
    assert "检查通过：4个文件" in check.out  # the notice file is one of the files (and watched)


# -- every malformed-file case --------------------------------------------------------------------

DAY = '{"name": "元旦", "date": "2099-01-01", "isOffDay": true}'
MALFORMED = [
    ('{"year": 2099, "days": [\n  {"name": "元旦",}\n]}', ["第2行第17列", "JSON 格式错误"]),
    ("", ["第1行第1列", "JSON 格式错误"]),
    ('[' + DAY + ']', ["顶层应为对象", "实际是数组"]),
    ('{"days": [' + DAY + ']}', ["json year：缺少必填项"]),
    ('{"year": "2099", "days": []}', ["year", "应为整数年份", "实际是文字"]),
    ('{"year": 2100, "days": []}', ["year", "不在 2000–2099 之间"]),
    ('{"year": 2099}', ["days", "缺少必填项"]),
    ('{"year": 2099, "days": {}}', ["days", "应为数组", "实际是对象"]),
    ('{"year": 2099, "days": ["2099-01-01"]}', ["days[0]", "应为对象", "实际是文字"]),
    ('{"year": 2099, "days": [{"name": "元旦", "isOffDay": true}]}', ["days[0] → date", "缺少必填项"]),
    ('{"year": 2099, "days": [{"name": "元旦", "date": "2099-01-01"}]}', ["第1行 days[0] → isOffDay", "缺少必填项"]),
    ('{"year": 2099, "days": [{"date": "2099-01-01", "isOffDay": true}]}', ["days[0] → name", "缺少必填项"]),
    ('{"year": 2099, "days": [{"name": 1, "date": "2099-01-01", "isOffDay": true}]}', ["days[0] → name", "应为文字"]),
    ('{"year": 2099, "days": [{"name": "元旦", "date": "2099-01-01", "isOffDay": "true"}]}',
     ["days[0] → isOffDay", "应为 true（放假）或 false（调休上班）", "实际是文字"]),
    ('{"year": 2099, "days": [{"name": "元旦", "date": "2099-01-01", "isOffDay": 1}]}',
     ["days[0] → isOffDay", "实际是整数 1"]),
    ('{"year": 2099, "days": [{"name": "元旦", "date": "2099-02-30", "isOffDay": true}]}',
     ["days[0] → date", "“2099-02-30”不是日期"]),
    ('{"year": 2099, "days": [{"name": "元旦", "date": "2099/01/01", "isOffDay": true}]}', ["“2099/01/01”不是日期"]),
    ('{"year": 2099, "days": [{"name": "元旦", "date": 20990101, "isOffDay": true}]}', ["应为日期字符串", "实际是整数"]),
    ('{"year": 2099, "days": [{"name": "x", "date": "2098-11-30", "isOffDay": true}]}',
     ["days[0] → date", "2098-11-30 不在文件所属的 2099 年内（允许前后 31 天）"]),
    ('{"year": 2098, "days": [{"name": "x", "date": "2099-02-01", "isOffDay": true}]}',
     ["2099-02-01 不在文件所属的 2098 年内"]),
    ('{"year": 2099, "days": [\n' + DAY + ',\n{"name": "元旦", "date": "2099-01-01", "isOffDay": false}]}',
     ["第3行 days[1] → date", "2099-01-01 重复出现且 isOffDay 不一致"]),
]


@pytest.mark.parametrize(("text", "expected"), MALFORMED)
def test_malformed_file_is_an_error_naming_file_and_place(project: Project, duban: Duban, text: str,
                                                          expected: list[str]) -> None:
    far_project(project, '\n[calendar]\nfiles = ["holidays/2099.json"]\n', {"holidays/2099.json": text})
    result = duban("check", "--config", str(project.config))
    assert result.code == 1
    line = next(x for x in result.out.splitlines() if "holidays/2099.json" in x)
    for part in expected:
        assert part in line, (part, line)
    assert "Traceback" not in result.out + result.err


def test_dates_within_31_days_of_the_year_are_accepted() -> None:
    problems: list[Problem] = []
    # TEST DATA for a far year, made up.
    text = holiday_json(2098, ("x", "2097-12-01", True), ("x", "2098-01-01", True), ("x", "2099-01-31", False))
    got = parse_holiday_json(text, "f.json", problems.append)
    assert problems == []
    assert got == HolidayFile("f.json", 2098, {D(2097, 12, 1): (True, "x"), D(2098, 1, 1): (True, "x"),
                                               D(2099, 1, 31): (False, "x")})


def test_missing_and_unreadable_files(project: Project, duban: Duban) -> None:
    far_project(project, '\n[calendar]\nfiles = ["holidays/2099.json", "bad.json"]\n')
    (project.root / "bad.json").write_bytes("{\"year\": 2099, \"days\": [{\"name\": \"元旦\"".encode("gbk"))
    result = duban("check", "--config", str(project.config))
    assert result.code == 1
    assert "duban.toml [calendar] → files[0]：找不到节假日文件“holidays/2099.json”" in result.out
    assert "bad.json：无法读取节假日文件（应为 UTF-8 编码的 JSON）" in result.out
    run = duban("workdays", "is", "2099-01-01", "--config", str(project.config))
    assert run.code == 1 and "找不到节假日文件" in run.err


# -- the statutory fallback -----------------------------------------------------------------------

def test_statutory_dates_of_a_far_year() -> None:
    assert statutory_holidays(2099) == {
        D(2099, 1, 1): "元旦", D(2099, 1, 20): "春节", D(2099, 1, 21): "春节", D(2099, 1, 22): "春节",
        D(2099, 1, 23): "春节", D(2099, 4, 4): "清明节", D(2099, 5, 1): "劳动节", D(2099, 5, 2): "劳动节",
        D(2099, 6, 23): "端午节", D(2099, 9, 29): "中秋节", D(2099, 10, 1): "国庆节", D(2099, 10, 2): "国庆节",
        D(2099, 10, 3): "国庆节"}
    assert statutory_holidays(2077)[D(2077, 10, 1)] == "中秋节、国庆节"  # 中秋 on National Day: one day
    assert len(statutory_holidays(2077)) == 12


def test_statutory_fallback_rests_on_weekends_and_guesses_no_make_up_day() -> None:
    cal = WorkCalendar()
    days = cal.special_days(2099)
    assert all(s.off and s.source == STATUTORY_SOURCE for s in days)
    assert len(days) == 13
    assert not cal.is_workday(D(2099, 1, 24))  # a Saturday after 春节: no 调休 guessed
    assert not cal.is_workday(D(2099, 1, 20))
    assert cal.count(D(2099, 1, 1), D(2099, 12, 31)) == 251  # 261 weekdays less 10 on weekdays
    assert WorkCalendar(fallback="weekends").count(D(2099, 1, 1), D(2099, 12, 31)) == 261
    assert cal.guessed_years([D(2099, 3, 1)]) == [2099]


@pytest.mark.parametrize("year", [2025, 2026])
def test_statutory_rule_matches_the_published_years(year: int) -> None:
    """Every date the rule gives for 2025 and 2026 is a rest day in the published notices."""
    package = bundled()
    rule = statutory_holidays(year)
    assert len(rule) == 13
    missing = [d for d in rule if d not in package.holidays]
    assert missing == []


# -- the notice (SPEC §3.6), pure ------------------------------------------------------------------

def cut_2025() -> WorkCalendar:
    return WorkCalendar(package=package_through(2025))


def test_notice_not_before_november() -> None:
    assert next_year_notices(cut_2025(), [D(2026, 3, 31)], D(2025, 10, 31)) == []


def test_notice_from_november_counts_the_milestones_of_that_year() -> None:
    deadlines = [D(2026, 3, 31), D(2026, 6, 30), D(2026, 6, 30), D(2025, 12, 31), D(2027, 1, 15)]
    notices = next_year_notices(cut_2025(), deadlines, D(2025, 11, 1))
    assert [(n.year, n.milestones) for n in notices] == [(2026, 3)]  # 2027 is told from November 2026
    text = notices[0].text()
    assert text.startswith("2026年节假日安排尚未配置：2026年的节假日数据尚未配置")
    assert "3个未完成时间节点的时限在2026年；今后60个工作日将跨入2026年" in text
    assert "暂按法定节假日推算" in text
    assert "[calendar.years.2026]" in text and "[calendar] files" in text
    assert "duban workdays year 2026" in text


def test_notice_from_the_horizon_alone_and_at_once_when_late() -> None:
    [near] = next_year_notices(cut_2025(), [], D(2025, 12, 1))
    assert (near.year, near.milestones) == (2026, 0)
    [late] = next_year_notices(cut_2025(), [], D(2026, 3, 2))  # already in the year: at once
    assert late.year == 2026
    assert next_year_notices(cut_2025(), [], D(2025, 6, 2)) == []


def test_no_notice_when_the_data_exists() -> None:
    # TEST DATA: an empty configured year marks 2026 as known without inventing a date.
    cal = WorkCalendar({2026: CalendarYear()}, package=package_through(2025))
    assert next_year_notices(cal, [D(2026, 3, 31)], D(2025, 11, 2)) == []
    assert next_year_notices(WorkCalendar(), [D(2025, 3, 31)], D(2024, 11, 2)) == []  # published years


def test_fingerprint_is_the_year_and_content_not_the_count() -> None:
    one = next_year_notices(cut_2025(), [D(2026, 3, 31)], D(2025, 11, 3))[0]
    two = next_year_notices(cut_2025(), [D(2026, 3, 31)] * 2, D(2025, 11, 20))[0]
    weekends = WorkCalendar(fallback="weekends", package=package_through(2025))
    other = next_year_notices(weekends, [D(2026, 3, 31)], D(2025, 11, 3))[0]
    assert one.fingerprint == two.fingerprint and one.lines != two.lines
    assert other.fingerprint != one.fingerprint
    assert "周一至周五" in other.text()
    assert len(one.fingerprint) == 64 and int(one.fingerprint, 16) >= 0


# -- the notice through the daemon's pass, and in `duban status` ----------------------------------

FAR_TASKS = """\
[document]
title = "测试工作要点"
issued = 2098-06-01

[[task]]
id = "T-01"
title = "远年任务"
lead = ["省司法厅"]
deadline = 2099-03-31

[[task]]
id = "T-02"
title = "远年任务二"
lead = ["省财政厅"]
deadline = 2099-06-30
"""

# TEST DATA: 2098 marked as known with no dates (Mon–Fri), so only 2099 lacks data.
KNOWN_2098 = "\n[calendar.years.2098]\nholidays = []\n"


def once(duban: Duban, project: Project, now: str) -> Result:
    return duban("run", "--once", "--config", str(project.config), "--now", now)


def test_notice_sent_once_not_before_november_not_when_data_exists(project: Project, duban: Duban) -> None:
    box = Mailbox()
    with SmtpServer(box) as srv:
        project.write("duban.toml", SETTINGS + KNOWN_2098 + email_channel(srv.port, "timeout = 5\n"))
        project.write("tasks.toml", FAR_TASKS)
        assert once(duban, project, "2098-10-31T09:30").code == 0  # Friday before November
        assert box.received == []
        first = once(duban, project, "2098-11-03T09:30")
        assert first.code == 0, first.err
        assert box.wait_for(1, timeout=5)
        once(duban, project, "2098-11-03T15:00")
        once(duban, project, "2098-11-04T09:30")
        assert box.subjects() == ["【督办系统】2099年节假日安排尚未配置"]
        assert [e.rcpt_tos for e in box.received] == [["dcs@example.gov.cn"]]
        mail = email.message_from_bytes(box.received[0].content, policy=email.policy.default)
        body = mail.get_body(("plain",))
        assert body is not None
        assert "2个未完成时间节点的时限在2099年" in body.get_content()
    box2 = Mailbox()
    with SmtpServer(box2) as srv:
        far_project(project, KNOWN_2098 + '\n[calendar]\nfiles = ["2099.json"]\n' + email_channel(srv.port),
                    {"2099.json": FAR_FILE})
        (project.root / "state" / "duban.db").unlink()
        assert once(duban, project, "2098-11-05T09:30").code == 0
    assert box2.received == []


def test_notice_through_the_pass_is_recorded_retried_and_enqueued_once(project: Project) -> None:
    project.write("duban.toml", SETTINGS + KNOWN_2098)
    project.write("tasks.toml", FAR_TASKS)
    email = FakeChannel("email", script={"督查室": [Receipt(Outcome.TEMPORARY, "SMTP 451 try later")]})
    app = make_app(project.config, email)
    with Ledger(project.root / "state" / "duban.db") as ledger:
        one_pass(app, ledger, "2098-10-31T09:30")
        assert email.sent == []
        one_pass(app, ledger, "2098-11-03T09:30")  # deferred by the server
        one_pass(app, ledger, "2098-11-03T10:00")  # retried: sent
        one_pass(app, ledger, "2098-11-04T09:30")  # already sent: nothing new
    assert [(m.unit, m.subject) for m in email.sent] == [("督查室", "【督办系统】2099年节假日安排尚未配置")] * 2
    assert "2个未完成时间节点的时限在2099年" in email.sent[1].text


def test_status_shows_the_warning_at_the_top(project: Project, duban: Duban) -> None:
    project.write("duban.toml", SETTINGS + KNOWN_2098)
    project.write("tasks.toml", FAR_TASKS)
    table = duban("status", "--config", str(project.config), "--now", "2098-11-03")
    first = table.out.splitlines()[0]
    assert first.startswith("警告：2099年的节假日数据尚未配置（")  # said once, not twice
    assert "2个未完成时间节点的时限在2099年" in first
    data = json.loads(duban("status", "--config", str(project.config), "--now", "2098-11-03",
                            "--format", "json").out)
    assert len(data["calendar"]) == 1 and data["calendar"][0] == first.removeprefix("警告：")
    before = duban("status", "--config", str(project.config), "--now", "2098-10-30")
    assert "警告" not in before.out
    assert json.loads(duban("status", "--config", str(project.config), "--now", "2098-10-30",
                            "--format", "json").out)["calendar"] == []


def test_check_november_warning_follows_the_fallback(project: Project, duban: Duban) -> None:
    project.write("tasks.toml", FAR_TASKS)
    project.write("duban.toml", SETTINGS + KNOWN_2098)
    out = duban("check", "--config", str(project.config), "--now", "2098-11-03").out
    assert "2099年节假日数据尚未配置" in out and "2099年的工作日暂按法定节假日推算" in out
    assert "时限 2099-03-31 所在的2099年没有节假日数据，暂按法定节假日推算" in out
    project.write("duban.toml", SETTINGS + KNOWN_2098 + '\n[calendar]\nfallback = "weekends"\n')
    out = duban("check", "--config", str(project.config), "--now", "2098-11-03").out
    assert "2099年的工作日暂按周一至周五为工作日计算" in out


# -- duban workdays year --------------------------------------------------------------------------

def test_workdays_year_lists_days_and_sources(project: Project, duban: Duban) -> None:
    far_project(project, '\n[calendar]\nfiles = ["holidays/2099.json"]\n'
                '[calendar.years.2099]\nworkdays = ["2099-01-02"]\n',  # far year, made up
                {"holidays/2099.json": FAR_FILE})
    out = duban("workdays", "year", "2099", "--config", str(project.config)).out
    assert out.splitlines() == [
        "2099年节假日数据来源：文件 holidays/2099.json、设置 [calendar.years.2099]",
        "",
        "  日期        星期  安排      名称        来源",
        "  2099-01-01  周四  放假      元旦        文件 holidays/2099.json",
        "  2099-01-02  周五  调休上班  -           设置 [calendar.years.2099]",
        "  2099-01-04  周日  调休上班  元旦        文件 holidays/2099.json",
        "  2099-01-19  周一  放假      春节        文件 holidays/2099.json",
        "",
        "合计：放假 2 天（其中周一至周五 2 天），调休上班 2 天；全年工作日 260 天",
    ]


def test_workdays_year_of_a_year_without_data(duban: Duban, tmp_path: Path) -> None:
    path = tmp_path / "duban.toml"
    path.write_text('coordinator = "x"\n', encoding="utf-8")
    out = duban("workdays", "year", "2099", "--config", str(path)).out.splitlines()
    assert out[0] == "2099年节假日数据来源：没有节假日数据：按法定节假日推算（不含调休）"
    assert "[calendar.years.2099]" in out[1]
    assert out[4] == "  2099-01-01  周四  放假      元旦        法定节假日推算（不含调休）"
    assert out[-1] == "合计：放假 13 天（其中周一至周五 10 天），调休上班 0 天；全年工作日 251 天"
    path.write_text('coordinator = "x"\n[calendar]\nfallback = "weekends"\n', encoding="utf-8")
    out = duban("workdays", "year", "2099", "--config", str(path)).out.splitlines()
    assert out[0] == "2099年节假日数据来源：没有节假日数据：按周一至周五为工作日（weekends）"
    assert out[-1] == "合计：放假 0 天（其中周一至周五 0 天），调休上班 0 天；全年工作日 261 天"
    path.write_text('coordinator = "x"\n[calendar]\nfallback = "error"\n', encoding="utf-8")
    out = duban("workdays", "year", "2099", "--config", str(path)).out.splitlines()
    assert out[-1] == "合计：放假 0 天（其中周一至周五 0 天），调休上班 0 天"


def test_workdays_year_refuses_a_bad_year(duban: Duban, tmp_path: Path) -> None:
    path = tmp_path / "duban.toml"
    path.write_text('coordinator = "x"\n', encoding="utf-8")
    for bad in ("2100", "27", "二〇二七"):
        result = duban("workdays", "year", bad, "--config", str(path))
        assert result.code == 1 and "应为 2000–2099 之间的四位数字" in result.err
