"""--fix and --diff: only safe fixes, written atomically with a backup, never over a file that changed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from helpers import ROOT
from notecheck.fixing import FixError, apply_edits, backup_path, diff, safe_edits, write_fixed
from notecheck.model import Finding, Report, Severity, Verdict
from test_formats import run

TEXT = "Dear Ms. Lee,\nThank you for the the tour.  I realy enjoyed it, Brightwatr.\nBest,\nLena\n"


def _finding(excerpt: str, fix: str | None, code: str = "NC502", nth: int = 0) -> Finding:
    offset = [i for i in range(len(TEXT)) if TEXT.startswith(excerpt, i)][nth]
    return Finding(code=code, name="x", severity=Severity.ERROR, message="m", offset=offset, length=len(excerpt),
                   excerpt=excerpt, fix=fix)


def _report(*findings: Finding) -> Report:
    return Report(path="d.txt", score=50, verdict=Verdict.NOT_READY, results=(), findings=findings)


def test_only_findings_with_a_safe_fix_that_still_match_are_applied() -> None:
    report = _report(_finding("the the", "the", "NC501"), _finding("  ", " ", "NC503"), _finding("realy", "really"),
                     _finding("Brightwatr", None), _finding("Lena", "Leena"))
    edits = safe_edits(report, TEXT)
    assert [e.replacement for e in edits] == ["the", " ", "really", "Leena"]
    assert apply_edits(TEXT, edits) == "Dear Ms. Lee,\nThank you for the tour. I really enjoyed it, Brightwatr.\nBest,\nLeena\n"
    changed = TEXT.replace("realy", "truly")
    assert "really" not in apply_edits(changed, safe_edits(report, changed))  # the words moved: not applied


def test_overlapping_fixes_apply_once() -> None:
    report = _report(_finding("the the", "the", "NC501"), _finding("the tour", "a tour", "NC501", nth=0))
    assert len(safe_edits(report, TEXT)) == 1


def test_grammar_kind_marks_only_safe_replacements() -> None:
    from notecheck.kinds.grammar import _safe_fix

    assert _safe_fix("spelling", "misspelling", "realy", ["really"]) == "really"
    assert _safe_fix("spelling", "misspelling", "Brightwatr", ["Brightwater"]) is None  # maybe a name
    assert _safe_fix("spelling", "misspelling", "teh", ["the", "ten"]) is None  # a choice is not safe
    assert _safe_fix("grammar", "grammar", "He have", ["He has"]) == "He has"
    assert _safe_fix("punctuation", "whitespace", "  ", [" "]) == " "
    assert _safe_fix("grammar", "duplication", "the the", ["the"]) == "the"
    assert _safe_fix("style", "style", "very unique", ["unique"]) is None
    assert _safe_fix("punctuation", "typographical", "'", ["\u2019"]) is None
    assert _safe_fix("punctuation", "typographical", "  ", [" "]) == " "  # a doubled space, whatever its type
    assert _safe_fix("style", "style", "very very", ["very"]) == "very"  # a doubled word, whatever its type


def test_write_is_atomic_keeps_a_backup_and_keeps_mode(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(TEXT.encode())
    path.chmod(0o640)
    backup = write_fixed(path, TEXT.encode(), "fixed\n")
    assert path.read_text() == "fixed\n" and backup == tmp_path / "draft.txt.orig" and backup.read_text() == TEXT
    assert path.stat().st_mode & 0o777 == 0o640
    second = write_fixed(path, b"fixed\n", "fixed again\n")
    assert second.name == "draft.txt.orig.1" and backup.read_text() == TEXT  # an older backup is never replaced
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt", "draft.txt.orig", "draft.txt.orig.1"]


def test_a_file_changed_while_it_was_checked_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text("edited by the user meanwhile\n")
    with pytest.raises(FixError, match="changed while it was being checked"):
        write_fixed(path, TEXT.encode(), "fixed\n")
    assert path.read_text() == "edited by the user meanwhile\n" and not backup_path(path).name.endswith(".1")
    assert not (tmp_path / "draft.txt.orig").exists()


def test_a_byte_order_mark_survives(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    data = b"\xef\xbb\xbf" + TEXT.encode()
    path.write_bytes(data)
    write_fixed(path, data, "fixed\n")
    assert path.read_bytes() == b"\xef\xbb\xbffixed\n"


def test_a_kill_during_the_write_leaves_the_original_intact(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(TEXT.encode())
    ready = tmp_path / "writing"
    script = textwrap.dedent(f"""
        import os, time
        from pathlib import Path
        import notecheck.fixing as fixing
        real_fsync = os.fsync
        def slow_fsync(fd):
            name = os.path.basename(os.readlink(f"/proc/self/fd/{{fd}}"))
            if name.startswith(".draft.txt.") and not name.startswith(".draft.txt.orig."):  # the draft's own write
                Path({str(ready)!r}).write_text("now")
                time.sleep(60)  # killed here: half way through replacing the draft
            real_fsync(fd)
        fixing.os.fsync = slow_fsync
        fixing.write_fixed(Path({str(path)!r}), Path({str(path)!r}).read_bytes(), "x" * 100000)
    """)
    process = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT)
    deadline = time.monotonic() + 30
    while not ready.exists() and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert ready.exists(), "the writer never got to the write"
    os.kill(process.pid, signal.SIGKILL)
    process.wait(10)
    assert path.read_bytes() == TEXT.encode()  # the original, whole
    assert (tmp_path / "draft.txt.orig").read_bytes() == TEXT.encode()  # and its backup, already complete
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert all(name.startswith(".draft.txt") for name in leftovers)  # only a hidden temporary, never the draft


def test_diff_is_unified() -> None:
    out = diff("notes/d.txt", "a\nb\n", "a\nc\n")
    assert out.splitlines() == ["--- a/notes/d.txt", "+++ b/notes/d.txt", "@@ -1,2 +1,2 @@", " a", "-b", "+c"]


def test_cli_diff_writes_nothing_and_fix_needs_something_safe(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(TEXT.encode())
    result = run(str(path), "--no-grammar", "--diff")
    assert result.stdout == "" and path.read_bytes() == TEXT.encode()  # without grammar nothing is safe to fix
    fixed = run(str(path), "--no-grammar", "--fix")
    assert path.read_bytes() == TEXT.encode() and not (tmp_path / "draft.txt.orig").exists()
    assert fixed.returncode in (0, 1)
    both = run(str(path), "--fix", "--diff", "--no-grammar")
    assert both.returncode == 2 and "choose one" in both.stderr
