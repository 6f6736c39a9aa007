"""Java and JVM process helpers: find Java, launch, probe and end a server."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from notecheck import trust

from . import paths
from .client import LanguageToolClient, healthy
from .model import GrammarUnavailable

SERVER_CLASS = "org.languagetool.server.HTTPServer"
SUPERVISOR_MODULE = "notecheck.grammar.supervisor"
CACHE_MARKER = "-Dnotecheck.cache="
DEFAULT_HEAP = "768m"
WARM_UP_TEXT = "Thank you for taking the time to meet with me yesterday. I has enjoyed it."
SERVER_CONFIG = """\
# Written by notecheck; read by org.languagetool.server.HTTPServer.
pipelineCaching=true
maxPipelinePoolSize=64
pipelineExpireTimeInSeconds=3600
cacheSize=2000
cacheTTLSeconds=600
maxCheckThreads={threads}
maxTextLength=100000
maxCheckTimeMillis=60000
"""


LOGBACK_CONFIG = """\
<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by notecheck: warnings and errors only (no line per request). -->
<configuration>
  <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger %msg%n</pattern></encoder>
  </appender>
  <root level="warn"><appender-ref ref="STDOUT"/></root>
</configuration>
"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def classpath(install_dir: Path) -> str:
    parts = [str(install_dir / "languagetool-server.jar")] \
        if (install_dir / "languagetool-server.jar").is_file() else []
    parts.append(str(install_dir / "libs") + os.sep + "*")
    return os.pathsep.join(parts)


def java_command(java: str, install_dir: Path, port: int, config: Path,
                 cache: Path) -> list[str]:
    """The JVM command line: loopback only, never --public/--allow-origin."""
    heap = os.environ.get("NOTECHECK_LT_HEAP", DEFAULT_HEAP)
    logging = [f"-Dlogback.configurationFile={logback_path(config)}"] \
        if logback_path(config).is_file() else []
    # nodelay: answer in one go instead of holding the last segment for the client's delayed ACK (~40 ms)
    return [java, f"-Xmx{heap}", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8", "-Dsun.net.httpserver.nodelay=true",
            *logging,
            f"{CACHE_MARKER}{cache}", "-cp", classpath(install_dir), SERVER_CLASS,
            "--port", str(port), "--config", str(config)]


def logback_path(config: Path) -> Path:
    return config.with_suffix(".logback.xml")


def write_server_config(path: Path) -> Path:
    """The server's properties file, and a quiet logging config beside it."""
    threads = max(2, min(os.cpu_count() or 2, 8))
    trust.write_private(path, SERVER_CONFIG.format(threads=threads))
    trust.write_private(logback_path(path), LOGBACK_CONFIG)
    return path


def _parent_death_hook() -> Callable[[], None] | None:
    """A preexec hook giving the child SIGKILL when its parent dies (Linux only).

    Resolved in the parent, so the forked child only makes one libc call.
    The signal follows the *thread* that started the child: start servers
    from a long-lived thread (the main thread).
    """
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None

    def hook() -> None:
        prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG

    return hook


def launch_jvm(cmd: list[str], log: Path) -> subprocess.Popen[bytes]:
    out = paths.open_log(log, append=True)
    try:
        return subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=out,
                                close_fds=True, preexec_fn=_parent_death_hook())
    except OSError as exc:
        raise GrammarUnavailable(f"could not start Java: {exc.strerror or exc}") from None
    finally:
        os.close(out)


def alive(pid: int | None) -> bool:
    """True for a running (non-zombie) process."""
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0:
        return False
    import psutil
    try:
        return bool(psutil.Process(pid).status() != psutil.STATUS_ZOMBIE)
    except psutil.Error:
        return False


def stopped(pid: int | None) -> bool:
    """True when ``pid`` is stopped by a signal (SIGSTOP, SIGTSTP): alive but never answering."""
    import psutil
    try:
        return isinstance(pid, int) and psutil.Process(pid).status() in (psutil.STATUS_STOPPED,
                                                                          psutil.STATUS_TRACING_STOP)
    except psutil.Error:
        return False


def _own_cmdline(pid: int | None) -> list[str] | None:
    """The command line of a live process of this user, else None."""
    if not alive(pid):
        return None
    import psutil
    try:
        process = psutil.Process(pid)
        if process.uids().effective != os.geteuid():
            return None
        return list(process.cmdline())
    except psutil.Error:
        return None


def _after(cmdline: list[str], flag: str) -> str | None:
    try:
        return cmdline[cmdline.index(flag) + 1]
    except (ValueError, IndexError):
        return None


def _is_server(cmdline: list[str], cache: Path) -> bool:
    return SERVER_CLASS in cmdline and f"{CACHE_MARKER}{cache}" in cmdline


def _is_supervisor(cmdline: list[str], cache: Path) -> bool:
    return SUPERVISOR_MODULE in cmdline and _after(cmdline, "--cache-dir") == str(cache)


def is_server_process(pid: int | None, port: int | None, cache: Path) -> bool:
    """True when ``pid`` is this user's LanguageTool JVM of cache directory ``cache`` (on ``port`` if given)."""
    cmdline = _own_cmdline(pid)
    if cmdline is None or not _is_server(cmdline, cache):
        return False
    return port is None or _after(cmdline, "--port") == str(port)


def is_supervisor_process(pid: int | None, cache: Path) -> bool:
    """True when ``pid`` is this user's server supervisor for cache directory ``cache``."""
    cmdline = _own_cmdline(pid)
    return cmdline is not None and _is_supervisor(cmdline, cache)


def server_port(pid: int) -> int | None:
    """The ``--port`` a LanguageTool JVM was started with."""
    cmdline = _own_cmdline(pid) or []
    value = _after(cmdline, "--port")
    return int(value) if value and value.isdigit() else None


def find_processes(cache: Path) -> tuple[list[int], list[int]]:
    """Every live JVM and supervisor of this user for cache directory ``cache``, recorded or not."""
    import psutil
    jvms, supervisors = [], []
    uid = os.geteuid()
    for process in psutil.process_iter(["cmdline", "uids", "status"]):
        info = process.info
        if info["status"] == psutil.STATUS_ZOMBIE or not info["uids"] or info["uids"].effective != uid:
            continue
        cmdline = info["cmdline"] or []
        if _is_server(cmdline, cache):
            jvms.append(process.pid)
        elif _is_supervisor(cmdline, cache):
            supervisors.append(process.pid)
    return jvms, supervisors


def terminate_all(pids: list[int], grace: float = 10.0) -> None:
    """SIGTERM every process in ``pids`` (stopped ones are woken to hear it), SIGKILL what is left after
    ``grace`` seconds."""
    import psutil
    procs = []
    for pid in pids:
        try:
            process = psutil.Process(pid)
            process.terminate()
            process.resume()  # a stopped process only acts on SIGTERM once continued
            procs.append(process)
        except psutil.Error:
            continue
    _, left = psutil.wait_procs(procs, timeout=grace)
    for process in left:
        try:
            process.kill()
        except psutil.Error:
            continue
    psutil.wait_procs(left, timeout=5)


def terminate(pid: int | None, grace: float = 10.0) -> None:
    """SIGTERM, then SIGKILL after ``grace`` seconds; reaps our own children."""
    if not pid or not alive(pid):
        return
    import psutil
    try:
        process = psutil.Process(pid)
        process.terminate()
        try:
            process.wait(grace)
        except psutil.TimeoutExpired:
            process.kill()
            process.wait(5)
    except psutil.Error:
        pass


def tail(path: Path, lines: int = 40) -> list[str]:
    try:
        return path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]
    except OSError:
        return []


def failure_reason(log: Path) -> str:
    """A one-line cause from the server log (the last exception line)."""
    for line in reversed(tail(log)):
        if "Exception" in line or "Error" in line:
            return line.strip()[:200]
    return "see " + str(log)


def wait_until_ready(url: str, is_running: Callable[[], bool], timeout: float,
                     log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if healthy(url, timeout=1.0):
            return
        if not is_running():
            raise GrammarUnavailable(f"LanguageTool server exited at start-up: {failure_reason(log)}")
        time.sleep(0.2)
    raise GrammarUnavailable(f"LanguageTool server did not become ready within {timeout:g}s")


def warm_up(url: str, timeout: float) -> str | None:
    """One check with exactly the backend's parameters; returns the LT version."""
    client = LanguageToolClient(url, timeout=timeout)
    try:
        client.check(WARM_UP_TEXT, language="en-US")
        return client.version
    finally:
        client.close()
