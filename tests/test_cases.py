"""Every per-rule case in fixtures/cases/*.toml: `pytest -k NC101` runs one rule's cases."""

from __future__ import annotations

import tomllib

import pytest

from helpers import FIXTURES, context_from
from notecheck import Checker, Config

CASES = []
for path in sorted((FIXTURES / "cases").glob("*.toml")):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    for case in data["case"]:
        CASES.append(pytest.param(data["rule"], case, id=f"{path.stem}::{case['name']}"))


@pytest.fixture(scope="module")
def checkers() -> dict[str, Checker]:
    return {}


@pytest.mark.parametrize(("code", "case"), CASES)
def test_case(code: str, case: dict, checkers: dict[str, Checker]) -> None:
    checker = checkers.setdefault(code, Checker(Config(grammar=False, select=(code,))))
    report = checker.check(case["text"].lstrip("\n"), context=context_from(case.get("context")))
    (result,) = [r for r in report.results if r.code == code]
    expected = {"pass": "passed", "fail": "failed", "skip": "skipped"}[case["expect"]]
    assert result.status.value == expected, f"{code} {case['name']}: {result.status.value} ({result.reason})"
