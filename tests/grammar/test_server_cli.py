"""The ``server`` and ``languagetool`` command groups (no server needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from notecheck.grammar.cli import register


@pytest.fixture()
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> typer.Typer:
    monkeypatch.setenv("NOTECHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("NOTECHECK_LT_HOME", str(tmp_path / "lt"))
    root = typer.Typer()

    @root.callback()
    def main() -> None:
        """notecheck"""

    register(root)
    return root


def test_status_when_stopped(app: typer.Typer) -> None:
    result = CliRunner().invoke(app, ["server", "status"])
    assert result.exit_code == 0 and result.output.strip() == "LanguageTool server: stopped"
    as_json = CliRunner().invoke(app, ["server", "status", "--json"])
    assert '"running": false' in as_json.output


def test_stop_when_stopped(app: typer.Typer) -> None:
    result = CliRunner().invoke(app, ["server", "stop"])
    assert result.exit_code == 0 and "not running" in result.output


def test_no_java_is_exit_3_with_one_line(app: typer.Typer, monkeypatch: pytest.MonkeyPatch,
                                         tmp_path: Path) -> None:
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    for args in (["server", "start"], ["languagetool", "install"]):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 3, result.output
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("notecheck: error: Java was not found: install")


def test_usage_error_is_exit_2(app: typer.Typer) -> None:
    assert CliRunner().invoke(app, ["server", "start", "--idle-minutes", "0"]).exit_code == 2
    assert CliRunner().invoke(app, ["server", "bogus"]).exit_code == 2
