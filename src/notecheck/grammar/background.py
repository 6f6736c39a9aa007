"""Starting the shared LanguageTool server without waiting for it (``grammar-engine = "auto"``).

``ready_server()`` answers at once: the shared server's state when it is ready, else ``None``.
``start_in_background()`` hands the start (and, on first use, the installation) to a detached
``python -m notecheck.grammar.background`` process, unless one is already under way, so this run can
be proofread by Harper and the next one finds LanguageTool warm.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import subprocess
import sys

from . import paths


def ready_server() -> dict[str, object] | None:
    """The shared server's state if it is ready now; never starts or waits for anything."""
    from .server import _assess, read_state, touch_last_used

    state = read_state()
    if state is None or state.get("status") != "ready" or _assess(state) != "ready":
        return None
    touch_last_used()
    return state


def _busy() -> bool:
    """True while another process holds the start/stop lock (a start is under way)."""
    from notecheck import trust

    lock = paths.lock_file()
    fd = trust.open_private(lock, os.O_RDWR | os.O_CREAT)  # never through a link, 0600
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
    return False


def start_in_background(idle_minutes: float) -> bool:
    """Start the shared server in a detached process; False when a start is already under way.

    Like the supervisor, the process runs with ``python -P`` from ``/``: nothing in the cache directory
    (or wherever notecheck ran) is imported.
    """
    from .server import _import_path, read_state

    cache = paths.state_dir()  # UnsafePathError when another user could write to it
    state = read_state()
    if (state is not None and state.get("status") == "starting") or _busy():
        return False
    env = dict(os.environ, **{paths.CACHE_ENV: str(cache), "PYTHONPATH": _import_path()})
    subprocess.Popen([sys.executable, "-P", "-m", __name__, "--idle-minutes", repr(idle_minutes)], cwd="/", env=env,
                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                     close_fds=True, start_new_session=True)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m notecheck.grammar.background")
    parser.add_argument("--idle-minutes", type=float, required=True)
    args = parser.parse_args(argv)
    from notecheck.errors import NotecheckError

    from .server import ensure_server

    try:
        ensure_server(idle=args.idle_minutes)
    except (NotecheckError, OSError):
        return 1  # the next run tries again, and says why if LanguageTool is asked for by name
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
