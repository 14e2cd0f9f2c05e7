"""What a format reader produces: the document as an ordered list of text lines and tables."""

from __future__ import annotations

from dataclasses import dataclass

from scheduler.errors import DubanError


@dataclass(frozen=True)
class Table:
    """A table as a grid: a merged cell's text stands in every position it spans."""

    rows: tuple[tuple[str, ...], ...]


Block = str | Table  # a str is one line of text (a paragraph)


class FormatError(DubanError):
    """A file that cannot be read as the format its bytes say it is."""


def grid(rows: list[list[str]]) -> Table:
    """Rows padded to one width, cell text stripped."""
    width = max((len(r) for r in rows), default=0)
    return Table(tuple(tuple(c.strip() for c in r) + ("",) * (width - len(r)) for r in rows))
