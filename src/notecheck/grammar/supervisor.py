"""Detached owner of the shared LanguageTool JVM.

Started by ``server.ensure_server`` in a new session; it launches the JVM,
waits until it is healthy, warms it up, records it in the state file, then
watches: when the "last used" stamp is older than the idle limit, or on
SIGTERM, it stops the JVM and removes the state file; if the JVM dies it
removes the state file and exits.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from pathlib import Path
from types import FrameType

from . import paths, process
from .model import GrammarUnavailable
from .server import remove_state, touch_last_used, write_state

_stop_requested = False


def _request_stop(signum: int, frame: FrameType | None) -> None:
    global _stop_requested
    _stop_requested = True


def idle_seconds() -> float:
    try:
        return time.time() - os.lstat(paths.last_used_file()).st_mtime
    except OSError:
        return 0.0


def run(install_dir: Path, java: str, idle_minutes: float, start_timeout: float) -> int:
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, _request_stop)
    cache = paths.state_dir()
    port = process.free_port()
    config = process.write_server_config(paths.server_config())
    cmd = process.java_command(java, install_dir, port, config, cache)
    url = f"http://127.0.0.1:{port}"
    jvm = process.launch_jvm(cmd, paths.server_log())
    state = {"pid": jvm.pid, "supervisor_pid": os.getpid(), "port": port, "url": url,
             "version": None, "status": "starting", "started_at": time.time(),
             "idle_minutes": idle_minutes, "java_cmd": cmd, "install_dir": str(install_dir),
             "cache": str(cache)}
    write_state(state)
    try:
        process.wait_until_ready(url, lambda: jvm.poll() is None and not _stop_requested,
                                 start_timeout, paths.server_log())
        state["version"] = process.warm_up(url, start_timeout)
        state["status"] = "ready"
        if _stop_requested:
            return 0
        touch_last_used()  # the idle period starts when the server is ready
        write_state(state)
        limit = idle_minutes * 60.0
        poll = min(0.5, max(0.1, limit / 4))
        while not _stop_requested and jvm.poll() is None and idle_seconds() < limit:
            time.sleep(poll)
        return 0
    except GrammarUnavailable as exc:
        print(f"notecheck supervisor: {exc}", file=sys.stderr, flush=True)
        return 1
    finally:
        remove_state(jvm.pid)
        process.terminate(jvm.pid, grace=10)
        jvm.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m notecheck.grammar.supervisor")
    parser.add_argument("--cache-dir", type=Path, required=True)
    parser.add_argument("--install-dir", type=Path, required=True)
    parser.add_argument("--java", required=True)
    parser.add_argument("--idle-minutes", type=float, required=True)
    parser.add_argument("--start-timeout", type=float, default=180.0)
    args = parser.parse_args(argv)
    os.environ[paths.CACHE_ENV] = str(args.cache_dir)  # marks this process as the cache directory's too
    return run(args.install_dir, args.java, args.idle_minutes, args.start_timeout)


if __name__ == "__main__":
    raise SystemExit(main())
