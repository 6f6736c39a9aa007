"""Which NC5xx rule an engine's finding belongs to, checked against LanguageTool's own categories."""

from __future__ import annotations

import pytest

from notecheck.grammar.categories import group_of, harper_group, lt_group, lt_unknown_word, lt_variant
from notecheck.grammar.model import GrammarMatch


@pytest.mark.parametrize(("rule_id", "category", "issue", "group"), [
    ("EN_A_VS_AN", "MISC", "misspelling", "grammar"),  # "a ETL": an article, not a spelling mistake
    ("CONFUSION_OF_ME_I", "TYPOS", "misspelling", "grammar"),  # "Me and my supervisor"
    ("ENGLISH_WORD_REPEAT_RULE", "MISC", "duplication", "grammar"),
    ("HE_VERB_AGR", "GRAMMAR", "grammar", "grammar"),  # agreement
    ("YOUR_NN", "CONFUSED_WORDS", "misspelling", "grammar"),  # confused words
    ("A_KNOW_BUG", "TYPOS", "grammar", "grammar"),
    ("POSSESSIVE_APOSTROPHE", "TYPOS", "typographical", "punctuation"),  # "the claims adjuster position"
    ("EN_DIACRITICS_REPLACE_ORTHOGRAPHY_BOGOTA", "TYPOS", "misspelling", "style"),  # "Bogota" is English
    ("IN_THE_MOMENT", "NONSTANDARD_PHRASES", "misspelling", "style"),  # "I froze in the moment"
    ("TENDER_HOOKS", "SEMANTICS", "inconsistency", "grammar"),
    ("UPPERCASE_SENTENCE_START", "CASING", "typographical", "grammar"),
    ("MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling", "spelling"),
    ("EN_MULTITOKEN_SPELLING_TWO", "MULTITOKEN_SPELLING", "misspelling", "spelling"),
    ("FULL_TIME", "COMPOUNDING", "uncategorized", "spelling"),
    ("EN_COMPOUNDS", "MISC", "misspelling", "spelling"),
    ("COMMA_COMPOUND_SENTENCE", "PUNCTUATION", "typographical", "punctuation"),
    ("WHITESPACE_RULE", "TYPOGRAPHY", "whitespace", "punctuation"),
    ("EN_CONSISTENT_APOS", "MISC", "uncategorized", "punctuation"),
    ("AFTERWARDS_US", "BRITISH_ENGLISH", "locale-violation", "style"),
    ("ENGLISH_WORD_REPEAT_BEGINNING_RULE", "REPETITIONS_STYLE", "style", "style"),
    ("EN_WORD_COHERENCY", "MISC", "uncategorized", "style"),
    ("SOME_NEW_RULE", "SOME_NEW_CATEGORY", "misspelling", "grammar"),  # unknown category: by issue type
    ("SOME_NEW_RULE", "SOME_NEW_CATEGORY", "whitespace", "punctuation"),
    ("SOME_NEW_RULE", "SOME_NEW_CATEGORY", "", "style"),
])
def test_languagetool_mapping(rule_id: str, category: str, issue: str, group: str) -> None:
    assert lt_group(rule_id, category, issue) == group


def test_only_the_dictionary_spell_checkers_report_unknown_words() -> None:
    assert lt_unknown_word("MORFOLOGIK_RULE_EN_GB") and lt_unknown_word("HUNSPELL_RULE")
    assert not lt_unknown_word("CONFUSION_OF_ME_I") and not lt_unknown_word("EN_A_VS_AN")


def test_languagetool_names_the_variant_a_spelling_belongs_to() -> None:
    assert lt_variant("Possible spelling mistake. \u2018analysed\u2019 is British English.") == "en-GB"
    assert lt_variant("Possible spelling mistake. \u2018color\u2019 is American English.") == "en-US"
    assert lt_variant("Possible spelling mistake found.") is None


@pytest.mark.parametrize(("kind", "rule", "group"), [
    ("Spelling", "SpellCheck", "spelling"),
    ("Agreement", "PronounVerbAgreement", "grammar"),
    ("Miscellaneous", "AnA", "grammar"),  # an article, although Harper calls it miscellaneous
    ("Repetition", "RepeatedWords", "grammar"),
    ("Agreement", "MassNouns", "style"),  # measured wrong on the fixture notes
    ("Typo", "SplitWords", "style"),
    ("Capitalization", "OrthographicConsistency", "style"),
    ("Punctuation", "Spaces", "punctuation"),
    ("Readability", "LongSentences", "style"),
    ("SomethingNew", "NewRule", "style"),
])
def test_harper_mapping(kind: str, rule: str, group: str) -> None:
    assert harper_group(kind, rule) == group


def test_a_bare_match_falls_back_to_languagetools_mapping() -> None:
    bare = GrammarMatch("EN_A_VS_AN", "MISC", "misspelling", "Use \u201can\u201d", "", ("an",), 0, 1, "")
    assert group_of(bare) == "grammar"
