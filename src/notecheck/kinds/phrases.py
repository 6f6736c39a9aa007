"""Kinds over lists of phrases: ``phrase`` (fires on what is there) and ``required-phrase`` (on what is not)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from notecheck.kinds.base import Hit, Kind, Outcome, RunEnv, compile_terms
from notecheck.note import Note

SCOPES = ("body", "note", "greeting")


def scope_slice(note: Note, scope: str) -> tuple[str, int]:
    """The text a rule reads and where it starts in ``note.source``."""
    if scope == "body":
        return note.body_text, note.body.start
    if scope == "greeting":
        span = note.greeting
        return (span.text(note.source), span.start) if span else ("", note.start)
    return note.source[note.letter_start : note.end], note.letter_start


def _overlaps(match: re.Match[str], excluded: list[tuple[int, int]]) -> bool:
    return any(match.start() < end and start < match.end() for start, end in excluded)


def find_phrases(text: str, patterns: tuple[str, ...], unless: tuple[str, ...], case_sensitive: tuple[str, ...] = ()) -> list[re.Match[str]]:
    excluded = [(m.start(), m.end()) for m in compile_terms(unless).finditer(text)] if unless else []
    found = [m for m in compile_terms(patterns).finditer(text) if not _overlaps(m, excluded)]
    if case_sensitive:
        found += [m for m in compile_terms(case_sensitive, ignore_case=False).finditer(text) if not _overlaps(m, excluded)]
    return sorted(found, key=lambda m: m.start())


@dataclass(frozen=True)
class PhraseParams:
    patterns: tuple[str, ...] = ()
    case_sensitive: tuple[str, ...] = ()  # patterns matched as written (e.g. "u" but not "U")
    unless: tuple[str, ...] = ()  # matches overlapping one of these are ignored
    scope: str = "body"
    min_count: int = 1  # the rule fails when at least this many phrases are found

    def __post_init__(self) -> None:
        if self.scope not in SCOPES:
            raise ValueError(f"scope must be one of {', '.join(SCOPES)}")


def check_phrase(note: Note, params: PhraseParams, env: RunEnv) -> Outcome:
    text, base = scope_slice(note, params.scope)
    found = find_phrases(text, params.patterns, params.unless, params.case_sensitive)
    if len(found) < params.min_count:
        return Outcome()
    return Outcome(hits=tuple(Hit(base + m.start(), base + m.end()) for m in found))


def check_required(note: Note, params: PhraseParams, env: RunEnv) -> Outcome:
    text, base = scope_slice(note, params.scope)
    found = find_phrases(text, params.patterns, params.unless, params.case_sensitive)
    if found:
        return Outcome(reason=f"found \u201c{' '.join(found[0].group().split())}\u201d")
    return Outcome(hits=(Hit(),))


PHRASE = Kind("phrase", PhraseParams, check_phrase, "Fires on each listed phrase (at least min_count of them).")
REQUIRED_PHRASE = Kind("required-phrase", PhraseParams, check_required, "Fires when none of the phrases appears.")
