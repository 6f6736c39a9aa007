"""The shared, warm LanguageTool server and the one-shot private server.

The shared server is owned by a detached supervisor process
(``python -m notecheck.grammar.supervisor``) which starts the JVM, warms it up,
records it in the state file and stops it after an idle period. Clients find
it through the state file, health-check it and touch the "last used" stamp.
Starting and stopping happen under an ``fcntl.flock`` so concurrent notecheck
processes never start two servers.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import paths, process
from .client import healthy, probe
from .java import require_java
from .model import GrammarUnavailable, ProgressCallback, report
from .provision import ensure_installed

IDLE_ENV = "NOTECHECK_LT_IDLE_MINUTES"
START_TIMEOUT_ENV = "NOTECHECK_LT_START_TIMEOUT"
DEFAULT_IDLE_MINUTES = 30.0
DEFAULT_START_TIMEOUT = 180.0

State = dict[str, Any]


def idle_minutes(requested: float | None = None) -> float:
    """Explicit value, else ``$NOTECHECK_LT_IDLE_MINUTES``, else 30."""
    if requested is not None:
        return float(requested)
    try:
        return float(os.environ.get(IDLE_ENV, DEFAULT_IDLE_MINUTES))
    except ValueError:
        return DEFAULT_IDLE_MINUTES


def start_timeout() -> float:
    try:
        return float(os.environ.get(START_TIMEOUT_ENV, DEFAULT_START_TIMEOUT))
    except ValueError:
        return DEFAULT_START_TIMEOUT


# --- state file -------------------------------------------------------------

def read_state() -> State | None:
    try:
        data = json.loads(paths.state_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def write_state(state: State) -> None:
    target = paths.state_file()
    paths.ensure_dir(target.parent)
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(state, indent=2), encoding="utf-8")
    os.replace(tmp, target)


def remove_state(pid: int | None = None) -> None:
    """Delete the state file (only if it still names ``pid``, when given)."""
    current = read_state()
    if pid is not None and current is not None and current.get("pid") != pid:
        return
    paths.state_file().unlink(missing_ok=True)


def touch_last_used() -> None:
    stamp = paths.last_used_file()
    try:
        os.utime(stamp)
    except FileNotFoundError:
        paths.ensure_dir(stamp.parent)
        stamp.touch()
    except OSError:
        pass


def assess(state: State, *, is_server: Callable[[int | None, int | None], bool],
           is_alive: Callable[[int | None], bool],
           answers: Callable[[str], bool]) -> str:
    """``"ready"``, ``"starting"`` or ``"stale"`` for a recorded server.

    Stale: the JVM is gone, or its port is answered by something that is not
    this LanguageTool (another program took the port).
    """
    pid, port, url = state.get("pid"), state.get("port"), state.get("url")
    if not isinstance(url, str) or not is_server(pid, port):
        return "stale"
    if state.get("status") == "starting":
        return "starting" if is_alive(state.get("supervisor_pid")) else "stale"
    return "ready" if answers(url) else "stale"


def _assess(state: State) -> str:
    return assess(state, is_server=process.is_server_process,
                  is_alive=process.is_supervisor_process,
                  answers=lambda url: healthy(url) or probe(url))


def _discard(state: State) -> None:
    """End whatever a stale record still has running (never a foreign pid), then forget it."""
    if process.is_supervisor_process(state.get("supervisor_pid")):
        process.terminate(state.get("supervisor_pid"), grace=5)
    if process.is_server_process(state.get("pid"), state.get("port")):
        process.terminate(state.get("pid"), grace=5)
    remove_state()


# --- shared server ------------------------------------------------------------

def ensure_server(*, idle: float | None = None, progress: ProgressCallback | None = None,
                  timeout: float | None = None) -> State:
    """The ready shared server, started (and LanguageTool installed) if needed."""
    limit = start_timeout() if timeout is None else timeout
    with paths.file_lock(paths.lock_file()):
        state = read_state()
        if state is not None:
            verdict = _assess(state)
            if verdict == "starting":
                state = _wait_for_ready(int(state["supervisor_pid"]), limit, None)
                verdict = "ready"
            if verdict == "ready":
                touch_last_used()
                return state
            _discard(state)
        install_dir = ensure_installed(progress)
        java = require_java()
        report(progress, "Starting LanguageTool server", None, None)
        supervisor = _spawn_supervisor(install_dir, java, idle_minutes(idle), limit)
        try:
            state = _wait_for_ready(supervisor.pid, limit, supervisor)
        except BaseException:
            process.terminate(supervisor.pid, grace=5)
            stale = read_state()
            if stale is not None and stale.get("supervisor_pid") == supervisor.pid:
                _discard(stale)
            raise
        report(progress, "LanguageTool server ready", 1, 1)
        return state


def _spawn_supervisor(install_dir: Path, java: str, idle: float,
                      limit: float) -> subprocess.Popen[bytes]:
    cache = paths.ensure_dir(paths.cache_dir())
    touch_last_used()
    package_root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ, **{paths.CACHE_ENV: str(cache)})
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (package_root, os.environ.get("PYTHONPATH", "")) if p)
    cmd = [sys.executable, "-m", process.SUPERVISOR_MODULE, "--install-dir",
           str(install_dir), "--java", java, "--idle-minutes", repr(idle),
           "--start-timeout", repr(limit)]
    with open(paths.server_log(), "wb") as log:  # one server's log at a time
        return subprocess.Popen(cmd, cwd=cache, env=env, stdin=subprocess.DEVNULL,
                                stdout=log, stderr=log, close_fds=True, start_new_session=True)


def _wait_for_ready(supervisor_pid: int, limit: float,
                    child: subprocess.Popen[bytes] | None) -> State:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        state = read_state()
        if state and state.get("supervisor_pid") == supervisor_pid:
            if state.get("status") == "ready":
                touch_last_used()
                return state
        running = child.poll() is None if child is not None else process.alive(supervisor_pid)
        if not running:
            raise GrammarUnavailable(
                f"LanguageTool server failed to start: {process.failure_reason(paths.server_log())}")
        time.sleep(0.1)
    raise GrammarUnavailable(f"LanguageTool server did not start within {limit:g}s")


def start_server(*, idle: float | None = None,
                 progress: ProgressCallback | None = None) -> dict[str, Any]:
    """Start (or reuse) the shared server; returns ``server_status()``."""
    ensure_server(idle=idle, progress=progress)
    return server_status()


def stop_server() -> bool:
    """Stop the shared server; True when one was running."""
    with paths.file_lock(paths.lock_file()):
        state = read_state()
        if state is None:
            return False
        running = process.is_server_process(state.get("pid"), state.get("port"))
        _discard(state)
        return running


def server_status() -> dict[str, Any]:
    """running, pid, port, url, version, uptime, idle settings, memory RSS."""
    state = read_state() or {}
    running = bool(state) and _assess(state) != "stale"
    now = time.time()
    try:
        idle_for = (now - paths.last_used_file().stat().st_mtime) / 60.0
    except OSError:
        idle_for = None
    rss_mib = None
    if running:
        import psutil
        try:
            rss_mib = psutil.Process(int(state["pid"])).memory_info().rss / 2**20
        except (psutil.Error, KeyError, ValueError):
            rss_mib = None
    started = state.get("started_at")
    return {
        "running": running,
        "status": state.get("status") if running else "stopped",
        "pid": state.get("pid") if running else None,
        "supervisor_pid": state.get("supervisor_pid") if running else None,
        "port": state.get("port") if running else None,
        "url": state.get("url") if running else None,
        "version": state.get("version"),
        "started_at": started if running else None,
        "uptime_seconds": round(now - started, 1) if running and started else None,
        "idle_minutes": state.get("idle_minutes", idle_minutes()),
        "idle_for_minutes": round(idle_for, 2) if running and idle_for is not None else None,
        "rss_mib": round(rss_mib, 1) if rss_mib is not None else None,
        "state_file": str(paths.state_file()),
    }
