"""A draft and what is known about its interview, with the views rules read it through."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING

from notecheck.model import Position

if TYPE_CHECKING:
    from notecheck.readers.sourcemap import Origin

GREETING_RE = re.compile(
    r"^\s*(?:dear|hi|hello|hey|good\s+(?:morning|afternoon|evening)|greetings|to\s+whom\s+it\s+may\s+concern)\b",
    re.IGNORECASE,
)
# A closing line: a conventional valediction, optionally followed by a comma and a name.
SIGN_OFF_RE = re.compile(
    r"^\s*(?:(?:with\s+)?(?:best|kind|warm|warmest|kindest|many|all\s+the\s+best|my\s+best)"
    r"(?:\s+(?:regards|wishes|thanks))?|regards|sincerely(?:\s+yours)?|yours(?:\s+(?:sincerely|truly|faithfully))?"
    r"|respectfully(?:\s+yours)?|warmly|fondly|appreciatively|cheers|thanks(?:\s+again)?(?:\s+so\s+much)?|thank\s+you(?:\s+again)?"
    r"|many\s+thanks|with\s+(?:gratitude|appreciation|thanks)|gratefully|cordially|take\s+care"
    r"|talk\s+soon|all\s+the\s+best)\s*[,.!\u2014-]?\s*(?:[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})?\s*$",
    re.IGNORECASE,
)
NAME_LINE_RE = re.compile(r"^\s*(?:(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?\s+)?[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,3}\s*[,:]\s*$")
DASH_SIGNATURE_RE = re.compile(r"^\s*(?:\u2014|\u2013|--?)\s*[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}\s*$")  # "— Priya"
HEADER_RE = re.compile(r"^\s*(?:subject|re|to|from|cc|date|sent)\s*:", re.IGNORECASE)
# a sentence ends at terminal punctuation, a blank line, a line ending in a colon, or before a list item
_SENTENCE_END_RE = re.compile(
    r"(?<=[.!?])[\"'\u201d\u2019)]*\s+|\n\s*\n|(?<=:)[ \t]*\r?\n|\r?\n(?=[ \t]*(?:[-*\u2022]|\d{1,2}[.)])[ \t]+)"
)
_POSTSCRIPT_RE = re.compile(r"^\s*P\.?\s?(?:P\.?\s?)?S\b\.?", re.IGNORECASE)
_WORD_RE = re.compile(r"[A-Za-z\u00c0-\u024f0-9]+(?:['\u2019-][A-Za-z\u00c0-\u024f0-9]+)*")
_ABBREV_RE = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|vs|etc|e\.g|i\.e|Inc|Ltd|Co|U\.S)\.|\b[A-Z]\.)$")


@dataclass(frozen=True)
class Context:
    """What the draft is about; every field may be unknown."""

    company: str | None = None
    interviewers: tuple[str, ...] = ()
    role: str | None = None
    interview_date: datetime | None = None
    sent_date: datetime | None = None

    def merged(self, override: Context) -> Context:
        """Values from ``override`` win where they are set."""
        return Context(
            company=override.company or self.company,
            interviewers=override.interviewers or self.interviewers,
            role=override.role or self.role,
            interview_date=override.interview_date or self.interview_date,
            sent_date=override.sent_date or self.sent_date,
        )


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class Note:
    """The text as it was read (``source``), the part that is the note (``start``..``end``) and its context.

    All offsets anywhere in notecheck are indices into ``source``, so positions always refer to the
    original file, front matter included.
    """

    source: str
    context: Context = field(default_factory=Context)
    start: int = 0
    end: int | None = None
    path: str | None = None
    memo: dict[str, object] = field(default_factory=dict, repr=False, compare=False)  # per-note results shared by rules
    origin: Origin | None = field(default=None, repr=False, compare=False)  # the file, when ``source`` was read out of it

    def __post_init__(self) -> None:
        if self.end is None:
            self.end = len(self.source)

    @property
    def text(self) -> str:
        """The note text (without front matter); offsets into it are relative to ``start``."""
        return self.source[self.start : self.end]

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        for match in re.finditer(r"\r\n|\r|\n", self.source):
            starts.append(match.end())
        return starts

    def position(self, offset: int) -> Position:
        """1-based line and column of an offset into ``source`` (CRLF counts as one line break)."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return Position(line=index + 1, column=offset - self._line_starts[index] + 1, offset=offset)

    def line_window(self, offset: int, length: int, limit: int = 400) -> tuple[str, int]:
        """The line around ``offset`` and the column it starts at: all of it unless longer than ``limit``,
        so that thousands of findings on one huge line do not each copy the whole line."""
        pos = self.position(offset)
        starts = self._line_starts
        begin = starts[pos.line - 1]
        finish = starts[pos.line] if pos.line < len(starts) else len(self.source)
        if finish - begin <= limit:
            return self.source[begin:finish].rstrip("\r\n"), 0
        first = max(begin, offset - limit // 2)
        last = min(finish, max(offset + length, first + limit))
        return self.source[first:last].rstrip("\r\n"), first - begin

    @cached_property
    def lines(self) -> list[Span]:
        """Non-blank lines of the note, as spans into ``source`` (trailing whitespace trimmed)."""
        spans = []
        assert self.end is not None
        for match in re.finditer(r"[^\r\n]+", self.source[self.start : self.end]):
            raw = match.group()
            if raw.strip():
                lead = len(raw) - len(raw.lstrip())
                spans.append(Span(self.start + match.start() + lead, self.start + match.start() + len(raw.rstrip())))
        return spans

    @cached_property
    def _first_letter_line(self) -> Span | None:
        """The first line after e-mail header lines ("Subject: Thank you!") at the top, if any."""
        for line in self.lines[:4]:
            if not HEADER_RE.match(line.text(self.source)):
                return line
        return None

    @property
    def letter_start(self) -> int:
        """Where the letter begins: after e-mail header lines that precede it."""
        first = self._first_letter_line
        return first.start if first else self.start

    @cached_property
    def greeting(self) -> Span | None:
        """The opening salutation line: the first line, or the first after e-mail header lines ("Subject: …")."""
        line = self._first_letter_line
        if line is None:
            return None
        text = line.text(self.source)
        if GREETING_RE.match(text):
            return line if len(text) <= 80 or text.rstrip().endswith((",", ":")) else None
        if NAME_LINE_RE.match(text):  # "Ms. Lee," or "Sarah," alone on the first line
            return line
        return None

    @cached_property
    def sign_off(self) -> Span | None:
        """The valediction line ("Best regards,") among the last lines of the note (a P.S. may follow)."""
        lines = self.lines
        postscript = [i for i, line in enumerate(lines) if i > 0 and _POSTSCRIPT_RE.match(line.text(self.source))]
        if postscript:
            lines = lines[: postscript[0]]
        first_body = 1 if self.greeting else 0
        for index in range(len(lines) - 1, max(first_body, len(lines) - 10) - 1, -1):
            text = lines[index].text(self.source)
            if (SIGN_OFF_RE.match(text) or DASH_SIGNATURE_RE.match(text)) and len(text) <= 60:
                return lines[index]
            if len(text.split()) > 12:
                break  # a sentence of the body, not a signature line
        # any short closing line ending in a comma, followed only by a short signature
        for index in range(len(lines) - 2, max(first_body, len(lines) - 4) - 1, -1):
            text = lines[index].text(self.source).rstrip()
            tail = [line.text(self.source) for line in lines[index + 1 :]]
            if text.endswith(",") and len(text.split()) <= 6 and all(len(t.split()) <= 6 for t in tail):
                return lines[index]
        return None

    @cached_property
    def signature(self) -> str:
        """Who signed: a name after the sign-off on its line ("Thanks, Maya") or the lines below it."""
        if not self.sign_off:
            return ""
        same_line = re.sub(r"^.*?[,.!\u2014-]\s*", "", self.sign_off.text(self.source), count=1)
        if same_line and same_line != self.sign_off.text(self.source):
            return same_line
        below = [line.text(self.source) for line in self.lines if line.start > self.sign_off.start]
        return below[0] if below else ""

    @cached_property
    def body(self) -> Span:
        """The note between the greeting and the sign-off (signature lines excluded)."""
        assert self.end is not None
        lines = self.lines
        if not lines:
            return Span(self.start, self.start)
        after = [line for line in lines if self.greeting and line.start > self.greeting.start]
        begin = after[0].start if after else (self.greeting.end if self.greeting else lines[0].start)
        finish = self.sign_off.start if self.sign_off else lines[-1].end
        if finish < begin:
            finish = begin
        return Span(begin, finish)

    @property
    def body_text(self) -> str:
        return self.body.text(self.source)

    @cached_property
    def words(self) -> list[Span]:
        body = self.body
        return [Span(body.start + m.start(), body.start + m.end()) for m in _WORD_RE.finditer(body.text(self.source))]

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Sentences of the body, split at terminal punctuation and blank lines (not after "Dr." etc.)."""
        body = self.body
        text = body.text(self.source)
        result: list[Sentence] = []
        begin = 0
        for match in _SENTENCE_END_RE.finditer(text):
            if "\n" not in match.group() and _ABBREV_RE.search(text[begin : match.start()]):
                continue
            self._add_sentence(result, text, begin, match.start(), body.start)
            begin = match.end()
        self._add_sentence(result, text, begin, len(text), body.start)
        return result

    @staticmethod
    def _add_sentence(result: list[Sentence], text: str, begin: int, finish: int, base: int) -> None:
        chunk = text[begin:finish]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            start = base + begin + lead
            result.append(Sentence(start, start + len(stripped), stripped))
