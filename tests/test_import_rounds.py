"""The regression net over the documents later import rounds keep (tests/import_rounds/<round>/, from round 70 on):
every document with an expected output is imported and each field's score must stay at or above the floor recorded
for it in tests/import_rounds/floors.toml (and its extra tasks at or below the recorded count)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tests.import_score import FIELDS, document_of, score

ROUNDS = Path(__file__).parent / "import_rounds"
FLOORS = tomllib.loads((ROUNDS / "floors.toml").read_text(encoding="utf-8"))
EXPECTED = sorted(ROUNDS.glob("*/*.expected.toml"))


def _key(expected: Path) -> str:
    return f"{expected.parent.name}/{expected.name.removesuffix('.expected.toml')}"


def test_every_kept_document_has_a_floor_and_every_floor_a_document() -> None:
    assert EXPECTED, "no round documents found"
    assert sorted(_key(p) for p in EXPECTED) == sorted(FLOORS)


@pytest.mark.parametrize("expected", EXPECTED, ids=_key)
def test_a_kept_document_scores_at_least_its_floor(expected: Path) -> None:
    floor = FLOORS[_key(expected)]
    result = score(document_of(expected), expected)
    below = {name: (result.percent(name), floor[name]) for name in FIELDS if result.percent(name) < floor[name]}
    assert not below, f"{_key(expected)} below its floors (got, floor): {below}\n" + "\n".join(result.wrong)
    assert result.extra <= floor.get("extra", 0), f"{_key(expected)}: {result.extra} extra tasks"
