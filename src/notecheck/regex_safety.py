"""Refusing regular expressions that can take exponential time, before any note is read.

Python's ``re`` backtracks, so a pattern such as ``(a+)+$`` takes exponential time on a hostile line
("aaaa…b"). Rule packs — shipped, user or plugin — are checked when they load, and a pattern is
refused when it has one of the shapes that cause catastrophic backtracking:

* a repetition inside a repetition where what the inner one matches could also come next, so the
  same text splits into iterations in many ways (``(a+)+``, ``(\\w+\\s?)*``, ``(.*,){9}``); an
  unambiguous one such as ``(?:\\w+\\s+)+`` is allowed;
* a repeated alternation whose branches can match the same text (``(a|aa)*``, ``(ab|a|b)*``);
* a back-reference (``(a+)\\1``), which no linear-time engine supports.

Possessive quantifiers and atomic groups (``a++``, ``(?>…)``) never backtrack and are allowed.
Repetitions one after another (``\\w*\\w*x``) are not refused: their cost is polynomial, not
exponential, in the length of a word, and kinds anchor phrase patterns at word starts. The check is
static, so it costs nothing per note and needs no second regular-expression engine.
"""

from __future__ import annotations

import importlib
import re
import string
from typing import Any

C: Any = importlib.import_module("re._constants")  # the parser Python's own re uses: exactly its syntax
parser: Any = importlib.import_module("re._parser")

_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT}
_SAMPLE = string.printable + "\u00e9\u00df\u2019\u201c\u00a0\u4e2d"
_CATEGORY_TESTS = {
    C.CATEGORY_DIGIT: str.isdigit, C.CATEGORY_SPACE: str.isspace,
    C.CATEGORY_WORD: lambda c: c.isalnum() or c == "_", C.CATEGORY_LINEBREAK: lambda c: c == "\n",
}


class UnsafePattern(ValueError):
    """A pattern that may take exponential time; ``str()`` says which construct and why."""


Items = list[tuple[Any, Any]]
ALL = frozenset(_SAMPLE)
NOTHING: frozenset[str] = frozenset()


def check_pattern(pattern: str, flags: int = 0) -> None:
    """Raise ``UnsafePattern`` (or ``re.error`` for an invalid pattern) when ``pattern`` is not safe."""
    tree = parser.parse(pattern, flags)
    ignore_case = bool((flags | tree.state.flags) & re.IGNORECASE)
    _Checker(ignore_case).walk(list(tree), depth=0, follow=NOTHING)


class _Checker:
    def __init__(self, ignore_case: bool) -> None:
        self.ignore_case = ignore_case

    def walk(self, items: Items, depth: int, follow: frozenset[str]) -> None:
        """``depth`` counts enclosing repetitions; ``follow`` is what may come after ``items`` inside them."""
        for index, (op, av) in enumerate(items):
            after = self.follow(items[index + 1 :], follow)
            if op in _REPEATS:
                body = list(av[2])
                repeats = av[1] is C.MAXREPEAT or av[1] > 1
                if repeats and depth:
                    clash = self.chars(body) & after
                    if clash:
                        raise UnsafePattern(
                            "a repetition inside a repetition can match the same text in many ways and backtrack "
                            f"exponentially ({sorted(clash)[0]!r} can end one iteration or start the next); "
                            "rewrite without the nested quantifier"
                        )
                if repeats:
                    again = self.first(body)[0] | (after if depth else NOTHING)
                    self.walk(body, depth + 1, again)
                else:
                    self.walk(body, depth, after)
            elif op in (C.GROUPREF, C.GROUPREF_EXISTS):
                raise UnsafePattern("back-references (\\1, (?P=name), (?(1)...)) are not allowed")
            elif op is C.SUBPATTERN:
                self.walk(list(av[-1]), depth, after)
            elif op is C.BRANCH:
                if depth:
                    self.check_branches(av[1], after)
                for branch in av[1]:
                    self.walk(list(branch), depth, after)
            elif op in (C.ASSERT, C.ASSERT_NOT):
                self.walk(list(av[1]), 0, NOTHING)
            # POSSESSIVE_REPEAT and ATOMIC_GROUP never backtrack into themselves

    def check_branches(self, branches: list[Any], after: frozenset[str]) -> None:
        """Under a repetition, alternatives that can start alike multiply the ways to match."""
        starts = [self.follow(list(b), after) for b in branches]
        for i, first in enumerate(starts):
            for other in starts[i + 1 :]:
                if first & other:
                    raise UnsafePattern("alternatives under a repetition can match the same text, "
                                        "which backtracks exponentially; make them start differently")

    def follow(self, rest: Items, outer: frozenset[str]) -> frozenset[str]:
        first, empty = self.first(rest)
        return first | outer if empty else first

    def first(self, items: Items) -> tuple[frozenset[str], bool]:
        """Sample characters that can start a match of ``items``, and whether it can match empty text."""
        found: set[str] = set()
        for op, av in items:
            if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
                continue
            if op in _REPEATS or op is C.POSSESSIVE_REPEAT:
                inner, empty = self.first(list(av[2]))
                found |= inner
                if av[0] > 0 and not empty:
                    return frozenset(found), False
                continue
            if op is C.SUBPATTERN or op is C.ATOMIC_GROUP:
                inner, empty = self.first(list(av[-1]) if op is C.SUBPATTERN else list(av))
            elif op is C.BRANCH:
                parts = [self.first(list(b)) for b in av[1]]
                inner, empty = frozenset().union(*(p[0] for p in parts)), any(p[1] for p in parts)
            else:
                inner, empty = self.single(op, av), False
            found |= inner
            if not empty:
                return frozenset(found), False
        return frozenset(found), True

    def chars(self, items: Items) -> frozenset[str]:
        """Every sample character that can occur in a match of ``items``."""
        found: set[str] = set()
        for op, av in items:
            if op in _REPEATS or op is C.POSSESSIVE_REPEAT:
                found |= self.chars(list(av[2]))
            elif op is C.SUBPATTERN:
                found |= self.chars(list(av[-1]))
            elif op is C.ATOMIC_GROUP:
                found |= self.chars(list(av))
            elif op is C.BRANCH:
                for branch in av[1]:
                    found |= self.chars(list(branch))
            elif op not in (C.AT, C.ASSERT, C.ASSERT_NOT):
                found |= self.single(op, av)
        return frozenset(found)

    def single(self, op: Any, av: Any) -> frozenset[str]:
        return frozenset(c for c in _SAMPLE if _matches(op, av, c, self.ignore_case))


def _matches(op: Any, av: Any, char: str, ignore_case: bool) -> bool:
    folded = {c for c in (char, char.lower(), char.upper()) if len(c) == 1} if ignore_case else {char}
    if op is C.LITERAL:
        return chr(av) in folded
    if op is C.NOT_LITERAL:
        return chr(av) not in folded
    if op is C.ANY:
        return char != "\n"
    if op is C.IN:
        negate = any(o is C.NEGATE for o, _ in av)
        hit = any(_in_item(o, a, c) for o, a in av if o is not C.NEGATE for c in folded)
        return hit != negate
    return True  # anything else: assume it may overlap


def _in_item(op: Any, av: Any, char: str) -> bool:
    if op is C.LITERAL:
        return chr(av) == char
    if op is C.RANGE:
        return av[0] <= ord(char) <= av[1]
    if op is C.CATEGORY:
        negated = av.name.startswith("CATEGORY_NOT_")
        test = _CATEGORY_TESTS.get(getattr(C, av.name.replace("CATEGORY_NOT_", "CATEGORY_")))
        return True if test is None else test(char) != negated
    return True
