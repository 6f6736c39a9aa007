"""Many drafts in one call: checked concurrently against the grammar server, with progress on a terminal.

A canned LanguageTool (a tiny HTTP server on 127.0.0.1 answering recorded responses) stands in for
the real one here; tests/grammar runs the same CLI against the real server.
"""

from __future__ import annotations

import json
import os
import pty
import select
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from helpers import FIXTURES

EXE = shutil.which("notecheck", path=str(Path(sys.executable).parent)) or "notecheck"
CANNED = json.loads((FIXTURES / "languagetool" / "clean-note.json").read_text(encoding="utf-8"))["response"]


class CannedLanguageTool(BaseHTTPRequestHandler):
    active = 0
    peak = 0
    lock = threading.Lock()

    def do_POST(self) -> None:  # noqa: N802 - the http.server interface
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with CannedLanguageTool.lock:
            CannedLanguageTool.active += 1
            CannedLanguageTool.peak = max(CannedLanguageTool.peak, CannedLanguageTool.active)
        time.sleep(0.05)  # a check takes a little while, so concurrency shows
        with CannedLanguageTool.lock:
            CannedLanguageTool.active -= 1
        body = json.dumps({**CANNED, "matches": []}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def canned_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), CannedLanguageTool)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    CannedLanguageTool.peak = 0
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def drafts(tmp_path: Path, count: int) -> list[str]:
    source = (FIXTURES / "notes" / "strong-paralegal.txt").read_text(encoding="utf-8")
    paths = []
    for index in range(count):
        path = tmp_path / f"note{index:02}.txt"
        path.write_text(source.rstrip("\n") + f"\nP.S. This is draft {index}.\n", encoding="utf-8")  # distinct texts
        paths.append(str(path))
    return paths


def test_many_files_are_checked_concurrently(canned_url: str, tmp_path: Path) -> None:
    paths = drafts(tmp_path, 16)
    result = subprocess.run([EXE, *paths, "--format", "json", "--lt-url", canned_url], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    files = json.loads(result.stdout)["files"]
    assert [f["path"] for f in files] == paths  # output in the order given
    assert all(r["status"] == "passed" for f in files for r in f["rules"] if r["code"] == "NC502")
    assert CannedLanguageTool.peak > 1


def test_progress_bar_on_a_terminal_only(canned_url: str, tmp_path: Path) -> None:
    paths = drafts(tmp_path, 12)
    controller, terminal = pty.openpty()
    env = {**os.environ, "COLUMNS": "100", "TERM": "xterm"}
    proc = subprocess.Popen([EXE, *paths, "--lt-url", canned_url], stdin=terminal, stdout=terminal,
                            stderr=terminal, env=env, close_fds=True)
    os.close(terminal)
    output = b""
    while True:
        ready, _, _ = select.select([controller], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    proc.wait(timeout=60)
    os.close(controller)
    assert b"Checking drafts" in output
    piped = subprocess.run([EXE, *paths, "--lt-url", canned_url], capture_output=True, text=True, timeout=120)
    assert "Checking drafts" not in piped.stderr + piped.stdout
