"""The shared lexicon: the word lists the letter parser and the rule kinds read by name.

The lists live in ``rules/lexicon.toml`` (each list exactly once); a user pack folder may carry a
``lexicon.toml`` of its own and a configuration file a ``[lexicon]`` table, and both add to the lists.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from notecheck.registry import RegistryError, builtin_packs

LEXICON_FILE = "lexicon.toml"


class LexiconError(RegistryError):
    """A lexicon file or table that does not validate; ``str()`` names the file and the list."""


def _doc(text: str) -> Any:
    return field(default=(), metadata={"doc": text})


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Word lists by name. Phrases match case-insensitively as whole words; ``*_patterns`` are regexes."""

    salutations: tuple[str, ...] = _doc("words that open a letter")
    weak_salutations: tuple[str, ...] = _doc("open a letter only before a name or punctuation")
    valedictions: tuple[str, ...] = _doc("closing words before the signature")
    honorifics: tuple[str, ...] = _doc("titles before a name")
    weekdays: tuple[str, ...] = _doc("days of the week and their abbreviations")
    months: tuple[str, ...] = _doc("months and their abbreviations")
    group_addressees: tuple[str, ...] = _doc("words a greeting uses for a group, not a person")
    generic_nouns: tuple[str, ...] = _doc("nouns a template capitalises that name nothing in particular")
    discourse_words: tuple[str, ...] = _doc("sentence openers followed by a comma that are not names")
    function_words: tuple[str, ...] = _doc("words that, as half of a word the dictionary splits in two, make it a misspelling (\u201calot\u201d, \u201cthankyou\u201d, \u201ceverytime\u201d), not a field's compound")
    company_suffixes: tuple[str, ...] = _doc("ignored when company names are compared")
    organisation_words: tuple[str, ...] = _doc("words many organisations share")
    umbrella_words: tuple[str, ...] = _doc("employers that have sites (district, trust)")
    site_words: tuple[str, ...] = _doc("sites of an umbrella employer (school, clinic)")
    unit_words: tuple[str, ...] = _doc("parts of an employer (department, ward)")
    venue_words: tuple[str, ...] = _doc("places you meet that are not employers")
    header_names: tuple[str, ...] = _doc("e-mail header names")
    device_footer_patterns: tuple[str, ...] = _doc("lines a mail program adds under a message")
    reply_intro_patterns: tuple[str, ...] = _doc("the line that introduces a quoted earlier message")
    thanks_patterns: tuple[str, ...] = _doc("sentence roles: thanks (also what NC101 looks for)")
    interview_patterns: tuple[str, ...] = _doc("sentence roles: retelling what was discussed, asked, shown or learned")
    sequence_patterns: tuple[str, ...] = _doc("sentence roles: a moment of the interview day opening a sentence")
    irregular_past: tuple[str, ...] = _doc("past tenses not ending in -ed (a chronological account)")
    outside_patterns: tuple[str, ...] = _doc("sentence roles: marks placing an experience outside the interview")
    evidence_patterns: tuple[str, ...] = _doc("sentence roles: the writer's concrete skill, experience, credential or result")
    idiom_patterns: tuple[str, ...] = _doc("sentence roles: idioms that look like results, never evidence")
    claim_patterns: tuple[str, ...] = _doc("sentence roles: self-assessment with nothing behind it")
    slot_patterns: tuple[str, ...] = _doc("sentence roles: template slots, never evidence")
    new_point_patterns: tuple[str, ...] = _doc("sentence roles: a point the interview missed")
    material_patterns: tuple[str, ...] = _doc("sentence roles: material sent with the note (a new point unless requested)")
    requested_patterns: tuple[str, ...] = _doc("sentence roles: material the interviewer asked for")
    next_step_patterns: tuple[str, ...] = _doc("sentence roles: next steps and logistics")
    courtesy_patterns: tuple[str, ...] = _doc("sentence roles: courtesy")
    nicknames: Mapping[str, tuple[str, ...]] = field(default_factory=dict, metadata={"doc": "short forms of first names"})

    @classmethod
    def from_table(cls, table: Any, where: str) -> Lexicon:
        return cls().extended(table, where)

    def extended(self, table: Any, where: str, *, shipped: bool = False) -> Lexicon:
        """This lexicon with the lists of ``table`` (a ``[lexicon]`` table) added to its own.

        ``shipped`` marks notecheck's own file: its patterns passed the backtracking analysis in the
        test suite (tests/anatomy/test_lexicon.py), so it is not repeated at every start."""
        if not isinstance(table, dict):
            raise LexiconError(f"{where}: [lexicon] must be a table of lists")
        known = {f.name for f in fields(self)}
        changes: dict[str, Any] = {}
        for name, values in table.items():
            key = name.replace("-", "_")
            if key not in known:
                raise LexiconError(f"{where}: unknown lexicon list '{name}' (known: {', '.join(sorted(known))})")
            if key == "nicknames":
                changes[key] = {**self.nicknames, **_nicknames(values, where)}
                continue
            if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
                raise LexiconError(f"{where}: lexicon list '{name}' must be a list of non-empty strings")
            if key.endswith("_patterns") and not shipped:
                for value in values:
                    _check_pattern(value, name, where)
            current: tuple[str, ...] = getattr(self, key)
            changes[key] = current + tuple(v for v in values if v not in current)
        return replace(self, **changes) if changes else self

    def words(self, name: str) -> frozenset[str]:
        """A list as a set of lower-case entries."""
        return _words(self, name)

    def regex(self, name: str) -> re.Pattern[str]:
        """One case-insensitive, word-bounded pattern for a list (longest entries first)."""
        return _regex(self, name)

    @cached_property
    def nickname_sets(self) -> dict[str, frozenset[str]]:
        return {name.lower(): frozenset(n.lower() for n in nicks) for name, nicks in self.nicknames.items()}

    @cached_property
    def joining_words(self) -> frozenset[str]:
        """``function_words`` lower-cased, for looking words up."""
        return frozenset(w.lower() for w in self.function_words)

    @cached_property
    def not_names(self) -> frozenset[str]:
        """Capitalised words that are never someone's name: greeting, closing, calendar and group words."""
        words: set[str] = set()
        for name in ("salutations", "weak_salutations", "valedictions", "honorifics", "weekdays", "months",
                     "group_addressees", "generic_nouns", "discourse_words"):
            for entry in getattr(self, name):
                words.update(entry.lower().replace(",", " ").split())
        return frozenset(words)


def widen_spaces(pattern: str) -> str:
    """Let a literal space match any run of white space (line breaks included), except inside
    look-behinds and classes; a quantified space ("x ?y") becomes one optional white-space character."""
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
            char = r"\s" if pattern[index + 1 : index + 2] in ("?", "*", "+", "{") else r"\s+"
        out.append(char)
        index += 1
    return "".join(out)


def _nicknames(values: Any, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(values, dict) or not all(
            isinstance(v, list) and all(isinstance(n, str) for n in v) for v in values.values()):
        raise LexiconError(f"{where}: lexicon 'nicknames' must be a table of name = [short forms]")
    return {str(k).lower(): tuple(v) for k, v in values.items()}


def _check_pattern(value: str, name: str, where: str) -> None:
    from notecheck.regex_safety import UnsafePattern, check_pattern

    try:
        check_pattern(value, re.IGNORECASE)
    except (UnsafePattern, re.error) as exc:
        raise LexiconError(f"{where}: lexicon list '{name}': pattern {value!r} is refused: {exc}") from None


@lru_cache(maxsize=256)
def _words(lexicon: Lexicon, name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in getattr(lexicon, name))


@lru_cache(maxsize=256)
def _regex(lexicon: Lexicon, name: str) -> re.Pattern[str]:
    entries: tuple[str, ...] = getattr(lexicon, name)
    if not entries:
        return re.compile(r"(?!x)x")
    if name.endswith("_patterns"):
        parts = [widen_spaces(e) for e in entries]
    else:
        parts = [re.escape(e).replace(r"\ ", r"\s+") for e in sorted(entries, key=len, reverse=True)]
    from notecheck.patterns import compile_pattern, is_trusted  # a user's added patterns run under the budget

    trusted = not name.endswith("_patterns") or all(is_trusted(e) for e in entries)
    return compile_pattern(r"(?<![\w'\u2019])(?:" + "|".join(parts) + r")(?![\w'\u2019])", re.IGNORECASE,
                           trusted=trusted)


def load_lexicon_file(path: Path, base: Lexicon | None = None, *, shipped: bool = False) -> Lexicon:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{path}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read ({exc.strerror})") from None
    if set(data) != {"lexicon"}:
        raise LexiconError(f"{path}: a lexicon file holds one [lexicon] table")
    return (base or Lexicon()).extended(data["lexicon"], str(path), shipped=shipped)


@lru_cache(maxsize=1)
def shipped_lexicon() -> Lexicon:
    """notecheck's own lexicon (``rules/lexicon.toml``), loaded once per process; its patterns are vetted
    by the test suite, so they run on ``re``."""
    from notecheck.patterns import vet

    lexicon = load_lexicon_file(builtin_packs() / LEXICON_FILE, shipped=True)
    vet(entry for item in fields(lexicon) if item.name.endswith("_patterns") for entry in getattr(lexicon, item.name))
    return lexicon
