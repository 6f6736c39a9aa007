"""Any text at all: the parse never raises, and its segments are ordered, disjoint and cover the note."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from notecheck.anatomy import parse

PIECES = st.sampled_from([
    "Dear Ms. Lee,", "Hi Sam, thanks", "Mr. Chen \u2013 thank you", "Thank you for the interview.", "\n", "\n\n",
    "\r\n", "\r", " ", "\t", "Best regards,", "Cheers, Sam", "ty", "xoxo", "\u2013 J", "Jordan", "P.S. I forgot",
    "PS:", "> quoted", "On Tue, 3 June, Ana wrote:", "From: a@b.c", "Subject: Thanks", "To: Ana", "Date: Mon",
    "Sent from my iPhone", "-----Original Message-----", "- item", "* item", "1. item", "# Heading", "**bold**",
    "[link](https://x.y)", "<b>", "`code`", "[Name]", "(555) 123-4567", "jo@x.io", "March 3, 2026", "42 Elm St.",
    "\u738b\u660e", "\U0001F600", "!!", "Regards to the panel", "caf\u00e9", "\u200b", "---", "Sincerely,",
])
TEXTS = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=50).map("".join))


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.integers(min_value=0, max_value=20))
def test_segments_are_ordered_disjoint_inside_and_cover_every_character(text: str, cut: int) -> None:
    check_anatomy(text, cut)


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None)
@given(TEXTS, st.integers(min_value=0, max_value=20))
def test_the_same_over_ten_thousand_drafts(text: str, cut: int) -> None:
    check_anatomy(text, cut)


def check_anatomy(text: str, cut: int) -> None:
    start = min(cut, len(text))
    anatomy = parse(text, start)
    assert len(anatomy.clean) == len(text)
    previous_end = 0
    covered = [0] * len(text)
    for segment in anatomy.segments:
        assert previous_end <= segment.start < segment.end <= len(text), segment
        previous_end = segment.end
        for span in (s for _, s in segment.fields):
            assert segment.start <= span.start <= span.end <= segment.end, (segment, span)
        for index in range(segment.start, segment.end):
            covered[index] += 1
    for index in range(start, len(text)):
        if not text[index].isspace():
            assert covered[index] == 1, (index, text[index], anatomy.segments)
    for sentence in anatomy.sentence_list:
        assert text[sentence.start : sentence.end].strip() and 0 <= sentence.start < sentence.end <= len(text)
