"""Rule selection like ruff's (each selector form, more specific wins, ignore wins ties, layers),
and per-draft overrides from front matter."""

from __future__ import annotations

import pytest

from notecheck import Checker, Config, InputError
from notecheck.inputs import parse_draft
from notecheck.packs import load_rules
from notecheck.registry import load_registry
from notecheck.selection import Layer, SelectionError, select_layers, select_rules

RULES = load_rules(load_registry())
ALL_CODES = {r.code for r in RULES}
PERSONAL = {r.code for r in RULES if r.pack == "personal"}
LONG_NOTE = "Dear Ms. Ortiz,\nThank you for meeting me. " + "I enjoyed our talk about the audit team. " * 40 + "\nBest regards,\nLena"


def codes(select: tuple[str, ...] = (), extend: tuple[str, ...] = (), ignore: tuple[str, ...] = ()) -> set[str]:
    return {r.code for r in select_rules(RULES, select, extend, ignore)}


def test_default_is_every_rule() -> None:
    assert codes() == ALL_CODES


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        pytest.param("ALL", ALL_CODES, id="all"),
        pytest.param("personal", PERSONAL, id="pack"),
        pytest.param("NC3", {c for c in ALL_CODES if c.startswith("NC3")}, id="prefix"),
        pytest.param("NC30", {c for c in ALL_CODES if c.startswith("NC30")}, id="longer-prefix"),
        pytest.param("NC305", {"NC305"}, id="code"),
        pytest.param("cliche", {"NC305"}, id="name"),
    ],
)
def test_each_selector_form_selects(selector: str, expected: set[str]) -> None:
    assert codes(select=(selector,)) == expected
    assert codes(ignore=(selector,)) == ALL_CODES - expected


def test_extend_select_adds_to_select() -> None:
    assert codes(select=("NC1",), extend=("cliche", "timing")) == {c for c in ALL_CODES if c.startswith("NC1")} | {
        "NC305", "NC401"}


def test_more_specific_selector_wins_over_ignore() -> None:
    assert codes(select=("NC305",), ignore=("personal",)) == {"NC305"}  # code beats pack
    assert codes(ignore=("NC3",), extend=("cliche",)) == ALL_CODES - PERSONAL | {"NC305"}  # name beats prefix
    assert codes(select=("personal",), ignore=("NC3",)) == set()  # prefix beats pack


def test_more_specific_ignore_wins_over_select() -> None:
    assert codes(select=("NC3",), ignore=("NC305",)) == PERSONAL - {"NC305"}
    assert codes(select=("NC3",), ignore=("cliche",)) == PERSONAL - {"NC305"}


def test_ignore_wins_ties() -> None:
    assert "NC305" not in codes(select=("NC305",), ignore=("NC305",))
    assert "NC305" not in codes(select=("NC305",), ignore=("cliche",))  # code and name are equally specific
    assert codes(select=("NC3",), ignore=("NC3",)) == set()
    assert codes(select=("personal",), ignore=("personal",)) == set()


def test_a_later_layer_with_select_starts_afresh() -> None:
    file_layer = Layer(select=("NC1",), origin="notecheck.toml: ")
    cli_layer = Layer(select=("NC2",))
    assert {r.code for r in select_layers(RULES, [file_layer, cli_layer])} == {c for c in ALL_CODES if c.startswith("NC2")}


def test_a_later_layer_without_select_adjusts_the_earlier_choice() -> None:
    file_layer = Layer(select=("NC1",), ignore=("NC104",), origin="notecheck.toml: ")
    chosen = {r.code for r in select_layers(RULES, [file_layer, Layer(extend_select=("NC104", "NC201"), ignore=("NC102",))])}
    assert chosen == {c for c in ALL_CODES if c.startswith("NC1")} - {"NC102"} | {"NC201"}


@pytest.mark.parametrize("selector", ["NC9", "nc3", "no-such-rule", "NC3055"])
def test_a_selector_that_matches_nothing_is_an_error_naming_its_origin(selector: str) -> None:
    with pytest.raises(SelectionError) as info:
        select_layers(RULES, [Layer(ignore=(selector,), origin="/x/notecheck.toml: ")])
    assert str(info.value).startswith(f"/x/notecheck.toml: ignore: '{selector}' matches no rule")
    with pytest.raises(SelectionError, match=r"^--select: 'NC9'"):
        Checker(Config(grammar=False, select=("NC9",)))


# Front matter: per-draft overrides, never part of the text that is sent.

def draft(front: str, body: str = LONG_NOTE):  # type: ignore[no-untyped-def]
    return parse_draft(f"---\n{front}\n---\n{body}", path="draft.txt")


def failed(checker: Checker, d) -> set[str]:  # type: ignore[no-untyped-def]
    return {r.code for r in checker.check_draft(d).results if r.status.value == "failed"}


def test_front_matter_is_not_note_text(checker: Checker) -> None:
    d = draft("ignore: NC201\nparams:\n  NC202.min_words: 5")
    assert "ignore" not in d.note.text and "min_words" not in d.note.text
    assert d.note.text.startswith("Dear Ms. Ortiz")


def test_front_matter_ignore_by_code_name_and_pack(checker: Checker) -> None:
    assert "NC201" in failed(checker, draft("role: Auditor"))
    assert "NC201" not in failed(checker, draft("ignore: NC201"))
    assert "NC201" not in failed(checker, draft("ignore: note-too-long, cliche"))
    report = checker.check_draft(draft("ignore: length"))
    assert not any(r.code.startswith("NC2") for r in report.results)
    assert any(r.code == "NC101" for r in report.results)


def test_front_matter_params_override_for_that_draft_only(checker: Checker) -> None:
    assert "NC201" in failed(checker, draft("role: Auditor"))
    assert "NC201" not in failed(checker, draft("params:\n  NC201.max_words: 1000"))
    assert "NC201" not in failed(checker, draft("params:\n  note-too-long.max_words: 1000"))
    assert "NC201" in failed(checker, draft("role: Auditor"))  # the checker itself is unchanged


def test_front_matter_param_values_are_typed() -> None:
    d = draft("params:\n  NC305.patterns: [delighted, over the moon]\n  NC602.max_count: 0\n  NC602.scope_note: false")
    assert d.overrides["params"] == {"NC305.patterns": ["delighted", "over the moon"], "NC602.max_count": 0,
                                     "NC602.scope_note": False}
    checker = Checker(Config(grammar=False, select=("NC305",), front_matter_patterns=True))
    body = "Dear Ms. Ortiz,\nThank you. I am delighted, truly over the moon about the role.\nBest regards,\nLena"
    assert failed(checker, draft("role: Auditor", body)) == set()
    assert failed(checker, draft("params:\n  NC305.patterns: [delighted, over the moon]", body)) == {"NC305"}


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("ignore: NC999", "draft.txt: front matter ignore: 'NC999' matches no rule"),
        ("params:\n  NC999.max_words: 3", "draft.txt: front matter params: NC999.max_words: no rule is called 'NC999'"),
        ("params:\n  NC201.max_wordz: 3",
         "draft.txt: front matter params: NC201.max_wordz: unknown parameter 'max_wordz' (this kind takes: max_words, min_words)"),
        ("params:\n  NC201.max_words: many", "draft.txt: front matter params: NC201.max_words: parameter 'max_words' must be"),
        ("params:\n  NC201: 3", "draft.txt: front matter params: NC201: expected RULE.parameter"),
    ],
)
def test_front_matter_overrides_are_validated(checker: Checker, front: str, message: str) -> None:
    with pytest.raises(InputError) as info:  # the draft is at fault: the library's one error for bad input
        checker.check_draft(draft(front))
    assert str(info.value).startswith(message)


def test_front_matter_params_for_an_unselected_rule_are_still_validated() -> None:
    checker = Checker(Config(grammar=False, select=("NC101",)))
    with pytest.raises(InputError, match="unknown parameter 'nope'"):
        checker.check_draft(draft("params:\n  NC201.nope: 3"))
