"""Every per-rule case in fixtures/cases/*.toml: `pytest -k NC101` runs one rule's cases.

A case gives the note (``text``), its ``context``, optional rule ``params``, and what must happen:
``expect`` (pass, fail or skip), optionally the checklist ``reason`` (a substring), the ``exemption``
that spared something, and the ``findings`` — each with ``line``, ``column``, ``excerpt`` and
``message`` (any of them; when findings are given, they are all of the rule's findings, in order).
"""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from helpers import FIXTURES, context_from
from notecheck import Checker, Config
from notecheck.registry import load_registry

CASE_KEYS = {"name", "expect", "text", "context", "params", "reason", "exemption", "findings"}
FINDING_KEYS = {"line", "column", "excerpt", "message"}
CASES = []
for path in sorted((FIXTURES / "cases").glob("*.toml")):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    for case in data["case"]:
        CASES.append(pytest.param(data["rule"], case, id=f"{path.stem}::{case['name']}"))


@pytest.fixture(scope="module")
def checkers() -> dict[Any, Checker]:
    return {}


def _checker(code: str, case: dict[str, Any], checkers: dict[Any, Checker]) -> Checker:
    params = case.get("params") or {}
    key = (code, tuple(sorted((k, repr(v)) for k, v in params.items())))
    if key not in checkers:
        checkers[key] = Checker(Config(grammar=False, select=(code,), params={code: params} if params else {}))
    return checkers[key]


@pytest.mark.parametrize(("code", "case"), CASES)
def test_case(code: str, case: dict[str, Any], checkers: dict[Any, Checker]) -> None:
    assert set(case) <= CASE_KEYS, f"unknown case keys: {set(case) - CASE_KEYS}"
    report = _checker(code, case, checkers).check(case["text"].lstrip("\n"), context=context_from(case.get("context")))
    (result,) = [r for r in report.results if r.code == code]
    expected = {"pass": "passed", "fail": "failed", "skip": "skipped"}[case["expect"]]
    assert result.status.value == expected, f"{code} {case['name']}: {result.status.value} ({result.reason})"
    if "reason" in case:
        assert case["reason"] in result.reason, result.reason
    if "exemption" in case:
        assert case["exemption"] in [name for name, _ in result.exemptions], result.exemptions
    if "findings" in case:
        wanted = case["findings"]
        assert len(result.findings) == len(wanted), [f.message for f in result.findings]
        for finding, want in zip(result.findings, wanted, strict=True):
            assert set(want) <= FINDING_KEYS, f"unknown finding keys: {set(want) - FINDING_KEYS}"
            got = {"line": finding.line, "column": finding.column, "excerpt": finding.excerpt, "message": finding.message}
            assert {k: got[k] for k in want} == want


def test_every_exemption_has_a_case() -> None:
    """A heuristic kind's named exemptions are its documented behaviour: each one is pinned by a case."""
    named = {case.values[1].get("exemption") for case in CASES}
    for kind in load_registry().kinds.values():
        for exemption in kind.exemptions:
            assert exemption.name in named, f"no case in fixtures/cases names the {kind.name} exemption {exemption.name!r}"
