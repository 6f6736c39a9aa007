"""Markdown drafts: parsed with markdown-it-py, checked as the text a reader sees.

Emphasis markers, link targets, images' URLs, HTML and code blocks drop out; headings and
paragraphs become paragraphs, list items ``- item`` lines, block quotes ``> `` lines (as a quoted
e-mail reply). Every character keeps its offset in the original file. Front matter stays as it is.
"""

from __future__ import annotations

import re
from typing import Any

from notecheck.readers.sourcemap import Builder, Origin

SKIPPED_BLOCKS = {"fence", "code_block", "html_block", "hr"}


_BREAK_RE = re.compile(r"\r\n|\r|\n")  # what markdown-it counts as a line break


def _line_offsets(text: str, base: int) -> list[int]:
    return [base] + [base + m.end() for m in _BREAK_RE.finditer(text)]


class _Inline:
    """Finds each piece of inline text in its block of the original, character by character."""

    def __init__(self, original: str, begin: int, end: int) -> None:
        self.original, self.cursor, self.end = original, begin, end
        self.last = max(0, len(original) - 1)  # an approximate position still lies inside the file

    def emit(self, out: Builder, text: str) -> None:
        found = self.original.find(text, self.cursor, self.end)
        if found >= 0:
            out.add(text, found)
            self.cursor = found + len(text)
            return
        for char in text:  # escapes, entities, code spans whose line breaks became spaces
            if char.isspace():
                out.add(char, min(self.cursor, self.last), same=True)
                if self.cursor < self.end and self.original[self.cursor].isspace():
                    self.cursor += 1
                continue
            at = self.original.find(char, self.cursor, min(self.end, self.cursor + 12))
            if at >= 0:
                out.add(char, at)
                self.cursor = at + 1
            else:
                out.add(char, min(self.cursor, self.last), same=True)

    def skip(self, markup: str) -> int:
        """Step over inline markup (an HTML tag) that is not text; where it starts."""
        found = self.original.find(markup, self.cursor, self.end)
        if found < 0:
            return min(self.cursor, self.last)
        self.cursor = found + len(markup)
        return found

    def newline(self, out: Builder) -> None:
        found = _BREAK_RE.search(self.original, self.cursor, self.end)
        out.add("\n", found.start() if found else min(self.cursor, self.last), same=True)
        if found:
            self.cursor = found.end()


def _inline(out: Builder, token: Any, original: str, lines: list[int], quote: int) -> None:
    begin = lines[token.map[0]]
    end = lines[token.map[1]] if token.map[1] < len(lines) else len(original)
    walker = _Inline(original, begin, end)
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            walker.emit(out, child.content)
        elif child.type == "image":
            walker.emit(out, child.content)
        elif child.type in ("softbreak", "hardbreak"):
            walker.newline(out)
            if quote:
                out.add("> " * quote, walker.cursor, same=True)
        elif child.type == "html_inline":
            where = walker.skip(child.content)
            if child.content.lower().startswith("<br"):
                out.add("\n", where, same=True)


def read_markdown(original: str, start: int = 0) -> tuple[str, Origin]:
    """``original[start:]`` is Markdown (``original[:start]`` front matter, copied as it is)."""
    from markdown_it import MarkdownIt

    out = Builder()
    if start:
        out.add(original[:start], 0)
    body = original[start:]
    lines = _line_offsets(body, start)
    quote = 0
    lists: list[list[Any]] = []  # per open list: [ordered, next number]
    item_open = False  # a list item's marker was written: its paragraph follows on the same line
    for token in MarkdownIt("commonmark").parse(body):
        kind = token.type
        if kind == "blockquote_open":
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            lists.append([kind == "ordered_list_open", int(token.attrs.get("start", 1) or 1), len(lists) == 0])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open" and lists and token.map:
            where = lines[token.map[0]]
            if out.text().strip("\n"):
                gap = "\n\n" if lists[-1][2] else "\n"  # a paragraph break before a list, a line between items
                out.add(gap[len(out.text()) - len(out.text().rstrip("\n")):], where, same=True)
            lists[-1][2] = False
            out.add("> " * quote, where, same=True)
            ordered, number, _ = lists[-1]
            marker = f"{number}. " if ordered else "- "
            lists[-1][1] += 1
            out.add(marker, where, same=True)
            item_open = True
        elif kind == "inline" and token.map:
            where = lines[token.map[0]]
            if item_open:
                item_open = False
            elif out.text().strip("\n") and not out.text().endswith("\n\n"):
                out.add("\n\n" if not lists else "\n", where, same=True)
            if not lists:
                out.add("> " * quote, where, same=True)
            _inline(out, token, original, lines, quote)
        elif kind in SKIPPED_BLOCKS:
            continue
    if original[start:].endswith("\n"):
        out.add("\n", len(original) - 1)
    text, offsets = out.finish(len(original))
    return text, Origin("markdown", original, offsets)
