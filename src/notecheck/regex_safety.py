"""Refusing regular expressions that can take exponential time, before any note is read.

Python's ``re`` backtracks, so a pattern such as ``(a+)+$`` takes exponential time on a hostile line
("aaaa…b"). Rule packs — shipped, user or plugin — are checked when they load, and a pattern is
refused when it has one of the shapes that cause catastrophic backtracking:

* a repetition inside a repetition where what the inner one matches could also come next, so the
  same text splits into iterations in many ways (``(a+)+``, ``(\\w+\\s?)*``, ``(.*,){9}``); an
  unambiguous one such as ``(?:\\w+\\s+)+`` is allowed;
* a repeated alternation whose branches can match the same text (``(a|aa)*``, ``(ab|a|b)*``);
* a back-reference (``(a+)\\1``), which no linear-time engine supports.

* unbounded repetitions one after another that can take the same characters, with nothing or one
  character both could take between them (``\\w*\\w*\\w*!``, ``.*o.*!``): each extra one multiplies
  the ways to split a long word, a polynomial blow-up (a 400-letter word took 100 s with four).

Possessive quantifiers and atomic groups (``a++``, ``(?>…)``) never backtrack and are allowed.
Characters are compared by sampling: printable ASCII and a few others, every character the pattern
names (so ``(ж+)+!`` is seen), and each one's case variants under ``re.IGNORECASE`` as ``re`` itself
folds them (so ``(ſ+)+!``, which matches ASCII "sss", is seen too). The check is static and refuses
early with a reason; what it cannot see is caught at run time by the time budget in
``notecheck.patterns``.
"""

from __future__ import annotations

import importlib
import re
import string
from functools import lru_cache
from typing import Any

C: Any = importlib.import_module("re._constants")  # the parser Python's own re uses: exactly its syntax
parser: Any = importlib.import_module("re._parser")
_casefix: Any = importlib.import_module("re._casefix")  # re's extra case equivalences (s/ſ, k/K (Kelvin), ...)

_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT}
_SINGLE = {C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN, C.CATEGORY}
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


@lru_cache(maxsize=4096)
def _variants(char: str) -> frozenset[str]:
    found = {char, *(c for c in (char.lower(), char.upper(), char.casefold()) if len(c) == 1)}
    for one in list(found):
        found.update(chr(o) for o in _casefix._EXTRA_CASES.get(ord(one.lower()), ()))
    return frozenset(found)


def _named(items: Items, into: set[str]) -> None:
    """Every character ``items`` names: literals and the ends of ranges."""
    for op, av in items:
        if op in (C.LITERAL, C.NOT_LITERAL):
            into.add(chr(av))
        elif op is C.RANGE:
            into.update((chr(av[0]), chr(av[1]), chr(min(av[0] + 1, av[1]))))
        elif op is C.IN:
            _named(list(av), into)
        elif op in _REPEATS or op is C.POSSESSIVE_REPEAT:
            _named(list(av[2]), into)
        elif op is C.SUBPATTERN:
            _named(list(av[-1]), into)
        elif op is C.ATOMIC_GROUP:
            _named(list(av), into)
        elif op is C.BRANCH:
            for branch in av[1]:
                _named(list(branch), into)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            _named(list(av[1]), into)


def check_pattern(pattern: str, flags: int = 0) -> None:
    """Raise ``UnsafePattern`` (or ``re.error`` for an invalid pattern) when ``pattern`` is not safe."""
    tree = parser.parse(pattern, flags)
    ignore_case = bool((flags | tree.state.flags) & re.IGNORECASE)
    _Checker(ignore_case, _sample(list(tree), ignore_case)).walk(list(tree), depth=0, follow=NOTHING)


def _sample(items: Items, ignore_case: bool) -> str:
    named: set[str] = set()
    _named(items, named)
    chars = set(_SAMPLE) | named
    if ignore_case:
        chars = {v for c in chars for v in _variants(c)}
    return "".join(sorted(chars))


def matches_empty(pattern: str, flags: int = 0) -> bool:
    """Whether ``pattern`` can match the empty string (look-arounds aside)."""
    tree = parser.parse(pattern, flags)
    return _Checker(bool((flags | tree.state.flags) & re.IGNORECASE)).first(list(tree))[1]


class _Checker:
    def __init__(self, ignore_case: bool, sample: str = _SAMPLE) -> None:
        self.ignore_case = ignore_case
        self.sample = sample

    def walk(self, items: Items, depth: int, follow: frozenset[str]) -> None:
        """``depth`` counts enclosing repetitions; ``follow`` is what may come after ``items`` inside them."""
        self.check_sequence(items)
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

    def check_sequence(self, items: Items) -> None:
        """Unbounded repetitions in a row that can take the same characters split a word in polynomially
        many ways; ``open`` holds what each earlier one could still be taking."""
        flat = _flatten(items)
        if sum(1 for op, av in flat if op in _REPEATS and av[1] is C.MAXREPEAT) < 2:
            return  # it takes two unbounded repetitions
        open_sets: list[frozenset[str]] = []
        for op, av in flat:
            if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
                continue
            if op in _REPEATS and av[1] is C.MAXREPEAT:
                body = list(av[2])
                start, taken = self.first(body)[0], self.chars(body)
                if any(chars & start for chars in open_sets):
                    raise UnsafePattern(
                        "unbounded repetitions in a row can take the same characters, so a long word splits "
                        "between them in polynomially many ways; join them into one, or put a required "
                        "character between them")
                open_sets = [taken, *(open_sets if av[0] == 0 else [])]
            elif op is C.POSSESSIVE_REPEAT or op is C.ATOMIC_GROUP:
                open_sets = []  # never gives back what it took
            elif self.first([(op, av)])[1]:
                continue  # can match nothing: the repetitions around it still touch
            elif op in _SINGLE:  # one character both sides could take: the split can fall on either side
                taken = self.chars([(op, av)])
                open_sets = [chars & taken for chars in open_sets if chars & taken]
            else:
                open_sets = []  # a longer piece between them fixes where one ends

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
        return frozenset(c for c in self.sample if _matches(op, av, c, self.ignore_case))


def _flatten(items: Items) -> Items:
    """``items`` with plain groups opened up, so repetitions inside them line up with the rest."""
    flat: Items = []
    for op, av in items:
        if op is C.SUBPATTERN:
            flat.extend(_flatten(list(av[-1])))
        else:
            flat.append((op, av))
    return flat


def _matches(op: Any, av: Any, char: str, ignore_case: bool) -> bool:
    folded = _variants(char) if ignore_case else {char}
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
