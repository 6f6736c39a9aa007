"""HTML drafts: parsed with the standard library's ``html.parser``, checked as the text a browser shows.

Tags drop out, white space collapses as a browser collapses it, paragraphs and other blocks become
paragraphs, ``<br>`` a line break, ``<li>`` a ``- item`` line, ``<blockquote>`` ``> `` lines;
scripts, styles and the head are not text. Every character keeps its offset in the original.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from notecheck.readers.sourcemap import Builder, Origin

BLOCKS = {"p", "div", "section", "article", "header", "footer", "main", "aside", "h1", "h2", "h3", "h4", "h5",
          "h6", "ul", "ol", "table", "tr", "pre", "address", "hr", "dl", "dt", "dd", "figure", "form", "body"}
HIDDEN = {"script", "style", "head", "title", "template", "noscript", "svg"}


class _Extractor(HTMLParser):
    def __init__(self, original: str) -> None:
        super().__init__(convert_charrefs=False)
        self.original = original
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", original)]
        self.out = Builder()
        self.hidden = 0
        self.quote = 0
        self.breaks = 0  # line breaks owed before the next text (2 = a paragraph)
        self.item = False  # a list item's "- " is owed

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _owe(self, breaks: int) -> None:
        self.breaks = max(self.breaks, breaks)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN:
            self.hidden += 1
        elif tag == "br":
            self._text("\n", self._offset(), literal=True)
        elif tag == "li":
            self._owe(1)
            self.item = True
        elif tag == "blockquote":
            self._owe(2)
            self.quote += 1
        elif tag in BLOCKS:
            self._owe(2)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "blockquote":
            self.quote = max(0, self.quote - 1)
            self._owe(2)
        elif tag in BLOCKS or tag == "li":
            self._owe(2 if tag != "li" else 1)

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """``<![…`` that is no CDATA or conditional section: skipped to its ``>`` as a browser does,
        where the standard parser would stop with an error."""
        position = self.getpos()
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.lineno, self.offset = position  # the failed scan moved the position on: undo it
            end = self.rawdata.find(">", i)
            return len(self.rawdata) if end < 0 else end + 1

    def handle_data(self, data: str) -> None:
        self._text(data, self._offset())

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};")

    def _reference(self, raw: str) -> None:
        where = self._offset()
        if not self.original.startswith(raw, where):  # "&amp" without its semicolon
            raw = raw[:-1]
        value = html.unescape(raw)
        self._text(value, where, same=value != raw)  # an unknown reference stays as written

    def _start_line(self, where: int) -> None:
        out = self.out
        if out.chars and out.tail(1) != "\n":
            out.trim_trailing(" ")
        if self.breaks and out.chars:
            have = len(out.tail(2)) - len(out.tail(2).rstrip("\n"))
            out.add("\n" * max(0, self.breaks - have), where, same=True)
        self.breaks = 0
        if out.tail(1) in ("\n", ""):
            out.add("> " * self.quote, where, same=True)
            if self.item:
                out.add("- ", where, same=True)
        self.item = False

    def _text(self, data: str, where: int, *, same: bool = False, literal: bool = False) -> None:
        if self.hidden:
            return
        out = self.out
        for index, char in enumerate(data):
            at = where if same else where + index
            if literal:
                out.trim_trailing(" ")
                out.add(char, at)
                continue
            if char.isspace() and char != "\u00a0":
                if out.chars and out.tail(1) not in (" ", "\n") and not self.breaks:
                    out.add(" ", at)
                continue
            if self.breaks or self.item or not out.chars or out.tail(1) == "\n":
                self._start_line(at)
            out.add(" " if char == "\u00a0" else char, at)  # a no-break space reads as a space


def read_html(original: str, start: int = 0) -> tuple[str, Origin]:
    """``original[start:]`` is HTML (``original[:start]`` front matter, copied as it is)."""
    parser = _Extractor(original)
    if start:
        parser.out.add(original[:start], 0)
        parser._owe(2)
    if start:
        _feed_from(parser, original, start)
    else:
        parser.feed(original)
    parser.close()
    parser.out.trim_trailing()
    parser.out.add("\n", len(original), same=True)
    text, offsets = parser.out.finish(len(original))
    return text, Origin("html", original, offsets)


def _feed_from(parser: _Extractor, original: str, start: int) -> None:
    """Feed the HTML after front matter so that ``getpos`` still counts lines of the whole file."""
    parser.line_starts = [0] + [m.end() for m in re.finditer(r"\n", original)]
    skipped_lines = original.count("\n", 0, start)
    parser.feed("\n" * skipped_lines + original[start:])
