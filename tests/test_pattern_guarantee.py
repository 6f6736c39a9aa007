"""Patterns that cannot blow up: front matter may not set patterns unless configured, the static check
sees Unicode classes, case folding and polynomial repetition, and a user's pattern that is slow anyway
is stopped by the time budget ("skipped: pattern too slow", exit 3)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from notecheck import Checker, Config, InputError, PackError, Status, check
from notecheck.kinds.base import compile_terms
from notecheck.patterns import BudgetedPattern, PatternTooSlow, budget, compile_pattern
from notecheck.regex_safety import UnsafePattern, check_pattern
from test_cli import run
from test_plugins import house_pack

NOTE = "Dear Ms. Ortiz,\nThank you for the talk about the audit team.\nBest regards,\nLena"


def front(params: str, body: str = NOTE) -> str:
    return f"---\nparams:\n  {params}\n---\n{body}"


@pytest.mark.parametrize("params", ["NC305.patterns: [(ж+)+!]", "NC305.patterns: [delighted]", "NC602.pattern: x",
                                    "NC305.unless: [a]"])
def test_front_matter_may_not_set_patterns_by_default(params: str) -> None:
    with pytest.raises(InputError, match="front matter may not set patterns; allow it with front-matter-patterns"):
        check(front(params), config=Config(grammar=False))


def test_front_matter_may_set_other_parameters() -> None:
    report = check(front("NC201.max_words: 5"), config=Config(grammar=False))
    assert {r.code: r.status for r in report.results}["NC201"] is Status.FAILED


@pytest.mark.parametrize(("pattern", "why"), [
    (r"(ж+)+!", "repetition inside a repetition"),  # a Cyrillic letter: outside the old ASCII sample
    (r"(ſ+)+!", "repetition inside a repetition"),  # the long s matches ASCII 's' and 'S' ignoring case
    (r"(K+)+!", "repetition inside a repetition"),  # the Kelvin sign folds to 'k'
    (r"([а-я]+)+!", "repetition inside a repetition"),
    (r"\w*\w*\w*\w*!", "polynomially"),
    (r".*o.*!", "polynomially"),
    (r"(\w*)(\w*)!", "polynomially"),
])
def test_the_static_check_sees_unicode_case_folding_and_polynomial_repetition(pattern: str, why: str) -> None:
    with pytest.raises(UnsafePattern, match=why):
        check_pattern(pattern, re.IGNORECASE)


def test_front_matter_patterns_when_allowed_are_still_checked() -> None:
    config = Config(grammar=False, front_matter_patterns=True)
    for bad in (r"(ж+)+!", r"(ſ+)+!", r"\w*\w*\w*\w*!"):
        with pytest.raises(InputError, match="is refused"):
            check(front(f"NC305.patterns: [{bad}]"), config=config)
    report = check(front("NC305.patterns: [talk, audit]"), config=config)  # NC305 fires on two
    assert {r.code: r.status for r in report.results}["NC305"] is Status.FAILED


def test_what_the_old_check_let_through_is_now_refused_from_the_command_line(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(front("NC305.patterns: [(ſ+)+!]", NOTE + " " + "s" * 30), encoding="utf-8")
    started = time.monotonic()
    done = run(str(draft), "--no-grammar")
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "front matter may not set patterns" in done.stderr
    assert time.monotonic() - started < 30  # the bypass took minutes on 30 characters


def test_shipped_patterns_run_on_re_and_user_patterns_under_the_budget() -> None:
    Checker(Config(grammar=False))  # loading the shipped packs vets their patterns
    assert isinstance(compile_terms(["thank you"]), re.Pattern)
    assert isinstance(compile_terms([re.escape("Halden & Price (UK)")]), re.Pattern)  # literal text
    assert isinstance(compile_terms([r"[^!]*!"]), BudgetedPattern)
    assert isinstance(compile_pattern(r"(?:x|y)+"), BudgetedPattern)


def test_a_slow_user_pattern_is_stopped_by_the_budget() -> None:
    slow = compile_pattern(r"(a|aa)+$")  # exponential: what no static check should ever let through
    started = time.monotonic()
    with pytest.raises(PatternTooSlow), budget(0.2):
        list(slow.finditer("a" * 60 + "b"))
    assert time.monotonic() - started < 5


def test_a_slow_pattern_in_a_user_pack_skips_its_rule_not_the_report(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the static check misses, the budget still holds: with the check switched off, an
    exponential pattern in a user pack costs its rule one second on a hostile note, nothing more."""
    monkeypatch.setattr("notecheck.packs.check_pattern", lambda pattern, flags=0: None)
    pack = house_pack(tmp_path, "patterns = ['(?:a|aa)+c']")
    checker = Checker(Config(grammar=False, packs=(pack,)))
    hostile = "Dear Ms. Ortiz,\nThank you for the talk. " + ("a" * 40 + " ") * 20 + "\nBest regards,\nLena"
    started = time.monotonic()
    report = checker.check(hostile)
    results = {r.code: r for r in report.results}
    assert results["HSE101"].status is Status.SKIPPED
    assert results["HSE101"].reason == "pattern too slow (over 1 s on this note)"
    assert report.incomplete  # exit 3
    assert results["NC101"].status is Status.PASSED
    assert time.monotonic() - started < 30
    fine = checker.check("Dear Ms. Ortiz,\nThank you for the aac talk.\nBest regards,\nLena")
    assert {r.code: r.status for r in fine.results}["HSE101"] is Status.FAILED  # the same pattern, fast here


def test_a_pattern_that_matches_empty_text_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="can match empty text"):
        Checker(Config(grammar=False, packs=(house_pack(tmp_path, "patterns = ['(?:very )?']"),)))


@pytest.mark.parametrize("setting", ["max_count = -1", "min_words = -5"])
def test_negative_counts_are_refused(tmp_path: Path, setting: str) -> None:
    kind = "character-count" if "max_count" in setting else "word-count"
    with pytest.raises(PackError, match="must not be negative"):
        Checker(Config(grammar=False, packs=(house_pack(tmp_path, setting, kind=kind),)))
    with pytest.raises(InputError, match="must not be negative"):
        check(front("NC602.max_count: -1"), config=Config(grammar=False))


def test_a_hostile_address_line_is_linear() -> None:
    """'<' and 200,000 '@': the old address pattern split them in quadratically many ways (minutes)."""
    started = time.monotonic()
    check("Dear Ms. Lee,\nThank you. <" + "@" * 200_000 + "\nBest regards,\nLena", config=Config(grammar=False))
    assert time.monotonic() - started < 20
