"""The top of a letter: e-mail headers, a heading, a business letter's blocks, and the salutation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from notecheck.anatomy.lines import HEADING, TERMINAL, Line, is_contact, is_date_line, name_tokens, short
from notecheck.anatomy.model import Part, Segment, Span
from notecheck.lexicon import Lexicon

_TERMINATOR = re.compile(r"[,:;!?]+|[ \t][-\u2013\u2014][ \t]|[ \t]?[\u2013\u2014]|\.(?=\s|$)")
_THANKS_AHEAD = re.compile(r"(?i:thank|thanks|thx|ty\b|great|it was|so |really|just|I\b|I['\u2019])")
_HEAD_LINES = 16  # a business letter's blocks before the salutation fit in this many lines


@dataclass(frozen=True)
class Salutation:
    line: int  # index of the salutation's line
    segment: Segment
    rest: int | None  # where the body goes on, on the same line ("Hi Sam, thanks for ...")


@lru_cache(maxsize=8)
def _header(lexicon: Lexicon) -> re.Pattern[str]:
    names = "|".join(re.escape(n) for n in sorted(lexicon.header_names, key=len, reverse=True))
    return re.compile(rf"({names})[ \t]*:[ \t]*", re.IGNORECASE)


def parse_headers(lines: list[Line], clean: str, lexicon: Lexicon, out: list[Segment]) -> int:
    """E-mail header lines at the very top ("Subject: Thank you"); returns the first line after them."""
    header = _header(lexicon)
    index = 0
    while index < len(lines):
        line = lines[index]
        found = header.match(line.text) if short(line.text, 40) or len(line.text) <= 300 else None
        if not found:
            break
        end = line.end
        following = index + 1
        while following < len(lines) and lines[following].indent > 0 and not lines[following].gap_before:
            end = lines[following].end  # a folded header line
            following += 1
        name = Span(line.start, line.start + len(found.group(1)))
        fields = [("name", name)]
        if line.start + found.end() < end:
            fields.append(("value", Span(line.start + found.end(), end)))
        out.append(Segment(Part.HEADER, line.start, end, tuple(fields)))
        index = following
    while index < len(lines) and HEADING.match(lines[index].text):
        out.append(Segment(Part.HEADING, lines[index].start, lines[index].end))
        index += 1
    return index


def find_salutation(lines: list[Line], first: int, stop: int, source: str, clean: str, lexicon: Lexicon,
                    known: frozenset[str], skip: set[int]) -> Salutation | None:
    """The salutation on the first letter line, or after a business letter's short head lines."""
    for index in range(first, min(stop, first + _HEAD_LINES)):
        if index in skip:
            continue
        line = lines[index]
        text = clean[line.start : line.end]
        lead = len(text) - len(text.lstrip())
        found = match_salutation(text.lstrip(), line.start + lead, lexicon, known)
        if found:
            segment, rest = found
            return Salutation(index, *_cover(segment, rest, line, source))
        if not _head_line(line.text, lexicon):
            return None  # the letter has begun without a salutation
    return None


def _cover(segment: Segment, rest: int | None, line: Line, source: str) -> tuple[Segment, int | None]:
    """Stretch the salutation over the markup around it ("**Dear Sam,**"): it owns its whole line, or
    the line up to where the body goes on (which starts at the next character that is not blank)."""
    if rest is None:
        return Segment(Part.SALUTATION, line.start, line.end, segment.fields), None
    gap = source[segment.end : rest]
    return Segment(Part.SALUTATION, line.start, segment.end, segment.fields), segment.end + len(gap) - len(gap.lstrip())


def _head_line(text: str, lexicon: Lexicon) -> bool:
    """A line that can stand above the salutation: short, and not a sentence ("St." and "Inc." may end it)."""
    if not short(text, 12):
        return False
    if TERMINAL.search(text) and not is_date_line(text, lexicon):
        return bool(re.search(r"(?:\b[A-Z][a-z]{0,3}|\b[A-Z]{2,}|\d)\.$", text))
    return True


def match_salutation(text: str, base: int, lexicon: Lexicon, known: frozenset[str]) -> tuple[Segment, int | None] | None:
    word = lexicon.regex("salutations").match(text)
    weak = None if word else lexicon.regex("weak_salutations").match(text)
    if word or weak:
        return _after_word(text, base, (word or weak), lexicon, known, weak=weak is not None)  # type: ignore[arg-type]
    return _bare_name(text, base, lexicon, known)


def _after_word(text: str, base: int, word: re.Match[str], lexicon: Lexicon, known: frozenset[str],
                *, weak: bool) -> tuple[Segment, int | None] | None:
    rest = text[word.end() :]
    fields = [("word", Span(base + word.start(), base + word.end()))]
    honorifics = lexicon.words("honorifics")
    terminator = None
    for candidate in _TERMINATOR.finditer(rest):
        if candidate.group() == ".":
            before = rest[: candidate.start()].split()
            if before and (before[-1].lower() in honorifics or len(before[-1]) == 1):
                continue  # "Dear Ms. Ortiz", "Hi J. Smith"
        terminator = candidate
        break
    if terminator is not None and len(rest[: terminator.start()].split()) <= 8:
        if terminator.group() == "," and _more_names(rest[terminator.end() :]):
            terminator = re.search(r"[,:;!?]*\s*$", rest)  # "Dear Dr. Bakare, Ms. Ellison and Mr. Ruiz,"
            assert terminator is not None
        addressee = rest[: terminator.start()]
        if weak and addressee.strip() and not name_tokens(addressee.strip(), lexicon):
            return None
        end = word.end() + terminator.end()
        _add_addressee(fields, addressee, base + word.end())
        after = text[end:]
        rest_at = base + end + (len(after) - len(after.lstrip())) if after.strip() else None
        return Segment(Part.SALUTATION, base, base + len(text[:end].rstrip()), tuple(fields)), rest_at
    words = rest.split()
    if len(text.split()) <= 6 and not re.search(r"[.!?]", rest):
        if weak and not (words and name_tokens(" ".join(words), lexicon)):
            return None
        _add_addressee(fields, rest, base + word.end())
        return Segment(Part.SALUTATION, base, base + len(text), tuple(fields)), None
    taken = 0
    for token in words[:3]:
        if token[:1].isupper() or token.lower().strip(".,") in known:
            taken += 1
        else:
            break
    if weak and not taken:
        return None
    addressee = " ".join(words[:taken])
    end = word.end() + (rest.index(addressee) + len(addressee) if taken else 0)
    _add_addressee(fields, rest[: end - word.end()], base + word.end())
    after = text[end:]
    return Segment(Part.SALUTATION, base, base + end, tuple(fields)), base + end + len(after) - len(after.lstrip())


def _more_names(text: str) -> bool:
    """The rest of a salutation line is more names: "Ms. Ellison and Mr. Ruiz,"."""
    words = text.strip().rstrip(",:;!").split()
    return 0 < len(words) <= 8 and all(w in ("and", "&") or w[:1].isupper() for w in words)


def _add_addressee(fields: list[tuple[str, Span]], text: str, base: int) -> None:
    stripped = text.strip()
    if stripped:
        lead = len(text) - len(text.lstrip())
        fields.append(("addressee", Span(base + lead, base + lead + len(stripped))))


_BARE = re.compile(r"([^\W\d_][\w'\u2019.\-]*(?:[ \t]+[^\W\d_][\w'\u2019.\-]*){0,3})[ \t]*([,:!]|[ \t][-\u2013\u2014]|[\u2013\u2014])")


def _bare_name(text: str, base: int, lexicon: Lexicon, known: frozenset[str]) -> tuple[Segment, int | None] | None:
    """"Ms. Lee," or "Sarah," alone on the line; "Mr. Chen – thank you for …"; "Sam, thanks so much …"."""
    found = _BARE.match(text)
    if not found:
        return _titled_name(text, base, lexicon)
    tokens = name_tokens(found.group(1), lexicon)
    if not tokens:
        return None
    folded = [t.lower().strip(".") for t in tokens]
    if all(t in lexicon.not_names for t in folded):
        return None
    honorific = found.group(1).split()[0].rstrip(".").lower() in lexicon.words("honorifics")
    after = text[found.end() :]
    inline = bool(after.strip())
    if inline:
        if len(tokens) > 2 and not honorific:
            return None
        named = any(t in known for t in folded)
        if not (honorific or named or (len(tokens) == 1 and _THANKS_AHEAD.match(after.lstrip()))):
            return None
    elif found.group(2).strip() not in (",", ":", "!") and not honorific:
        return None
    end = found.end()
    fields = (("addressee", Span(base + found.start(1), base + found.end(1))),)
    rest_at = base + end + len(after) - len(after.lstrip()) if inline else None
    return Segment(Part.SALUTATION, base, base + end, fields), rest_at


_TITLED = re.compile(r"([^\W\d_]{1,9})\.?[ \t]+([^\W\d_][\w\u2019'-]*)(?<!['\u2019]s)[ \t]+(?=[a-z])")


def _titled_name(text: str, base: int, lexicon: Lexicon) -> tuple[Segment, int | None] | None:
    """"mr b thanks for the interview": a title and a name open a hurried message without punctuation
    (the message goes on in lower case; "Ms. Renata Alvarez" heading an address block does not)."""
    found = _TITLED.match(text)
    if not found or found.group(1).lower() not in lexicon.words("honorifics"):
        return None
    fields = (("addressee", Span(base, base + found.end(2))),)
    return Segment(Part.SALUTATION, base, base + found.end(2), fields), base + found.end()


def letterhead(lines: list[Line], signer: list[str] | None, lexicon: Lexicon) -> list[Segment]:
    """A business letter's blocks above the salutation: sender, date line, recipient."""
    if not lines:
        return []
    date = next((i for i, line in enumerate(lines) if is_date_line(line.text, lexicon)), None)
    segments: list[Segment] = []
    if date is not None:
        before, after = lines[:date], lines[date + 1 :]
        if before:
            segments.append(_block(Part.SENDER, before))
        segments.append(Segment(Part.DATE, lines[date].start, lines[date].end))
        segments.extend(_blocks(Part.RECIPIENT, after))
        return segments
    blocks = _split_blocks(lines)
    if len(blocks) == 1:
        block = blocks[0]
        first = name_tokens(block[0].text, lexicon)
        own = signer is not None and first is not None and [t.lower() for t in first] == [t.lower() for t in signer]
        part = Part.SENDER if own or any(is_contact(line.text) for line in block) else Part.RECIPIENT
        return [_block(part, block)]
    return [_block(Part.SENDER, blocks[0]), *(_block(Part.RECIPIENT, b) for b in blocks[1:])]


def _split_blocks(lines: list[Line]) -> list[list[Line]]:
    blocks: list[list[Line]] = []
    for line in lines:
        if line.gap_before or not blocks or line.number != blocks[-1][-1].number + 1:
            blocks.append([line])
        else:
            blocks[-1].append(line)
    return blocks


def _blocks(part: Part, lines: list[Line]) -> list[Segment]:
    return [_block(part, block) for block in _split_blocks(lines)]


def _block(part: Part, lines: list[Line]) -> Segment:
    return Segment(part, lines[0].start, lines[-1].end)
