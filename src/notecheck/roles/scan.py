"""Finding the role cues of the lexicon in the body: each list compiled once per lexicon, searched once.

The patterns are matched as the lexicon promises (case-insensitively, whole words, a space matching
any white space), but on a lower-cased copy of the text with lower-cased patterns: the regular
expression engine then skips alternatives by their first letter, which halves the time of the
search. A text whose lower-casing changes its length is searched with the case-insensitive
patterns instead, so offsets stay true.
"""

from __future__ import annotations

import re
from functools import lru_cache

from notecheck.kinds.base import first_characters
from notecheck.lexicon import Lexicon, widen_spaces
from notecheck.patterns import compile_pattern, is_trusted

# searched once over the whole body, for every sentence
EAGER = ("thanks_patterns", "interview_patterns", "evidence_patterns", "new_point_patterns", "material_patterns",
         "requested_patterns")
# searched in one sentence, only when its role depends on them
LAZY = ("outside_patterns", "idiom_patterns", "claim_patterns", "slot_patterns", "next_step_patterns",
        "courtesy_patterns")


def _lower_pattern(pattern: str) -> str:
    """Lower-case the literal letters of a pattern, leaving escapes (``\\S``, ``\\W``, ``\\u2019``) alone."""
    out: list[str] = []
    index = 0
    while index < len(pattern):
        if pattern[index] == "\\":
            out.append(pattern[index : index + 2])
            index += 2
            continue
        out.append(pattern[index].lower())
        index += 1
    return "".join(out).replace("(?p<", "(?P<").replace("(?p=", "(?P=")  # named groups keep their syntax


@lru_cache(maxsize=256)
def compile_cues(entries: tuple[str, ...], lower: bool = True, trusted: bool | None = None) -> re.Pattern[str]:
    """One whole-word pattern for a list of regular expressions; ``lower`` compiles it for a lower-cased text
    (see ``lowered``), otherwise case-insensitively. notecheck's own entries run on ``re``; a user's (a
    config file's ``[lexicon]``, a pack's parameters) under the rule's time budget (``notecheck.patterns``);
    ``trusted`` says which when the entries are not the patterns as written."""
    if not entries:
        return re.compile(r"(?!x)x")
    body = "|".join(_lower_pattern(widen_spaces(e)) if lower else widen_spaces(e) for e in entries)
    flags = 0 if lower else re.IGNORECASE
    first = first_characters(body, flags)
    ahead = f"(?=[{first}])" if first else ""
    return compile_pattern(ahead + r"(?<![\w'\u2019])(?:" + body + r")(?![\w'\u2019])", flags,
                           trusted=all(is_trusted(e) for e in entries) if trusted is None else trusted)


class _Patterns(dict[str, re.Pattern[str]]):
    """The lists of one lexicon compiled on first use (most runs never need the case-insensitive set)."""

    def __init__(self, lexicon: Lexicon, lower: bool) -> None:
        super().__init__()
        self.lexicon, self.lower = lexicon, lower

    def __missing__(self, name: str) -> re.Pattern[str]:
        pattern = self[name] = compile_cues(getattr(self.lexicon, name), self.lower)
        return pattern


class Scanner:
    """The compiled role lists of one lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lower = _Patterns(lexicon, True)
        self.folded = _Patterns(lexicon, False)
        irregular = "|".join(sorted(re.escape(w.lower()) for w in lexicon.irregular_past))
        self.past = re.compile(r"\b(?:[a-z]+[a-df-z]ed|" + irregular + r")\b", re.IGNORECASE)

    def text(self, source: str) -> tuple[str, dict[str, re.Pattern[str]]]:
        """The text to search and the patterns that search it (lower-cased when that keeps the offsets)."""
        text = lowered(source)
        return (text, self.lower) if text is not None else (source, self.folded)


def lowered(source: str) -> str | None:
    """``source`` lower-cased, or None when lower-casing would move the offsets (a few non-English letters)."""
    text = source.lower()
    return text if len(text) == len(source) else None


@lru_cache(maxsize=8)
def scanner(lexicon: Lexicon) -> Scanner:
    return Scanner(lexicon)
