"""--fix end to end with a canned LanguageTool: the fix is written, and refused when the draft changes
while it is being checked. (tests/grammar/test_gate_real_server.py runs --fix against the real server.)"""

from __future__ import annotations

import json
import subprocess
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from helpers import FIXTURES
from test_formats import EXE

CANNED = json.loads((FIXTURES / "languagetool" / "clean-note.json").read_text(encoding="utf-8"))["response"]
DRAFT = ("Dear Ms. Lee,\n\nThank you for meeting me about the the paralegal role. My three years of e-discovery "
         "work at Brandt LLP would let me help with the Hartwell case from the first week.\n\nBest regards,\nLena\n")


class Repeats(BaseHTTPRequestHandler):
    """Answers every check with LanguageTool's doubled-word match for each "the the" in the text."""

    delay = 0.0

    def do_POST(self) -> None:  # noqa: N802 - the http.server interface
        form = parse_qs(self.rfile.read(int(self.headers.get("Content-Length", 0))).decode())
        text = form.get("text", [""])[0]
        time.sleep(Repeats.delay)
        matches = []
        start = text.find("the the")
        while start >= 0:
            matches.append({"message": "Possible typo: you repeated a word.", "shortMessage": "Word repetition",
                            "replacements": [{"value": "the"}], "offset": start, "length": 7,
                            "context": {"text": text[max(0, start - 20): start + 27], "offset": min(start, 20), "length": 7},
                            "sentence": text, "type": {"typeName": "Other"},
                            "rule": {"id": "ENGLISH_WORD_REPEAT_RULE", "description": "Word repetition",
                                     "issueType": "duplication", "category": {"id": "MISC", "name": "Miscellaneous"}}})
            start = text.find("the the", start + 1)
        body = json.dumps({**CANNED, "matches": matches}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def lt_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Repeats)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Repeats.delay = 0.0
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_fix_writes_the_fix_keeps_the_original_and_reports_the_fixed_file(lt_url: str, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    result = subprocess.run([EXE, str(draft), "--fix", "--lt-url", lt_url, "-f", "json"], capture_output=True,
                            text=True, timeout=120)
    assert draft.read_text(encoding="utf-8") == DRAFT.replace("the the", "the")
    assert (tmp_path / "draft.txt.orig").read_text(encoding="utf-8") == DRAFT
    assert "fixed 1 issue (NC501)" in result.stderr
    report = json.loads(result.stdout)["files"][0]
    assert not [f for f in report["findings"] if f["code"] == "NC501"] and result.returncode == 0  # checked again


def test_fix_refuses_a_draft_changed_while_it_was_checked(lt_url: str, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    Repeats.delay = 3.0  # the check takes a while: the writer edits the draft meanwhile
    process = subprocess.Popen([EXE, str(draft), "--fix", "--lt-url", lt_url], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    time.sleep(1.0)
    edited = DRAFT.replace("Best regards", "Warm regards")
    draft.write_text(edited, encoding="utf-8")
    _, stderr = process.communicate(timeout=120)
    assert draft.read_text(encoding="utf-8") == edited  # the user's edit is kept
    assert not (tmp_path / "draft.txt.orig").exists()
    assert "the file changed while it was being checked" in stderr
    assert process.returncode == 2


def test_diff_shows_the_fix_and_writes_nothing(lt_url: str, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    result = subprocess.run([EXE, "draft.txt", "--diff", "--lt-url", lt_url], capture_output=True, text=True,
                            timeout=120, cwd=tmp_path)
    assert result.stdout.startswith("--- a/draft.txt\n+++ b/draft.txt\n")
    assert "-Thank you for meeting me about the the paralegal role." in result.stdout
    assert "+Thank you for meeting me about the paralegal role." in result.stdout
    assert draft.read_text(encoding="utf-8") == DRAFT and not (tmp_path / "draft.txt.orig").exists()


def test_standard_input_is_never_written_to_the_file_it_is_named_after(lt_url: str, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    fixed = subprocess.run([EXE, "-", "--stdin-filename", str(draft), "--fix", "--lt-url", lt_url], input=DRAFT,
                           capture_output=True, text=True, timeout=120)
    assert "standard input is not fixed in place; use --diff" in fixed.stderr
    assert draft.read_text(encoding="utf-8") == DRAFT and not (tmp_path / "draft.txt.orig").exists()
    shown = subprocess.run([EXE, "-", "--stdin-filename", "draft.txt", "--diff", "--lt-url", lt_url], input=DRAFT,
                           capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert "+Thank you for meeting me about the paralegal role." in shown.stdout
