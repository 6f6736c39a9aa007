"""Standard output that went away, is closed or is full: never a traceback. A broken pipe ends the run
with the verdict's exit code; a closed or full standard output is one line and exit 2. A report with
100,000 findings shows a capped list ("and N more") while the JSON stays complete."""

from __future__ import annotations

import io
import json
import os
import subprocess
from pathlib import Path

import pytest
from rich.console import Console

from notecheck import Config, Severity, check
from notecheck.render.rich_report import MAX_SHOWN, render
from test_cli import EXE

HEAD = "Dear Ms. Lee,\nThank you for the talk about the audit team at Halden. "
TAIL = "\nBest regards,\nLena\n"


def draft(tmp_path: Path, body: str, name: str = "note.txt") -> str:
    path = tmp_path / name
    path.write_text(HEAD + body + TAIL, encoding="utf-8")
    return str(path)


def broken_pipe(args: list[str]) -> tuple[int, str]:
    """Run notecheck with a reader that takes one byte and goes away."""
    env = {**os.environ, "COLUMNS": "100"}
    env.pop("NOTECHECK_LT_URL", None)
    proc = subprocess.Popen([EXE, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(1)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    return proc.wait(timeout=120), err


@pytest.mark.parametrize("output_format", ["json", "rich", "line"])
@pytest.mark.parametrize(("body", "code"), [("Wow! " * 3000, 0), ("Wow! " * 3000 + "[Name]", 1)])
def test_a_broken_pipe_exits_with_the_verdicts_code(tmp_path: Path, output_format: str, body: str, code: int) -> None:
    returncode, err = broken_pipe([draft(tmp_path, body), "--no-grammar", "-f", output_format, "--verbose"])
    assert returncode == code
    assert not any(word in err for word in ("Traceback", "Exception ignored", "BrokenPipe", "error:")), err


def test_a_broken_pipe_on_rules_is_exit_0() -> None:
    returncode, err = broken_pipe(["rules"])
    assert (returncode, err) == (0, "")


@pytest.mark.parametrize(("redirect", "reason"), [(">&-", "it is closed"), (">/dev/full", "No space left on device")])
def test_closed_or_full_standard_output_is_one_line_exit_2(tmp_path: Path, redirect: str, reason: str) -> None:
    note = draft(tmp_path, "I enjoyed it.")
    done = subprocess.run(f"{EXE} {note} --no-grammar -f json {redirect}", shell=True, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr == f"notecheck: error: cannot write the report to standard output ({reason})\n"


def test_a_hundred_thousand_findings_render_a_capped_list_and_complete_json() -> None:
    report = check(HEAD + "Wow! " * 100_000 + "[Name]" + TAIL, config=Config(grammar=False))
    assert len(report.findings) > 100_000
    console = Console(file=io.StringIO(), width=100, color_system=None)
    render(console, report)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    hidden = len(report.findings) - MAX_SHOWN
    assert f"\u2026 and {hidden} more findings (--format json lists them all)" in out
    assert MAX_SHOWN - 10 < out.count(" NC602 ") < MAX_SHOWN  # the one error, at the end of the note, is shown too
    assert "error  NC301 template-placeholder" in out
    document = json.loads(json.dumps(report.to_dict()))
    assert len(document["findings"]) == len(report.findings)
    assert sum(f["severity"] == Severity.ERROR.value for f in document["findings"]) == 1
