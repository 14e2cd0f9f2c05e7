"""Bad input never crashes: random damage to valid files gives a message, never a traceback."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, Duban


def _damaged(data: bytes, rng: random.Random) -> bytes:
    kind = rng.choice(("flip", "truncate", "insert", "delete"))
    i = rng.randrange(len(data))
    if kind == "flip":
        return data[:i] + bytes([data[i] ^ (1 << rng.randrange(8))]) + data[i + 1:]
    if kind == "truncate":
        return data[:i]
    if kind == "insert":
        return data[:i] + rng.choice((b'"', b"[", b"]", b"=", b"\n", b"\xff", b"\x00", b"{")) + data[i:]
    return data[:i] + data[i + rng.randrange(1, 40):]


@pytest.mark.parametrize("name", ["tasks.toml", "config/units.toml", "config/duban.toml"])
def test_damaged_files_give_a_message_not_a_traceback(tmp_path: Path, duban: Duban, name: str) -> None:
    shutil.copytree(REPO / "config", tmp_path / "config")
    shutil.copy(REPO / "tasks.toml", tmp_path / "tasks.toml")
    target = tmp_path / name
    original = target.read_bytes()
    rng = random.Random(f"duban-{name}")
    failures = 0
    for _ in range(120):
        target.write_bytes(_damaged(original, rng))
        result = duban("check", "--config", str(tmp_path / "config" / "duban.toml"), "--now", "2021-06-01")
        output = result.out + result.err
        assert "Traceback" not in output
        assert result.code in (0, 1), output
        if result.code == 1:
            failures += 1
            assert "错误" in output or "检查未通过" in output
    assert failures > 30  # most damage is caught
