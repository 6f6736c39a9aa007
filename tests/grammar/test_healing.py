"""State that heals, against the real server: one JVM per cache directory whatever the state file
says, `server stop` ends any server of its cache directory, a hung server is reported as hung."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import psutil
import pytest

from notecheck.grammar import GrammarSettings, open_backend, server_status, start_server, stop_server
from notecheck.grammar.paths import CACHE_ENV, server_log, state_file
from notecheck.grammar.process import alive
from test_cli import EXE

Leftovers = Callable[[Path], list[psutil.Process]]

pytestmark = pytest.mark.integration

TEXT = "Thank you for the the talk."


def jvms(leftovers: Leftovers, cache: Path) -> list[int]:
    return sorted(p.pid for p in leftovers(cache) if "java" in p.name())


def check_once() -> None:
    with open_backend(GrammarSettings(timeout_seconds=30)) as backend:
        assert any(m.rule_id == "ENGLISH_WORD_REPEAT_RULE" for m in backend.check(TEXT, language="en-US"))


def status_line(cache: Path) -> str:
    done = subprocess.run([EXE, "server", "status"], capture_output=True, text=True, timeout=60,
                          env={**os.environ, CACHE_ENV: str(cache)})
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.mark.parametrize("garbage", ["{not json", '{"pid": "x", "port": [], "url": 5}', "[]"])
def test_a_corrupt_state_file_never_leads_to_a_second_server(lt_cache: Path, leftovers: Leftovers,
                                                             garbage: str) -> None:
    first = start_server()["pid"]
    assert stat.S_IMODE(os.stat(state_file()).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(server_log()).st_mode) == 0o600
    state_file().write_text(garbage)
    check_once()  # the old server is ended before a new one starts
    assert not alive(first)
    assert jvms(leftovers, lt_cache) == [server_status()["pid"]]
    assert stop_server() is True
    assert not leftovers(lt_cache)


def test_stop_finds_a_server_whose_state_file_is_gone(lt_cache: Path, leftovers: Leftovers) -> None:
    pid = start_server()["pid"]
    state_file().unlink()
    status = server_status()
    assert status["running"] and status["status"] == "unrecorded" and status["pid"] == pid
    assert "unrecorded" in status_line(lt_cache)
    assert stop_server() is True
    assert not leftovers(lt_cache)


def test_a_state_file_naming_another_cache_directorys_server_never_gets_it_killed(
        lt_cache: Path, leftovers: Leftovers, monkeypatch: pytest.MonkeyPatch) -> None:
    theirs = start_server()
    other = lt_cache.parent / (lt_cache.name + "-other")
    other.mkdir()
    monkeypatch.setenv(CACHE_ENV, str(other))
    try:
        copied = {**theirs, "cache": str(other), "status": "ready", "supervisor_pid": theirs["supervisor_pid"]}
        (other / "lt-server.json").write_text(json.dumps(copied))
        assert server_status()["running"] is False
        assert stop_server() is False
        check_once()
        mine = server_status()["pid"]
        assert mine != theirs["pid"] and alive(theirs["pid"])
    finally:
        stop_server()
        monkeypatch.setenv(CACHE_ENV, str(lt_cache))
    assert alive(theirs["pid"]) and jvms(leftovers, lt_cache) == [theirs["pid"]]


def test_a_hung_server_is_reported_as_hung_and_replaced(lt_cache: Path, leftovers: Leftovers) -> None:
    pid = start_server()["pid"]
    os.kill(pid, signal.SIGSTOP)
    try:
        started = time.monotonic()
        status = server_status()
        assert status["running"] and status["status"] == "hung" and status["pid"] == pid
        assert time.monotonic() - started < 10
        assert status_line(lt_cache).startswith(f"LanguageTool server: hung (pid {pid},")
        check_once()  # a hung server is stopped, then a fresh one answers
        assert not alive(pid)
        assert jvms(leftovers, lt_cache) == [server_status()["pid"]]
    finally:
        if alive(pid):
            os.kill(pid, signal.SIGCONT)
    assert stop_server() is True
    assert not leftovers(lt_cache)


def test_stop_ends_a_hung_server(lt_cache: Path, leftovers: Leftovers) -> None:
    pid = start_server()["pid"]
    os.kill(pid, signal.SIGSTOP)
    assert stop_server() is True
    assert not alive(pid) and not leftovers(lt_cache)


def test_a_server_stopped_mid_run_costs_one_deadline_not_one_per_note(lt_cache: Path, leftovers: Leftovers) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from notecheck.grammar import GrammarUnavailable

    with open_backend(GrammarSettings(timeout_seconds=10, deadline_seconds=60)) as backend:
        assert backend.check(TEXT, language="en-US")
        pid = server_status()["pid"]
        os.kill(pid, signal.SIGSTOP)
        try:
            def one(number: int) -> str:
                try:
                    backend.check(f"{TEXT} Note {number}.", language="en-US")
                    return "answered"
                except GrammarUnavailable as exc:
                    return str(exc)

            started = time.monotonic()
            with ThreadPoolExecutor(8) as pool:
                outcomes = list(pool.map(one, range(100)))
            elapsed = time.monotonic() - started
        finally:
            os.kill(pid, signal.SIGCONT)
    assert all(o.startswith("timed out") for o in outcomes), outcomes[:3]
    assert elapsed < 25  # one 10 s request deadline; 8 connections x 30 s and no total took 390 s for 100 notes
    assert stop_server() is True
    assert not leftovers(lt_cache)
