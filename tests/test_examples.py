"""Every rule's own good and bad examples behave: bad ones fail the rule, good ones pass it."""

from __future__ import annotations

import pytest

from helpers import context_from
from notecheck import Checker, Config
from notecheck.packs import load_rules
from notecheck.registry import load_registry

RULES = [r for r in load_rules(load_registry()) if r.kind != "grammar"]  # grammar: tests/grammar (real server)
EXAMPLES = [
    pytest.param(rule.code, side, example, id=f"{rule.code}-{side}-{index}")
    for rule in RULES
    for side, examples in (("good", rule.good), ("bad", rule.bad))
    for index, example in enumerate(examples)
]


@pytest.mark.parametrize(("code", "side", "example"), EXAMPLES)
def test_example(code: str, side: str, example) -> None:  # type: ignore[no-untyped-def]
    checker = Checker(Config(grammar=False, select=(code,)))
    if example.batch:
        from notecheck.api import Source

        sources = [Source(f"example-{i}.txt", e.text.encode(), context_from(e.context))
                   for i, e in enumerate((example, *example.batch))]
        report = checker.check_many(sources)[0]
    else:
        report = checker.check(example.text, context=context_from(example.context), format=example.format)
    (result,) = report.results
    assert result.status.value == ("failed" if side == "bad" else "passed"), result.reason


def test_every_rule_has_examples_and_explanation() -> None:
    for rule in load_rules(load_registry()):
        assert rule.good and rule.bad and rule.why and rule.message, rule.code


def test_codes_and_names_are_unique_and_stable() -> None:
    rules = load_rules(load_registry())
    codes = {r.code: r.name for r in rules}
    assert len(codes) == len(rules) == len({r.name for r in rules})
    expected = {
        "NC101": "missing-thanks", "NC102": "no-fit-reason", "NC103": "interview-recap", "NC104": "forgotten-point",
        "NC201": "note-too-long", "NC202": "note-too-short", "NC203": "long-sentence", "NC204": "hard-to-read",
        "NC301": "template-placeholder", "NC302": "missing-greeting", "NC303": "missing-sign-off",
        "NC304": "generic-greeting", "NC305": "cliche", "NC306": "no-personal-detail", "NC307": "wrong-company",
        "NC308": "interviewer-name-mismatch", "NC309": "duplicate-note", "NC310": "subject-line", "NC401": "late-send", "NC601": "desperate-tone",
        "NC602": "exclamation-overuse", "NC603": "text-speak", "NC501": "grammar", "NC502": "spelling",
    }
    for code, name in expected.items():
        assert codes.get(code) == name


def test_forgotten_point_never_makes_a_note_not_ready(checker: Checker) -> None:
    report = checker.check("Dear Ms. Ortiz,\nThank you for meeting me about the audit role. I have run month-end "
                           "close for three years, which your team needs.\nBest regards,\nLena")
    nc104 = next(r for r in report.results if r.code == "NC104")
    assert nc104.status.value == "failed" and nc104.deduction == 0
    assert all(f.severity.value == "info" for f in nc104.findings)


def test_shipped_patterns_pass_the_backtracking_analysis() -> None:
    """The loader trusts the shipped packs at start-up because of this test."""
    import tomllib
    from dataclasses import fields

    from notecheck.packs import build_params
    from notecheck.registry import builtin_packs

    registry = load_registry()
    for path in sorted(builtin_packs().glob("*.toml")):
        if path.name == "lexicon.toml":
            continue  # word lists: the lexicon loader checks its patterns (tests/test_anatomy.py)
        for table in tomllib.loads(path.read_text(encoding="utf-8"))["rule"]:
            kind = registry.kind(table["kind"])
            names = {f.name for f in fields(kind.params)}
            assert set(table.get("params", {})) <= names
            build_params(kind.params, table.get("params", {}), f"{path.name}: {table['code']}")  # raises if unsafe


def test_a_backspace_from_toml_escapes_is_refused() -> None:
    from notecheck.kinds.phrases import PhraseParams
    from notecheck.packs import PackError, build_params

    with pytest.raises(PackError, match="control character"):
        build_params(PhraseParams, {"patterns": ["thanks\b"]}, "pack.toml: rule X")
    with pytest.raises(PackError, match="control character"):
        build_params(PhraseParams, {"patterns": ["thanks\b"]}, "pack.toml: rule X", shipped=True)
