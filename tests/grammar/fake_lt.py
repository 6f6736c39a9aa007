"""A small misbehaving LanguageTool on loopback for fault tests: it answers with a given document,
trickles its answer a byte at a time, or never answers at all. Every wait is bounded."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

GOOD = {"software": {"version": "6.8"}, "matches": []}


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        body = b"OK" if self.path.endswith("/healthcheck") else b"[]"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:  # noqa: N802 - http.server API
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        fake = self.server.fake
        fake.requests += 1
        if fake.mode == "hang":
            fake.release.wait(30)
            return
        body = fake.body if isinstance(fake.body, bytes) else json.dumps(fake.body).encode()
        head = (f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode()
        try:
            if fake.mode == "trickle-headers":
                self._trickle(head + body)
            elif fake.mode == "trickle":
                self.wfile.write(head)
                self.wfile.flush()
                self._trickle(body)
            else:
                self.wfile.write(head + body)
        except OSError:
            pass  # the client gave up, as it should

    def _trickle(self, data: bytes) -> None:
        for index in range(len(data)):
            if self.server.fake.release.wait(0.2):
                return
            self.wfile.write(data[index : index + 1])
            self.wfile.flush()

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256
    fake: FakeLanguageTool


class FakeLanguageTool:
    """``mode``: "answer" (send ``body``), "trickle" (headers, then the body a byte per 0.2 s),
    "trickle-headers" (everything a byte per 0.2 s) or "hang" (never answer)."""

    def __init__(self, mode: str = "answer", body: Any = GOOD) -> None:
        self.mode, self.body = mode, body
        self.requests = 0
        self.release = threading.Event()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.fake = self
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    @contextmanager
    def running(self) -> Iterator[FakeLanguageTool]:
        thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self.release.set()
            self._server.shutdown()
            self._server.server_close()
            thread.join(10)
            time.sleep(0)


@contextmanager
def fake_languagetool(mode: str = "answer", body: Any = GOOD) -> Iterator[FakeLanguageTool]:
    with FakeLanguageTool(mode, body).running() as fake:
        yield fake
