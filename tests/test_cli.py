"""The installed ``notecheck`` console script, run as a user runs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import FIXTURES

NOTES = FIXTURES / "notes"
EXE = shutil.which("notecheck", path=str(Path(sys.executable).parent)) or "notecheck"


def run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None,
        cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "COLUMNS": "100", **(env or {})}
    full_env.pop("NOTECHECK_LT_URL", None)
    return subprocess.run([EXE, *args], input=stdin, capture_output=True, text=True, env=full_env, timeout=120, cwd=cwd)


def test_strong_note_is_ready_exit_0() -> None:
    result = run(str(NOTES / "strong-paralegal.txt"), "--no-grammar")
    assert result.returncode == 0, result.stderr
    assert "Ready to send" in result.stdout
    assert "\x1b[" not in result.stdout  # not a terminal: no colour


def test_error_finding_is_not_ready_exit_1() -> None:
    result = run(str(NOTES / "template-leftovers.txt"), "--no-grammar")
    assert result.returncode == 1
    assert "Not ready" in result.stdout and "NC301" in result.stdout and "[Name]" in result.stdout


def test_warnings_only_need_work_but_exit_0() -> None:
    result = run(str(NOTES / "exclamations.txt"), "--no-grammar")
    assert result.returncode == 0
    assert "Needs work" in result.stdout


def test_fail_under_makes_a_low_score_not_ready() -> None:
    path = str(NOTES / "exclamations.txt")
    assert run(path, "--no-grammar", "--fail-under", "100").returncode == 1
    assert run(path, "--no-grammar", "--fail-under", "10").returncode == 0


def test_json_contract_for_several_files() -> None:
    result = run(str(NOTES / "strong-paralegal.txt"), str(NOTES / "wrong-company.txt"), "--no-grammar", "-f", "json")
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert document["schema_version"] == 2
    first, second = document["files"]
    assert first["path"].endswith("strong-paralegal.txt") and first["verdict"] == "Ready to send"
    assert set(first) >= {"path", "score", "verdict", "rules", "findings"}
    for rule in second["rules"]:
        assert set(rule) >= {"code", "name", "status", "severity", "deduction", "reason"}
        assert rule["status"] in {"passed", "failed", "skipped"}
    grammar = [r for r in second["rules"] if r["code"].startswith("NC5")]
    assert grammar and all(r["status"] == "skipped" and r["reason"] == "by request" for r in grammar)
    (finding,) = [f for f in second["findings"] if f["code"] == "NC307"]
    assert set(finding) >= {"code", "name", "severity", "message", "line", "column", "offset", "length", "excerpt",
                            "suggestions"}
    assert finding["severity"] == "error" and finding["excerpt"] == "Brightwave"
    text = (NOTES / "wrong-company.txt").read_text(encoding="utf-8")
    line = text.splitlines()[finding["line"] - 1]
    assert line[finding["column"] - 1 :].startswith("Brightwave")


def test_stdin_with_dash() -> None:
    text = (NOTES / "strong-paralegal.txt").read_text(encoding="utf-8")
    result = run("-", "--no-grammar", "-f", "json", stdin=text)
    assert result.returncode == 0
    assert json.loads(result.stdout)["files"][0]["path"] == "<stdin>"


def test_context_options_override_front_matter() -> None:
    path = str(NOTES / "strong-paralegal.txt")
    result = run(path, "--no-grammar", "-f", "json", "--interviewer", "Someone Else", "--interviewed", "2020-01-01")
    rules = {r["code"]: r for r in json.loads(result.stdout)["files"][0]["rules"]}
    assert rules["NC308"]["status"] == "failed"
    assert rules["NC401"]["status"] == "failed"


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["missing-file.txt"], "missing-file.txt: no such file"),
        ([str(FIXTURES / "config" / "*.docx")], "no file matches this pattern"),
        ([], "no draft given"),
        (["--interviewed", "yesterday", str(NOTES / "strong-paralegal.txt")], "not an ISO date"),
        (["--format", "xml", str(NOTES / "strong-paralegal.txt")], "xml"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: list[str], needle: str) -> None:
    result = run(*args, "--no-grammar")
    assert result.returncode == 2
    assert needle in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_binary_and_bad_front_matter_are_input_errors(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\x00\x00")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Dear Ms. M\u00fcller,\nThank you.\n".encode("latin-1"))
    unclosed = tmp_path / "unclosed.txt"
    unclosed.write_text("---\ncompany: Acme\nDear Ms. Lee,\nThanks.\n", encoding="utf-8")
    unknown = tmp_path / "unknown.txt"
    unknown.write_text("---\ncompnay: Acme\n---\nDear Ms. Lee,\nThanks.\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("---\ncompany: Acme\n---\n\n", encoding="utf-8")
    for path, needle in ((empty, "the draft is empty"), (binary, "not a text file"), (latin, "not valid UTF-8"), (unclosed, "no closing '---'"),
                         (unknown, "unknown front matter key 'compnay'")):
        result = run(str(path), "--no-grammar")
        assert result.returncode == 2, path
        assert needle in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_one_bad_file_does_not_lose_the_others(tmp_path: Path) -> None:
    result = run(str(NOTES / "strong-paralegal.txt"), str(tmp_path / "nope.txt"), "--no-grammar", "-f", "json")
    assert result.returncode == 2
    files = json.loads(result.stdout)["files"]
    assert len(files) == 2 and "score" in files[0] and files[1]["error"].endswith("nope.txt: no such file")
    assert "nope.txt: no such file" in result.stderr


def test_colour_only_on_a_terminal_and_never_with_no_color() -> None:
    path = str(NOTES / "template-leftovers.txt")
    forced = run(path, "--no-grammar", env={"FORCE_COLOR": "1", "TERM": "xterm-256color"})
    assert "\x1b[" in forced.stdout
    no_color = run(path, "--no-grammar", env={"FORCE_COLOR": "1", "NO_COLOR": "1", "TERM": "xterm-256color"})
    assert "\x1b[3" not in no_color.stdout  # no foreground colours (bold may remain)


def test_report_fits_the_terminal_width() -> None:
    result = run(str(NOTES / "recap-everything.txt"), "--no-grammar", env={"COLUMNS": "60"})
    assert max(len(line) for line in result.stdout.splitlines()) <= 60


def test_help_documents_exit_codes_and_version_is_fast() -> None:
    result = run("--help")
    assert result.returncode == 0
    for phrase in ("0 ready to send", "1 not ready", "2 usage or input error", "3 check incomplete"):
        assert phrase in " ".join(result.stdout.split())
    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("notecheck ")


def test_report_shows_checklist_findings_and_deductions() -> None:
    result = run(str(NOTES / "reused-old-note.txt"), "--no-grammar")
    out = result.stdout
    assert "1. Send it within 24 hours" in out and "6. Say thank you" in out
    assert "\u2717" in out and "\u2713" in out and "skipped: by request" in out
    assert "14:70" in out and "Stratus Automation" in out
    assert "Score: 100 \u2212 30 (NC307) \u2212 20 (NC308) = 50" in out
