"""What a rule kind is: a parameter dataclass and a ``check`` function over a note."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

from notecheck.model import Severity
from notecheck.note import Note

if TYPE_CHECKING:
    from notecheck.grammar import GrammarBackend


@dataclass(frozen=True)
class Hit:
    """Where a rule fired. Offsets index ``note.source``; ``None`` means the whole note."""

    start: int | None = None
    end: int | None = None
    message: str | None = None  # replaces the rule's message when set
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
    reason: str = ""  # shown in the checklist, e.g. what made the rule pass
    checked_by: str | None = None  # the outside engine that answered (e.g. "LanguageTool 6.8"), if any


@dataclass
class RunEnv:
    """What the engine hands every kind besides the note: services and run-wide settings."""

    language: str = "en-US"
    grammar: GrammarBackend | None = None
    grammar_skip: str | None = None  # reason the grammar backend is not available
    grammar_incomplete: bool = False  # True when grammar should have run but could not
    words: frozenset[str] = frozenset()  # the user's word list: never spelling mistakes
    notices: tuple[str, ...] = ()  # run-wide notes for every report (e.g. the text left the machine)
    services: dict[str, Any] = field(default_factory=dict)  # offered by the run, asked for by name (e.g. "batch")


class CheckFunction(Protocol):
    def __call__(self, note: Note, params: Any, env: RunEnv, /) -> Outcome: ...


@dataclass(frozen=True)
class Kind:
    """A rule kind: rules in packs name it and give values for its ``params`` dataclass."""

    name: str
    params: type
    check: CheckFunction
    description: str = ""


def widen_spaces(pattern: str) -> str:
    """Let a literal space match any run of white space, except inside look-behinds and classes."""
    out: list[str] = []
    groups: list[bool] = []  # True for a look-behind group
    index, in_class = 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            out.append(pattern[index : index + 2])
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            groups.append(pattern.startswith(("(?<!", "(?<="), index))
        elif char == ")" and groups:
            groups.pop()
        elif char == " " and not any(groups):
            char = r"\s+"
        out.append(char)
        index += 1
    return "".join(out)


@lru_cache(maxsize=512)
def _compile(parts: tuple[str, ...], ignore_case: bool) -> re.Pattern[str]:
    if not parts:
        return re.compile(r"(?!x)x")
    body = "|".join(widen_spaces(t) for t in parts)
    return re.compile(r"(?<![\w'])(?:" + body + r")(?![\w])", re.IGNORECASE if ignore_case else 0)


def compile_terms(terms: Iterable[str], *, ignore_case: bool = True) -> re.Pattern[str]:
    """One case-insensitive pattern for a list of regular expressions (word-bounded).

    A space in a pattern matches any run of white space, line breaks included.
    """
    return _compile(tuple(t for t in terms if t), ignore_case)
