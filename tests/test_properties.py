"""Any text at all: the engine never crashes and every position points into the original text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from notecheck import Checker, Config, InputError

CHECKER = Checker(Config(grammar=False))
PIECES = st.sampled_from([
    "Dear Ms. Lee,", "Thank you", "thanks to", "!", "!!", "[Name]", "{Company}", "<x@y.z>", "\U0001F600", "\r\n",
    "\n", "\n\n", " ", "I led a team of 5.", "we discussed", "Best regards,", "Lena", "---", "XXX", "____", "u",
    "Mr.", "e.g.", "\t", "caf\u00e9", "\u200b",
])
TEXTS = st.one_of(st.text(max_size=400), st.lists(PIECES, max_size=60).map("".join))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_any_text_checks_and_positions_are_true(text: str) -> None:
    try:
        report = CHECKER.check(text)
    except InputError as exc:  # only a broken front-matter block or an empty draft is refused
        assert text.lstrip("\ufeff").startswith("---") or "empty" in str(exc), exc
        return
    assert 0 <= report.score <= 100
    text = re.sub(r"\r(?!\n)", "\n", text)  # a lone CR is read as a line feed, one character for one
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for finding in report.findings:
        if finding.offset is None:
            continue
        assert 0 <= finding.offset <= finding.offset + (finding.length or 0) <= len(text)
        assert text[finding.offset : finding.offset + (finding.length or 0)] == finding.excerpt
        assert finding.line is not None and finding.column is not None
        assert lines[finding.line - 1][finding.column - 1 :].startswith(finding.excerpt.split("\n")[0].split("\r")[0])
