"""What the first pass's savings rely on: a message read back equals the one recorded (its
reminders come from the carries rows), the stored content is the JSON of the message, and
`untouched` tells a message that may be sent as recorded from one to retry as stored."""

from __future__ import annotations

import json
import sqlite3
import zlib
from datetime import date
from pathlib import Path

from scheduler.ledger import Ledger
from scheduler.messages import Attachment, Message, ReminderId
from tests.kit import at

NOW = at("2021-06-30T09:30")
RIDS = tuple(ReminderId(f"T-{n:02d}", "1", date(2021, 6, 30), "到期提醒", 0, "省司法厅") for n in (3, 1, 2))


def _message(key: str = "m" * 32, to: tuple[str, ...] = ("a@example.gov.cn", "b@example.gov.cn")) -> Message:
    return Message(key, "email", "省司法厅", "【督办提醒】", "正文\n" * 3, to, "<p>正文</p>", "", RIDS,
                   (Attachment("台账.xlsx", "application/octet-stream", b"\x00\x01"),))


def test_a_message_read_back_is_the_one_recorded_its_reminders_in_order(tmp_path: Path) -> None:
    with Ledger(tmp_path / "duban.db") as ledger:
        ledger.queue([_message()], NOW)
        assert ledger.message("m" * 32) == _message()


def test_the_stored_content_is_the_messages_json_without_its_reminders(tmp_path: Path) -> None:
    with Ledger(tmp_path / "duban.db") as ledger:
        ledger.queue([_message()], NOW)
    stored = sqlite3.connect(tmp_path / "duban.db").execute("SELECT content FROM messages").fetchone()[0]
    assert json.loads(zlib.decompress(stored)) == {
        "key": "m" * 32, "channel": "email", "unit": "省司法厅", "subject": "【督办提醒】", "text": "正文\n" * 3,
        "to": ["a@example.gov.cn", "b@example.gov.cn"], "html": "<p>正文</p>", "payload": "",
        "attachments": [{"filename": "台账.xlsx", "content_type": "application/octet-stream", "data": "AAE="}]}


def test_untouched_until_the_first_attempt_or_a_refusal(tmp_path: Path) -> None:
    with Ledger(tmp_path / "duban.db") as ledger:
        ledger.queue([_message()], NOW)
        assert ledger.untouched("m" * 32) and not ledger.untouched("x" * 32)
        ledger.begin_attempt("m" * 32, NOW)
        ledger.mark_deferred("m" * 32, NOW, at("2021-06-30T09:32"), "451", remaining=("b@example.gov.cn",))
        assert not ledger.untouched("m" * 32)
        retry = ledger.message("m" * 32)
        assert retry is not None and retry.to == ("b@example.gov.cn",)  # only the recipient left


def test_identity_of_is_the_identity_as_a_plain_tuple() -> None:
    from datetime import datetime

    from scheduler.model import Reminder, Role, identity_of

    r = Reminder(datetime(2021, 6, 28, 9), "T-01", "2", date(2021, 6, 30), date(2021, 6, 30), "临期提醒", -2, 1,
                 Role.LEAD, "省司法厅", ("email",), None)
    assert identity_of(r) == r.identity and hash(identity_of(r)) == hash(r.identity)
    assert identity_of(r) in {r.identity} and r.identity in {identity_of(r)}
