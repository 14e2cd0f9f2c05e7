"""Resolve SecretRefs: environment variables, files, and systemd credentials."""

from __future__ import annotations

import os
from pathlib import Path

from scheduler.errors import DubanError
from scheduler.model import Secret, SecretRef


def resolve(ref: SecretRef) -> Secret:
    """The secret's value; a file relative name may live in $CREDENTIALS_DIRECTORY (systemd)."""
    if ref.env:
        value = os.environ.get(ref.env, "")
        if not value:
            raise DubanError(f"找不到密钥：环境变量 {ref.env} 未设置或为空")
        return Secret(value.strip())
    assert ref.file is not None
    for path in _candidates(ref.file):
        try:
            return Secret(path.read_text(encoding="utf-8").strip())
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
