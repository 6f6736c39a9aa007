"""A fault inside one rule's kind skips that rule (the check is incomplete) and keeps every other result."""

from __future__ import annotations

from dataclasses import dataclass, replace

from notecheck import Checker, Config, Status
from notecheck.kinds.base import Outcome, RunEnv
from notecheck.note import Note
from notecheck.registry import load_registry


@dataclass(frozen=True)
class NoParams:
    pass


def explode(note: Note, params: NoParams, env: RunEnv) -> Outcome:
    raise OverflowError("date value out of range")


def test_a_failing_kind_skips_only_its_rule() -> None:
    registry = load_registry()
    registry.kinds["timing"] = replace(registry.kinds["timing"], check=explode)
    report = Checker(Config(grammar=False), registry=registry).check(
        "Dear Ms. Ortiz,\nThank you for the talk.\nBest regards,\nLena")
    results = {r.code: r for r in report.results}
    assert results["NC401"].status is Status.SKIPPED
    assert results["NC401"].reason == "failed (OverflowError: date value out of range)"
    assert report.incomplete  # exit 3: a rule that should have run did not
    assert results["NC101"].status is Status.PASSED
    assert any("NC401" in notice for notice in report.notices)
