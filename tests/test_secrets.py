"""Secrets come from environment variables, files, or systemd credentials, and never print."""

from __future__ import annotations

from pathlib import Path

import pytest

from scheduler import secrets
from scheduler.errors import DubanError
from scheduler.model import Secret, SecretRef


def test_env_file_and_credentials_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DUBAN_TEST_SECRET", "from-env")
    assert secrets.resolve(SecretRef(env="DUBAN_TEST_SECRET")).reveal() == "from-env"
    (tmp_path / "smtp").write_text("from-file\n", encoding="utf-8")
    assert secrets.resolve(SecretRef(file=tmp_path / "smtp")).reveal() == "from-file"
    creds = tmp_path / "creds"
    creds.mkdir()
    (creds / "wecom_key").write_text("from-systemd", encoding="utf-8")
    monkeypatch.setenv("CREDENTIALS_DIRECTORY", str(creds))
    assert secrets.resolve(SecretRef(file=Path("/etc/duban/credentials/wecom_key"))).reveal() == "from-systemd"


def test_missing_secret_names_the_reference_not_the_value(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DUBAN_TEST_SECRET", raising=False)
    with pytest.raises(DubanError, match="DUBAN_TEST_SECRET"):
        secrets.resolve(SecretRef(env="DUBAN_TEST_SECRET"))


def test_secret_prints_as_placeholder() -> None:
    secret = Secret("hunter2")
    assert str(secret) == "<secret>" and "hunter2" not in repr(secret) and f"{secret}" == "<secret>"
