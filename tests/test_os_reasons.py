"""The OS's refusals reach coordinators and operators in Chinese ("文件或目录不存在", "磁盘空间已满"),
not as the C library's English words."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from scheduler.errors import os_reason
from tests.conftest import Duban


@pytest.mark.parametrize(("code", "words"), [(errno.EACCES, "没有权限"), (errno.ENOENT, "文件或目录不存在"),
                                             (errno.ENOSPC, "磁盘空间已满"), (errno.EROFS, "文件系统是只读的"),
                                             (errno.EISDIR, "这是一个目录"), (errno.EADDRINUSE, "端口已被占用")])
def test_common_refusals_in_chinese(code: int, words: str) -> None:
    assert os_reason(OSError(code, "English words")) == words


def test_a_rare_refusal_keeps_the_os_words() -> None:
    assert os_reason(OSError(errno.EXDEV, "Invalid cross-device link")) == "Invalid cross-device link"


def test_import_of_a_missing_file_says_why_in_chinese(tmp_path: Path, duban: Duban) -> None:
    result = duban("import", str(tmp_path / "没有这个文件.docx"))
    assert result.code == 1
    assert "文件或目录不存在" in result.err and "No such file" not in result.err
