"""Compiling the regular expressions of rules, with a time guarantee for the ones a user wrote.

Patterns from notecheck's own packs are vetted by the test suite (the backtracking analysis in
``regex_safety`` and hostile-input tests) and run on Python's ``re``, the fastest engine here. Every
other pattern (a user or plugin pack, a config file's ``[rules.X]`` table, front matter where the
configuration allows it) runs on the ``regex`` engine under a time budget: the engine runs each rule
under ``budget(seconds)``, and a match that would take longer raises ``PatternTooSlow``, which skips
that rule ("pattern too slow", exit 3). Literal text (``re.escape`` of a name from the context) is
linear whatever the engine, so it stays on ``re``.

Why not a linear-time engine (RE2)? The packs' patterns rely on look-around (``(?<!many )``,
``(?! name)``) and every phrase is wrapped in word-boundary look-arounds, which RE2 does not have.
"""

from __future__ import annotations

import contextvars
import re
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

DEFAULT_SECONDS = 1.0  # per rule and note
_VETTED: set[str] = set()
_LITERAL = re.compile(r"(?:\\[^A-Za-z0-9]|[^\\.^$*+?{}\[\]|()])*")  # what re.escape makes of text
_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar("notecheck_pattern_deadline", default=None)


class PatternTooSlow(TimeoutError):
    """A user's pattern ran past the rule's time budget on this note."""


def vet(patterns: Iterable[str]) -> None:
    """Mark patterns of notecheck's own packs as vetted (they run on ``re``)."""
    _VETTED.update(p for p in patterns if isinstance(p, str))


def is_trusted(pattern: str) -> bool:
    """Vetted (a pattern of notecheck's own packs or lexicon) or literal text."""
    return pattern in _VETTED or _LITERAL.fullmatch(pattern) is not None


def start_budget(seconds: float | None = None) -> contextvars.Token[float | None]:
    """Begin a rule's budget (the engine's fast path for ``budget``); end it with ``end_budget``."""
    return _deadline.set(time.monotonic() + (DEFAULT_SECONDS if seconds is None else seconds))


def end_budget(token: contextvars.Token[float | None]) -> None:
    _deadline.reset(token)


@contextmanager
def budget(seconds: float | None = None) -> Iterator[None]:
    """Every user pattern matched inside the block shares ``seconds`` (default 1) of matching time."""
    token = _deadline.set(time.monotonic() + (DEFAULT_SECONDS if seconds is None else seconds))
    try:
        yield
    finally:
        _deadline.reset(token)


def _remaining() -> float:
    deadline = _deadline.get()
    left = DEFAULT_SECONDS if deadline is None else deadline - time.monotonic()
    if left <= 0:
        raise PatternTooSlow("pattern too slow")
    return left


class BudgetedPattern:
    """A ``regex`` pattern whose every match runs within the current budget; the methods kinds use."""

    def __init__(self, compiled: Any) -> None:
        self._compiled = compiled
        self.pattern: str = compiled.pattern

    def _call(self, method: str, *args: Any) -> Any:
        try:
            return getattr(self._compiled, method)(*args, timeout=_remaining())
        except TimeoutError:
            raise PatternTooSlow("pattern too slow") from None

    def search(self, text: str, *args: Any) -> Any:
        return self._call("search", text, *args)

    def match(self, text: str, *args: Any) -> Any:
        return self._call("match", text, *args)

    def fullmatch(self, text: str, *args: Any) -> Any:
        return self._call("fullmatch", text, *args)

    def findall(self, text: str, *args: Any) -> Any:
        return self._call("findall", text, *args)

    def sub(self, replacement: Any, text: str, count: int = 0) -> Any:
        return self._call("sub", replacement, text, count)

    def finditer(self, text: str, *args: Any) -> Iterator[Any]:
        found = self._call("finditer", text, *args)
        try:
            yield from found
        except TimeoutError:
            raise PatternTooSlow("pattern too slow") from None


def compile_pattern(pattern: str, flags: int = 0, *, trusted: bool | None = None) -> re.Pattern[str]:
    """One regular expression: on ``re`` when ``trusted`` (default: vetted or literal text), else a
    ``BudgetedPattern`` with the same methods, matching under the current budget."""
    return _compile(pattern, flags, is_trusted(pattern) if trusted is None else trusted)


@lru_cache(maxsize=512)
def _compile(pattern: str, flags: int, trusted: bool) -> Any:
    if trusted:
        return re.compile(pattern, flags)
    import regex  # only when a user's pattern runs

    return BudgetedPattern(regex.compile(pattern, (regex.IGNORECASE if flags & re.IGNORECASE else 0) | regex.V0))
