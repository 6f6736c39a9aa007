"""Property tests over arbitrary input: drafts of any Unicode (lone surrogates included) with any front
matter (dates at and past the limits, parameters of every type, patterns), raw bytes, server answers
and patterns. The only error the library raises for bad input is ``InputError`` (``GrammarUnavailable``
for a server's answer, ``UnsafePattern``/``re.error`` for a pattern), no rule fails with an exception,
and every span points into the text. Each property runs a few hundred examples in the normal suite
and at least 10,000 in the ``slow`` run (``pytest -m slow tests/test_fuzz.py``)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notecheck import Checker, Config, InputError
from notecheck.grammar import GrammarUnavailable
from notecheck.grammar.response import parse_matches
from notecheck.inputs import decode
from notecheck.regex_safety import UnsafePattern, check_pattern

QUICK = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MANY = settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CHECKERS = (Checker(Config(grammar=False)), Checker(Config(grammar=False, front_matter_patterns=True)))
CODES = sorted({r.code for r in CHECKERS[0].all_rules} | {r.name for r in CHECKERS[0].all_rules})
PARAMS = sorted({name for r in CHECKERS[0].all_rules for name in vars(r.params)})

ANY_CHAR = st.characters(blacklist_categories=())  # lone surrogates too
PIECES = st.sampled_from([
    "Dear Ms. Lee,", "Thank you", "thanks to", "!", "!!", "[Name]", "{Company}", "<x@y.z>", "\U0001F600", "\r\n",
    "\r", "\n", "\n\n", " ", "I led a team of 5.", "we discussed", "Best regards,", "Lena", "---", "XXX", "u",
    "Mr.", "e.g.", "\t", "caf\u00e9", "\u200b", "\ufeff", "P.S.", "> quoted", "Subject: Thanks", "- item",
])
BODY = st.one_of(st.text(ANY_CHAR, max_size=300), st.lists(PIECES, max_size=50).map("".join))
DATE = st.one_of(
    st.datetimes().map(lambda d: d.isoformat()),
    st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["0001-01-01", "9999-12-31", "9999-12-31T23:00+05:00", "1900-01-01", "2199-12-31T23:59-12:00",
                     "2026-02-30", "2026-03-02T25:00", "Z", "", "yesterday"]),
    st.text(max_size=20),
)
VALUE = st.one_of(
    st.integers(min_value=-10**6, max_value=10**6).map(str), st.sampled_from(["1" * 5000, "1e999", "nan", "-inf"]),
    st.floats(allow_nan=True).map(str), st.sampled_from(["true", "false", "True"]),
    st.lists(st.text(st.characters(blacklist_characters=",]\n\r"), max_size=12), max_size=4).map(
        lambda xs: "[" + ", ".join(xs) + "]"),
    st.text(st.characters(blacklist_characters="\n\r"), max_size=30),
    st.sampled_from([r"(a+)+$", r"(ж+)+!", r"(ſ+)+!", r"\w*\w*\w*!", r"[", r"(?:very )?", r"\bx\b", "[a, b]"]),
)
PARAM_LINE = st.tuples(st.one_of(st.sampled_from(CODES), st.text(max_size=6)),
                       st.one_of(st.sampled_from(PARAMS), st.text(max_size=8)), VALUE).map(
    lambda t: f"  {t[0]}.{t[1]}: {t[2]}")
FRONT_LINE = st.one_of(
    st.tuples(st.sampled_from(["company", "interviewer", "role"]),
              st.text(st.characters(blacklist_characters="\n\r"), max_size=30)).map(lambda t: f"{t[0]}: {t[1]}"),
    st.tuples(st.sampled_from(["interview_date", "sent_date"]), DATE).map(lambda t: f"{t[0]}: {t[1]}"),
    st.lists(st.one_of(st.sampled_from(CODES), st.text(max_size=5)), max_size=3).map(
        lambda xs: "ignore: " + ", ".join(xs)),
    st.lists(PARAM_LINE, max_size=4).map(lambda lines: "\n".join(["params:", *lines])),
    st.text(st.characters(blacklist_characters="\n\r"), max_size=20),
)
DRAFT = st.tuples(st.lists(FRONT_LINE, max_size=6), BODY, st.booleans(), st.sampled_from(["\n", "\r\n", "\r"])).map(
    lambda t: ("---\n" + "\n".join(t[0]) + "\n---\n" if t[2] else "").replace("\n", t[3]) + t[1])


def draft_property(text: str, which: int) -> None:
    try:
        report = CHECKERS[which].check(text)
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    assert 0 <= report.score <= 100
    source = re.sub(r"\r(?!\n)", "\n", text)  # a lone CR is read as a line feed, one character for one
    lines = re.split(r"\r\n|\n", source)
    for result in report.results:
        assert not result.reason.startswith("failed ("), (result.code, result.reason)
    for finding in report.findings:
        if finding.offset is None:
            continue
        assert finding.length is not None and finding.length > 0
        assert 0 <= finding.offset < finding.offset + finding.length <= len(source)
        assert source[finding.offset : finding.offset + finding.length] == finding.excerpt
        assert finding.line is not None and finding.column is not None
        assert lines[finding.line - 1][finding.column - 1 :].startswith(re.split(r"\r\n|\n", finding.excerpt)[0])


@QUICK
@given(DRAFT, st.integers(0, 1))
def test_any_draft_checks_or_is_one_input_error(text: str, which: int) -> None:
    draft_property(text, which)


@pytest.mark.slow
@MANY
@given(DRAFT, st.integers(0, 1))
def test_any_draft_checks_or_is_one_input_error_many(text: str, which: int) -> None:
    draft_property(text, which)


def bytes_property(data: bytes, encoding: str | None) -> None:
    try:
        text = decode(data, "x", encoding)
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    assert "\x00" not in text


BYTES = st.one_of(st.binary(max_size=300), st.text(ANY_CHAR, max_size=100).map(
    lambda t: t.encode("utf-16", "surrogatepass")), st.text(max_size=100).map(lambda t: t.encode("utf-8-sig")))
ENCODING = st.sampled_from([None, None, "utf-16-le", "cp1252", "latin-1", "utf-8", "shift_jis", "nope", "rot13"])


@QUICK
@given(BYTES, ENCODING)
def test_any_bytes_decode_or_are_one_input_error(data: bytes, encoding: str | None) -> None:
    bytes_property(data, encoding)


@pytest.mark.slow
@MANY
@given(BYTES, ENCODING)
def test_any_bytes_decode_or_are_one_input_error_many(data: bytes, encoding: str | None) -> None:
    bytes_property(data, encoding)


JSON = st.recursive(st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.floats() | st.text(max_size=10),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                    max_leaves=20)
MATCH = st.fixed_dictionaries({"offset": st.one_of(st.integers(-5, 60), JSON), "length": st.one_of(st.integers(-5, 60), JSON)},
                              optional={"message": JSON, "rule": JSON, "replacements": JSON, "shortMessage": JSON})
ANSWER = st.one_of(JSON, st.fixed_dictionaries({"matches": st.lists(st.one_of(MATCH, JSON), max_size=5)}))


def answer_property(payload: Any, text: str) -> None:
    try:
        matches = parse_matches(payload, text)
    except GrammarUnavailable as exc:
        assert str(exc).startswith("bad response")
        return
    for match in matches:
        assert 0 <= match.offset <= match.offset + match.length <= len(text)


@QUICK
@given(ANSWER, st.text(ANY_CHAR, max_size=40))
def test_any_server_answer_is_matches_or_a_bad_response(payload: Any, text: str) -> None:
    answer_property(payload, text)


@pytest.mark.slow
@MANY
@given(ANSWER, st.text(ANY_CHAR, max_size=40))
def test_any_server_answer_is_matches_or_a_bad_response_many(payload: Any, text: str) -> None:
    answer_property(payload, text)


PATTERN = st.one_of(st.text(max_size=30), st.lists(st.sampled_from(
    ["a", "ж", "ſ", "K", "\\w", "\\s", ".", "*", "+", "?", "{2,}", "(", ")", "(?:", "|", "[a-z]", "[^x]", "\\1",
     "(?=", "(?<!", "++", "(?>", "^", "$", "\\b", "(?i)"]), max_size=12).map("".join))


def pattern_property(pattern: str) -> None:
    try:
        check_pattern(pattern, re.IGNORECASE)
    except (UnsafePattern, re.error):
        return
    except RecursionError:  # a pattern nested hundreds deep: re itself refuses it the same way
        return


@QUICK
@given(PATTERN)
def test_the_static_check_never_crashes(pattern: str) -> None:
    pattern_property(pattern)


@pytest.mark.slow
@MANY
@given(PATTERN)
def test_the_static_check_never_crashes_many(pattern: str) -> None:
    pattern_property(pattern)
