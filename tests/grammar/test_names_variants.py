"""Names and English variants are not misspellings (canned engine answers; real engines: test_real_engines.py)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

import pytest

from helpers import use_engine
from notecheck import Checker, Config, Context, Verdict
from notecheck.config import locale_language
from notecheck.grammar import GrammarMatch

BRITISH = {"analysed": "analyzed", "organise": "organize", "colour": "color"}
AMERICAN = {"color": "colour", "center": "centre", "analyzed": "analysed"}


class Canned:
    """Flags every word in ``unknown`` as a word its dictionary does not know, and variant spellings."""

    name = "Canned engine"
    leaves_machine = False

    def __init__(self) -> None:
        self.unknown = {"brightwater", "dagster", "etl", "organoids", "okonkwo", "fischer", "lena", "sarha",
                        "zyntrix", "realy", "numpy"}
        self.calls: list[tuple[str, str]] = []

    def check(self, text: str, *, language: str) -> list[GrammarMatch]:
        self.calls.append((text, language))
        found = []
        for m in re.finditer(r"[A-Za-z]+", text):
            word = m.group()
            variant = None
            if language == "en-US" and word.lower() in BRITISH:
                variant, fix = "en-GB", BRITISH[word.lower()]
            elif language != "en-US" and word.lower() in AMERICAN:
                variant, fix = "en-US", AMERICAN[word.lower()]
            elif word.lower() in self.unknown:
                fix = word.upper()
            else:
                continue
            found.append(GrammarMatch("MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling", "Possible spelling mistake.",
                                      "", (fix,), m.start(), len(word), "", group="spelling", unknown_word=True,
                                      variant=variant))
        return found


@pytest.fixture()
def canned(monkeypatch: pytest.MonkeyPatch) -> Iterator[Canned]:
    engine = Canned()
    use_engine(monkeypatch, engine)
    yield engine


def check(text: str, context: Context | None = None, **config: object):  # type: ignore[no-untyped-def]
    return Checker(Config(language=config.pop("language", "en-US"), **config)).check(text, context=context)  # type: ignore[arg-type]


def by_code(report, code: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.excerpt for f in report.findings if f.code == code]


NOTE = ("Dear Ms. Okonkwo,\n\nThank you for the tour of Brightwater today. We discussed an ETL pipeline in\n"
        "Dagster and your work on organoids.\n\nBest regards,\nLena Fischer\n")


def test_names_are_info_findings_and_lower_case_words_stay_errors(canned: Canned) -> None:
    report = check(NOTE)
    assert by_code(report, "NC505") == ["Okonkwo", "Brightwater", "ETL", "Dagster"]  # addressee, words, acronym
    assert by_code(report, "NC502") == ["organoids"]
    names = [f for f in report.findings if f.code == "NC505"]
    assert names[1].message == "unrecognised name \u201cBrightwater\u201d: check its spelling"
    assert names[1].suggestions == ("BRIGHTWATER",)  # the engine's nearest suggestion
    assert all(f.severity.value == "info" for f in names)
    nc505 = next(r for r in report.results if r.code == "NC505")
    assert nc505.deduction == 0


def test_a_note_is_never_not_ready_through_names_alone(canned: Canned) -> None:
    report = check(NOTE.replace(" and your work on organoids", ""))
    assert report.verdict is not Verdict.NOT_READY
    assert not by_code(report, "NC502")


def test_context_names_word_list_and_the_writers_own_name_are_never_reported(canned: Canned) -> None:
    context = Context(company="Brightwater Labs", interviewers=("Adaeze Okonkwo",))
    report = check(NOTE, context, words=("Dagster",))
    assert by_code(report, "NC505") == ["ETL"]
    assert "Lena" not in by_code(report, "NC502") + by_code(report, "NC505")


def test_a_bare_signature_name_with_no_closing_line_is_the_writers_own(canned: Canned) -> None:
    text = "Hi Sam,\n\nThank you for the call today, Sam. I enjoyed it. Lena Fischer here again.\n\nLena Fischer\n"
    report = check(text)
    assert not by_code(report, "NC502") and not by_code(report, "NC505")


def test_a_capitalised_word_opening_a_sentence_is_not_taken_for_a_name(canned: Canned) -> None:
    text = "Dear Sam,\n\nThank you for today. Realy, I enjoyed it.\n\nBest,\nJo\n"
    canned.unknown.add("realy")
    report = check(text)
    assert by_code(report, "NC502") == ["Realy"]  # capitalised only because it opens the sentence


def test_an_acronym_is_a_name_even_when_it_opens_a_sentence_or_a_list_item(canned: Canned) -> None:
    text = "Dear Sam,\n\nThank you. My strengths:\n1. ETL work\n2. NumPy and more.\n\nBest,\nJo\n"
    report = check(text)
    assert by_code(report, "NC505") == ["ETL", "NumPy"] and not by_code(report, "NC502")


def test_a_wrapped_line_does_not_open_a_sentence_but_a_paragraph_does(canned: Canned) -> None:
    text = ("Dear Sam,\n\nThank you for the tour of\nBrightwater today.\n\nBrightwater was lovely.\n\n"
            "Best,\nJo\n")
    report = check(text)
    assert by_code(report, "NC505") == ["Brightwater"]  # line 4 continues a sentence: a name
    assert by_code(report, "NC502") == ["Brightwater"]  # line 6 opens a paragraph: could be a typo


def test_the_salutations_addressee_is_a_name_even_at_the_start_of_a_line(canned: Canned) -> None:
    report = check("Sarha,\n\nThank you for meeting me today.\n\nBest,\nJo\n")
    assert by_code(report, "NC505") == ["Sarha"]


def test_other_variant_spellings_are_one_info_finding(canned: Canned) -> None:
    text = "Dear Sam,\n\nThank you. I analysed the plan and will organise the files; I analysed more.\n\nBest,\nJo\n"
    report = check(text, select=("NC5",))
    (finding,) = [f for f in report.findings if f.code == "NC506"]
    assert finding.message == 'British spellings (analysed, organise) under en-US: set `language = "en-GB"`'
    assert finding.severity.value == "info" and finding.excerpt == "analysed"
    assert not by_code(report, "NC502") and report.verdict is Verdict.READY


def test_mixing_two_variants_is_one_warning_naming_both(canned: Canned) -> None:
    text = "Dear Sam,\n\nThank you. I analysed the plan and liked the color of the center.\n\nBest,\nJo\n"
    report = check(text, select=("NC5",))
    (finding,) = [f for f in report.findings if f.code == "NC506"]
    assert finding.severity.value == "warning"
    assert finding.message == "British and American spellings mixed (analysed; color, center): keep to one variant"
    assert ("en-GB" in {language for _, language in canned.calls})  # checked under the other variant too
    assert report.verdict is Verdict.NEEDS_WORK


def test_the_configured_variant_is_sent_and_its_spellings_are_fine(canned: Canned) -> None:
    text = "Dear Sam,\n\nThank you. I analysed the plan and will organise the files.\n\nBest,\nJo\n"
    report = check(text, language="en-GB")
    assert not by_code(report, "NC506") and not by_code(report, "NC502")
    assert {language for _, language in canned.calls} == {"en-GB"}


def test_the_rules_share_one_request_per_note_and_variant(canned: Canned) -> None:
    check(NOTE)  # "organoids" is unknown: is it another variant's spelling? one more request tells
    assert sorted(language for _, language in canned.calls) == ["en-GB", "en-US"]
    canned.calls.clear()
    check(NOTE.replace(" and your work on organoids", ""))  # only names: no second request
    assert [language for _, language in canned.calls] == ["en-US"]


@pytest.mark.parametrize(("env", "language"), [
    ({"LANG": "en_GB.UTF-8"}, "en-GB"),
    ({"LANG": "en_AU.utf8"}, "en-AU"),
    ({"LANG": "en_US.UTF-8", "LC_ALL": "en_NZ.UTF-8"}, "en-NZ"),
    ({"LANG": "en_CA.UTF-8", "LC_MESSAGES": "en_ZA.UTF-8"}, "en-ZA"),
    ({"LANG": "en_IE.UTF-8"}, "en-GB"),
    ({"LANG": "en"}, "en-US"),
    ({"LANG": "de_DE.UTF-8"}, None),
    ({"LANG": "C.UTF-8"}, None),
    ({}, None),
])
def test_language_from_the_locale(env: dict[str, str], language: str | None) -> None:
    assert locale_language(env) == language


def test_the_locale_sets_the_default_language_and_the_configuration_wins(
        canned: Canned, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert Checker(Config()).language == "en-GB"
    assert Checker(Config(language="en-US")).language == "en-US"
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert Checker(Config()).language == "en-US"


def test_a_closed_compound_the_dictionary_splits_is_a_hint_not_a_misspelling(canned: Canned,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    splits = {"stockouts": ("stock outs",), "putaway": ("cutaway", "put away"), "realy": ("really", "real"),
              "alot": ("a lot", "allot"), "thankyou": ("thank you",), "eachother": ("each other",)}
    canned.unknown |= set(splits)
    plain = canned.check

    def check(text: str, *, language: str) -> list[GrammarMatch]:
        return [dataclasses.replace(m, replacements=splits.get(text[m.offset : m.offset + m.length].lower(), m.replacements))
                for m in plain(text, language=language)]

    monkeypatch.setattr(canned, "check", check)
    text = ("Dear Ms. Okonkwo,\n\nThank you for the tour today. At my last warehouse I cut stockouts by a third and\n"
            "rebuilt the putaway routine; I realy enjoyed seeing yours.\n\nBest regards,\nLena Fischer\n")
    joined = text.replace("I realy enjoyed", "thankyou, I learned alot; we helped eachother. I enjoyed")
    report = Checker(Config(language="en-US", select=("NC502",))).check(text)
    hints = {f.excerpt: f for f in report.findings if f.code == "NC502"}
    assert set(hints) == {"stockouts", "putaway", "realy"}
    assert hints["stockouts"].severity.value == "info" and hints["putaway"].severity.value == "info"
    assert hints["stockouts"].suggestions == ("stock outs",)
    assert "not in the dictionary as one word" in hints["putaway"].message
    assert hints["realy"].severity.value == "error"  # a misspelling stays one
    only_compounds = text.replace("I realy enjoyed", "I enjoyed")
    assert Checker(Config(language="en-US", select=("NC502",))).check(only_compounds).verdict is Verdict.READY
    assert report.score == 85
    # split at a joining word ("a lot", "thank you", "each other") the word is a misspelling, not a compound
    errors = {f.excerpt for f in Checker(Config(language="en-US", select=("NC502",))).check(joined).findings
              if f.severity.value == "error"}
    assert errors == {"alot", "thankyou", "eachother"}


def test_nothing_is_reported_inside_the_role_company_or_a_name_the_context_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    class Apostrophes:
        """Flags every plural noun before a noun as a missing possessive apostrophe, as LanguageTool guesses."""

        name = "Canned engine"
        leaves_machine = False

        def check(self, text: str, *, language: str) -> list[GrammarMatch]:
            return [GrammarMatch("POSSESSIVE_APOSTROPHE", "TYPOS", "typographical", "An apostrophe may be missing.",
                                 "", (m.group(1) + "'",), m.start(1), len(m.group(1)), "")
                    for m in re.finditer(r"\b(claims|sales)\s+(?:adjuster|team)\b", text, re.IGNORECASE)]

    use_engine(monkeypatch, Apostrophes())
    text = ("Dear Ms. Okonkwo,\n\nThank you for meeting me about the claims\nadjuster position. I enjoyed meeting"
            " the sales team.\n\nBest regards,\nLena Fischer\n")
    given = Context(role="Claims Adjuster", company="Verity Insurance", interviewers=("Adaeze Okonkwo",))
    report = check(text, given, select=("NC503",))
    assert by_code(report, "NC503") == ["sales"]  # the role as the context gives it is not a slip; the rest is checked
    assert by_code(check(text, select=("NC503",)), "NC503") == ["claims", "sales"]  # no context: both reported
