"""The HTTP client against a stub server that replays a recorded response."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from notecheck.grammar import GrammarUnavailable, LanguageToolBackend
from notecheck.grammar.process import free_port

RECORD = json.loads((Path(__file__).resolve().parents[2] / "fixtures" / "languagetool"
                     / "emoji-before-error.json").read_text(encoding="utf-8"))


class Replay(BaseHTTPRequestHandler):
    seen: list[dict[str, list[str]]] = []
    mode = "ok"

    def do_POST(self) -> None:  # noqa: N802 - http.server API
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        Replay.seen.append(parse_qs(body))
        if Replay.mode == "slow":
            time.sleep(2)
        status, payload = (500, b"boom\nmore") if Replay.mode == "error" else \
            (200, json.dumps(RECORD["response"]).encode())
        self.send_response(status)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: object) -> None:
        pass


class Server(ThreadingHTTPServer):
    request_queue_size = 128
    daemon_threads = True


@pytest.fixture()
def stub() -> Iterator[str]:
    Replay.seen, Replay.mode = [], "ok"
    server = Server(("127.0.0.1", 0), Replay)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_check_sends_form_and_parses(stub: str) -> None:
    backend = LanguageToolBackend(stub + "/v2/check")
    text = RECORD["request"]["text"]
    matches = backend.check(text, language="en")
    assert [text[m.offset:m.offset + m.length] for m in matches] == ["has", "the the"]
    assert Replay.seen == [{"text": [text], "language": ["en-US"]}]
    assert backend.leaves_machine is False


def test_concurrent_checks(stub: str) -> None:
    backend = LanguageToolBackend(stub)
    text = RECORD["request"]["text"]
    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(lambda _: backend.check(text, language="en-US"), range(64)))
    assert all(len(r) == 2 for r in results)
    backend.close()


def test_http_error_is_unavailable(stub: str) -> None:
    Replay.mode = "error"
    with pytest.raises(GrammarUnavailable, match="HTTP 500: boom$"):
        LanguageToolBackend(stub).check("x", language="en-US")


def test_timeout_is_unavailable(stub: str) -> None:
    Replay.mode = "slow"
    with pytest.raises(GrammarUnavailable, match="timed out"):
        LanguageToolBackend(stub, timeout=0.3).check("x", language="en-US")


def test_refused_connection_is_unavailable() -> None:
    with pytest.raises(GrammarUnavailable, match="not reachable"):
        LanguageToolBackend(f"http://127.0.0.1:{free_port()}").check("x", language="en-US")
