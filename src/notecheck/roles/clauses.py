"""Inside one sentence: its clauses, whether a cue is said or only referred back to, and how many
topics a retelling runs through."""

from __future__ import annotations

import bisect
import re

# A clause ends at ; : or a dash, and at a comma before a new subject ("..., and I said ...", "..., which ...").
_BREAK = re.compile(
    r"\s*(?:[;:\u2014]|\s[-\u2013]\s)\s*"
    r"|,\s+(?=(?:(?:and|but|so|then|while|because|since|although|though|as|when|after|before|until|once|or)\s+){0,2}"
    r"(?:I|you|we|he|she|they|it|my|our|your|there|which|where|who)\b)",
    re.IGNORECASE,
)
# Words after which "we discussed" or "I said" is a back-reference ("as I mentioned", "what you described").
_RELATIVE = frozenset({"as", "what", "that", "which", "whatever", "how", "like", "than", "everything", "anything",
                       "something", "nothing", "all", "whom", "whose", "whichever", "whenever", "wherever", "if"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "these", "those", "your", "my", "our", "every", "each", "some",
                          "any", "one", "two", "three", "four", "several"})
_PREPOSITIONS = frozenset({"in", "on", "at", "during", "after", "before", "over", "by", "through", "throughout",
                           "around", "towards", "toward", "following"})
_LEADS = frozenset({"then", "later", "next", "also", "first", "finally", "afterwards", "afterward", "soon"})
_JOINS = frozenset({"and", "but", "so", "then"})
_AFTER = frozenset({"after", "before", "with", "besides", "beyond"})
# Cues of taking something in rather than saying it: "what I took away" announces a retelling.
_TAKING_IN = re.compile(r"\b(?:learned|heard|found|gathered|took|came|got|noticed|struck|impressed)\b", re.IGNORECASE)
_PERSON_LED = re.compile(r"(?:we|you|i|who|she|he|they)\b", re.IGNORECASE)
_LOOK_BACK = 400  # characters before a cue that decide whether it refers back
_WORD = re.compile(r"[\w'\u2019-]+")
_NUMBERED = re.compile(r"\(\s*(?:\d{1,2}|[a-h]|i{1,3}|iv|vi?)\s*\)|(?<![\w.,])\d{1,2}\)(?=\s)")
_RELATIVE_START = re.compile(r"(?:where|which|who|whom|when)\b", re.IGNORECASE)
_LIST_WORD = re.compile(r"\b(?:and|or)\b", re.IGNORECASE)


def clauses(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each clause of a sentence's text."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for found in _BREAK.finditer(text):
        if found.start() > begin:
            spans.append((begin, found.start()))
        begin = found.end()
    if begin < len(text):
        spans.append((begin, len(text)))
    return spans or [(0, len(text))]


def relative(text: str, span: tuple[int, int]) -> bool:
    """Whether a clause continues the one before it ("..., where I sketched ...", "..., which ...")."""
    return bool(_RELATIVE_START.match(text, span[0]))


def announces(text: str, spans: list[tuple[int, int]], number: int) -> bool:
    """Whether clause ``number`` ends in a colon, announcing what follows ("We covered: ...")."""
    end = spans[number][1]
    following = spans[number + 1][0] if number + 1 < len(spans) else len(text)
    return ":" in text[end:following]


def clause_of(spans: list[tuple[int, int]], offset: int) -> int:
    index = bisect.bisect_right(spans, offset, key=lambda span: span[0]) - 1
    if index >= 0 and offset < spans[index][1]:
        return index
    return len(spans) - 1 if spans and offset >= spans[-1][0] else 0


def is_back_reference(text: str, spans: list[tuple[int, int]], offset: int, cue: str) -> bool:
    """Whether the cue at ``offset`` refers back to the interview instead of telling it: "as I mentioned",
    "the role we discussed", "something I said" (but "In the interview I told you" tells)."""
    if not _PERSON_LED.match(cue) or _TAKING_IN.search(cue):
        return False
    start = spans[clause_of(spans, offset)][0]
    # only the words just before the cue decide, so a clause that runs on for pages is read in a window
    # (every cue reading the whole clause would take time growing with the square of its length)
    cut = start < offset - _LOOK_BACK
    lead = [w.lower() for w in _WORD.findall(text, max(start, offset - _LOOK_BACK), offset)]
    if cut:
        lead = lead[1:]  # the first may be the end of a longer word
    joined = max((i for i, w in enumerate(lead) if w in _JOINS), default=-1)
    cut = cut and joined < 0  # the clause starts before the words read
    lead = lead[joined + 1 :]  # "..., and we discussed", "Then you asked": a clause of its own
    if not lead:
        return False
    if lead[-1] in _RELATIVE and not (lead[-1] == "that" and len(lead) > 1 and lead[-2] in _AFTER):
        return True  # "as I mentioned", "what you described" (but "After that we talked" tells)
    for index in range(len(lead) - 2, max(-1, len(lead) - 6), -1):
        if lead[index] in _DETERMINERS:
            if index == 0 and not cut:
                return True  # "The tour you gave me ..."
            opens = not cut and lead[index - 1] in _PREPOSITIONS and all(w in _LEADS for w in lead[: index - 1])
            return not opens  # "In the interview I told you" tells; "about the role we discussed" refers back
    return False


def series(text: str, spans: list[tuple[int, int]]) -> int:
    """How many items a retelling runs through: numbered points, a semicolon series, or a comma series."""
    numbered = len(_NUMBERED.findall(text))
    if numbered >= 2:
        return numbered
    best = text.count(";") + 1
    for start, end in spans:
        part = text[start:end]
        commas = part.count(",")
        if commas >= 2:
            last = part[part.rindex(",") + 1 :].strip()
            best = max(best, commas + 1 + bool(_LIST_WORD.search(last) and not _LIST_WORD.match(last)))
        elif commas == 1:
            after = part[part.index(",") + 1 :].strip()
            if _LIST_WORD.search(after) and not _LIST_WORD.match(after):
                best = max(best, 3)  # "the rota, the pay and the uniform"
    return best
