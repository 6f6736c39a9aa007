"""Bounded time and validated answers against a misbehaving server on loopback: a trickling server is
cut off by the total per-request deadline, a stuck one costs one deadline for the whole run, and a
malformed answer skips grammar ("bad response", exit 3) instead of reaching the report."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from fake_lt import fake_languagetool

from helpers import FIXTURES
from notecheck import Checker, Config, Status
from notecheck.grammar import GrammarSettings, GrammarUnavailable, LanguageToolBackend, open_backend
from notecheck.grammar.deadline import Budget
from test_cli import run

NOTE = (FIXTURES / "notes" / "strong-paralegal.txt").read_text(encoding="utf-8")
TEXT = "Thank you for the the talk."


def match(**fields: Any) -> dict[str, Any]:
    base = {"offset": 14, "length": 7, "message": "Repeated word", "replacements": [{"value": "the"}],
            "rule": {"id": "ENGLISH_WORD_REPEAT_RULE", "issueType": "duplication", "category": {"id": "MISC"}}}
    return {**base, **fields}


@pytest.mark.parametrize("mode", ["trickle", "trickle-headers"])
def test_a_trickling_server_is_cut_off_by_the_total_request_deadline(mode: str) -> None:
    body = {"software": {"version": "6.8"}, "matches": [match()] * 20}  # ~2 kB: 400 s at a byte per 0.2 s
    with fake_languagetool(mode, body) as fake:
        started = time.monotonic()
        with pytest.raises(GrammarUnavailable, match=r"^timed out: LanguageTool at .* gave no complete answer within 1s"):
            LanguageToolBackend(fake.url, timeout=1.0).check(TEXT, language="en-US")
        assert time.monotonic() - started < 4


def test_a_stuck_server_costs_one_deadline_for_the_whole_run() -> None:
    with fake_languagetool("hang") as fake:
        backend = LanguageToolBackend(fake.url, timeout=30.0, budget=Budget(2.0))
        started = time.monotonic()
        reasons = []
        for _ in range(50):
            try:
                backend.check(TEXT, language="en-US")
            except GrammarUnavailable as exc:
                reasons.append(str(exc))
        assert time.monotonic() - started < 6  # 50 notes, 30 s each without a run deadline
        assert len(reasons) == 50 and all(r.startswith("timed out") for r in reasons)
        assert fake.requests == 1  # after the first timed out, no note waited again


def test_the_default_run_deadline_grows_with_the_batch() -> None:
    budget = Budget(base=30.0, per_note=1.0)
    for _ in range(100):
        budget.admit()
        budget.release()
    assert 129 < budget.remaining() <= 130


def test_a_spent_budget_fails_at_once() -> None:
    budget = Budget(0.05)
    budget.admit()
    time.sleep(0.1)
    budget.release()
    with pytest.raises(GrammarUnavailable, match="timed out: the grammar deadline of 0.05s for this run has passed"):
        budget.admit()


def test_idle_time_does_not_count() -> None:
    budget = Budget(0.2)
    time.sleep(0.3)  # nothing in flight
    budget.admit()
    budget.release()


def test_a_batch_against_a_stuck_server_ends_with_timed_out_and_exit_3(tmp_path: Path) -> None:
    paths = []
    for number in range(20):
        path = tmp_path / f"n{number}.txt"
        path.write_text(NOTE, encoding="utf-8")
        paths.append(str(path))
    with fake_languagetool("hang") as fake:
        started = time.monotonic()
        done = run(*paths, "--lt-url", fake.url, "--grammar-timeout", "3", "-f", "json")
        elapsed = time.monotonic() - started
    assert done.returncode == 3, done.stderr
    assert elapsed < 20
    files = json.loads(done.stdout)["files"]
    assert len(files) == 20
    for entry in files:
        grammar = {r["code"]: r for r in entry["rules"]}["NC501"]
        assert grammar["status"] == "skipped" and grammar["reason"].startswith("timed out")
        assert {r["code"]: r for r in entry["rules"]}["NC101"]["status"] == "passed"  # the other rules ran


@pytest.mark.parametrize(("body", "reason"), [
    ([], "the answer is list, not an object"),
    ({"software": {}}, "the answer has no list of matches"),
    ({"matches": {"0": 1}}, "the answer has no list of matches"),
    ({"matches": ["x"]}, "match 1 is str, not an object"),
    ({"matches": [match(offset="18")]}, "match 1: offset is str, not a whole number"),
    ({"matches": [match(offset=1.5)]}, "match 1: offset is float, not a whole number"),
    ({"matches": [match(length=True)]}, "match 1: length is bool, not a whole number"),
    ({"matches": [match(offset=-1)]}, "match 1: offset -1 and length 7 fall outside the text"),
    ({"matches": [match(length=10**9)]}, "fall outside the text"),
    ({"matches": [match(offset=27, length=1)]}, "fall outside the text"),
    ({"matches": [match(message=5)]}, "match 1: message is int, not text"),
    ({"matches": [match(rule=[])]}, "match 1: rule is list, not an object"),
    ({"matches": [match(replacements="the")]}, "match 1: replacements is str, not a list"),
    ({"matches": [match(replacements=[{"value": 3}])]}, "a replacement is int, not text"),
    ({"matches": [match()] * 40}, "40 matches for a text of 27 UTF-16 units"),
    (b"<html>not json</html>", "not JSON"),
    (b"[" * 100000, "not JSON"),
    (b"x" * (9 * 2**20), "more than 8 MiB"),
])
def test_a_malformed_answer_is_a_bad_response(body: Any, reason: str) -> None:
    with fake_languagetool("answer", body) as fake:
        with pytest.raises(GrammarUnavailable, match="^bad response") as failure:
            LanguageToolBackend(fake.url).check(TEXT, language="en-US")
    assert reason in str(failure.value) and "\n" not in str(failure.value)


def test_a_malformed_answer_skips_grammar_in_the_report() -> None:
    with fake_languagetool("answer", {"matches": [match(offset=999)]}) as fake:
        with Checker(Config(lt_url=fake.url)) as checker:
            report = checker.check(NOTE)
        done = run(str(FIXTURES / "notes" / "strong-paralegal.txt"), "--lt-url", fake.url)
    results = {r.code: r for r in report.results}
    for code in ("NC501", "NC502", "NC503", "NC504"):
        assert results[code].status is Status.SKIPPED and results[code].reason.startswith("bad response")
    assert report.incomplete and not [f for f in report.findings if f.code.startswith("NC5")]
    assert done.returncode == 3 and "Traceback" not in done.stderr
    assert "skipped: bad response" in done.stdout


def test_a_valid_answer_still_reaches_the_report() -> None:
    with fake_languagetool("answer", {"software": {"version": "6.8"}, "matches": [match()]}) as fake:
        with open_backend(GrammarSettings(lt_url=fake.url)) as backend:
            (found,) = backend.check(TEXT, language="en-US")
    assert TEXT[found.offset : found.offset + found.length] == "the the"
