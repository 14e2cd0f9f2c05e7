"""The pure core imports nothing that does I/O: no SQLite, no HTTP, no SMTP, no scheduler."""

from __future__ import annotations

import subprocess
import sys


def test_pure_modules_load_no_io_libraries() -> None:
    code = (
        "import sys\n"
        "import scheduler.model, scheduler.workdays, scheduler.plan, scheduler.due, scheduler.group, scheduler.render\n"
        "import scheduler.render_items, scheduler.mime\n"
        "banned = {'sqlite3', 'httpx', 'aiosmtplib', 'apscheduler', 'scheduler.ledger', 'scheduler.channels',\n"
        "          'scheduler.daemon', 'scheduler.cli', 'watchfiles'}\n"
        "print(sorted(banned & set(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
