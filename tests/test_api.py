"""The library: `from notecheck import check, check_file`, typed, silent, thread-safe."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import notecheck
from helpers import FIXTURES
from notecheck import Checker, Config, Context, InputError, Report, Severity, Verdict, check, check_file

NO_GRAMMAR = Config(grammar=False)


def test_check_returns_a_report_with_the_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    text = (FIXTURES / "notes" / "template-leftovers.txt").read_text(encoding="utf-8")
    report = check(text, config=NO_GRAMMAR)
    assert isinstance(report, Report)
    assert report.verdict is Verdict.NOT_READY and 0 <= report.score < 100
    assert {f.code for f in report.findings} >= {"NC301"}
    assert {r.code for r in report.results} >= {"NC101", "NC401"}
    data = report.to_dict()
    assert set(data) >= {"path", "score", "verdict", "rules", "findings"}
    assert capsys.readouterr() == ("", "")  # the library prints nothing


def test_context_argument_wins_over_front_matter() -> None:
    path = FIXTURES / "notes" / "strong-paralegal.txt"
    plain = check_file(path, config=NO_GRAMMAR)
    other = check_file(path, context=Context(interviewers=("Someone Else",)), config=NO_GRAMMAR)
    status = {r.code: r.status.value for r in other.results}
    assert {r.code: r.status.value for r in plain.results}["NC308"] == "passed"
    assert status["NC308"] == "failed"


def test_check_file_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        check_file(tmp_path / "missing.txt", config=NO_GRAMMAR)


def test_one_checker_from_many_threads_gives_the_same_answers() -> None:
    paths = sorted((FIXTURES / "notes").glob("*.txt"))
    checker = Checker(NO_GRAMMAR)
    serial = [checker.check_file(p).to_dict() for p in paths]
    with ThreadPoolExecutor(max_workers=8) as pool:
        parallel = list(pool.map(lambda p: checker.check_file(p).to_dict(), paths * 3))
    assert parallel == serial * 3


def test_public_api_is_typed_and_small() -> None:
    assert (Path(notecheck.__file__).parent / "py.typed").is_file()
    for name in ("check", "check_file", "Checker", "Config", "Context", "Report", "Finding", "Severity"):
        assert name in notecheck.__all__
    assert Severity("error") is Severity.ERROR


def test_findings_on_a_huge_line_carry_a_window_of_it() -> None:
    line = "I enjoyed it. " * 400 + "Please reply to [Name] soon. " + "We talked. " * 400
    report = check("Dear Ms. Lee,\n" + line + "\nBest regards,\nLena", config=NO_GRAMMAR)
    (finding,) = [f for f in report.findings if f.code == "NC301"]
    assert len(finding.line_text) <= 400 < len(line)
    begin = finding.column - 1 - finding.line_start
    assert finding.line_text[begin : begin + (finding.length or 0)] == "[Name]"
