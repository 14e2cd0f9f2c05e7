"""`duban history` read and written row by row: the filters chosen by SQLite give the rows the
whole history filtered gives, in the same order, and the JSON is `json.dumps(indent=2)`'s."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from scheduler.history import row_json, to_json, to_table
from scheduler.ledger import HistoryRow, Ledger
from scheduler.messages import Message, ReminderId, ReminderState
from tests.kit import at

NOW = at("2021-06-30T09:30")


def _ledger(tmp_path: Path) -> Ledger:
    """Superseded stages and sent reminders of two tasks and three units; one fire time written
    with another offset (+00:00) than the bounds asked for (+08:00)."""
    ledger = Ledger(tmp_path / "duban.db")
    stages = ("提前告知", "临期提醒", "到期提醒")
    for task in ("T-02", "T-01"):
        for unit in ("省司法厅", "省财政厅", "督查室"):
            ids = [ReminderId(task, "1", date(2021, 6, 30), s, 0, unit) for s in stages]
            fired = [at("2021-06-16T09:00"), datetime(2021, 6, 23, 1, 0, tzinfo=UTC), at("2021-06-30T09:00")]
            ledger.supersede(list(zip(ids[:2], fired[:2], strict=True)), NOW)
            key = f"{task}-{unit}".encode().hex()[:32].ljust(32, "0")
            message = Message(key, "email", unit, "s", "正文", ("x@example.gov.cn",), "", "", (ids[2],))
            ledger.queue([message], NOW, fire_times={ids[2]: fired[2]})
            ledger.begin_attempt(key, NOW)
            ledger.mark_sent(key, NOW)
    return ledger


def test_filters_in_sql_give_what_filtering_the_whole_history_gives(tmp_path: Path) -> None:
    ledger = _ledger(tmp_path)
    everything = ledger.history()
    assert len(everything) == 18
    assert everything == sorted(everything, key=lambda r: (r.at, r.task, r.milestone, r.stage, r.unit))
    lo, hi = at("2021-06-23T00:00"), at("2021-06-23T23:59")  # 01:00 UTC is 09:00 in Shanghai
    cases = [(None, None, None, None), (lo, hi, None, None), (None, None, "T-01", None),
             (None, None, None, {"省财政厅", "督查室"}), (lo, None, "T-02", {"省司法厅"}), (None, None, None, set()),
             (at("2021-06-23T09:00"), at("2021-06-23T09:00"), None, None), (None, None, "T-09", None)]
    for start, end, task, units in cases:
        expected = [r for r in everything if (start is None or r.at >= start) and (end is None or r.at <= end)
                    and (task is None or r.task == task) and (units is None or r.unit in units)]
        assert ledger.history(start, end, task, units) == expected, (start, end, task, units)
    assert len(ledger.history(lo, hi)) == 6
    assert len(ledger.history(datetime.min.replace(tzinfo=UTC), datetime.max.replace(tzinfo=UTC))) == 18


def test_a_first_row_is_read_before_the_rest_of_the_history(tmp_path: Path) -> None:
    ledger = _ledger(tmp_path)
    rows = ledger.history_rows()
    first = next(rows)
    assert (first.stage, first.state) == ("提前告知", ReminderState.SUPERSEDED)
    assert len(list(rows)) == 17


def test_the_json_is_json_dumps_with_an_indent(tmp_path: Path) -> None:
    rows = _ledger(tmp_path).history()
    odd = HistoryRow(NOW, 'T-"3"\u2028\\', "1", date(2021, 6, 30), "到期提醒", 2, "单位</script>", ReminderState.SENT,
                     NOW + timedelta(seconds=4), ("email", "wecom"))
    for chosen in ([], rows[:1], [odd], rows + [odd] * 1500):
        expected = json.dumps([row_json(r) for r in chosen], ensure_ascii=False, indent=2) + "\n"
        assert "".join(to_json(iter(chosen))) == expected


def test_the_table_counts_what_it_lists_and_says_when_there_is_nothing(tmp_path: Path) -> None:
    assert list(to_table(iter(()))) == ["（没有发送记录）\n"]
    lines = "".join(to_table(_ledger(tmp_path).history_rows(task="T-01"))).splitlines()
    assert len(lines) == 1 + 9 + 2
    assert lines[-1] == "已送达3条，已被取代6条"


def test_the_last_reminders_are_the_last_of_each_in_the_history(tmp_path: Path) -> None:
    ledger = _ledger(tmp_path)
    later = ReminderId("T-01", "1", date(2021, 7, 30), "提前告知", 0, "省财政厅")  # a new deadline: its own stages
    ledger.queue([Message("n" * 32, "email", "省财政厅", "s", "正文", ("x@example.gov.cn",), "", "", (later,))],
                 NOW, fire_times={later: at("2021-06-30T09:00")})
    ledger.pause([(ReminderId("T-02", "1", date(2021, 6, 30), "逾期催办", 0, "督查室"), at("2021-07-01T09:00"))], NOW)
    expected: dict[tuple[str, str, str], HistoryRow] = {}
    for row in ledger.history():
        if row.state is not ReminderState.SUPERSEDED and not row.paused:
            expected[(row.task, row.milestone, row.unit)] = row
    last = ledger.last_reminders()
    assert last == expected and len(last) == 6
    assert last[("T-01", "1", "省财政厅")].due == date(2021, 7, 30)  # same fire time: the later deadline
    assert last[("T-01", "1", "省财政厅")].state is ReminderState.PENDING
