"""The parts of a letter as the parser found them, and the named scopes rules read them through."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple, TypeVar

T = TypeVar("T")


class Part(enum.StrEnum):
    """The type of a segment, in the order they usually come."""

    FRONT_MATTER = "front-matter"
    HEADER = "header"  # one e-mail header line: fields "name" and "value"
    HEADING = "heading"  # a Markdown heading ("# Thank you")
    SENDER = "sender-block"  # the writer's address block at the top of a business letter
    DATE = "date-line"
    RECIPIENT = "recipient-block"  # the reader's name, title, company and address
    SALUTATION = "salutation"  # fields "word" and "addressee"; on its own line or inline
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"  # fields "marker" and "content"
    POSTSCRIPT = "postscript"  # fields "marker" and "content"
    CLOSING = "closing"  # the valediction: field "valediction"
    SIGNATURE = "signature"  # fields "name", "title", "organisation", "contact"
    FOOTER = "footer"  # "Sent from my iPhone"
    QUOTED = "quoted-reply"  # an earlier message below a reply, or "> " lines


class Span(NamedTuple):
    start: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]


class Segment(NamedTuple):
    """One typed part of the draft: ``start``..``end`` index the original source."""

    part: Part
    start: int
    end: int
    fields: tuple[tuple[str, Span], ...] = ()

    def field(self, name: str) -> Span | None:
        for key, span in self.fields:
            if key == name:
                return span
        return None

    def all(self, name: str) -> list[Span]:
        return [span for key, span in self.fields if key == name]

    @property
    def content(self) -> Span:
        """The segment without its marker ("- ", "P.S."): where its sentences start."""
        return self.field("content") or Span(self.start, self.end)

    def to_dict(self, source: str) -> dict[str, Any]:
        return {
            "part": self.part.value, "start": self.start, "end": self.end, "text": source[self.start : self.end],
            "fields": [{"name": k, "start": s.start, "end": s.end, "text": s.text(source)} for k, s in self.fields],
        }


class Sentence(NamedTuple):
    """A sentence of prose; ``text`` is its clean text (Markdown markers blanked), ``part`` its segment's type."""

    start: int
    end: int
    text: str
    part: Part = Part.PARAGRAPH


# The scope vocabulary: every rule names the scopes it reads, the same words for every kind.
SCOPES: dict[str, frozenset[Part]] = {
    "whole": frozenset(Part) - {Part.FRONT_MATTER, Part.QUOTED},
    "headers": frozenset({Part.HEADER}),
    "subject": frozenset(),  # the value of a Subject header (resolved through the header's field)
    "heading": frozenset({Part.HEADING}),
    "letterhead": frozenset({Part.SENDER, Part.DATE, Part.RECIPIENT}),
    "salutation": frozenset({Part.SALUTATION}),
    "body": frozenset({Part.PARAGRAPH, Part.LIST_ITEM}),
    "postscript": frozenset({Part.POSTSCRIPT}),
    "closing": frozenset({Part.CLOSING}),
    "signature": frozenset({Part.SIGNATURE}),
    "footer": frozenset({Part.FOOTER}),
    "quoted": frozenset({Part.QUOTED}),
}
SCOPE_HELP = {
    "whole": "everything the writer wrote (front matter and quoted earlier messages left out)",
    "headers": "e-mail header lines",
    "subject": "the Subject header's text",
    "heading": "a Markdown heading",
    "letterhead": "a business letter's sender block, date line and recipient block",
    "salutation": "the greeting (\u201cDear Ms. Ortiz,\u201d), inline ones included",
    "body": "the paragraphs and list items between the greeting and the closing",
    "postscript": "a P.S., wherever it stands",
    "closing": "the valediction (\u201cBest regards,\u201d)",
    "signature": "the writer's name, title, organisation and contact lines",
    "footer": "lines a mail program adds (\u201cSent from my iPhone\u201d)",
    "quoted": "an earlier message quoted below a reply",
}
WORD_RE = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")


def validate_scope(names: tuple[str, ...]) -> None:
    unknown = [n for n in names if n not in SCOPES]
    if unknown or not names:
        raise ValueError(f"scope must name one or more of: {', '.join(SCOPES)} (got {', '.join(unknown) or 'none'})")


@dataclass
class Anatomy:
    """The ordered, non-overlapping segments of one draft, and cached views of them by scope."""

    source: str
    clean: str  # the source with Markdown/HTML markers blanked: same length, same offsets
    segments: tuple[Segment, ...]
    sentence_list: tuple[Sentence, ...] = ()
    _cache: dict[Any, Any] = field(default_factory=dict, repr=False)

    def of(self, *parts: Part) -> list[Segment]:
        return [s for s in self.segments if s.part in parts]

    def first(self, part: Part) -> Segment | None:
        return next((s for s in self.segments if s.part is part), None)

    @property
    def salutation(self) -> Segment | None:
        return self.first(Part.SALUTATION)

    @property
    def closing(self) -> Segment | None:
        return self.first(Part.CLOSING)

    @property
    def signature(self) -> Segment | None:
        return self.first(Part.SIGNATURE)

    def header(self, *names: str) -> Span | None:
        """The value of the first e-mail header called one of ``names`` (case-insensitive)."""
        wanted = {n.lower() for n in names}
        for segment in self.of(Part.HEADER):
            key = segment.field("name")
            if key and key.text(self.source).lower() in wanted:
                return segment.field("value")
        return None

    @property
    def subject(self) -> Span | None:
        """The subject line: a Subject (or Re) header's text."""
        return self.header("subject", "re")

    def field_text(self, segment: Segment | None, name: str) -> str:
        span = segment.field(name) if segment else None
        return span.text(self.source) if span else ""

    @property
    def addressee(self) -> str:
        return self.field_text(self.salutation, "addressee")

    @property
    def signer(self) -> str:
        """The writer's name as signed (signature block or the closing line)."""
        return self.field_text(self.signature, "name")

    @property
    def prose_end(self) -> int:
        """Where the body and its P.S. end: the first closing, signature or footer after them."""
        ends = [s.start for s in self.segments if s.part in (Part.CLOSING, Part.SIGNATURE)]
        return min(ends) if ends else max((s.end for s in self.of(Part.PARAGRAPH, Part.LIST_ITEM)), default=0)

    def derived(self, key: Hashable, build: Callable[[], T]) -> T:
        """A result computed from this parse once and shared by every rule that asks for it with the same
        ``key`` (the sentence roles, say); ``build`` makes it the first time."""
        key = ("derived", key)
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]

    def spans(self, scope: tuple[str, ...]) -> tuple[Span, ...]:
        key = ("spans", scope)
        if key not in self._cache:
            parts = frozenset().union(*(SCOPES[name] for name in scope))
            spans = [Span(s.start, s.end) for s in self.segments if s.part in parts]
            if "subject" in scope:
                subject = self.subject
                if subject and not any(s.start <= subject.start < s.end for s in spans):
                    spans.append(subject)
            self._cache[key] = tuple(sorted(spans, key=lambda s: s.start))
        return self._cache[key]

    def masked(self, scope: tuple[str, ...]) -> str:
        """The clean text with everything outside ``scope`` blanked (line breaks kept): same offsets."""
        key = ("masked", scope)
        if key not in self._cache:
            blank = self._blank
            out: list[str] = []
            last = 0
            for span in self.spans(scope):
                out.append(blank[last : span.start])
                out.append(self.clean[span.start : span.end])
                last = span.end
            out.append(blank[last:])
            self._cache[key] = "".join(out)
        return self._cache[key]

    @property
    def _blank(self) -> str:
        if "blank" not in self._cache:
            self._cache["blank"] = _blank(self.clean)
        return self._cache["blank"]

    def note_text(self, scope: tuple[str, ...], start: int, end: int) -> str:
        key = ("text", scope, start, end)
        if key not in self._cache:
            self._cache[key] = self.masked(scope)[start:end]
        return self._cache[key]

    def sentences(self, scope: tuple[str, ...]) -> list[Sentence]:
        key = ("sentences", scope)
        if key not in self._cache:
            parts = _parts(scope)
            self._cache[key] = [s for s in self.sentence_list if s.part in parts]
        return self._cache[key]

    def words(self, scope: tuple[str, ...]) -> list[tuple[int, int]]:
        """The (start, end) of every word in ``scope`` (a list item's or a P.S.'s marker is not a word)."""
        key = ("words", scope)
        if key not in self._cache:
            parts = frozenset().union(*(SCOPES[name] for name in scope))
            spans = [s.content for s in self.segments if s.part in parts]
            subject = self.subject if "subject" in scope else None
            if subject is not None and not any(s.start <= subject.start < s.end for s in spans):
                spans.append(subject)
            self._cache[key] = [m.span() for span in sorted(spans) for m in WORD_RE.finditer(self.clean, span.start, span.end)]
        return self._cache[key]


@lru_cache(maxsize=256)
def _parts(scope: tuple[str, ...]) -> frozenset[Part]:
    """The segment types a scope reads; a Subject header's value counts as a HEADER sentence."""
    parts: frozenset[Part] = frozenset().union(*(SCOPES[name] for name in scope))
    return parts | {Part.HEADER} if "subject" in scope else parts


_LINE = re.compile(r"[^\r\n]+")


def _blank(text: str) -> str:
    """Every character but line breaks made a space (a line at a time: far faster than a character at a time)."""
    return _LINE.sub(lambda m: " " * (m.end() - m.start()), text) if text else text
