"""The scripts the README names for regenerating docs/ still run against the current package."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"docs_{name}", ROOT / "docs" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_make_examples_renders_what_units_receive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    module = _load("make_examples")  # README: "由 `python docs/make_examples.py` 从示例数据生成"
    monkeypatch.setattr(module, "OUT", tmp_path)
    module.main()
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(p.name for p in (ROOT / "docs" / "examples").iterdir())
    assert (tmp_path / "email-unit.txt").read_text(encoding="utf-8") == \
        (ROOT / "docs" / "examples" / "email-unit.txt").read_text(encoding="utf-8")


def test_make_report_example_imports() -> None:
    _load("make_report_example")  # its main() needs LibreOffice and pdftoppm for the picture
