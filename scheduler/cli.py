"""The `duban` command line. DubanError → a Chinese message and exit 1; usage → 2; no tracebacks."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from scheduler.cli_args import parser
from scheduler.clock import parse_day, parse_now, system_now
from scheduler.errors import ConfigError, DubanError, Severity, UsageError
from scheduler.plan import Firing
from scheduler.runtime import Runtime, build_runtime, config_path, planner_for

SHANGHAI = ZoneInfo("Asia/Shanghai")


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return _dispatch(args)
    except ConfigError as err:
        for problem in err.problems:
            if problem.severity is Severity.ERROR:
                print(problem, file=sys.stderr)
        return 1
    except DubanError as err:
        print(f"错误：{err}", file=sys.stderr)
        return err.exit_code
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130


def _dispatch(args: argparse.Namespace) -> int:
    handler = {"check": _check, "plan": _plan, "workdays": _workdays, "import": _import,
               "send-test": _send_test, "run": _run, "status": _status, "history": _history,
               "report": _report, "feedback": _feedback, "link": _link}
    return handler[args.command](args)


def _now(args: argparse.Namespace, tz: ZoneInfo) -> datetime:
    return parse_now(args.now, tz) if args.now else system_now(tz)


def _out(chunks: Iterable[str]) -> None:
    write = sys.stdout.write
    for chunk in chunks:
        write(chunk)
    sys.stdout.flush()


def _check(args: argparse.Namespace) -> int:
    from scheduler.check import run_check

    path = config_path(args.config)
    tz = _zone_of(path)
    result = run_check(path, _now(args, tz))
    _out(line + "\n" for line in result.lines)
    return 0 if result.ok else 1


def _zone_of(path: Path) -> ZoneInfo:
    """The configured zone when the settings can be read, for --now; Shanghai otherwise."""
    try:
        from scheduler.load.settings import load_settings

        return load_settings(path).timezone
    except DubanError:
        return SHANGHAI


def _plan(args: argparse.Namespace) -> int:
    from scheduler.plan import Window
    from scheduler.plan_view import to_csv, to_json, to_table

    runtime = build_runtime(config_path(args.config))
    today = _now(args, runtime.settings.timezone).date()
    start = parse_day(args.start, "--from") if args.start else today
    end = parse_day(args.end, "--to") if args.end else start + timedelta(days=30)
    if end < start:
        raise DubanError(f"--to（{end}）早于 --from（{start}）")
    tasks = [t for t in runtime.tasks if not args.task or t.id == args.task]
    if args.task and not tasks:
        raise DubanError(f"没有编号为“{args.task}”的任务")
    firings = planner_for(runtime).firings(tasks, Window(start, end))
    if args.unit:
        firings = _for_unit(runtime, firings, args.unit)
    by_id = {t.id: t for t in runtime.tasks}
    if args.format == "json":
        _out(to_json(firings))
        return 0
    reminders = [r for f in firings for r in f.reminders()]
    if args.format == "csv":
        sys.stdout.buffer.write(b"\xef\xbb\xbf")
        sys.stdout.flush()
        _out(to_csv(reminders, by_id))
    else:
        _out(to_table(reminders, by_id))
    return 0


def _for_unit(runtime: Runtime, firings: list[Firing], name: str) -> list[Firing]:
    """What `name` (a unit, alias or group) receives, including reminders routed via it."""
    if not runtime.directory.known(name):
        raise DubanError(f"units.toml 中没有单位、别名或分组“{name}”{runtime.directory.suggest(name)}")
    units = set(runtime.directory.resolve(name))
    return [kept for f in firings if (kept := f.only(units)) is not None]


def _workdays(args: argparse.Namespace) -> int:
    from scheduler.workdays import WorkCalendar

    given = args.config or os.environ.get("DUBAN_CONFIG")
    path = config_path(given)
    cal = WorkCalendar.from_settings(path) if given or path.is_file() else WorkCalendar()
    values = args.args
    need = {"is": 1, "count": 2, "shift": 2, "year": 1}[args.op]
    if len(values) != need:
        raise UsageError(f"workdays {args.op} 需要 {need} 个参数")
    if args.op == "year":
        from scheduler.calendar_view import parse_year, year_listing

        _out(year_listing(cal, parse_year(values[0])))
        return 0
    first = parse_day(values[0], "日期")
    if args.op == "is":
        print("true" if cal.is_workday(first) else "false")
    elif args.op == "count":
        print(cal.count(first, parse_day(values[1], "日期")))
    else:
        print(cal.shift(first, _nonzero(values[1])).isoformat())
    return 0


def _nonzero(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise DubanError(f"工作日数“{text}”应为非零整数，如 5 或 -3") from None
    if n == 0:
        raise DubanError("工作日数不能为 0：正数向后、负数向前数工作日")
    return n


def _run(args: argparse.Namespace) -> int:
    import asyncio

    from scheduler.app import run_once
    from scheduler.pass_result import describe
    from scheduler.wording import run_summary

    path = config_path(args.config)
    if not args.once:
        from scheduler.startup import run_daemon

        return run_daemon(path, args.dry_run, args.now)
    runtime = build_runtime(path, strict_secrets=not args.dry_run)
    tz = runtime.settings.timezone
    result = asyncio.run(run_once(runtime, _now(args, tz), args.dry_run))
    print(run_summary(describe(result), args.dry_run))
    return 1 if result.failed else 0


def _history(args: argparse.Namespace) -> int:
    from scheduler.history import history_rows, to_json, to_table

    path = config_path(args.config)
    rows = history_rows(path, args.start, args.end, args.task, args.unit)
    _out(to_json(rows) if args.format == "json" else to_table(rows))
    return 0


def _status(args: argparse.Namespace) -> int:
    from scheduler import status

    runtime = build_runtime(config_path(args.config))
    today = _now(args, runtime.settings.timezone).date()
    _out([status.to_json(runtime, today)] if args.format == "json" else status.to_table(runtime, today))
    return 0


def _feedback(args: argparse.Namespace) -> int:
    from scheduler.feedback import cli as fb

    runtime = build_runtime(config_path(args.config))
    if args.action is None:
        if args.id:
            raise UsageError("用法：duban feedback [accept|reject] ID")
        _out(fb.listing(runtime, args.all, args.format))
        return 0
    if not args.id:
        raise UsageError(f"用法：duban feedback {args.action} ID" + (" --note 理由" if args.action == "reject" else ""))
    now = _now(args, runtime.settings.timezone)
    print(fb.decision(runtime, args.id, args.action == "accept", args.note, now))
    return 0


def _link(args: argparse.Namespace) -> int:
    from scheduler.feedback import cli as fb

    runtime = build_runtime(config_path(args.config))
    _out([fb.link(runtime, args.unit, args.coordinator, args.revoke, _now(args, runtime.settings.timezone))])
    return 0


def _report(args: argparse.Namespace) -> int:
    from scheduler.report.run import choose_format, report

    fmt = choose_format(args.format, args.output)
    if fmt in ("xlsx", "docx") and not args.output:
        raise UsageError(f"--format {fmt} 是二进制文件，请用 --output 指定要写入的文件，如 --output 台账.{fmt}")
    runtime = build_runtime(config_path(args.config))
    report(runtime, _now(args, runtime.settings.timezone).date(), fmt, args.output)
    return 0


def _send_test(args: argparse.Namespace) -> int:
    import asyncio

    from scheduler.send_test import send_test

    runtime = build_runtime(config_path(args.config), strict_secrets=True)
    ok, lines = asyncio.run(send_test(runtime, args.unit, _now(args, runtime.settings.timezone)))
    _out(line + "\n" for line in lines)
    return 0 if ok else 1


def _import(args: argparse.Namespace) -> int:
    from scheduler.import_cli import run_import

    return run_import(args)


if __name__ == "__main__":
    sys.exit(main())
