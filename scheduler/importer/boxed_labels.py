"""Boxed labels in a line: "…。【牵头单位】市发改委【配合单位】市财政局" is three lines for the walker,
the sentence and one label line per boxed label ("牵头单位：市发改委")."""

from __future__ import annotations

import re

from scheduler.importer.vocab import either

_BOXED = re.compile(either(
    r"【\s*(责任单位|牵头单位|配合单位|责任部门|牵头部门|配合部门|协办单位|主办单位|完成时限|完成时间|时间节点"
    r"|负责部门|负责单位|主责单位|主责部门|(?:牵头|责任|主办|配合|协办|参与)(?:科室|处室|司局|股室))\s*】\s*[:：]?"))


def label_lines(line: str) -> list[str]:
    """"…。【牵头单位】市发改委【配合单位】市财政局": each boxed label starts a label line."""
    parts = _BOXED.split(line)
    if len(parts) == 1:
        return [line]
    out = [parts[0].strip()] if parts[0].strip() else []
    return out + [f"{label}：{value.strip()}" for label, value in zip(parts[1::2], parts[2::2], strict=True)]
