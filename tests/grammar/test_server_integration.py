"""The real LanguageTool server: start, reuse, lock, stale state, idle stop, failures."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil
import pytest

from notecheck.grammar import (
    GrammarSettings,
    GrammarUnavailable,
    open_backend,
    server_status,
    start_server,
    stop_server,
)
from notecheck.grammar.paths import state_file
from notecheck.grammar.process import alive, free_port

Leftovers = Callable[[Path], list[psutil.Process]]

pytestmark = pytest.mark.integration

NOTE = "😀 Thank you for meeting me. I has enjoyed the the talk."
CHILD = """
from notecheck.grammar import GrammarSettings, open_backend, server_status
with open_backend(GrammarSettings()) as backend:
    assert backend.check("Thanks for the the talk.", language="en-US")
with open_backend(GrammarSettings()) as backend:
    backend.check("Thanks again.", language="en-US")
print(server_status()["pid"])
"""


def wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


def run_child() -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def child_pid(proc: subprocess.Popen[str]) -> int:
    out, err = proc.communicate(timeout=240)
    assert proc.returncode == 0, err
    return int(out.strip().splitlines()[-1])


def test_known_error_found_at_the_right_offset(lt_cache: Path) -> None:
    with open_backend(GrammarSettings()) as backend:
        assert backend.name.startswith("LanguageTool 6.") and not backend.leaves_machine
        found = {m.rule_id: NOTE[m.offset:m.offset + m.length]
                 for m in backend.check(NOTE, language="en-US")}
    assert found["BASE_FORM"] == "has"
    assert found["ENGLISH_WORD_REPEAT_RULE"] == "the the"
    state = json.loads(state_file().read_text())
    assert {"pid", "port", "url", "version", "started_at", "java_cmd"} <= state.keys()


def test_server_is_reused_across_processes(lt_cache: Path) -> None:
    first = child_pid(run_child())
    second = child_pid(run_child())
    assert first == second == server_status()["pid"]


def test_two_processes_starting_at_once_start_one_server(lt_cache: Path, leftovers: Leftovers) -> None:
    children = [run_child(), run_child()]
    pids = {child_pid(child) for child in children}
    assert len(pids) == 1
    jvms = [p for p in leftovers(lt_cache) if "java" in p.name()]
    assert [p.pid for p in jvms] == list(pids)


def test_state_with_dead_pid_is_replaced(lt_cache: Path) -> None:
    dead = subprocess.Popen(["true"])
    dead.wait()
    port = free_port()
    state_file().write_text(json.dumps({"pid": dead.pid, "supervisor_pid": dead.pid,
                                        "port": port, "url": f"http://127.0.0.1:{port}",
                                        "status": "ready"}))
    with open_backend(GrammarSettings()) as backend:
        assert backend.check(NOTE, language="en-US")
    assert server_status()["pid"] not in (None, dead.pid)


def test_state_whose_port_another_program_took_is_replaced(lt_cache: Path) -> None:
    port = free_port()
    other = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind",
                              "127.0.0.1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert wait_for(lambda: any(c.laddr.port == port for c in
                                    psutil.Process(other.pid).net_connections()), 10)
        state_file().write_text(json.dumps({"pid": other.pid, "supervisor_pid": other.pid,
                                            "port": port, "url": f"http://127.0.0.1:{port}",
                                            "status": "ready"}))
        with open_backend(GrammarSettings()) as backend:
            assert backend.check(NOTE, language="en-US")
            assert f":{port}" not in backend.name
        assert server_status()["port"] != port
        assert other.poll() is None, "a foreign process must never be signalled"
    finally:
        other.kill()
        other.wait()


def test_idle_server_stops_by_itself(lt_cache: Path, leftovers: Leftovers) -> None:
    with open_backend(GrammarSettings(idle_minutes=0.05)) as backend:
        backend.check(NOTE, language="en-US")
    pid = server_status()["pid"]
    assert pid
    assert wait_for(lambda: not alive(pid) and not state_file().exists(), 60)
    assert wait_for(lambda: not leftovers(lt_cache), 15)


def test_idle_minutes_from_environment(lt_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NOTECHECK_LT_IDLE_MINUTES", "7")
    assert start_server()["idle_minutes"] == 7.0


def test_killed_server_mid_batch_raises_unavailable(lt_cache: Path, leftovers: Leftovers) -> None:
    outcomes: list[str] = []
    with open_backend(GrammarSettings(timeout_seconds=20)) as backend:
        pid = server_status()["pid"]

        def one(i: int) -> str:
            try:
                backend.check(f"Thank you for the the interview number {i}.", language="en-US")
                return "ok"
            except GrammarUnavailable:
                return "unavailable"

        with ThreadPoolExecutor(8) as pool:
            futures = [pool.submit(one, i) for i in range(400)]
            assert wait_for(lambda: sum(f.done() for f in futures) >= 10, 60)
            os.kill(pid, signal.SIGKILL)
            outcomes = [f.result(timeout=60) for f in futures]
    assert "unavailable" in outcomes
    assert wait_for(lambda: not server_status()["running"], 30)
    assert wait_for(lambda: not leftovers(lt_cache), 15)


def test_one_shot_server_leaves_nothing_behind(lt_cache: Path, leftovers: Leftovers) -> None:
    with open_backend(GrammarSettings(daemon=False)) as backend:
        assert backend.check(NOTE, language="en-US")
        assert len(leftovers(lt_cache)) == 1
    assert not leftovers(lt_cache)
    assert not state_file().exists()


def test_explicit_url_uses_that_server(lt_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = start_server()["url"]
    with open_backend(GrammarSettings(lt_url=url + "/v2")) as backend:
        assert backend.name == f"LanguageTool at {url}" and not backend.leaves_machine
        assert backend.check(NOTE, language="en-US")
    monkeypatch.setenv("NOTECHECK_LT_URL", url)
    with open_backend(GrammarSettings(daemon=False)) as backend:
        assert backend.name == f"LanguageTool at {url}"


def test_status_start_stop(lt_cache: Path, leftovers: Leftovers) -> None:
    assert server_status()["running"] is False
    status = start_server(idle_minutes=5)
    assert status["running"] and status["rss_mib"] > 50 and status["version"].startswith("6.")
    assert status["idle_minutes"] == 5
    assert stop_server() is True
    assert server_status()["running"] is False
    assert not leftovers(lt_cache)
    assert stop_server() is False


def test_failed_start_leaves_nothing(lt_cache: Path, leftovers: Leftovers, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NOTECHECK_LT_HEAP", "1k")  # the JVM refuses to start
    with pytest.raises(GrammarUnavailable) as failure:
        with open_backend(GrammarSettings()):
            pass
    assert "\n" not in str(failure.value)
    assert not leftovers(lt_cache)
    assert not state_file().exists()


def test_missing_java_says_what_to_install(lt_cache: Path, monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(GrammarUnavailable, match="Java was not found: install a Java 17"):
        with open_backend(GrammarSettings()):
            pass
