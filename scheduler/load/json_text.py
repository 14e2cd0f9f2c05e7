"""The json module's English syntax errors in Chinese (the place, line and column, is given apart)."""

from __future__ import annotations

import json

_HINTS: tuple[tuple[str, str], ...] = (
    ("Expecting value", "这里应有一个值（文字要加英文双引号；最后一项后面不能有逗号）"),
    ("Expecting property name enclosed in double quotes", "这里应有一个加英文双引号的键名（最后一项后面不能有逗号）"),
    ("Expecting ',' delimiter", "缺少分隔的英文逗号“,”"),
    ("Expecting ':' delimiter", "键名后面缺少英文冒号“:”"),
    ("Unterminated string", "字符串缺少结束的英文双引号"),
    ("Invalid control character", "字符串中含有换行或其他控制字符"),
    ("Invalid \\escape", "字符串中的反斜杠“\\”要写成“\\\\”"),
    ("Invalid \\uXXXX escape", "字符串中的 \\u 转义写法不对（应为 \\u 加 4 位十六进制数）"),
    ("Extra data", "JSON 内容结束后还有多余的文字"),
)


def describe_json_error(msg: str) -> str:
    """A Chinese explanation of a json.JSONDecodeError's `msg`; one not in the table keeps the
    parser's own text after a Chinese lead-in."""
    return next((zh for en, zh in _HINTS if msg.startswith(en)), f"JSON 语法错误（解析器的原始提示：{msg}）")


def json_error_place(err: json.JSONDecodeError) -> tuple[int, int, str]:
    """(line, column, msg) of a syntax error as Python 3.11 and 3.12 give them, whatever Python runs:
    3.13 names a trailing comma at the comma ("Illegal trailing comma before end of object"), the
    older ones a missing key or value at the bracket after it."""
    if not err.msg.startswith("Illegal trailing comma before end of"):
        return err.lineno, err.colno, err.msg
    pos = err.pos + 1
    while pos < len(err.doc) and err.doc[pos] in " \t\n\r":
        pos += 1
    msg = "Expecting property name enclosed in double quotes" if err.msg.endswith("object") else "Expecting value"
    return err.doc.count("\n", 0, pos) + 1, pos - err.doc.rfind("\n", 0, pos), msg
