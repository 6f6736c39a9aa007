"""Many drafts at once: directories, globs, standard input with a name, the summary, --jobs, NC309."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from helpers import FIXTURES
from notecheck import Checker, Config, Context, InputFailure, Report, Source
from test_formats import run

NOTES = FIXTURES / "notes"
NOTE = ("Dear {greeting},\nThank you for meeting me on Tuesday about the paralegal role. I enjoyed hearing how your "
        "team prepares discovery for the Hartwell case, and my three years of e-discovery work at Brandt LLP would "
        "let me help from the first week.\nBest regards,\nLena\n")


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "drafts"
    (root / "acme" / "deep").mkdir(parents=True)
    (root / ".git").mkdir()
    shutil.copy(NOTES / "strong-paralegal.txt", root / "acme" / "a.txt")
    shutil.copy(NOTES / "template-leftovers.txt", root / "acme" / "deep" / "b.md")
    shutil.copy(FIXTURES / "formats" / "plain.eml", root / "c.eml")
    (root / "notes.pdf").write_bytes(b"%PDF-1.4")
    (root / ".git" / "x.txt").write_text("not a draft", encoding="utf-8")
    return root


def test_a_directory_is_searched_recursively_for_known_extensions(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    result = run(str(root), "--no-grammar", "-f", "json")
    paths = [f["path"] for f in json.loads(result.stdout)["files"]]
    assert paths == [str(root / "c.eml"), str(root / "acme" / "a.txt"), str(root / "acme" / "deep" / "b.md")]
    assert result.returncode == 1  # b.md still has its placeholders


def test_a_quoted_glob_is_expanded_by_notecheck(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    result = run(str(root / "**" / "*.txt"), "--no-grammar", "-f", "json")
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == [str(root / "acme" / "a.txt")]
    assert result.returncode == 0
    nothing = run(str(root / "*.docx"), "--no-grammar", "-f", "json")
    assert nothing.returncode == 2 and "no file matches this pattern" in nothing.stderr
    assert json.loads(nothing.stdout)["files"][0]["error"].endswith("no file matches this pattern")
    empty = tmp_path / "empty"
    empty.mkdir()
    none = run(str(empty), "--no-grammar")
    assert none.returncode == 2 and "no drafts in this directory" in none.stderr


def test_stdin_filename_names_the_draft_and_picks_its_format() -> None:
    raw = (FIXTURES / "formats" / "plain.eml").read_text(encoding="utf-8")
    result = run("-", "--stdin-filename", "notes/to-dana.eml", "--no-grammar", "-f", "line", stdin=raw)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("notes/to-dana.eml:")
    as_json = json.loads(run("-", "--stdin-filename", "to-dana.eml", "--no-grammar", "-f", "json", stdin=raw).stdout)
    (report,) = as_json["files"]
    assert report["path"] == "to-dana.eml"
    assert {r["code"]: r["status"] for r in report["rules"]}["NC310"] == "passed"
    orphan = run(str(NOTES / "strong-paralegal.txt"), "--stdin-filename", "x.md", "--no-grammar")
    assert orphan.returncode == 2 and "give - as a draft" in orphan.stderr


def test_a_batch_prints_failing_reports_then_a_summary_table() -> None:
    drafts = [str(NOTES / n) for n in ("strong-paralegal.txt", "template-leftovers.txt", "exclamations.txt")]
    result = run(*drafts, str(NOTES / "missing.txt"), "--no-grammar")
    assert result.returncode == 2
    out = result.stdout
    assert "template-leftovers.txt \u2500" in out and "strong-paralegal.txt \u2500" not in out  # only the failing one
    assert "exclamations.txt \u2500" not in out  # needs work, but ready to send
    table = out[out.index("file "):]
    header = table.splitlines()[0].split()
    assert header == ["file", "score", "verdict", "errors", "warnings"]
    rows = {line.split()[0]: line.split()[1:] for line in table.splitlines()[1:5]}
    assert rows[drafts[0]] == ["100", "Ready", "to", "send", "0", "0"]
    assert rows[drafts[1]] == ["70", "Not", "ready", "2", "0"]
    assert rows[drafts[2]][0] == "95" and rows[str(NOTES / "missing.txt")] == ["unreadable"]
    assert "4 drafts: 1 ready to send, 1 needs work, 1 not ready, 1 unreadable" in out
    verbose = run(*drafts, "--no-grammar", "--verbose")
    assert all(f"{Path(d).name} \u2500" in verbose.stdout for d in drafts)
    assert verbose.returncode == 1


def test_batch_exit_codes_the_most_serious_wins(tmp_path: Path) -> None:
    ready, not_ready = str(NOTES / "strong-paralegal.txt"), str(NOTES / "template-leftovers.txt")
    assert run(ready, ready, "--no-grammar").returncode == 0
    assert run(ready, not_ready, "--no-grammar").returncode == 1
    assert run(not_ready, str(tmp_path / "gone.txt"), "--no-grammar").returncode == 2
    assert run(ready, str(NOTES / "exclamations.txt"), "--no-grammar", "--fail-on", "warning").returncode == 1


def test_jobs_give_the_same_reports_in_the_same_order() -> None:
    drafts = sorted(str(p) for p in NOTES.glob("set2-*.txt"))
    one = json.loads(run(*drafts, "--no-grammar", "-f", "json", "--jobs", "1").stdout)
    two = json.loads(run(*drafts, "--no-grammar", "-f", "json", "--jobs", "2").stdout)
    assert one == two and [f["path"] for f in one["files"]] == drafts
    assert run(drafts[0], "--jobs", "0", "--no-grammar").returncode == 2


def test_check_many_is_the_library_side(tmp_path: Path) -> None:
    checker = Checker(Config(grammar=False))
    seen: list[int] = []
    items = [NOTES / "strong-paralegal.txt", str(tmp_path / "nope.txt"), Source("pasted.md", b"Dear Ms. Lee,\n\nThank **you**.\n\nBest,\nLena\n")]
    results = checker.check_many(items, jobs=2, on_result=lambda index, result: seen.append(index))
    assert isinstance(results[0], Report) and results[0].ready
    assert isinstance(results[1], InputFailure) and results[1].error.endswith("no such file")
    assert isinstance(results[2], Report) and results[2].path == "pasted.md"
    assert sorted(seen) == [0, 1, 2]
    many = [Source(f"n{i}.txt", NOTE.format(greeting=f"Person{i}").encode()) for i in range(12)]
    forked = checker.check_many(many, jobs=2)  # no grammar and enough drafts: worker processes
    assert [r.path for r in forked] == [f"n{i}.txt" for i in range(12)]
    assert all(isinstance(r, Report) and any(f.code == "NC309" for f in r.findings) for r in forked)


def test_duplicate_notes_to_different_interviewers() -> None:
    checker = Checker(Config(grammar=False))
    to_lee = Source("lee.txt", NOTE.format(greeting="Ms. Lee").encode())
    to_park = Source("park.txt", NOTE.format(greeting="Mr. Park").encode())
    own = Source("ortiz.txt", (b"Dear Ms. Ortiz,\nThank you for the tour of the records room on Tuesday. Your plan to move "
                              b"the closed files into one searchable index is the project I most want to join; at Brandt "
                              b"LLP I indexed 40,000 pages in four months.\nBest regards,\nLena\n"))
    lee, park, ortiz = checker.check_many([to_lee, to_park, own])
    assert isinstance(lee, Report) and isinstance(park, Report) and isinstance(ortiz, Report)
    (finding,) = [f for f in lee.findings if f.code == "NC309"]
    assert finding.message.startswith("This note is 100% the same as park.txt (to Mr. Park)")
    assert any(f.code == "NC309" and "lee.txt" in f.message for f in park.findings)
    assert not any(f.code == "NC309" for f in ortiz.findings)
    assert {r.code: r.deduction for r in lee.results}["NC309"] == 10
    # the same interviewer twice (two versions of one note) is not a duplicate
    again = checker.check_many([to_lee, Source("lee-v2.txt", NOTE.format(greeting="Ms. Lee").encode())])
    assert not any(f.code == "NC309" for r in again if isinstance(r, Report) for f in r.findings)
    # a few changed words are still the same note; interviewers from the context count
    edited = NOTE.format(greeting="Sam").replace("on Tuesday", "on Wednesday").replace("first week", "first day")
    pair = checker.check_many([Source("a.txt", NOTE.format(greeting="Sam").encode(), Context(interviewers=("Sam Park",))),
                               Source("b.txt", edited.encode(), Context(interviewers=("Sam Lee",)))])
    (near,) = [f for f in pair[0].findings if f.code == "NC309"]  # type: ignore[union-attr]
    assert "% the same as b.txt (to Sam Lee)" in near.message and "100%" not in near.message


def test_duplicates_through_the_cli(tmp_path: Path) -> None:
    for name, greeting in (("lee.txt", "Ms. Lee"), ("park.txt", "Mr. Park")):
        (tmp_path / name).write_text(NOTE.format(greeting=greeting), encoding="utf-8")
    result = run(str(tmp_path), "--no-grammar", "-f", "line")
    assert f"{tmp_path / 'lee.txt'}:1:1: NC309 duplicate-note: This note is 100% the same as {tmp_path / 'park.txt'}" in result.stdout


@pytest.mark.parametrize("count", [1, 3])
def test_summary_only_for_several_drafts(count: int) -> None:
    result = run(*[str(NOTES / "strong-paralegal.txt")] * count, "--no-grammar")
    assert ("drafts:" in result.stdout) is False  # the same file named thrice is one draft
