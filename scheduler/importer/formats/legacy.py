""".doc/.wps (and Excel 97 .xls) through LibreOffice headless, with a time limit and a private
profile (FACTS §9); without LibreOffice, a message saying how to convert."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from scheduler.errors import os_reason
from scheduler.importer.formats.blocks import FormatError

TIMEOUT_S = 60
_NAMES = {"doc": "Word 97-2003（.doc）", "wps": "WPS 文字（.wps）", "xls": "Excel 97-2003（.xls）"}


def convert(path: Path, kind: str, timeout: float = TIMEOUT_S) -> tuple[Path, tempfile.TemporaryDirectory[str]]:
    """The file converted to .docx (or .xlsx for a workbook) in a temporary directory the caller
    keeps until it has read the result."""
    name = _NAMES.get(kind, "Office 97-2003")
    target = "xlsx" if kind == "xls" else "docx"
    package = "libreoffice-calc-nogui" if kind == "xls" else "libreoffice-writer-nogui"  # Writer cannot open .xls
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    renamed = f"（扩展名是 {path.suffix}，内容却是 {name} 文件）" if path.suffix.lower() not in (f".{kind}", "") else ""
    if soffice is None:
        raise FormatError(f"{path}：这是 {name} 文件{renamed}，需要 LibreOffice 才能读取，本机没有安装；"
                          f"请用 Word/WPS 打开后“另存为”.{target}，或安装 LibreOffice"
                          f"（Debian/Ubuntu：apt install {package}）后重试")
    work = tempfile.TemporaryDirectory(prefix="duban-lo-")
    root = Path(work.name)
    source = root / f"source.{kind if kind in ('doc', 'wps', 'xls') else 'doc'}"
    shutil.copyfile(path, source)
    command = [soffice, f"-env:UserInstallation={(root / 'profile').as_uri()}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(root / "out"), str(source)]
    try:
        _run(command, timeout)
    except subprocess.TimeoutExpired:
        work.cleanup()
        raise FormatError(f"{path}：LibreOffice 转换 {name} 文件超过 {timeout:g} 秒仍未完成，已停止；"
                          f"请用 Word/WPS 另存为 .{target} 后导入") from None
    except OSError as err:
        work.cleanup()
        raise FormatError(f"{path}：无法运行 LibreOffice（{os_reason(err)}）") from None
    result = root / "out" / f"source.{target}"
    if not result.exists() or result.stat().st_size == 0:
        work.cleanup()
        raise FormatError(f"{path}：LibreOffice 无法把这个 {name} 文件{renamed}转换为 .{target}"
                          f"（文件可能已损坏或有密码保护）；请用 Word/WPS 打开后另存为 .{target}")
    return result, work


def _run(command: list[str], timeout: float) -> None:
    """Run in a process group of its own, so that a timeout ends soffice.bin too, not only the
    launcher script."""
    proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        raise
