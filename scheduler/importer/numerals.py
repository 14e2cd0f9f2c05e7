"""Chinese item numbers and the repair of damaged numbering lines."""

from __future__ import annotations

CN_NUM = "一二三四五六七八九十百零〇"
WIDE: dict[int, int | str] = {0xFF10 + i: 0x30 + i for i in range(10)}  # full-width digits
WIDE[0x3000] = 0x20  # and the full-width space
WIDE |= {0x2474 + i: f"({i + 1})" for i in range(20)}  # "⑴…⒇": one character for "(1)"…"(20)"
WIDE |= {0x2488 + i: f"{i + 1}." for i in range(20)}  # "⒈…⒛": one character for "1."…"20."
WIDE |= {0x3220 + i: f"({c})" for i, c in enumerate("一二三四五六七八九十")}  # "㈠…㈩" (GBK has them): "(一)"…


def cn_to_int(text: str) -> int:
    """一 → 1, 十二 → 12, 二十三 → 23, 一百零五 → 105."""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    digits["〇"] = 0
    total, current = 0, 0
    for ch in text:
        if ch in digits:
            current = digits[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
    return total + current


def int_to_cn(n: int) -> str:
    """1 → 一, 12 → 十二, 23 → 二十三 (the numbering of （一） items)."""
    digits = "零一二三四五六七八九"
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else "十" if tens == 1 else digits[tens] + "十"
    return head + (digits[ones] if ones else "")


def repair_mojibake(line: str) -> str:
    """Undo the damage seen in published copies (seed 001): GBK text whose first byte was lost
    ("?") and the rest decoded one byte out of step (" ?。ㄒ唬┚劢箶底终ㄔO" for "（一）聚焦數字政府
    建設"). Re-encoding and dropping the stray byte restores it; "" when that fails."""
    raw = bytearray()
    for ch in line[1:]:
        try:
            raw += ch.encode("cp936")
        except UnicodeEncodeError:
            raw += ch.encode("gb18030")
    return raw[1:].decode("gb18030", errors="replace").translate(WIDE)
