"""The body of a letter: paragraphs and list items, and the sentences of all prose segments."""

from __future__ import annotations

import re
from functools import lru_cache

from notecheck.anatomy.lines import HEADING, LIST_MARKER, Line
from notecheck.anatomy.model import Part, Segment, Sentence, Span
from notecheck.lexicon import Lexicon

PROSE = (Part.PARAGRAPH, Part.LIST_ITEM, Part.POSTSCRIPT)
# a sentence ends at terminal punctuation followed by white space, or at a line that ends in a colon
_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])[\"'\u201d\u2019)\]]*\s+|(?<=:)[ \t]*(?:\r\n|\r|\n)\s*")
_FIXED_ABBREVIATIONS = ("St", "Jr", "Sr", "vs", "etc", "e.g", "i.e", "Inc", "Ltd", "Co", "U.S", "approx", "Ph.D")


def body_segments(lines: list[Line], first_offset: int | None, source: str) -> list[Segment]:
    """Paragraphs (runs of lines) and list items ("- ", "1. ", "• "); headings stay headings.

    ``first_offset`` is where the first line's body text starts when a salutation shares the line.
    """
    segments: list[Segment] = []
    current: list[int] = []  # start and end of the paragraph being built

    def close() -> None:
        if current:
            segments.append(Segment(Part.PARAGRAPH, current[0], current[1]))
            current.clear()

    for number, line in enumerate(lines):
        start = first_offset if number == 0 and first_offset is not None else line.start
        if HEADING.match(line.text) and start == line.start:
            close()
            segments.append(Segment(Part.HEADING, start, line.end))
            continue
        marker = LIST_MARKER.match(source, start, line.end)
        if marker:
            close()
            content = Span(marker.end(), line.end)
            segments.append(Segment(Part.LIST_ITEM, start, line.end,
                                    (("marker", Span(start, marker.end())), ("content", content))))
            continue
        previous = segments[-1] if segments and not current else None
        if previous is not None and previous.part is Part.LIST_ITEM and not line.gap_before and line.indent > 0:
            content = previous.content
            segments[-1] = Segment(Part.LIST_ITEM, previous.start, line.end,
                                   (previous.fields[0], ("content", Span(content.start, line.end))))
            continue  # an item wrapped onto an indented line
        if line.gap_before or number == 0 or line.number != lines[number - 1].number + 1:
            close()  # a blank line, or a quoted line left out between
        if current:
            current[1] = line.end
        else:
            current.extend([start, line.end])
    close()
    return segments


@lru_cache(maxsize=8)
def _abbreviation(lexicon: Lexicon) -> re.Pattern[str]:
    words = {w.capitalize() for w in lexicon.honorifics} | set(_FIXED_ABBREVIATIONS)
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"(?:\b(?:" + body + r")\.|\b[A-Z]\.)$")


def sentences_of(segments: list[Segment], clean: str, lexicon: Lexicon) -> list[Sentence]:
    """Sentences of every prose segment (paragraphs, list items, the P.S.); none crosses a segment."""
    abbreviation = _abbreviation(lexicon)
    result: list[Sentence] = []
    for segment in segments:
        if segment.part in (Part.HEADER, Part.HEADING):
            span = _title(segment, clean, lexicon)
            if span is not None:
                _add(result, clean[span.start : span.end], 0, span.end - span.start, span.start, segment.part)
            continue
        if segment.part not in PROSE:
            continue
        span = segment.content
        text = clean[span.start : span.end]
        begin = 0
        for match in _SENTENCE_END.finditer(text):
            if "\n" not in match.group() and "\r" not in match.group() \
                    and abbreviation.search(text, max(0, match.start() - 16), match.start()):
                continue
            _add(result, text, begin, match.start(), span.start, segment.part)
            begin = match.end()
        _add(result, text, begin, len(text), span.start, segment.part)
    return result


def _title(segment: Segment, clean: str, lexicon: Lexicon) -> Span | None:
    """The text of a subject line or a heading, read as one sentence."""
    if segment.part is Part.HEADING:
        return Span(segment.start, segment.end)
    name, value = segment.field("name"), segment.field("value")
    if name and value and clean[name.start : name.end].lower() in ("subject", "re"):
        return value
    return None


def _add(result: list[Sentence], text: str, begin: int, finish: int, base: int, part: Part) -> None:
    chunk = text[begin:finish]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        start = base + begin + lead
        result.append(Sentence(start, start + len(stripped), stripped, part))
