"""Fixtures for grammar tests.

Integration tests share one LanguageTool installation (``lt_home()`` as the
environment gives it, installed from Maven Central if missing: a missing
LanguageTool is a failure, never a skip) while each test gets its own state
directory (``NOTECHECK_CACHE_DIR``), so servers never mix. At the end of the
session every server is stopped and no LanguageTool JVM or supervisor started
under the session's state directories may remain.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import psutil
import pytest

from notecheck.grammar import install_languagetool, stop_server
from notecheck.grammar.paths import CACHE_ENV, LT_HOME_ENV, lt_home
from notecheck.grammar.process import CACHE_MARKER, SERVER_CLASS, SUPERVISOR_MODULE


def leftover_processes(base: Path) -> list[psutil.Process]:
    """LanguageTool JVMs and supervisors whose state lives under ``base``."""
    found = []
    for proc in psutil.process_iter(["cmdline", "status"]):
        cmdline = proc.info["cmdline"] or []
        if proc.info["status"] == psutil.STATUS_ZOMBIE:
            continue
        jvm = SERVER_CLASS in cmdline and any(
            arg.startswith(CACHE_MARKER + str(base)) for arg in cmdline)
        cache = cmdline[cmdline.index("--cache-dir") + 1:][:1] if "--cache-dir" in cmdline else []
        supervisor = SUPERVISOR_MODULE in cmdline and bool(cache) and cache[0].startswith(str(base))
        if jvm or supervisor:
            found.append(proc)
    return found


@pytest.fixture(scope="session")
def lt_base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    saved = {key: os.environ.get(key) for key in (LT_HOME_ENV, "NOTECHECK_LT_SOURCE")}
    os.environ[LT_HOME_ENV] = str(lt_home())
    os.environ.setdefault("NOTECHECK_LT_SOURCE", "maven")
    install_languagetool()
    base = tmp_path_factory.mktemp("lt-state")
    yield base
    for state_dir in base.iterdir():
        os.environ[CACHE_ENV] = str(state_dir)
        stop_server()
    os.environ.pop(CACHE_ENV, None)
    leftovers = leftover_processes(base)
    for proc in leftovers:
        proc.kill()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    assert not leftovers, f"orphaned LanguageTool processes: {[p.pid for p in leftovers]}"


@pytest.fixture()
def leftovers() -> Callable[[Path], list[psutil.Process]]:
    """``leftover_processes`` for tests (test modules here are not a package)."""
    return leftover_processes


@pytest.fixture()
def lt_cache(lt_base: Path, monkeypatch: pytest.MonkeyPatch,
             request: pytest.FixtureRequest) -> Iterator[Path]:
    """A private notecheck cache (server state) for one test."""
    state_dir = lt_base / re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)[:80]
    state_dir.mkdir()
    monkeypatch.setenv(CACHE_ENV, str(state_dir))
    monkeypatch.delenv("NOTECHECK_LT_URL", raising=False)
    monkeypatch.delenv("NOTECHECK_LT_IDLE_MINUTES", raising=False)
    yield state_dir
    stop_server()
