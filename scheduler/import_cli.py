"""`duban import`: the draft to stdout, the units skeleton to --units-out (written first: a units
file it cannot extend fails the command before any output)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from scheduler.errors import DubanError, Problem
from scheduler.load.units import Directory


def run_import(args: argparse.Namespace) -> int:
    """`duban import DOC [--year Y] [--prefix P] [--units-out FILE] [--config PATH]`."""
    from scheduler.importer.emit import emit_toml
    from scheduler.importer.run import load_draft

    if sys.stdout is None:  # started with stdout closed (`>&-`)
        raise DubanError("标准输出已关闭，草稿无法输出：请把它重定向到文件（> tasks.toml）")
    known = None
    if args.config:
        known = _known_units(Path(args.config), args.units_out)
    doc = Path(args.doc)
    if args.doc == "-" and not doc.exists():  # SPEC names no stdin; /dev/stdin reads it like a file
        raise DubanError("-：找不到这个文件。duban import 读取一个文件；要从标准输入读取，请写 /dev/stdin")
    draft = load_draft(doc)
    text = emit_toml(draft, doc.name, args.prefix, args.year, known)
    if args.units_out:  # first: a units file it cannot extend fails the command before any output
        from scheduler.importer.units_out import same_file, write_units

        if same_file(Path(args.units_out), _stdout_fd()):
            raise DubanError(f"{args.units_out}：--units-out 与草稿的输出是同一个文件，单位清单会覆盖草稿；"
                             "请写到另一个文件（如 config/units.toml）")
        added = write_units(Path(args.units_out), draft, doc.name)
        print(f"{args.units_out}：新增{len(added.units)}个单位、{len(added.groups)}个分组，"
              "请填写联系方式和分组成员后运行 duban check", file=sys.stderr)
    _write_draft(text)
    return 0


def _stdout_fd() -> int:
    try:
        return sys.stdout.fileno()
    except (OSError, ValueError):  # captured (tests) or closed
        return -1


def _write_draft(text: str) -> None:
    """The draft to stdout; a full disk or another write error is reported, not a traceback."""
    from scheduler.errors import os_reason

    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as err:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # the exit's flush finds nothing to fail
        raise DubanError(f"无法写出草稿（{os_reason(err)}）") from None


def _known_units(config: Path, units_out: str | None) -> Callable[[str], bool] | None:
    """What the draft marks as missing from units.toml; nothing when --units-out is that file (it will
    hold every name of the draft, and may not exist yet on the first import)."""
    from scheduler.load.settings import load_settings

    units = load_settings(config).units
    if units_out and os.path.realpath(units_out) == os.path.realpath(units):
        return None
    return _directory(config).known


def _directory(path: Path) -> Directory:
    from scheduler.load.reader import read_toml
    from scheduler.load.settings import load_settings
    from scheduler.load.units import parse_units

    settings = load_settings(path)
    problems: list[Problem] = []
    return parse_units(read_toml(settings.units), settings.units, problems.append)
