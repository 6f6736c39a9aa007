"""What a rule kind is: a parameter dataclass and a ``check`` function over a note.

A kind reads the note through the scopes its rule declares (``note.text``, ``note.sentences`` and
``note.words`` hold only those), returns hits and reasons as data (``Say``: a message key and its
arguments; the wording lives in the rule's pack), and documents its parameters in their field
metadata (``param``) and its exemptions as named predicates (``Exemption``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol

from notecheck.lexicon import Lexicon, shipped_lexicon, widen_spaces
from notecheck.model import Severity
from notecheck.note import Note
from notecheck.patterns import compile_pattern, is_trusted


@dataclass(frozen=True)
class Say:
    """A message by key: the rule's pack holds the wording (``[rule.messages]``), the kind the arguments."""

    key: str
    args: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Hit:
    """Where a rule fired. Offsets index ``note.source``; ``None`` means the whole note."""

    start: int | None = None
    end: int | None = None
    message: str | Say | None = None  # replaces the rule's message when set
    suggestions: tuple[str, ...] = ()  # replacement texts for the span, never prose
    advice: str | None = None  # prose advice; replaces the rule's ``suggestion`` when set
    severity: Severity | None = None  # replaces the rule's severity when set
    source: str | None = None
    fix: str | None = None  # the one replacement safe to apply unseen (``--fix``), if the kind vouches for it


@dataclass(frozen=True)
class Outcome:
    """A kind's answer: hits mean the rule failed; ``skipped`` names why it could not run."""

    hits: tuple[Hit, ...] = ()
    skipped: str | None = None
    incomplete: bool = False  # skipped although it should have run (exit code 3)
    reason: str | Say = ""  # shown in the checklist, e.g. what made the rule pass
    checked_by: str | None = None  # the outside engine that answered (e.g. "LanguageTool 6.8"), if any
    exempted: tuple[tuple[str, str], ...] = ()  # (exemption name, the text it spared)


@dataclass
class RunEnv:
    """What the engine hands every kind besides the note: run-wide settings and the services on offer."""

    language: str = "en-US"
    words: frozenset[str] = frozenset()  # the user's word list: never spelling mistakes
    notices: tuple[str, ...] = ()  # run-wide notes for every report (e.g. the text left the machine)
    services: dict[Any, Any] = field(default_factory=dict)  # by class (GrammarService) or name ("batch"):
    # see notecheck.services
    lexicon: Lexicon = field(default_factory=shipped_lexicon)


class CheckFunction(Protocol):
    def __call__(self, note: Note, params: Any, env: RunEnv, /) -> Outcome: ...


@dataclass(frozen=True)
class Exemption:
    """A named, documented reason a heuristic kind does not fire on something that looks like a hit."""

    name: str
    doc: str
    applies: Callable[..., bool] = field(compare=False)

    def __call__(self, *args: Any, **kwargs: Any) -> bool:
        return self.applies(*args, **kwargs)


@dataclass(frozen=True)
class Kind:
    """A rule kind: rules in packs name it and give values for its ``params`` dataclass.

    ``scope`` is what a rule of this kind reads unless its pack entry says otherwise; ``messages``
    names each message key the kind may say and the arguments it gives it.
    """

    name: str
    params: type
    check: CheckFunction
    description: str = ""
    scope: tuple[str, ...] = ("whole",)
    messages: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    reasons: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    exemptions: tuple[Exemption, ...] = ()


def param(default: Any = None, doc: str = "", *, regex: bool = False, factory: Callable[[], Any] | None = None) -> Any:
    """A documented parameter field: ``doc`` is its meaning (``explain`` prints it); ``regex`` marks
    regular expressions, which the pack loader compiles and checks for catastrophic backtracking."""
    metadata = {"doc": doc, "regex": regex}
    if factory is not None:
        return field(default_factory=factory, metadata=metadata)
    return field(default=default, metadata=metadata)


@lru_cache(maxsize=512)
def _compile(parts: tuple[str, ...], ignore_case: bool) -> re.Pattern[str]:
    if not parts:
        return re.compile(r"(?!x)x")
    body = "|".join(widen_spaces(t) for t in parts)
    flags = re.IGNORECASE if ignore_case else 0
    first = first_characters(body, flags)
    ahead = f"(?=[{first}])" if first else ""  # lets the engine skip positions no phrase can start at
    # notecheck's own patterns run on re; a user's under the time budget (notecheck.patterns)
    return compile_pattern(r"(?<![\w'])" + ahead + "(?:" + body + r")(?![\w])", flags,
                           trusted=all(is_trusted(t) for t in parts))


_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_WORD": r"\w", "CATEGORY_SPACE": r"\s"}


def first_characters(pattern: str, flags: int = 0) -> str | None:
    """A character class (without brackets) of every character a match of ``pattern`` can start with,
    or None when that cannot be said simply (the pattern can match empty, starts with any character,
    a negated class, or changes flags inside)."""
    from re import _parser  # type: ignore[attr-defined]

    try:
        found, nullable = _first(list(_parser.parse(pattern, flags)))
    except _GiveUp:
        return None
    return None if nullable or not found else "".join(sorted(found))


class _GiveUp(Exception):
    pass


def _first(items: list[Any]) -> tuple[set[str], bool]:
    found: set[str] = set()
    for op, value in items:
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # zero-width: what follows decides
        if name == "LITERAL":
            found.add(re.escape(chr(value)))
            return found, False
        if name == "IN":
            found |= _class(value)
            return found, False
        if name == "SUBPATTERN":
            if value[1] or value[2]:
                raise _GiveUp  # flags changed inside a group
            chars, nullable = _first(list(value[3]))
        elif name == "BRANCH":
            chars, nullable = set(), False
            for alternative in value[1]:
                more, empty = _first(list(alternative))
                chars |= more
                nullable = nullable or empty
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            chars, nullable = _first(list(value[2]))
            nullable = nullable or value[0] == 0
        else:
            raise _GiveUp  # any character, a back-reference, a negated literal...
        found |= chars
        if not nullable:
            return found, False
    return found, True


def _class(items: list[Any]) -> set[str]:
    chars: set[str] = set()
    for op, value in items:
        name = str(op)
        if name == "LITERAL":
            chars.add(re.escape(chr(value)))
        elif name == "RANGE":
            chars.add(re.escape(chr(value[0])) + "-" + re.escape(chr(value[1])))
        elif name == "CATEGORY" and str(value) in _CATEGORIES:
            chars.add(_CATEGORIES[str(value)])
        else:
            raise _GiveUp  # a negated class or an unusual category
    return chars


def compile_terms(terms: Iterable[str], *, ignore_case: bool = True) -> re.Pattern[str]:
    """One case-insensitive pattern for a list of regular expressions (word-bounded).

    A space in a pattern matches any run of white space, line breaks included.
    """
    return _compile(tuple(t for t in terms if t), ignore_case)


def clip(text: str, limit: int = 70) -> str:
    """A sentence quoted in a reason, cut at ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
