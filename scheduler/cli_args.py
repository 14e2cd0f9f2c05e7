"""The command line's grammar: subcommands, options, and argparse's own messages in Chinese
(a usage error exits with 2)."""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

from scheduler import __version__

_ARGPARSE_ZH = (  # argparse's own messages, in the words of the rest of duban
    (re.compile(r"the following arguments are required: (.*)"), r"缺少参数：\1"),
    (re.compile(r"unrecognized arguments: (.*)"), r"无法识别的参数：\1"),
    (re.compile(r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)"), r"\1 的值 \2 无效，应为 \3 之一"),
    (re.compile(r"argument (\S+): invalid int value: (.*)"), r"\1 应为整数，实际是 \2"),
    (re.compile(r"argument (\S+): expected one argument"), r"\1 后面缺少值"),
    (re.compile(r"argument (\S+/)?(\S+): "), r"\2 "),  # our own type checks' messages
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        for pattern, chinese in _ARGPARSE_ZH:
            message = pattern.sub(chinese, message)
        self.exit(2, f"用法错误：{message}\n")


def _year(text: str) -> int:
    if not re.fullmatch(r"\s*\d{4}\s*", text) or not 1949 <= int(text) <= 2100:
        raise argparse.ArgumentTypeError(f"应为 1949–2100 之间的四位年份，实际是 '{text}'")
    return int(text)


def _prefix(text: str) -> str:
    """A task id's beginning: an id holds no space, quote or backslash and is at most 64 characters."""
    if not re.fullmatch(r"[^\s\"'\\\x00-\x1f\x7f-\x9f]{0,40}", text):  # what `duban check` accepts in an id
        raise argparse.ArgumentTypeError(f"不能含空格、引号、反斜杠或控制字符，最长 40 个字符，实际是 {text!r}")
    return text


def _common(default: object) -> _Parser:
    common = _Parser(add_help=False)
    common.add_argument("--config", default=default, help="设置文件（默认 config/duban.toml 或 $DUBAN_CONFIG）")
    common.add_argument("--now", default=default, help="以此时刻代替当前时间（2021-06-23 或 2021-06-23T09:30）")
    return common


def parser() -> argparse.ArgumentParser:
    """Every subcommand with its options (SPEC §4)."""
    # `duban --config X check` and `duban check --config X` both work: the subcommands' copies of the
    # common options leave the attribute alone unless given, so the top-level value is not overwritten
    common = _common(argparse.SUPPRESS)
    top = _Parser(prog="duban", description="督办：政府工作任务的工作日提醒", parents=[_common(None)])
    top.add_argument("--version", action="version", version=f"duban {__version__}")
    sub = top.add_subparsers(dest="command", required=True, parser_class=_Parser)
    sub.add_parser("check", parents=[common], help="检查设置、单位和任务文件")
    plan = sub.add_parser("plan", parents=[common], help="列出一段时间内的提醒计划")
    plan.add_argument("--from", dest="start")
    plan.add_argument("--to", dest="end")
    plan.add_argument("--task")
    plan.add_argument("--unit")
    plan.add_argument("--format", choices=("table", "json", "csv"), default="table")
    wd = sub.add_parser("workdays", parents=[common], help="工作日计算：is D · count A B · shift D N · year Y")
    wd.add_argument("op", choices=("is", "count", "shift", "year"))
    wd.add_argument("args", nargs="+")
    run = sub.add_parser("run", parents=[common], help="运行督办服务（常驻）；--once 只运行一次")
    run.add_argument("--once", action="store_true")
    run.add_argument("--dry-run", action="store_true", help="所有消息写入发件箱，不真正发送")
    status = sub.add_parser("status", parents=[common], help="各未完成节点的红黄绿灯、最近提醒和失败")
    status.add_argument("--format", choices=("table", "json"), default="table")
    st = sub.add_parser("send-test", parents=[common], help="向单位的每个联系方式发送一条测试消息")
    st.add_argument("unit")
    rep = sub.add_parser("report", parents=[common], help="台账（xlsx、csv）或通报稿（md、docx）")
    rep.add_argument("--format", choices=("xlsx", "csv", "md", "docx"))
    rep.add_argument("--output", help="写入的文件（md、csv 不给时输出到标准输出）")
    hist = sub.add_parser("history", parents=[common], help="发送记录：每条提醒何时、经哪些渠道、是否送达")
    hist.add_argument("--from", dest="start")
    hist.add_argument("--to", dest="end")
    hist.add_argument("--task")
    hist.add_argument("--unit")
    hist.add_argument("--format", choices=("table", "json"), default="table")
    imp = sub.add_parser("import", parents=[common], help="从工作要点文本生成 tasks.toml 草稿")
    imp.add_argument("doc")
    imp.add_argument("--year", type=_year, help="文中没有写年份的时限（“6月底前”）按此年份解析")
    imp.add_argument("--prefix", type=_prefix, default="T-", help="任务编号的前缀（默认 T-）")
    imp.add_argument("--units-out", help="把草稿中的单位写成 units.toml 骨架（文件已存在时只追加缺少的单位和分组）")
    _feedback_parsers(sub, common)
    return top


def _feedback_parsers(sub: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    fb = sub.add_parser("feedback", parents=[common], help="单位反馈：列出待审核的，或 accept/reject 某条")
    fb.add_argument("action", nargs="?", choices=("accept", "reject"))
    fb.add_argument("id", nargs="?")
    fb.add_argument("--note", default="")
    fb.add_argument("--all", action="store_true", help="列出全部反馈（含已审核和进展）")
    fb.add_argument("--format", choices=("table", "json"), default="table")
    ln = sub.add_parser("link", parents=[common], help="打印单位的反馈链接，或督办单位 12 小时登录链接")
    ln.add_argument("unit", nargs="?")
    ln.add_argument("--coordinator", action="store_true")
    ln.add_argument("--revoke", action="store_true", help="作废该单位此前的所有链接")
