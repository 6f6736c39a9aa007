"""The bottom of a letter: a quoted earlier message, device footers, a P.S., the closing and signature."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from notecheck.anatomy.lines import (
    LIST_MARKER,
    MAX_SHAPE_LINE,
    POSTSCRIPT,
    TERMINAL,
    Line,
    detail_line,
    is_contact,
    name_tokens,
)
from notecheck.anatomy.model import Part, Segment, Span
from notecheck.lexicon import Lexicon

_SIGNATURE_LINES = 8  # a name, a title, an organisation, an address and contact lines
_AFTER_VALEDICTION = re.compile(
    r"[ \t]*[,.!:;\u2026]*[ \t]*(?:[:;]-?[)D(P]|[\U0001F300-\U0001FAFF\u2600-\u27BF\ufe0f]+|[ \t])*"
)
_NAME_ON_LINE = re.compile(r"[ \t]*(?:[,.!]+[ \t]*|[ \t])(?:[-\u2013\u2014~][ \t]*)?(?P<name>\S.*)$")
_OUTLOOK_FIELD = re.compile(r"(?:sent|date|to|subject|cc)[ \t]*:", re.IGNORECASE)


@dataclass
class Tail:
    """What the bottom of the letter holds, as segments, and where the body ends (a line index)."""

    segments: list[Segment] = field(default_factory=list)
    body_end: int = 0


def quoted(lines: list[Line], first: int, lexicon: Lexicon) -> tuple[set[int], int]:
    """Indices of "> " lines, and the line where a quoted earlier message begins (``len(lines)`` if none)."""
    intro = lexicon.regex("reply_intro_patterns")
    cut = len(lines)
    for index in range(first, len(lines)):
        text = lines[index].text
        if len(text) > 300:
            continue
        if intro.fullmatch(text) or _split_intro(lines, index) or _outlook_block(lines, index):
            cut = index
            break
    marks = {i for i in range(first, cut) if lines[i].text.startswith(">")}
    return marks, cut


def _split_intro(lines: list[Line], index: int) -> bool:
    """"On Tue, 3 June 2026, Ana Silva <" / "ana@example.com> wrote:" — a reply intro folded over two lines."""
    text = lines[index].text
    return (text.lower().startswith("on ") and index + 1 < len(lines)
            and lines[index + 1].text.lower().endswith(("wrote:", "schrieb:", "écrit:")) and len(text) < 160)


def _outlook_block(lines: list[Line], index: int) -> bool:
    if not re.match(r"from[ \t]*:", lines[index].text, re.IGNORECASE) or index == 0:
        return False
    following = [line.text for line in lines[index + 1 : index + 5]]
    return sum(bool(_OUTLOOK_FIELD.match(t)) for t in following) >= 2


def parse_tail(lines: list[Line], low: int, high: int, clean: str, lexicon: Lexicon,
               known: frozenset[str] = frozenset()) -> Tail:
    """Footers, P.S., closing and signature among ``lines[low:high]`` (found from the bottom up)."""
    tail = Tail(body_end=high)
    end = high
    footer = lexicon.regex("device_footer_patterns")
    footers: list[Segment] = []
    while end > low and len(lines[end - 1].text) <= MAX_SHAPE_LINE and footer.fullmatch(lines[end - 1].text.strip("_-* ")):
        footers.insert(0, Segment(Part.FOOTER, lines[end - 1].start, lines[end - 1].end))
        end -= 1
    marks = [i for i in range(low, end) if POSTSCRIPT.match(lines[i].text) and _postscript_start(lines[i].text)]
    if marks:
        first = marks[0]
        after = sign_off(lines, first + 1, end, clean, lexicon, known)
        if after is not None:
            tail.segments += _postscripts(lines, marks, after[0].start_line) + after[1]
        else:
            before = sign_off(lines, low, first, clean, lexicon, known)
            tail.segments += (before[1] if before else []) + _postscripts(lines, marks, end)
            first = before[0].start_line if before else first
        tail.body_end = first
    else:
        found = sign_off(lines, low, end, clean, lexicon, known)
        tail.segments += found[1] if found else []
        tail.body_end = found[0].start_line if found else end
    tail.segments += footers
    return tail


def _postscript_start(text: str) -> bool:
    """"P.S. I forgot …", "PS: …", "P.P.S." — not the word "PS5" or "PSA"."""
    return bool(re.match(r"(?:P\.?[ \t]?){1,3}S(?:\.|[ \t]*[:\u2013\u2014-]|[ \t]+\S|$)", text, re.IGNORECASE))


def _postscripts(lines: list[Line], marks: list[int], stop: int) -> list[Segment]:
    segments = []
    for number, start in enumerate(marks):
        finish = min(marks[number + 1] if number + 1 < len(marks) else stop, stop)
        if start >= finish:
            continue
        line = lines[start]
        marker = POSTSCRIPT.match(line.text)
        content = line.start + (marker.end() if marker else 0)
        first = start
        for index in range(start + 1, finish + 1):  # a quoted line left out between splits the P.S.
            if index == finish or lines[index].number != lines[index - 1].number + 1:
                begin = content if first == start else lines[first].start
                fields = (("marker", Span(line.start, content)),) if first == start else ()
                segments.append(Segment(Part.POSTSCRIPT, lines[first].start, lines[index - 1].end,
                                        (*fields, ("content", Span(begin, lines[index - 1].end)))))
                first = index
    return segments


@dataclass(frozen=True)
class SignOff:
    start_line: int


def sign_off(lines: list[Line], low: int, high: int, clean: str, lexicon: Lexicon,
             known: frozenset[str] = frozenset()) -> tuple[SignOff, list[Segment]] | None:
    """The closing and signature that end at ``high``: a valediction line and the lines under it, or a name
    block ("Jordan", "– J", a name with a title and phone number) with no valediction."""
    if high <= low:
        return None
    valediction = lexicon.regex("valedictions")
    for index in range(high - 1, max(low, high - _SIGNATURE_LINES - 1) - 1, -1):
        line = lines[index]
        below = lines[index + 1 : high]
        if below and below[-1].number - line.number != len(below):
            break  # a quoted line stands between: the signature block ends above it
        closing = _closing(line, clean, valediction, lexicon)
        if not _signature_lines(below, lexicon, after_closing=closing is not None):
            break
        if closing is None and index <= high - 2 and _closing_sentence(line.text) and name_tokens(below[0].text, lexicon):
            closing = (Segment(Part.CLOSING, line.start, line.end, (("valediction", Span(line.start, line.end)),)), None)
        if closing is not None:
            segment, name = closing
            if name is not None and (below and name_tokens(below[0].text, lexicon) or _known(name, clean, known)):
                # "Thanks again, Sam!" above "Jordan": Sam is the reader, the closing is the whole line
                segment = Segment(Part.CLOSING, segment.start, line.end, segment.fields)
                name = None
            return SignOff(index), [segment, *_signature(name, below, lexicon, line_end=line.end)]
        if len(line.text.split()) > 12:
            break  # a sentence of the body
    for index in range(max(low, high - _SIGNATURE_LINES), high):
        below = lines[index + 1 : high]
        if below and below[-1].number - lines[index].number != len(below):
            continue
        neighbours = lines[max(low, index - 1) : index] + lines[index + 1 : index + 2]
        if LIST_MARKER.match(lines[index].text) and any(LIST_MARKER.match(n.text) for n in neighbours):
            continue  # items of a list ("- Scheduling"), not "- Sam"
        if name_tokens(lines[index].text, lexicon) and all(detail_line(b.text, lexicon) for b in below) \
                and not _all_common(lines[index].text, lexicon):
            return SignOff(index), _signature(None, lines[index:high], lexicon)
    return None


def _signature_lines(lines: list[Line], lexicon: Lexicon, *, after_closing: bool) -> bool:
    """Lines that can stand under a closing: a name (in lower case too, "sam", right after a closing),
    then titles, organisations, addresses and contact lines."""
    for number, line in enumerate(lines):
        lowercase = after_closing and number == 0 and len(line.text.split()) <= 3
        if not (detail_line(line.text, lexicon) or name_tokens(line.text, lexicon, lowercase_ok=lowercase)):
            return False
    return True


def _known(span: Span, clean: str, known: frozenset[str]) -> bool:
    return any(token.lower().strip(".,!") in known for token in span.text(clean).split())


def _closing_sentence(text: str) -> bool:
    """"Thank you again for your time," above a name: a short line that ends in a comma."""
    return text.endswith(",") and len(text.split()) <= 8


def _all_common(text: str, lexicon: Lexicon) -> bool:
    tokens = name_tokens(text, lexicon) or []
    return bool(tokens) and all(t.lower() in lexicon.not_names for t in tokens)


def _closing(line: Line, clean: str, valediction: re.Pattern[str],
             lexicon: Lexicon) -> tuple[Segment, Span | None] | None:
    """A valediction line ("Best regards,"), maybe with the name after it ("Cheers, Sam", "ty! -j")."""
    text = clean[line.start : line.end]
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    found = valediction.match(text)
    if not found:
        return None
    base = line.start + lead
    rest = text[found.end() :]
    punctuation = _AFTER_VALEDICTION.match(rest)
    if punctuation and punctuation.end() == len(rest):
        return Segment(Part.CLOSING, line.start, line.end, (("valediction", Span(base, base + found.end())),)), None
    named = _NAME_ON_LINE.match(rest)
    if named and name_tokens(named.group("name"), lexicon, lowercase_ok=bool(re.match(r"[ \t]*\S*[-\u2013\u2014~]", rest))):
        name_start = base + found.end() + named.start("name")
        closing_end = line.start + len(line.text[: name_start - line.start].rstrip())  # "Thanks! -" before "Sam"
        closing = Segment(Part.CLOSING, line.start, max(closing_end, base + found.end()),
                          (("valediction", Span(base, base + found.end())),))
        return closing, Span(name_start, base + len(text.rstrip(" .!")))
    return None


def _signature(name: Span | None, lines: list[Line], lexicon: Lexicon, line_end: int = 0) -> list[Segment]:
    """The signature block: a name (on the closing's line or the first line), then title, organisation
    and contact lines."""
    fields: list[tuple[str, Span]] = []
    if name is not None:
        fields.append(("name", name))
    details = 0
    for number, line in enumerate(lines):
        span = Span(line.start, line.end)
        first = number == 0 and len(line.text.split()) <= 3
        if is_contact(line.text):
            fields.append(("contact", span))
        elif not any(key == "name" for key, _ in fields) and name_tokens(line.text, lexicon, lowercase_ok=first):
            fields.append(("name", _name_span(line)))
        else:
            fields.append(("title" if details == 0 else "organisation" if details == 1 else "address", span))
            details += 1
    if not fields:
        return []
    start = lines[0].start if name is None else name.start
    end = lines[-1].end if lines else max(line_end, *(s.end for _, s in fields))  # "Cheers, Sam." owns its "."
    return [Segment(Part.SIGNATURE, start, end, tuple(fields))]


def _name_span(line: Line) -> Span:
    """The name on a signature line, without a leading dash ("– Priya") or a trailing full stop."""
    text = line.text
    lead = len(text) - len(text.lstrip("-\u2013\u2014~ \t"))
    core = text[lead:].rstrip(" .!")
    return Span(line.start + lead, line.start + lead + len(core))


def terminal(text: str) -> bool:
    return bool(TERMINAL.search(text))
