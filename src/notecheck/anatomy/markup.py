"""Blanking the markers of text pasted from an editor, so rules read words and not markup.

A note pasted from a Markdown or rich-text editor carries ``**bold**``, ``[links](https://…)``,
``<b>tags</b>`` and ``code`` in backticks. The clean text has each marker replaced by spaces (so every
offset still points at the same character of the original) and keeps the words. A template slot that
looks like markup ("[Company]", "<Interviewer Name>") is not a marker and stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_HTML_TAGS = (
    "a|abbr|b|big|blockquote|body|br|center|code|del|div|em|font|h[1-6]|head|hr|html|i|img|ins|li|mark|meta|ol|"
    "p|pre|s|small|span|strike|strong|sub|sup|table|tbody|td|th|thead|tr|tt|u|ul|style|title|section|article"
)


def _all(match: re.Match[str]) -> list[tuple[int, int]]:
    return [(match.start(), match.end())]


def _outside(group: str) -> Callable[[re.Match[str]], list[tuple[int, int]]]:
    """Blank the match except ``group`` (the words a link or emphasis marks)."""
    def spans(match: re.Match[str]) -> list[tuple[int, int]]:
        return [(match.start(), match.start(group)), (match.end(group), match.end())]
    return spans


# (a character the marker needs, its pattern, what to blank)
_MARKERS: tuple[tuple[str, re.Pattern[str], Callable[[re.Match[str]], list[tuple[int, int]]]], ...] = (
    ("<", re.compile(r"<!--.*?-->", re.DOTALL), _all),
    ("<", re.compile(r"</?(?:" + _HTML_TAGS + r")(?:\s[^<>]*)?/?>", re.IGNORECASE), _all),
    ("<", re.compile(r"<(?:https?|mailto|ftp):[^<>\s]+>"), _all),
    ("<", re.compile(r"<(?P<email>[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)>"), _outside("email")),
    ("&", re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,6});"), _all),
    ("[", re.compile(r"!\[[^\[\]\n]*\]\([^()\s]*\)"), _all),
    ("[", re.compile(r"\[(?P<text>[^\[\]\n]+)\](?:\([^()\s]+(?:\s+\"[^\"\n]*\")?\)|\[[^\[\]\n]*\])"), _outside("text")),
    ("`", re.compile(r"`[^`\n]+`"), _all),
    ("*", re.compile(r"\*\*(?=[^\s*])(?P<text>[^\n]+?)(?<=[^\s*])\*\*"), _outside("text")),
    ("_", re.compile(r"__(?=[^\s_])(?P<text>[^\n]+?)(?<=[^\s_])__"), _outside("text")),
    ("*", re.compile(r"(?<![\w*])\*(?=[^\s*])(?P<text>[^\n*]+?)(?<=[^\s*])\*(?![\w*])"), _outside("text")),
    ("_", re.compile(r"(?<![\w_])_(?=[^\s_])(?P<text>[^\n_]+?)(?<=[^\s_])_(?![\w_])"), _outside("text")),
    ("~", re.compile(r"~~(?=\S)(?P<text>[^\n]+?)(?<=\S)~~"), _outside("text")),
    ("# ", re.compile(r"(?m)^[ \t]{0,3}#{1,6}[ \t]+"), _all),
    ("--", re.compile(r"(?m)^[ \t]*(?:-[ \t]*){3,}$"), _all),
    ("**", re.compile(r"(?m)^[ \t]*(?:\*[ \t]*){3,}$"), _all),
)


def clean_markup(source: str) -> str:
    """``source`` with markup markers blanked; the result has exactly the same length."""
    blanks: list[tuple[int, int]] = []
    taken: list[tuple[int, int]] = []  # whole matches, so markers inside another marker are left alone
    for trigger, pattern, spans in _MARKERS:
        if trigger not in source:
            continue
        for match in pattern.finditer(source):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            taken.append((match.start(), match.end()))
            blanks.extend(spans(match))
    if not blanks:
        return source
    chars = list(source)
    for start, end in blanks:
        for index in range(start, end):
            if chars[index] not in "\r\n":
                chars[index] = " "
    return "".join(chars)
