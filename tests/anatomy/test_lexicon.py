"""The shared lexicon: one file, every list once, extendable from configuration and pack folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from notecheck import Checker, Config
from notecheck.lexicon import LEXICON_FILE, Lexicon, LexiconError, load_lexicon_file, shipped_lexicon
from notecheck.registry import builtin_packs


def test_the_shipped_patterns_pass_the_backtracking_analysis() -> None:
    """The shipped lexicon is trusted at start-up because of this test."""
    load_lexicon_file(builtin_packs() / LEXICON_FILE)  # checks every pattern; raises if one is unsafe


def test_no_entry_is_listed_twice_in_one_list() -> None:
    lexicon = shipped_lexicon()
    for name in ("salutations", "valedictions", "honorifics", "weekdays", "months", "organisation_words",
                 "venue_words", "header_names", "device_footer_patterns"):
        entries = [e.lower() for e in getattr(lexicon, name)]
        assert len(entries) == len(set(entries)), name


def test_config_adds_to_a_list_and_the_parser_uses_it() -> None:
    text = "Dear Ms. Ortiz,\n\nThank you for meeting me.\n\nMuch love\nLena"
    plain = Checker(Config(grammar=False, select=("NC303",))).check(text)
    assert plain.results[0].reason == "signed Lena"  # "Much love" is not a valediction: a body line
    extended = Checker(Config(grammar=False, select=("NC303",), lexicon={"valedictions": ["Much love"]})).check(text)
    assert extended.results[0].reason == "\u201cMuch love\u201d \u2014 Lena"


def test_a_pack_folder_may_carry_a_lexicon(tmp_path: Path) -> None:
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "house.toml").write_text(
        '[pack]\nname = "house"\n\n[[rule]]\ncode = "HSE101"\nname = "house-rule"\ntip = 2\nkind = "phrase"\n'
        'severity = "warning"\nweight = 5\nmessage = "m"\nwhy = "w"\n[rule.params]\npatterns = ["zzz"]\n'
        '[rule.examples]\ngood = ["a"]\nbad = ["b"]\n', encoding="utf-8")
    (folder / LEXICON_FILE).write_text('[lexicon]\nhonorifics = ["Sgt"]\n', encoding="utf-8")
    checker = Checker(Config(grammar=False, packs=(folder,), select=("NC308",)))
    assert "sgt" in checker.lexicon.words("honorifics")
    report = checker.check("Dear Sgt. Ortiz,\n\nThank you.\n\nLena", context=None)
    assert report.results[0].status.value == "skipped"  # no interviewer known; the lexicon loaded


@pytest.mark.parametrize(("table", "error"), [
    ({"valedictionz": ["x"]}, "unknown lexicon list 'valedictionz'"),
    ({"valedictions": "x"}, "must be a list of non-empty strings"),
    ({"device_footer_patterns": ["(a+)+$"]}, "is refused"),
    ({"nicknames": {"robert": "bob"}}, "must be a table of name = [short forms]"),
])
def test_bad_lists_are_refused_with_the_list_named(table: dict[str, object], error: str) -> None:
    with pytest.raises(LexiconError, match=error.replace("[", r"\[").replace("(", r"\(").replace("+", r"\+")):
        Lexicon().extended(table, "notecheck.toml: lexicon")
