"""A draft and what is known about its interview, read through the letter's anatomy."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from notecheck.anatomy import Anatomy, Sentence, Span, parse
from notecheck.lexicon import Lexicon
from notecheck.model import Position

if TYPE_CHECKING:
    from notecheck.readers.sourcemap import Origin

__all__ = ["Context", "Note", "Sentence", "Span"]
WHOLE = ("whole",)


@dataclass(frozen=True)
class Context:
    """What the draft is about; every field may be unknown."""

    company: str | None = None
    interviewers: tuple[str, ...] = ()
    role: str | None = None
    interview_date: date | None = None  # a datetime, or a bare date when the time of day is not known
    sent_date: date | None = None  # likewise; None means now

    def merged(self, override: Context) -> Context:
        """Values from ``override`` win where they are set."""
        return Context(
            company=override.company or self.company,
            interviewers=override.interviewers or self.interviewers,
            role=override.role or self.role,
            interview_date=override.interview_date or self.interview_date,
            sent_date=override.sent_date or self.sent_date,
        )


@dataclass
class Note:
    """The text as it was read (``source``), the part that is the note (``start``..``end``) and its context.

    All offsets anywhere in notecheck are indices into ``source``, so positions always refer to the
    original file, front matter included. The draft is parsed once (``anatomy``); a rule reads it
    through its scope (``scoped``): ``text``, ``sentences`` and ``words`` then hold only that scope,
    everything else blanked, at the same offsets.
    """

    source: str
    context: Context = field(default_factory=Context)
    start: int = 0
    end: int | None = None
    path: str | None = None
    origin: Origin | None = field(default=None, repr=False, compare=False)  # the file, when ``source`` was read out of it
    lexicon: Lexicon | None = field(default=None, repr=False, compare=False)
    scope: tuple[str, ...] = WHOLE
    _views: dict[tuple[str, ...], Note] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.end is None:
            self.end = len(self.source)

    @cached_property
    def anatomy(self) -> Anatomy:
        """The letter's segments, parsed once (views made by ``scoped`` share it)."""
        known = frozenset(w.lower() for name in self.context.interviewers for w in re.findall(r"[^\W\d_]+", name))
        assert self.end is not None
        return parse(self.source, self.start, self.end, lexicon=self.lexicon, known=known)

    def scoped(self, scope: tuple[str, ...]) -> Note:
        """This note as a rule with ``scope`` reads it (the parse is shared)."""
        if scope == self.scope:
            return self
        view = self._views.get(scope)
        if view is None:
            self.anatomy  # noqa: B018 - parse before copying, so every view shares one anatomy
            view = object.__new__(Note)
            view.__dict__.update(self.__dict__)  # shares the parse, the memo and the views
            view.scope = scope
            self._views[scope] = view
        return view

    @property
    def spans(self) -> tuple[Span, ...]:
        """Where this scope's text lies in ``source``."""
        return self.anatomy.spans(self.scope)

    @property
    def masked(self) -> str:
        """The whole source with everything outside this scope (and markup) blanked: same offsets."""
        return self.anatomy.masked(self.scope)

    @property
    def text(self) -> str:
        """The note text in this scope (without front matter; the rest blanked); offsets start at ``start``."""
        return self.anatomy.note_text(self.scope, self.start, self.end or len(self.source))

    @property
    def sentences(self) -> list[Sentence]:
        return self.anatomy.sentences(self.scope)

    @property
    def words(self) -> list[tuple[int, int]]:
        return self.anatomy.words(self.scope)

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
