"""Reading a draft once into the ordered, typed, non-overlapping segments of a letter."""

from __future__ import annotations

import re

from notecheck.anatomy.body import body_segments, sentences_of
from notecheck.anatomy.bottom import parse_tail, quoted
from notecheck.anatomy.lines import Line, name_tokens, split_lines
from notecheck.anatomy.markup import clean_markup
from notecheck.anatomy.model import Anatomy, Part, Segment, Span
from notecheck.anatomy.top import find_salutation, letterhead, parse_headers
from notecheck.lexicon import Lexicon, shipped_lexicon

# "… see you soon! – Jordan" at the end of a one-line message
_TRAILING_NAME = re.compile(r"(?<=[.!?\u2026)])[ \t]+[-\u2013\u2014~][ \t]?(?P<name>[^\W\d_][\w.'\u2019-]{0,30})[ \t]*$")


def parse(source: str, start: int = 0, end: int | None = None, *, lexicon: Lexicon | None = None,
          known: frozenset[str] = frozenset()) -> Anatomy:
    """The anatomy of ``source[start:end]`` (``start`` is where front matter ends).

    ``known`` holds lower-case name words the parser may trust (the interviewers' names): they make
    "Priya, I wanted to …" a salutation and "Thanks, Priya!" a thanks to the reader, not a signature.
    Lines it cannot place stay body.
    """
    end = len(source) if end is None else end
    lexicon = lexicon or shipped_lexicon()
    clean = clean_markup(source)
    segments: list[Segment] = [Segment(Part.FRONT_MATTER, 0, start)] if start > 0 else []
    every = split_lines(source, start, end)
    first = parse_headers(every, clean, lexicon, segments)
    marks, cut = quoted(every, first, lexicon)
    segments += _quoted_segments(every, marks, cut)
    lines = [line for line in every[first:cut] if line.number not in marks]

    salutation = find_salutation(lines, 0, len(lines), source, clean, lexicon, known, set())
    low = salutation.line + 1 if salutation else 0
    tail = parse_tail(lines, low, len(lines), clean, lexicon, known)
    segments += tail.segments
    if salutation is not None:
        signature = next((s for s in tail.segments if s.part is Part.SIGNATURE), None)
        name = signature.field("name") if signature else None
        signer = name_tokens(name.text(source), lexicon) if name else None
        segments += letterhead(lines[: salutation.line], signer, lexicon)
        segments.append(salutation.segment)
    body_lines = lines[low : tail.body_end]
    rest = None
    if salutation is not None and salutation.rest is not None:
        body_lines = [lines[salutation.line], *body_lines]
        rest = salutation.rest
    body = body_segments(body_lines, rest, source)
    if not any(s.part in (Part.CLOSING, Part.SIGNATURE) for s in tail.segments):
        body = _split_trailing_name(body, source, clean)
    segments += body
    ordered = tuple(sorted((s for s in segments if s.end > s.start), key=lambda s: (s.start, s.end)))
    return Anatomy(source=source, clean=clean, segments=ordered, sentence_list=tuple(sentences_of(list(ordered), clean, lexicon)))


def _quoted_segments(lines: list[Line], marks: set[int], cut: int) -> list[Segment]:
    segments: list[Segment] = []
    run: list[Line] = []
    for index in sorted(marks):
        if run and index != run[-1].number + 1:
            segments.append(Segment(Part.QUOTED, run[0].start, run[-1].end))
            run = []
        run.append(lines[index])
    if run:
        segments.append(Segment(Part.QUOTED, run[0].start, run[-1].end))
    if cut < len(lines):
        segments.append(Segment(Part.QUOTED, lines[cut].start, lines[-1].end))
    return segments


def _split_trailing_name(body: list[Segment], source: str, clean: str) -> list[Segment]:
    """A one-line message signed at its end ("Thanks again! – Jo") keeps its name apart from the body."""
    if not body or body[-1].part is not Part.PARAGRAPH:
        return body
    last = body[-1]
    found = _TRAILING_NAME.search(clean, last.start, last.end)
    if not found:
        return body
    name = Span(found.start("name"), found.end("name"))
    text_end = last.start + len(source[last.start : found.start()].rstrip())
    gap = source[text_end : found.end()]
    return [*body[:-1], Segment(Part.PARAGRAPH, last.start, text_end),
            Segment(Part.SIGNATURE, text_end + len(gap) - len(gap.lstrip()), last.end, (("name", name),))]
