"""Resolve SecretRefs: environment variables, files, and systemd credentials.

Every value resolved is remembered, so `scrub` can take it out of any text about to be shown or
logged, raw or in the forms a library or a server would write it in (URL-encoded, base64).
"""

from __future__ import annotations

import base64
import os
from pathlib import Path
from urllib.parse import quote, quote_plus

from scheduler.errors import DubanError
from scheduler.model import Secret, SecretRef

MASK = "<key>"
_SHORTEST = 4  # a shorter value would mask ordinary words in logs
_known: set[str] = set()
_masks: list[str] = []  # every form of every known value, longest first


def resolve(ref: SecretRef) -> Secret:
    """The secret's value; a file relative name may live in $CREDENTIALS_DIRECTORY (systemd)."""
    if ref.env:
        value = os.environ.get(ref.env, "")
        if not value:
            raise DubanError(f"找不到密钥：环境变量 {ref.env} 未设置或为空")
        return _remember(value.strip())
    assert ref.file is not None
    for path in _candidates(ref.file):
        try:
            return _remember(path.read_text(encoding="utf-8").strip())
        except UnicodeDecodeError:
            raise DubanError(f"无法读取密钥文件 {path}：内容不是 UTF-8 编码的文本") from None
        except OSError:
            continue
    raise DubanError(f"找不到密钥：无法读取文件 {ref.file}")


def _candidates(path: Path) -> list[Path]:
    found = [path]
    creds = os.environ.get("CREDENTIALS_DIRECTORY")
    if creds:
        found.append(Path(creds) / path.name)
    return found


def present(ref: SecretRef) -> bool:
    try:
        return bool(resolve(ref).reveal())
    except DubanError:
        return False


def forms(value: str) -> tuple[str, ...]:
    """How `value` can appear in a text: raw, URL-encoded (path, query, form) and base64."""
    if not value:
        return ()
    encoded = base64.b64encode(value.encode()).decode()
    return tuple(dict.fromkeys((value, quote(value, safe=""), quote(value), quote_plus(value), encoded)))


def scrub(text: str) -> str:
    """`text` with every secret resolved in this process, in any of its forms, replaced by <key>."""
    for form in _masks:
        if form in text:
            text = text.replace(form, MASK)
    return text


def _remember(value: str) -> Secret:
    if len(value) >= _SHORTEST and value not in _known:
        _known.add(value)
        _masks[:] = sorted({f for v in _known for f in forms(v)}, key=len, reverse=True)
    return Secret(value)
