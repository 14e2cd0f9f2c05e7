"""Read a TOML file into plain data, turning every failure into a located Chinese Problem.

tomli (not tomllib) because its errors carry `lineno`/`colno` on Python 3.11.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import tomli

from scheduler.errors import ConfigError, Problem, Severity, os_reason

_BOM = b"\xef\xbb\xbf"

# tomli's English messages, put into words a coordinator can act on (the place is given apart).
_HINTS: tuple[tuple[str, str], ...] = (
    ("Cannot overwrite a value", "同一个键写了两次"),
    ("Cannot declare", "同一个表写了两次"),
    ("Cannot redefine namespace", "同一个表写了两次"),
    ("Cannot mutate immutable namespace", "这个键已在内联表或数组中写过，不能再补充"),
    ("Duplicate inline table key", "内联表中同一个键写了两次"),
    ("Expected '=' after a key", "键后面缺少“=”"),
    ("Expected ']]' at the end of an array declaration", "表数组的标题缺少结尾的“]]”"),
    ("Expected ']' at the end of a table declaration", "表的标题缺少结尾的“]”"),
    ("Invalid value", "值的写法不对（文字要加英文双引号，日期写成 2021-06-30）"),
    ("Unclosed array", "数组缺少右方括号“]”"),
    ("Unclosed inline table", "内联表缺少右花括号“}”"),
    ("Unterminated string", "字符串缺少结束的双引号"),
    ("Illegal character", "字符串缺少结束的双引号，或含有不允许的字符"),
    ("Found invalid character", "这里有不允许的字符"),
    ("Unescaped '\\' in a string", "字符串中的反斜杠“\\”要写成“\\\\”（或改用单引号字符串）"),
    ("Expected newline or end of document", "一行只能写一个“键 = 值”（日期是否写错，如 2021-13-01？）"),
    ("Invalid statement", "这一行不是合法的 TOML 语句"),
    ("Invalid initial character for a key part", "键的写法不对（键只含字母、数字、下划线、短横线，其他要加双引号）"),
    ("Invalid date", "日期不存在或写法不对（应为 2021-06-30）"),
)


def describe_toml_error(err: tomli.TOMLDecodeError) -> tuple[str, str]:
    """(place, message) for a tomli error: `第12行第8列` and a Chinese explanation; a message
    not in the table keeps the parser's own text after a Chinese lead-in."""
    msg = str(getattr(err, "msg", str(err)))
    msg = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)$", "", msg)
    hint = next((zh for en, zh in _HINTS if msg.startswith(en)), f"TOML 语法错误（解析器的原始提示：{msg}）")
    line, col = getattr(err, "lineno", None), getattr(err, "colno", None)
    place = f"第{line}行第{col}列" if line else ""
    return place, hint


def decode(data: bytes, label: str) -> str:
    """UTF-8 with or without BOM; GB18030/GBK gets a message saying how to convert it."""
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ConfigError([Problem(Severity.ERROR, label, f"第{line}行", not_utf8(data, label))]) from None


def not_utf8(data: bytes, label: str) -> str:
    """The same advice for every file that is not UTF-8: what it seems to be and how to convert it."""
    if _looks_gbk(data):
        return ("文件似乎是 GBK/GB18030 编码，duban 只接受 UTF-8：请在编辑器中“另存为 UTF-8”，"
                f"或运行 iconv -f GB18030 -t UTF-8 {label} -o {label}.utf8")
    return ("文件不是 UTF-8 编码，duban 只接受 UTF-8：请在编辑器中“另存为 UTF-8”，"
            f"或运行 iconv -f 原编码 -t UTF-8 {label} -o {label}.utf8（原编码如 BIG5、UTF-16）")


def _looks_gbk(data: bytes) -> bool:
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def read_toml(path: Path, label: str | None = None) -> dict[str, Any]:
    """Parse `path`; raise ConfigError with one located Problem on any failure."""
    return read_toml_text(path, label)[0]


def read_toml_text(path: Path, label: str | None = None) -> tuple[dict[str, Any], str]:
    """Like read_toml, also returning the decoded text (for line numbers of tables)."""
    label = label or path.name
    return parse_toml(_read_bytes(path, label), label)


def read_text(path: Path, label: str | None = None) -> str:
    """The decoded text of a TOML file, not parsed yet (the failures of read_toml_text but TOML's)."""
    label = label or path.name
    return _text(_read_bytes(path, label), label)


def _read_bytes(path: Path, label: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise _fail(label, "", f"文件不存在：{path}") from None
    except IsADirectoryError:
        raise _fail(label, "", f"这是一个目录，不是文件：{path}") from None
    except OSError as err:
        raise _fail(label, "", f"无法读取文件：{path}（{os_reason(err)}）") from None


def parse_toml(data: bytes, label: str) -> tuple[dict[str, Any], str]:
    text = _text(data, label)
    return loads_located(text, label), text


def _text(data: bytes, label: str) -> str:
    text = decode(data, label)
    if "\x00" in text:
        raise _fail(label, "", "文件含有二进制内容（NUL 字节），不是文本文件")
    return text


def loads_located(text: str, label: str) -> dict[str, Any]:
    """tomli.loads, its failures as one located Chinese Problem."""
    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as err:
        place, message = describe_toml_error(err)
        raise _fail(label, place, message) from None
    except (ValueError, RecursionError):
        raise _fail(label, "", "TOML 内容无法解析（嵌套过深或数值超出范围）") from None


def _fail(label: str, place: str, message: str) -> ConfigError:
    return ConfigError([Problem(Severity.ERROR, label, place, message)])
