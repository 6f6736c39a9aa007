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

from notecheck import trust

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

_STATE_TYPES: dict[str, type | tuple[type, ...]] = {
    "pid": int, "supervisor_pid": int, "port": int, "url": str, "status": str, "cache": str,
    "started_at": (int, float), "idle_minutes": (int, float), "version": (str, type(None)),
}


def valid_state(data: object, cache: Path) -> bool:
    """A state record of this cache directory whose fields have their types and agree with each other."""
    if not isinstance(data, dict):
        return False
    for key, kind in _STATE_TYPES.items():
        value = data.get(key)
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            return False
    return (data["status"] in ("starting", "ready") and 0 < data["port"] < 65536 and data["pid"] > 0
            and data["supervisor_pid"] > 0 and data["url"] == f"http://127.0.0.1:{data['port']}"
            and data["cache"] == str(cache))


def read_state() -> State | None:
    """The recorded server, or None when there is none or the record is unusable (corrupt, another
    cache directory's, not a private file): a state that is not trusted is never acted on."""
    text = trust.read_private(paths.state_file(), limit=65536)
    if text is None:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if valid_state(data, paths.cache_dir()) else None


def write_state(state: State) -> None:
    trust.write_private(paths.state_file(), json.dumps(state, indent=2))


def remove_state(pid: int | None = None) -> None:
    """Delete the state file (only if it still names ``pid``, when given)."""
    if pid is not None:
        text = trust.read_private(paths.state_file(), limit=65536) or ""
        try:
            if json.loads(text).get("pid") != pid:
                return
        except (ValueError, AttributeError):
            return
    paths.state_file().unlink(missing_ok=True)


def touch_last_used() -> None:
    try:
        trust.touch_private(paths.last_used_file())
    except OSError:
        pass


def assess(state: State, *, is_server: Callable[[int | None, int | None], bool],
           is_alive: Callable[[int | None], bool],
           answers: Callable[[str], bool]) -> str:
    """``"ready"``, ``"starting"``, ``"hung"`` or ``"stale"`` for a recorded server.

    Stale: the recorded pid is not this user's LanguageTool of this cache directory on the recorded
    port. Hung: it is, but it does not answer (stopped, or stuck).
    """
    pid, port, url = state.get("pid"), state.get("port"), state.get("url")
    if not isinstance(url, str) or not is_server(pid, port):
        return "stale"
    if state.get("status") == "starting":
        return "starting" if is_alive(state.get("supervisor_pid")) else "stale"
    return "ready" if answers(url) else "hung"


def _assess(state: State) -> str:
    cache = paths.cache_dir()
    return assess(state, is_server=lambda pid, port: process.is_server_process(pid, port, cache),
                  is_alive=lambda pid: process.is_supervisor_process(pid, cache),
                  answers=lambda url: not process.stopped(state.get("pid")) and (healthy(url) or probe(url)))


def _stop_all(state: State | None) -> bool:
    """End this cache directory's supervisors and JVMs, recorded or not (never another's), and forget
    the record. True when something was running."""
    cache = paths.cache_dir()
    jvms, supervisors = process.find_processes(cache)
    if state is not None:  # a live record's processes are found by the scan as well; never a foreign pid
        if process.is_supervisor_process(state["supervisor_pid"], cache):
            supervisors.append(state["supervisor_pid"])
        if process.is_server_process(state["pid"], None, cache):
            jvms.append(state["pid"])
    supervisors, jvms = sorted(set(supervisors)), sorted(set(jvms))
    process.terminate_all(supervisors, grace=10)  # each stops its own JVM first
    process.terminate_all([p for p in jvms if process.alive(p)], grace=5)
    paths.state_file().unlink(missing_ok=True)
    return bool(jvms or supervisors)


# --- shared server ------------------------------------------------------------

def ensure_server(*, idle: float | None = None, progress: ProgressCallback | None = None,
                  timeout: float | None = None) -> State:
    """The ready shared server, started (and LanguageTool installed) if needed.

    Whatever the state file says, there is never more than one JVM per cache directory: a record that
    is missing, corrupt, stale or names a hung server has every process of this cache directory
    stopped before a new one starts.
    """
    limit = start_timeout() if timeout is None else timeout
    paths.state_dir()
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
        _stop_all(state)
        install_dir = ensure_installed(progress)
        java = require_java()
        report(progress, "Starting LanguageTool server", None, None)
        supervisor = _spawn_supervisor(install_dir, java, idle_minutes(idle), limit)
        try:
            state = _wait_for_ready(supervisor.pid, limit, supervisor)
        except BaseException:
            process.terminate(supervisor.pid, grace=5)
            stale = read_state()
            if stale is None or stale.get("supervisor_pid") == supervisor.pid:
                _stop_all(stale)
            raise
        report(progress, "LanguageTool server ready", 1, 1)
        return state


def _import_path() -> str:
    """PYTHONPATH for the supervisor: where this notecheck was imported from, then the caller's own
    absolute entries (relative ones would name the working directory)."""
    package_root = str(Path(__file__).resolve().parents[2])
    inherited = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if os.path.isabs(p)]
    return os.pathsep.join(dict.fromkeys([package_root, *inherited]))


def _spawn_supervisor(install_dir: Path, java: str, idle: float,
                      limit: float) -> subprocess.Popen[bytes]:
    cache = paths.state_dir()
    touch_last_used()
    env = dict(os.environ, **{paths.CACHE_ENV: str(cache), "PYTHONPATH": _import_path()})
    # -P: neither the working directory nor a script's folder goes on sys.path, and the working
    # directory is "/": nothing in the cache directory (or wherever notecheck was run) is imported
    cmd = [sys.executable, "-P", "-m", process.SUPERVISOR_MODULE, "--cache-dir", str(cache),
           "--install-dir", str(install_dir), "--java", java, "--idle-minutes", repr(idle),
           "--start-timeout", repr(limit)]
    log = paths.open_log(paths.server_log())  # one server's log at a time
    try:
        return subprocess.Popen(cmd, cwd="/", env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                close_fds=True, start_new_session=True)
    finally:
        os.close(log)


def _wait_for_ready(supervisor_pid: int, limit: float,
                    child: subprocess.Popen[bytes] | None) -> State:
    deadline = time.monotonic() + limit
    cache = paths.cache_dir()
    while time.monotonic() < deadline:
        state = read_state()
        if state and state.get("supervisor_pid") == supervisor_pid:
            if state.get("status") == "ready":
                touch_last_used()
                return state
        running = child.poll() is None if child is not None else process.is_supervisor_process(
            supervisor_pid, cache)
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
    """Stop every server of this cache directory, recorded or not; True when one was running."""
    paths.state_dir()
    with paths.file_lock(paths.lock_file()):
        return _stop_all(read_state())


def server_status() -> dict[str, Any]:
    """running, status (ready, starting, hung, unrecorded or stopped), pid, port, url, version, uptime,
    idle settings, memory RSS."""
    paths.state_dir()
    state = read_state() or {}
    verdict = _assess(state) if state else "stale"
    if verdict == "stale":
        jvms, _ = process.find_processes(paths.cache_dir())
        state = {}
        if jvms:  # running without a usable record: `server stop` ends it
            port = process.server_port(jvms[0])
            state = {"pid": jvms[0], "port": port, "url": f"http://127.0.0.1:{port}" if port else None}
            verdict = "hung" if process.stopped(jvms[0]) else "unrecorded"
    running = bool(state)
    now = time.time()
    try:
        idle_for = (now - os.lstat(paths.last_used_file()).st_mtime) / 60.0
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
        "status": verdict if running else "stopped",
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
