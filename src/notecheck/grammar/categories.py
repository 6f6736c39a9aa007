"""Which notecheck rule each engine's findings belong to: ``grammar``, ``spelling``, ``punctuation`` or ``style``.

LanguageTool (checked against the category list of LanguageTool 6.8: ``org.languagetool.rules.Categories``
and the ``<category>`` ids of language-en's ``grammar.xml`` and ``style.xml``):

=============  ====================================================================================
group          LanguageTool category ids
=============  ====================================================================================
grammar        GRAMMAR, CONFUSED_WORDS, COLLOCATIONS, NONSTANDARD_PHRASES, SEMANTICS, CASING,
               FALSE_FRIENDS; rules ``EN_A_VS_AN`` (articles), ``ENGLISH_WORD_REPEAT_RULE``
               ("the the") and ``CONFUSION_OF_ME_I`` (filed under MISC/TYPOS by LanguageTool);
               any TYPOS rule whose issue type is ``grammar``
spelling       TYPOS, MULTITOKEN_SPELLING, COMPOUNDING, PROPER_NOUNS; rule ``EN_COMPOUNDS``
punctuation    PUNCTUATION, TYPOGRAPHY; rule ``EN_CONSISTENT_APOS``; any TYPOS rule whose issue type is
               ``typographical`` (a guessed apostrophe: "claims adjuster" is a job title)
style          STYLE, REDUNDANCY, PLAIN_ENGLISH, REPETITIONS, REPETITIONS_STYLE, COLLOQUIALISMS,
               REGIONALISMS, GENDER_NEUTRALITY, WIKIPEDIA, CREATIVE_WRITING, TON_ACADEMIC,
               TEXT_ANALYSIS, AMERICAN_ENGLISH_STYLE, BRITISH_ENGLISH, AMERICAN_ENGLISH,
               BRE_STYLE_OXFORD_SPELLING, other MISC rules; rules ``EN_DIACRITICS_REPLACE_*`` ("Bogota"
               without its accent is the English spelling) and ``IN_THE_MOMENT`` ("in the moment" is
               standard English)
=============  ====================================================================================

A category not in the table goes by its issue type: ``grammar``, ``duplication`` and ``misspelling``
(which LanguageTool also gives confused words) are grammar, ``typographical`` and ``whitespace``
punctuation, the rest style. Only LanguageTool's dictionary spell checkers (``MORFOLOGIK_RULE_*``,
``HUNSPELL_*``) report *unknown words*: the ones that may be names or another English variant's spelling.

Harper (its ``LintKind``; rule names in ``HARPER_RULES`` first): Spelling is spelling (always an
unknown word); Agreement, Grammar, Malapropism, Eggcorn, Nonstandard, Preposition, Usage, BoundaryError
and Repetition are grammar, and so is the rule ``AnA`` (articles); Punctuation and Formatting are
punctuation; Capitalization, Miscellaneous, WordChoice, Typo, Style, Enhancement, Readability,
Redundancy and Regionalism are style, and so are the rules ``MassNouns``, ``MissingDeterminer`` and
``QuantifierNumeralConflict`` (each was wrong on every fixture note it fired on).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import GrammarMatch

GROUPS = ("grammar", "spelling", "punctuation", "style")

LT_CATEGORIES = {
    **dict.fromkeys(("GRAMMAR", "CONFUSED_WORDS", "COLLOCATIONS", "NONSTANDARD_PHRASES", "SEMANTICS", "CASING",
                     "FALSE_FRIENDS"), "grammar"),
    **dict.fromkeys(("TYPOS", "MULTITOKEN_SPELLING", "COMPOUNDING", "PROPER_NOUNS"), "spelling"),
    **dict.fromkeys(("PUNCTUATION", "TYPOGRAPHY"), "punctuation"),
    **dict.fromkeys(("STYLE", "REDUNDANCY", "PLAIN_ENGLISH", "REPETITIONS", "REPETITIONS_STYLE", "COLLOQUIALISMS",
                     "REGIONALISMS", "GENDER_NEUTRALITY", "WIKIPEDIA", "CREATIVE_WRITING", "TON_ACADEMIC",
                     "TEXT_ANALYSIS", "AMERICAN_ENGLISH_STYLE", "BRITISH_ENGLISH", "AMERICAN_ENGLISH",
                     "BRE_STYLE_OXFORD_SPELLING", "MISC"), "style"),
}
LT_RULES = {  # rules LanguageTool files under a category that does not say what they check
    "EN_A_VS_AN": "grammar", "ENGLISH_WORD_REPEAT_RULE": "grammar", "CONFUSION_OF_ME_I": "grammar",
    "EN_COMPOUNDS": "spelling", "EN_CONSISTENT_APOS": "punctuation",
    "IN_THE_MOMENT": "style",  # "I could not remember it in the moment" is standard English, not "at the moment"
}
LT_RULE_PREFIXES = {  # families of rules, one id per word
    "EN_DIACRITICS_REPLACE": "style",  # "Bogota", "Krakow": the English spelling; the accented one is a choice
}
LT_ISSUE_TYPES = {"grammar": "grammar", "duplication": "grammar", "misspelling": "grammar",
                  "typographical": "punctuation", "whitespace": "punctuation"}
_LT_SPELLERS = ("MORFOLOGIK_RULE_", "HUNSPELL_")

HARPER_KINDS = {
    "Spelling": "spelling",
    # errors a reader notices; measured precise enough on the fixture notes to cost points
    **dict.fromkeys(("Agreement", "Grammar", "Malapropism", "Eggcorn", "Nonstandard", "Preposition", "Usage",
                     "BoundaryError", "Repetition"), "grammar"),
    **dict.fromkeys(("Punctuation", "Formatting"), "punctuation"),
    # hints: on the fixture notes these were mostly wrong for a letter ("Sam" all-caps, "runbook" split in
    # two, "roadmap", "You may be missing a preposition"), so they never cost points
    **dict.fromkeys(("Capitalization", "Miscellaneous", "WordChoice", "Typo", "Style", "Enhancement",
                     "Readability", "Redundancy", "Regionalism"), "style"),
}
HARPER_RULES = {
    "AnA": "grammar",  # "a ETL": an article, although Harper files it as Miscellaneous
    # wrong on every fixture note they fired on ("a passion is a mass noun", "some ninety",
    # a missing determiner between two list items): hints, not errors
    "MassNouns": "style", "MissingDeterminer": "style", "QuantifierNumeralConflict": "style",
}

VARIANT_NAMES = {"en-US": "American", "en-GB": "British", "en-AU": "Australian", "en-CA": "Canadian",
                 "en-NZ": "New Zealand", "en-ZA": "South African"}
_LT_VARIANT_RE = re.compile(r"\bis (" + "|".join(VARIANT_NAMES.values()) + r") English\b")


def lt_group(rule_id: str, category_id: str, issue_type: str) -> str:
    if rule_id in LT_RULES:
        return LT_RULES[rule_id]
    family = next((group for prefix, group in LT_RULE_PREFIXES.items() if rule_id.startswith(prefix)), None)
    if family is not None:
        return family
    if category_id == "TYPOS" and issue_type in ("grammar", "typographical"):
        return LT_ISSUE_TYPES[issue_type]  # "Possible Typo" holds more than spelling: its issue type says which
    return LT_CATEGORIES.get(category_id) or LT_ISSUE_TYPES.get(issue_type) or "style"


def lt_unknown_word(rule_id: str) -> bool:
    """True for LanguageTool's dictionary spell checkers: the word is not in its dictionary."""
    return rule_id.startswith(_LT_SPELLERS)


def lt_variant(message: str) -> str | None:
    """The variant LanguageTool says a flagged word belongs to ("‘analysed’ is British English." -> en-GB)."""
    found = _LT_VARIANT_RE.search(message)
    if found is None:
        return None
    return next(code for code, name in VARIANT_NAMES.items() if name == found.group(1))


def group_of(match: GrammarMatch) -> str:
    """The match's group as its backend set it; LanguageTool's mapping for a bare match."""
    return match.group or lt_group(match.rule_id, match.category_id, match.issue_type)


def is_unknown_word(match: GrammarMatch) -> bool:
    return match.unknown_word or lt_unknown_word(match.rule_id)


def harper_group(lint_kind: str, rule: str = "") -> str:
    return HARPER_RULES.get(rule) or HARPER_KINDS.get(lint_kind, "style")
