"""The dashboard's read model: `duban status` rows cached per runtime and day, and a server-drawn
SVG chart of open/yellow/red milestones per unit (no script, nothing fetched from elsewhere)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date
from html import escape

from scheduler import status
from scheduler.runtime import Runtime

CHART_UNITS = 15


@dataclass(frozen=True, slots=True)
class Board:
    day: date
    rows: list[status.Row]
    units: list[status.UnitCount]
    failures: list[str]
    counts: dict[str, int]
    ongoing: int
    chart: str  # the SVG, drawn once per board


class BoardCache:
    """One Board per (runtime, day). `invalidate()` (after a pass that sent something, after a
    decision) marks it stale: the next request gets the stale board while a new one is built in
    the background, so only the very first request waits for a build."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._board: tuple[Runtime, date, int, Board] | None = None  # ..., the generation it saw
        self._generation = 0
        self._building = False

    def get(self, runtime: Runtime, day: date) -> Board:
        with self._lock:
            cached, generation = self._board, self._generation
        if cached and cached[0] is runtime and cached[1] == day:
            if cached[2] != generation:
                self._refresh_later(runtime, day)
            return cached[3]
        return self._build(runtime, day)

    def invalidate(self) -> None:
        with self._lock:
            self._generation += 1

    def _refresh_later(self, runtime: Runtime, day: date) -> None:
        with self._lock:
            if self._building:
                return
            self._building = True
        threading.Thread(target=self._build, args=(runtime, day), daemon=True).start()

    def _build(self, runtime: Runtime, day: date) -> Board:
        with self._lock:
            generation = self._generation
        try:
            rows, units, failures = status.build(runtime, day)
            counts = {name: sum(r.light == name for r in rows) for name in status.LIGHTS}
            board = Board(day, rows, units, failures, counts, len(status.ongoing(runtime)), chart(units))
            with self._lock:
                self._board = (runtime, day, generation, board)
            return board
        finally:
            with self._lock:
                self._building = False


def chart(units: list[status.UnitCount]) -> str:
    """Horizontal stacked bars (green, yellow, red) for the units with the most urgent milestones."""
    shown = units[:CHART_UNITS]
    if not shown:
        return ""
    widest = max(u.open for u in shown) or 1
    label, bar, row = 190, 360, 24
    height = row * len(shown) + 30
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="各单位未完成节点" '
             f'viewBox="0 0 {label + bar + 150} {height}" width="100%" style="max-width:{label + bar + 150}px">']
    for i, u in enumerate(shown):
        y = 10 + i * row
        green = u.open - u.yellow - u.red
        x = float(label)
        parts.append(f'<text x="{label - 6}" y="{y + 14}" text-anchor="end" font-size="13">'
                     f"{escape(u.unit[:14])}</text>")
        for count, colour, name in ((u.red, "#c0392b", "红"), (u.yellow, "#e6a700", "黄"), (green, "#2e8b57", "绿")):
            width = bar * count / widest
            if width:
                parts.append(f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="16" fill="{colour}">'
                             f"<title>{escape(u.unit)} {name} {count}</title></rect>")
            x += width
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 13}" font-size="12">{u.open}（黄{u.yellow} 红{u.red}）</text>')
    parts.append("</svg>")
    return "".join(parts)
