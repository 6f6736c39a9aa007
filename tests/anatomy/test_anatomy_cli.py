"""``notecheck anatomy``: the parse as a user sees it, plain when piped, and as JSON."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

EXE = shutil.which("notecheck", path=str(Path(sys.executable).parent)) or "notecheck"
DRAFT = ("Subject: Thank you\n\nHi Ana, thanks so much for the tour!\n\n- **Led** a team of five\n\nCheers,\nJo\n"
         "(555) 123-4567\n\nSent from my iPhone\n")


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    env.pop("FORCE_COLOR", None)
    return subprocess.run([EXE, "anatomy", *args], capture_output=True, text=True, input=stdin, env=env, timeout=120)


def test_plain_output_lists_every_segment_and_sentence(tmp_path: Path) -> None:
    draft = tmp_path / "to-ana.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    result = run(str(draft))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == str(draft)
    assert lines[1].split()[:3] == ["1:1", "header", "Subject:"]
    assert "salutation  Hi Ana,  [word: Hi]  [addressee: Ana]" in lines[2]
    assert any(line.split()[1:3] == ["signature", "Jo"] for line in lines)
    assert "footer      Sent from my iPhone" in result.stdout
    assert "Sentences (3)" in result.stdout and "list-item  other   Led a team of five" in result.stdout  # with its role
    assert "\x1b[" not in result.stdout and all(line == line.rstrip() for line in lines)


def test_json_has_positions_fields_and_sentences() -> None:
    result = run("-", "--format", "json", stdin=DRAFT)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["schema_version"] == 1
    parts = [s["part"] for s in document["segments"]]
    assert parts == ["header", "salutation", "paragraph", "list-item", "closing", "signature", "footer"]
    salutation = document["segments"][1]
    assert (salutation["line"], salutation["column"], salutation["text"]) == (3, 1, "Hi Ana,")
    assert {f["name"]: f["text"] for f in salutation["fields"]} == {"word": "Hi", "addressee": "Ana"}
    for segment in document["segments"]:
        assert DRAFT[segment["start"] : segment["end"]] == segment["text"]
    assert [s["text"] for s in document["sentences"]] == ["Thank you", "thanks so much for the tour!",
                                                         "Led a team of five"]


def test_a_missing_draft_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "no such file" in result.stderr


def test_an_email_is_read_as_a_check_reads_it(tmp_path: Path) -> None:
    draft = tmp_path / "to-ana.eml"
    draft.write_bytes(b"From: Jo <jo@example.com>\nTo: Ana Silva <ana@example.com>\nSubject: Thank you\n"
                      b"Content-Type: text/plain; charset=utf-8\n\nHi Ana,\n\nThanks so much for the tour!\n\nCheers,\nJo\n")
    document = json.loads(run(str(draft), "--format", "json").stdout)
    assert document["format"] == "email"
    parts = {s["part"]: s for s in document["segments"]}
    assert parts["salutation"]["text"] == "Hi Ana," and parts["salutation"]["line"] == 6  # the line in the file
    assert parts["signature"]["fields"][0]["text"] == "Jo"
    assert "From:" not in " ".join(s["text"] for s in document["segments"])  # only the Subject stays in the text
