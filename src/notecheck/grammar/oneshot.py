"""The one-shot private LanguageTool server (``--no-daemon``).

Started for one process, never recorded in the state file, killed on exit
(also when the process is killed: the JVM gets SIGKILL with its parent).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from . import paths, process
from .java import require_java
from .model import ProgressCallback, report
from .provision import ensure_installed
from .server import start_timeout


@contextmanager
def private_server(*, progress: ProgressCallback | None = None,
                   timeout: float | None = None) -> Iterator[tuple[str, str | None]]:
    """A server for this process only, killed on exit: yields ``(url, version)``."""
    install_dir = ensure_installed(progress)
    java = require_java()
    limit = start_timeout() if timeout is None else timeout
    port = process.free_port()
    cache = paths.state_dir()
    config = process.write_server_config(cache / f"lt-private-{os.getpid()}.cfg")
    log = cache / f"lt-private-{os.getpid()}.log"
    url = f"http://127.0.0.1:{port}"
    report(progress, "Starting private LanguageTool server", None, None)
    jvm = process.launch_jvm(process.java_command(java, install_dir, port, config, cache), log)
    try:
        process.wait_until_ready(url, lambda: jvm.poll() is None, limit, log)
        version = process.warm_up(url, limit)
        report(progress, "LanguageTool server ready", 1, 1)
        yield url, version
    finally:
        process.terminate(jvm.pid, grace=5)
        jvm.wait()
        for leftover in (config, process.logback_path(config), log):
            leftover.unlink(missing_ok=True)
