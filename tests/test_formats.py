"""Output formats and the gate, as a script or CI job sees them: golden output per format, exit codes.

NOTECHECK_UPDATE_GOLDEN=1 rewrites the golden files under tests/golden/formats/.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT

EXE = shutil.which("notecheck", path=str(Path(sys.executable).parent)) or "notecheck"
GOLDEN = Path(__file__).parent / "golden" / "formats"
UPDATE = os.environ.get("NOTECHECK_UPDATE_GOLDEN") == "1"
DRAFTS = ["fixtures/notes/template-leftovers.txt", "fixtures/notes/exclamations.txt"]


def run(*args: str, stdin: str | None = None, cwd: Path = ROOT, env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k not in ("NOTECHECK_LT_URL", "FORCE_COLOR", "NO_COLOR")}
    full_env.update({"COLUMNS": "100", **(env or {})})
    return subprocess.run([EXE, *args], input=stdin, capture_output=True, text=True, env=full_env, cwd=cwd,
                          timeout=120)


def assert_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        path.write_text(actual, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"wrote missing golden file {name}; review and commit it")
    assert actual == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["line", "github", "rich", "json"])
def test_golden_output_per_format(fmt: str) -> None:
    result = run(*DRAFTS, "--no-grammar", "--format", fmt)
    assert result.returncode == 1, result.stderr
    assert_golden(f"two-drafts.{fmt}", result.stdout)


def test_line_format_is_path_line_column_code_name_message() -> None:
    result = run(DRAFTS[0], "--no-grammar", "-f", "line")
    lines = result.stdout.splitlines()
    pattern = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>NC\d{3}) (?P<name>[a-z-]+): (?P<msg>.+)$")
    assert lines and all(pattern.match(line) for line in lines), lines
    placeholder = next(pattern.match(line) for line in lines if " NC301 " in line)
    assert placeholder is not None
    source = (ROOT / DRAFTS[0]).read_text(encoding="utf-8").splitlines()
    assert source[int(placeholder["line"]) - 1][int(placeholder["col"]) - 1:].startswith("[Name]")


def test_line_format_says_on_stderr_why_a_draft_is_not_ready() -> None:
    result = run(*DRAFTS, "--no-grammar", "-f", "line", "--fail-under", "99")
    assert "notecheck: fixtures/notes/template-leftovers.txt: not ready: 2 errors (fail-on: error); score 70 is under 99 (fail-under)" in result.stderr
    assert "notecheck: fixtures/notes/exclamations.txt: not ready: score 95 is under 99 (fail-under)" in result.stderr
    assert "not ready" not in result.stdout


def test_github_escaping_follows_the_actions_toolkit() -> None:
    from notecheck.render.github_report import command, escape_data, escape_property

    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert command("warning", {"file": "notes/a,b.txt", "line": 3, "col": None}, "x: y, z") == \
        "::warning file=notes/a%2Cb.txt,line=3::x: y, z"


def test_github_annotation_spans_one_line_with_columns() -> None:
    result = run(DRAFTS[0], "--no-grammar", "-f", "github")
    line = next(x for x in result.stdout.splitlines() if "NC301" in x and "[Name]" in x)
    assert line.startswith("::error file=fixtures/notes/template-leftovers.txt,line=8,endLine=8,col=6,endColumn=11,")
    assert "title=NC301 template-placeholder::" in line
    notice = next(x for x in result.stdout.splitlines() if "NC104" in x)
    assert notice.startswith("::notice file=") and "line=" not in notice  # a whole-note finding


@pytest.mark.parametrize("fmt", ["json", "line", "github"])
def test_an_unreadable_input_is_reported_not_dropped(tmp_path: Path, fmt: str) -> None:
    missing = str(tmp_path / "nope.txt")
    result = run(DRAFTS[1], missing, "--no-grammar", "-f", fmt)
    assert result.returncode == 2
    assert "nope.txt: no such file" in result.stderr
    if fmt == "json":
        document = json.loads(result.stdout)
        assert document["schema_version"] == 2 and document["exit_code"] == 2
        ok, failed = document["files"]
        assert ok["path"] == DRAFTS[1] and "score" in ok
        assert failed == {"path": missing, "error": f"{missing}: no such file"}
        assert document["summary"]["unreadable"] == 1 and document["summary"]["files"] == 2
    else:
        assert missing in result.stdout and "no such file" in result.stdout


def test_fail_on_decides_which_severity_blocks() -> None:
    warnings_only = DRAFTS[1]
    assert run(warnings_only, "--no-grammar").returncode == 0
    strict = run(warnings_only, "--no-grammar", "--fail-on", "warning", "-f", "json")
    assert strict.returncode == 1
    (report,) = json.loads(strict.stdout)["files"]
    assert report["verdict"] == "Not ready"
    assert report["failed_by"] == ["6 warnings (fail-on: warning)"]
    with_hint = "fixtures/notes/strong-nurse.txt"  # ready, with one info hint (NC104)
    assert run(with_hint, "--no-grammar", "--fail-on", "warning").returncode == 0
    info = run(with_hint, "--no-grammar", "--fail-on", "info", "-f", "json")
    assert info.returncode == 1 and json.loads(info.stdout)["files"][0]["failed_by"] == ["1 info (fail-on: info)"]


def test_the_report_says_which_gate_failed() -> None:
    both = run(DRAFTS[1], "--no-grammar", "--fail-on", "warning", "--fail-under", "99", "-f", "json")
    assert json.loads(both.stdout)["files"][0]["failed_by"] == [
        "6 warnings (fail-on: warning)", "score 95 is under 99 (fail-under)"]
    under = run(DRAFTS[1], "--no-grammar", "--fail-under", "99")
    assert under.returncode == 1
    assert "Not ready: score 95 is under 99 (fail-under)" in under.stdout
    errors = run(DRAFTS[0], "--no-grammar")
    assert "Not ready: 2 errors (fail-on: error)" in errors.stdout


def test_fail_on_from_the_config_file(tmp_path: Path) -> None:
    config = tmp_path / "notecheck.toml"
    config.write_text('fail-on = "warning"\n', encoding="utf-8")
    assert run(str(ROOT / DRAFTS[1]), "--no-grammar", "--config", str(config)).returncode == 1
    config.write_text('fail-on = "severe"\n', encoding="utf-8")
    bad = run(str(ROOT / DRAFTS[1]), "--no-grammar", "--config", str(config))
    assert bad.returncode == 2 and "fail-on: expected error, warning or info" in bad.stderr


def test_plain_output_has_no_trailing_spaces_and_marks_the_words_with_carets() -> None:
    result = run(DRAFTS[0], "--no-grammar")
    lines = result.stdout.splitlines()
    assert all(line == line.rstrip() for line in lines)
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("\u2502 Dear [Name],"))
    excerpt, carets = lines[index], lines[index + 1]
    start = excerpt.index("[Name]")
    assert carets[start : start + 6] == "^^^^^^" and carets[:start].strip() == "\u2502"
    assert carets.rstrip().endswith("^") and len(carets) == start + 6


def test_no_carets_when_colour_shows_the_words() -> None:
    result = run(DRAFTS[0], "--no-grammar", env={"FORCE_COLOR": "1", "TERM": "xterm-256color"})
    assert "^^^^^^" not in result.stdout and "\x1b[" in result.stdout


def test_exit_codes_live_in_one_module_the_commands_import() -> None:
    code = ("import notecheck.cli.check as c, notecheck.grammar.cli as g, notecheck.exit_codes as e;"
            "assert c.EXIT_USAGE is e.USAGE;"
            "assert (g.EXIT_UNAVAILABLE, e.OK, e.NOT_READY, e.USAGE, e.INCOMPLETE) == (3, 0, 1, 2, 3)")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    for module in ("check.py", "tools.py", "fix.py", "output.py"):
        source = (ROOT / "src" / "notecheck" / "cli" / module).read_text(encoding="utf-8")
        assert "from notecheck.cli import" not in source, module
