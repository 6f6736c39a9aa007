"""Lines of a draft and the shapes a letter's lines take: names, contact lines, dates, markers."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from notecheck.lexicon import Lexicon


class Line(NamedTuple):
    """A non-blank line: ``start``..``end`` index the source (leading and trailing white space trimmed)."""

    number: int  # its place among all the note's non-blank lines
    start: int
    end: int
    text: str
    gap_before: bool  # a blank line (or the start of the note) comes before it
    indent: int


_LINE = re.compile(r"[^\r\n]+")


def _breaks(text: str) -> int:
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def split_lines(source: str, start: int, end: int) -> list[Line]:
    """The non-blank lines of ``source[start:end]``, each knowing whether a blank line comes before it."""
    lines: list[Line] = []
    previous = start
    for match in _LINE.finditer(source, start, end):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        begin = match.start() + lead
        gap = not lines or _breaks(source[previous : match.start()]) >= 2
        lines.append(Line(len(lines), begin, begin + len(stripped), stripped, gap, lead))
        previous = match.end()
    return lines


MAX_SHAPE_LINE = 120  # longer lines are prose: never a name, closing, header or address
LIST_MARKER = re.compile(r"(?:[-*+\u2022\u00b7\u25e6\u2023\u25aa\u25cf\u2013]|\d{1,2}[.)]|\(\d{1,2}\)|[a-hA-H][.)])[ \t]+(?=\S)")
POSTSCRIPT = re.compile(r"(?:P\.?[ \t]?){1,3}S\b\.?(?:[ \t]*[:\u2013\u2014-])?[ \t]*", re.IGNORECASE)
HEADING = re.compile(r"#{1,6}[ \t]+\S")
QUOTE_MARK = re.compile(r">")
TERMINAL = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
_CONTACT = re.compile(
    r"(?:\+?\(?\d[\d \t().\u2010-\u2013-]{6,}\d)"  # a phone number
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an e-mail address
    r"|(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|org|net|io|dev|me|co|uk|edu)(?:/\S*)?"  # a web address
    r"|\b(?:she|he|they|xe|ze)/(?:her|him|them|hers|his|theirs|xem|zir)\b"  # pronouns
    r"|^(?:tel|phone|mobile|cell|m|t|e|email|e-mail|web|linkedin|portfolio|github)\s*[:.]",
    re.IGNORECASE,
)
_CREDENTIALS = r"(?:,?[ \t]+(?:[A-Z][A-Za-z.]{0,7}[A-Z.]|[A-Z]{2,6}|Jr\.?|Sr\.?|II|III|IV|Esq\.?))*"
_PARTICLES = {"de", "da", "di", "del", "della", "der", "den", "van", "von", "la", "le", "du", "dos", "das", "bin",
              "binti", "al", "el", "ibn", "y", "e", "ter", "ten", "st", "st."}


def is_contact(text: str) -> bool:
    return bool(_CONTACT.search(text))


def _capitalised(token: str) -> bool:
    first = token.lstrip("(\"'\u201c")[:1]
    if not first:
        return False
    if first.isupper():
        return True
    # scripts without letter case (Chinese, Arabic, Hindi...) are names as they stand
    return first.isalpha() and not first.islower() and unicodedata.category(first) == "Lo"


_NAME_TOKEN = re.compile(r"[^\W\d_][\w'\u2019.\-]*|[^\W\d_]\.?")


def name_tokens(text: str, lexicon: Lexicon, *, lowercase_ok: bool = False) -> list[str] | None:
    """The words of a name line ("Jordan Lee", "Dr. Ana Ortiz, RN", "J.", "– Priya"), or None."""
    if len(text) > 60:
        return None
    core = re.sub(r"^[-\u2013\u2014~\u2015]+[ \t]*", "", text)
    lowercase_ok = lowercase_ok or (core != text and len(core.split()) == 1)  # "- marcus" signs a text message
    core = re.sub(r"[ \t]*[.!,]?[ \t]*(?:[:;]-?[)D(P]|[\U0001F300-\U0001FAFF\u2600-\u27BF\ufe0f]+)*$", "", core)
    core = re.sub(_CREDENTIALS + r"$", "", core) if "," in core or re.search(r" [A-Z]{2,6}$", core) else core
    tokens = core.split()
    if not 1 <= len(tokens) <= 5:
        return None
    honorifics = lexicon.words("honorifics")
    names = []
    for index, token in enumerate(tokens):
        if not _NAME_TOKEN.fullmatch(token):
            return None
        bare = token.rstrip(".").lower()
        if index == 0 and bare in honorifics:
            continue
        if bare in _PARTICLES and 0 < index < len(tokens) - 1:
            continue
        if not (_capitalised(token) or lowercase_ok):
            return None
        names.append(token.rstrip(".,"))
    return names or None


@lru_cache(maxsize=8)
def date_line(lexicon: Lexicon) -> re.Pattern[str]:
    months = "|".join(sorted(lexicon.months, key=len, reverse=True))
    days = "|".join(sorted(lexicon.weekdays, key=len, reverse=True))
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    return re.compile(
        rf"(?:(?:{days})\.?,?[ \t]+)?(?:(?:{months})\.?[ \t]+{day},?[ \t]+\d{{4}}|{day}[ \t]+(?:of[ \t]+)?(?:{months})\.?,?[ \t]+\d{{4}}"
        rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}})",
        re.IGNORECASE,
    )


def is_date_line(text: str, lexicon: Lexicon) -> bool:
    return bool(date_line(lexicon).fullmatch(text.rstrip(" .")))


def short(text: str, words: int = 9) -> bool:
    return len(text) <= MAX_SHAPE_LINE and len(text.split()) <= words


def detail_line(text: str, lexicon: Lexicon) -> bool:
    """A line that can follow a name in a signature: a title, an organisation, an address or contact."""
    if is_contact(text) or is_date_line(text, lexicon):
        return True
    if not short(text, 8) or TERMINAL.search(text) and not re.search(r"\b(?:[A-Z][a-z]{0,3}|[A-Z]{2,})\.$", text):
        return False
    first = text.lstrip("|\u2022\u00b7-\u2013\u2014 ")[:1]
    return bool(first) and (first.isupper() or first.isdigit() or not first.isalpha())
