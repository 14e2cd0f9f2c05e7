"""Operator logs: `<N>`-prefixed lines for journald under systemd ($JOURNAL_STREAM), timestamped
lines otherwise; robot keys, tokens and signatures redacted from every record, including httpx's request lines."""

from __future__ import annotations

import logging
import os
import re
import sys

from scheduler import secrets

_KEY_PARAM = re.compile(r"((?:key|access_token|sign)=|/hook/)[^&/?\s'\"]+")
# a filter on "httpcore" does not see its children's records: each logger that writes one is named
_HTTP_LOGGERS = ("httpx", "httpcore", "httpcore.connection", "httpcore.http11", "httpcore.http2", "httpcore.proxy",
                 "httpcore.socks")
_PRIORITY = {logging.DEBUG: 7, logging.INFO: 6, logging.WARNING: 4, logging.ERROR: 3, logging.CRITICAL: 2}


class RedactKeys(logging.Filter):
    """Every secret this process resolved (secrets.scrub), raw or encoded, in a record's message
    and traceback; and what looks like a key in a URL: httpx logs every request URL at INFO, WeCom
    keys, DingTalk access tokens and signatures in its query string, Feishu hooks in its path."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = _clean(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:  # the traceback's text, formatted once and cleaned
            record.exc_text = _clean(logging.Formatter().formatException(record.exc_info))
        return True


def _clean(text: str) -> str:
    text = secrets.scrub(text)  # every secret this process resolved, wherever it appears
    if "key=" in text or "access_token=" in text or "sign=" in text or "/hook/" in text:
        text = _KEY_PARAM.sub(r"\1<key>", text)
    return text


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
    for name in _HTTP_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactKeys) for f in logger.filters):
            logger.addFilter(RedactKeys())
