"""Whole drafts: the ground-truth labels, and golden JSON reports (NOTECHECK_UPDATE_GOLDEN=1 rewrites them)."""

from __future__ import annotations

import json
import os
import tomllib

import pytest

from helpers import FIXTURES, check_fixture
from notecheck import Checker

LABELS = tomllib.loads((FIXTURES / "labels.toml").read_text(encoding="utf-8"))["notes"]
NOTES = sorted((FIXTURES / "notes").glob("*.txt"))
UPDATE = os.environ.get("NOTECHECK_UPDATE_GOLDEN") == "1"


def test_there_are_enough_fixtures() -> None:
    assert len(NOTES) >= 25
    assert {p.name for p in NOTES} == set(LABELS)


@pytest.mark.parametrize("path", NOTES, ids=[p.stem for p in NOTES])
def test_labels(path, checker: Checker) -> None:  # type: ignore[no-untyped-def]
    report = check_fixture(checker, path)
    failed = {r.code for r in report.results if r.status.value == "failed"}
    expected = {c for c in LABELS[path.name]["fails"] if not c.startswith("NC5")}
    known_miss = LABELS[path.name].get("known_miss")
    if known_miss and failed != expected:
        pytest.xfail(known_miss)  # documented limitation; the label stays the careful reader's
    assert failed == expected
    assert not known_miss, f"fixed: remove known_miss from {path.name} in fixtures/labels.toml"


@pytest.mark.parametrize("path", NOTES, ids=[p.stem for p in NOTES])
def test_golden_json(path, checker: Checker) -> None:  # type: ignore[no-untyped-def]
    actual = check_fixture(checker, path).to_dict()
    golden = FIXTURES / "expected" / f"{path.stem}.json"
    if UPDATE or not golden.exists():
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"wrote missing golden file {golden.name}; review and commit it")
    assert actual == json.loads(golden.read_text(encoding="utf-8"))


def test_positions_refer_to_the_original_file(checker: Checker) -> None:
    path = FIXTURES / "notes" / "template-leftovers.txt"
    text = path.read_text(encoding="utf-8")
    report = check_fixture(checker, path)
    lines = text.splitlines()
    placeholders = [f for f in report.findings if f.code == "NC301"]
    assert placeholders
    for finding in placeholders:
        assert finding.line is not None and finding.column is not None
        line = lines[finding.line - 1]
        assert line[finding.column - 1 : finding.column - 1 + (finding.length or 0)] == finding.excerpt
        assert text[finding.offset : finding.offset + finding.length] == finding.excerpt  # type: ignore[operator]
