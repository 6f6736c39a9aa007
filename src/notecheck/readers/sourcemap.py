"""Text extracted from a richer file (Markdown, HTML, e-mail), with the way back to the original.

A reader hands notecheck plain text to check and, for every character of it, the offset of the
character in the original file it came from. Findings are reported at those original positions.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from notecheck.model import Position


@dataclass(frozen=True)
class Origin:
    """Where a note's text came from: the original file's text and a map of every checked character.

    ``offsets[i]`` is the original offset of ``text[i]``; one more entry maps the end of the text.
    ``headers`` are an e-mail's decoded headers (lower-case names), empty for other formats.
    """

    format: str  # "markdown", "html" or "email"
    original: str
    offsets: tuple[int, ...]
    headers: Mapping[str, str] = field(default_factory=dict)

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", self.original)]

    def to_original(self, index: int) -> int:
        return self.offsets[max(0, min(index, len(self.offsets) - 1))]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of ``text[start:end]``: from its first character to just past its last."""
        begin = self.to_original(start)
        if end <= start:
            return begin, begin
        return begin, max(begin, self.to_original(end - 1) + 1)

    def position(self, offset: int) -> Position:
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return Position(line=index + 1, column=offset - self._line_starts[index] + 1, offset=offset)

    def line_text(self, offset: int, limit: int = 400) -> tuple[str, int]:
        """The original line around ``offset`` (a window of it if very long) and the column it starts at."""
        line = self.position(offset).line
        begin = self._line_starts[line - 1]
        finish = self._line_starts[line] if line < len(self._line_starts) else len(self.original)
        if finish - begin <= limit:
            return self.original[begin:finish].rstrip("\r\n"), 0
        first = max(begin, offset - limit // 2)
        return self.original[first : min(finish, first + limit)].rstrip("\r\n"), first - begin


class Builder:
    """Collects extracted text character by character, each with its original offset."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.offsets: list[int] = []

    def add(self, text: str, origin: int, *, same: bool = False) -> None:
        """Append ``text``; its characters come from ``origin`` onwards, or all from ``origin`` (``same``)."""
        self.chars.append(text)
        self.offsets.extend([origin] * len(text) if same else range(origin, origin + len(text)))

    def tail(self, count: int = 1) -> str:
        return "".join(self.chars)[-count:] if self.chars else ""

    def text(self) -> str:
        return "".join(self.chars)

    def trim_trailing(self, chars: str = " \t\n") -> None:
        text = self.text()
        keep = len(text.rstrip(chars))
        self.chars, self.offsets = [text[:keep]], self.offsets[:keep]

    def finish(self, end: int) -> tuple[str, tuple[int, ...]]:
        return self.text(), (*self.offsets, end)


def align(text: str, original: str, start: int = 0) -> list[int]:
    """Offsets of ``text``'s characters in ``original``, found line by line from ``start``.

    For decoded content (an e-mail body) whose lines mostly appear verbatim in the raw file. A line
    that does not (quoted-printable soft breaks, encoded characters) is found word by word; what
    cannot be found (base64) maps to where the search stands.
    """
    offsets: list[int] = []
    cursor = start
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        found = original.find(body, cursor, cursor + len(body) + 4096) if body else -1
        if found >= 0:
            offsets.extend(range(found, found + len(body)))
            cursor = found + len(body)
        else:
            cursor = _align_words(body, original, cursor, offsets)
        offsets.extend([cursor] * (len(line) - len(body)))
        newline = original.find("\n", cursor, cursor + 4096)
        if newline >= 0:
            cursor = newline + 1
    return offsets


def _align_words(line: str, original: str, cursor: int, offsets: list[int]) -> int:
    position = 0
    for match in re.finditer(r"\S+", line):
        offsets.extend([cursor] * (match.start() - position))
        word = match.group()
        found = original.find(word, cursor, cursor + len(word) + 200)
        if found >= 0:
            offsets.extend(range(found, found + len(word)))
            cursor = found + len(word)
        else:
            offsets.extend([cursor] * len(word))
        position = match.end()
    offsets.extend([cursor] * (len(line) - position))
    return cursor
