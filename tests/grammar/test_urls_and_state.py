"""Remote URLs, settings resolution, paths, Java detection and stale-state logic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from notecheck.grammar import GrammarBackend, GrammarSettings, GrammarUnavailable, LanguageToolBackend
from notecheck.grammar.backend import resolve_idle, resolve_url
from notecheck.grammar.client import is_public_api, leaves_machine, normalize_url
from notecheck.grammar.java import parse_java_major
from notecheck.grammar.paths import cache_dir, lt_home
from notecheck.grammar.process import java_command
from notecheck.grammar.server import assess


@pytest.mark.parametrize(("url", "leaves"), [
    ("http://127.0.0.1:8081", False), ("http://localhost:8081/v2", False),
    ("http://[::1]:8081", False), ("127.0.0.2:9000", False),
    ("https://api.languagetool.org", True), ("http://10.0.0.5:8081", True),
    ("https://lt.example.com/v2/check", True)])
def test_leaves_machine(url: str, leaves: bool) -> None:
    assert leaves_machine(url) is leaves
    assert LanguageToolBackend(url).leaves_machine is leaves


@pytest.mark.parametrize(("url", "base"), [
    ("http://127.0.0.1:8081/v2/check", "http://127.0.0.1:8081"),
    ("http://127.0.0.1:8081/v2/", "http://127.0.0.1:8081"),
    ("localhost:8010", "http://localhost:8010"),
    ("https://lt.example.com/proxy/v2", "https://lt.example.com/proxy")])
def test_normalize_url(url: str, base: str) -> None:
    assert normalize_url(url) == base


def test_bad_url_is_unavailable() -> None:
    with pytest.raises(GrammarUnavailable):
        normalize_url("ftp://example.com")


def test_public_api_is_named() -> None:
    backend = LanguageToolBackend("https://api.languagetool.org/v2")
    assert is_public_api(backend.url)
    assert backend.name == "LanguageTool at https://api.languagetool.org (public API)"
    local = LanguageToolBackend("http://127.0.0.1:8123", version="6.8")
    assert local.name == "LanguageTool 6.8 at http://127.0.0.1:8123"


def test_url_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NOTECHECK_LT_URL", raising=False)
    assert resolve_url(GrammarSettings()) is None
    monkeypatch.setenv("NOTECHECK_LT_URL", "http://127.0.0.1:9")
    assert resolve_url(GrammarSettings()) == "http://127.0.0.1:9"
    assert resolve_url(GrammarSettings(lt_url="http://127.0.0.1:7")) == "http://127.0.0.1:7"


def test_idle_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NOTECHECK_LT_IDLE_MINUTES", raising=False)
    assert resolve_idle(GrammarSettings()) == 30.0
    monkeypatch.setenv("NOTECHECK_LT_IDLE_MINUTES", "5")
    assert resolve_idle(GrammarSettings()) == 5.0
    assert resolve_idle(GrammarSettings(idle_minutes=2)) == 2.0


def test_cache_dir_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("NOTECHECK_CACHE_DIR", raising=False)
    monkeypatch.delenv("NOTECHECK_LT_HOME", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "notecheck"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache_dir() == tmp_path / ".cache" / "notecheck"
    monkeypatch.setenv("NOTECHECK_CACHE_DIR", str(tmp_path / "c"))
    assert cache_dir() == tmp_path / "c"
    assert lt_home() == tmp_path / "c" / "languagetool"
    monkeypatch.setenv("NOTECHECK_LT_HOME", str(tmp_path / "lt"))
    assert lt_home() == tmp_path / "lt"


@pytest.mark.parametrize(("output", "major"), [
    ('openjdk version "17.0.15" 2025-04-15', 17), ('java version "1.8.0_392"', 8),
    ('openjdk version "21" 2023-09-19', 21), ("openjdk 11.0.2 2019-01-15", 11), ("nope", None)])
def test_java_version(output: str, major: int | None) -> None:
    assert parse_java_major(output) == major


def test_java_command_stays_private(tmp_path: Path) -> None:
    cmd = java_command("java", tmp_path, 8123, tmp_path / "cfg", tmp_path)
    assert "org.languagetool.server.HTTPServer" in cmd
    assert not {"--public", "--allow-origin", "--stoppable", "-jar"} & set(cmd)
    assert cmd[cmd.index("-cp") + 1].endswith("libs/*")
    assert any(arg.startswith("-Xmx") for arg in cmd)


STATE = {"pid": 100, "supervisor_pid": 99, "port": 8123, "url": "http://127.0.0.1:8123",
         "status": "ready"}


def verdict(state: dict[str, object], *, server: bool = True, supervisor: bool = True,
            answers: bool = True) -> str:
    return assess(state, is_server=lambda pid, port: server,
                  is_alive=lambda pid: supervisor, answers=lambda url: answers)


def test_live_server_is_reused() -> None:
    assert verdict(STATE) == "ready"


def test_dead_pid_is_stale() -> None:
    assert verdict(STATE, server=False) == "stale"


def test_our_server_that_does_not_answer_is_hung() -> None:
    assert verdict(STATE, answers=False) == "hung"


def test_starting_server_is_waited_for_unless_its_supervisor_died() -> None:
    starting = dict(STATE, status="starting")
    assert verdict(starting, answers=False) == "starting"
    assert verdict(starting, supervisor=False) == "stale"


def test_garbage_state_is_stale() -> None:
    assert verdict({"pid": "x"}) == "stale"


def test_backend_satisfies_the_protocol() -> None:
    backend: GrammarBackend = LanguageToolBackend("http://127.0.0.1:8123")
    assert isinstance(backend, GrammarBackend)


def test_import_is_lazy() -> None:
    code = ("import sys, notecheck.grammar; "
            "print(sorted(m for m in ('requests', 'language_tool_python', 'psutil') "
            "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
