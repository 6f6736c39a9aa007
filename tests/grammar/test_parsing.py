"""Response parsing and UTF-16 offset conversion, on responses recorded from LanguageTool."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from notecheck.grammar import GrammarMatch, GrammarUnavailable
from notecheck.grammar.client import check_params, parse_matches, utf16_to_codepoint_map

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "languagetool"


def load(name: str) -> tuple[str, dict[str, Any]]:
    record = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    return record["request"]["text"], record["response"]


def spans(text: str, matches: list[GrammarMatch]) -> dict[str, str]:
    return {m.rule_id: text[m.offset:m.offset + m.length] for m in matches}


def test_emoji_before_error_keeps_position() -> None:
    text, response = load("emoji-before-error")
    assert response["matches"][0]["offset"] == 31  # UTF-16: the emoji counts twice
    matches = parse_matches(response, text)
    assert spans(text, matches) == {"BASE_FORM": "has", "ENGLISH_WORD_REPEAT_RULE": "the the"}
    assert matches[0].offset == 30


def test_astral_characters_between_errors() -> None:
    text, response = load("astral-between-errors")
    found = spans(text, parse_matches(response, text))
    assert found == {"ENGLISH_WORD_REPEAT_RULE": "the the", "MORFOLOGIK_RULE_EN_US": "teh"}


def test_fields_are_carried_over() -> None:
    text, response = load("emoji-before-error")
    repeat = [m for m in parse_matches(response, text) if m.rule_id == "ENGLISH_WORD_REPEAT_RULE"]
    assert repeat == [GrammarMatch(
        rule_id="ENGLISH_WORD_REPEAT_RULE", category_id="MISC", issue_type="duplication",
        message="Possible typo: you repeated a word.", short_message="Word repetition",
        replacements=("the",), offset=42, length=7,
        rule_description="Word repetition (e.g. 'will will')")]


def test_typical_note() -> None:
    text, response = load("typical-note")
    matches = parse_matches(response, text)
    assert utf16_to_codepoint_map(text) is None  # BMP only: offsets pass through
    assert all(len(m.replacements) <= 5 for m in matches)
    for raw, match in zip(response["matches"], matches, strict=True):
        context = raw["context"]
        expected = context["text"][context["offset"]:context["offset"] + context["length"]]
        assert text[match.offset:match.offset + match.length] == expected
    assert {m.category_id for m in matches} <= {"TYPOS", "GRAMMAR", "CASING", "CONFUSED_WORDS",
                                                "MISC", "TYPOGRAPHY", "PUNCTUATION", "STYLE"}


def test_clean_note_has_no_matches() -> None:
    text, response = load("clean-note")
    assert parse_matches(response, text) == []


def test_at_most_five_replacements() -> None:
    text, response = load("british-spelling")
    response["matches"][0]["replacements"] = [{"value": str(i)} for i in range(9)]
    assert parse_matches(response, text)[0].replacements == ("0", "1", "2", "3", "4")


def test_response_without_matches_is_unavailable() -> None:
    with pytest.raises(GrammarUnavailable):
        parse_matches({"error": "x"}, "text")


def _utf16_index(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


@pytest.mark.parametrize("seed", range(25))
def test_conversion_roundtrip(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = ["a", "b", " ", "é", "中", "😀", "🙏🏽", "\U0001d11e", "\n"]
    text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60)))
    start = rng.randint(0, len(text))
    end = rng.randint(start, len(text))
    u16_start, u16_end = _utf16_index(text, start), _utf16_index(text, end)
    response = {"matches": [{"offset": u16_start, "length": u16_end - u16_start,
                             "rule": {"id": "R", "category": {"id": "C"}}}]}
    (match,) = parse_matches(response, text)
    assert (match.offset, match.length) == (start, end - start)


def test_span_ending_inside_a_surrogate_pair_keeps_the_character() -> None:
    text = "x😀y"
    response = {"matches": [{"offset": 1, "length": 1, "rule": {"id": "R"}}]}
    (match,) = parse_matches(response, text)
    assert text[match.offset:match.offset + match.length] == "😀"


@pytest.mark.parametrize(("language", "sent"), [
    ("en-US", "en-US"), ("en-GB", "en-GB"), ("en", "en-US"), ("", "en-US")])
def test_plain_en_is_never_sent(language: str, sent: str) -> None:
    assert check_params("Hi.", language) == {"text": "Hi.", "language": sent}


def test_unavailable_reason_is_one_line() -> None:
    assert str(GrammarUnavailable("server\n  died\tsuddenly")) == "server died suddenly"
