"""Operator logs: `<N>`-prefixed lines for journald under systemd ($JOURNAL_STREAM), timestamped
lines otherwise; robot keys, tokens and signatures redacted from every record, including httpx's request lines."""

from __future__ import annotations

import logging
import os
import re
import sys

_KEY_PARAM = re.compile(r"((?:key|access_token|sign)=|/hook/)[^&/?\s'\"]+")
_PRIORITY = {logging.DEBUG: 7, logging.INFO: 6, logging.WARNING: 4, logging.ERROR: 3, logging.CRITICAL: 2}


class RedactKeys(logging.Filter):
    """httpx logs every request URL at INFO: WeCom keys, DingTalk access tokens and signatures are
    in its query string, Feishu hook tokens in its path."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "key=" in message or "access_token=" in message or "sign=" in message or "/hook/" in message:
            record.msg, record.args = _KEY_PARAM.sub(r"\1<key>", message), None
        return True


class JournalFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        prefix = f"<{_PRIORITY.get(record.levelno, 6)}>"
        return "\n".join(prefix + line for line in super().format(record).splitlines())


def setup(level: int = logging.INFO) -> None:
    handler = logging.StreamHandler(sys.stderr)
    if os.environ.get("JOURNAL_STREAM"):
        handler.setFormatter(JournalFormatter("%(message)s"))  # journald adds the time
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    handler.addFilter(RedactKeys())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    guard_http_logs()


def guard_http_logs() -> None:
    for name in ("httpx", "httpcore"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactKeys) for f in logger.filters):
            logger.addFilter(RedactKeys())
