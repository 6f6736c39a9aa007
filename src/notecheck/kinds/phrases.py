"""Kinds over lists of phrases: ``phrase`` (fires on what is there) and ``required-phrase`` (on what is not)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from notecheck.kinds.base import Hit, Kind, Outcome, RunEnv, Say, compile_terms, param
from notecheck.note import Note


def _overlaps(match: re.Match[str], excluded: list[tuple[int, int]]) -> bool:
    return any(match.start() < end and start < match.end() for start, end in excluded)


def find_phrases(text: str, patterns: tuple[str, ...], unless: tuple[str, ...], case_sensitive: tuple[str, ...] = ()) -> list[re.Match[str]]:
    excluded = [(m.start(), m.end()) for m in compile_terms(unless).finditer(text)] if unless else []
    found = [m for m in compile_terms(patterns).finditer(text) if not _overlaps(m, excluded)]
    if case_sensitive:
        found += [m for m in compile_terms(case_sensitive, ignore_case=False).finditer(text) if not _overlaps(m, excluded)]
    return sorted(found, key=lambda m: m.start())


def find_in_note(note: Note, patterns: tuple[str, ...], unless: tuple[str, ...],
                 case_sensitive: tuple[str, ...] = ()) -> list[re.Match[str]]:
    """``find_phrases`` over the note's scope; match offsets index ``note.source``."""
    text = note.masked
    compiled = [compile_terms(patterns)] + ([compile_terms(case_sensitive, ignore_case=False)] if case_sensitive else [])
    excluding = compile_terms(unless) if unless else None
    spans = note.spans
    if not spans:
        return []
    low, high = spans[0].start, spans[-1].end  # between the scope's parts the masked text is blank
    excluded = [(m.start(), m.end()) for m in excluding.finditer(text, low, high)] if excluding else []
    found = [m for pattern in compiled for m in pattern.finditer(text, low, high) if not _overlaps(m, excluded)]
    return sorted(found, key=lambda m: m.start())


@dataclass(frozen=True)
class PhraseParams:
    patterns: tuple[str, ...] = param((), "phrases (regular expressions), matched case-insensitively as whole words", regex=True)
    case_sensitive: tuple[str, ...] = param((), "phrases matched as written (e.g. \u201cu\u201d but not \u201cU\u201d)", regex=True)
    unless: tuple[str, ...] = param((), "a match overlapping one of these is ignored", regex=True)
    min_count: int = param(1, "the rule fires when at least this many phrases are found")


def check_phrase(note: Note, params: PhraseParams, env: RunEnv) -> Outcome:
    found = find_in_note(note, params.patterns, params.unless, params.case_sensitive)
    if len(found) < params.min_count:
        return Outcome()
    return Outcome(hits=tuple(Hit(m.start(), m.end()) for m in found))


def check_required(note: Note, params: PhraseParams, env: RunEnv) -> Outcome:
    found = find_in_note(note, params.patterns, params.unless, params.case_sensitive)
    if found:
        return Outcome(reason=Say("found", {"phrase": " ".join(found[0].group().split())}))
    return Outcome(hits=(Hit(),))


PHRASE = Kind("phrase", PhraseParams, check_phrase, "Fires on each listed phrase (at least min_count of them).",
              scope=("body", "postscript"))
REQUIRED_PHRASE = Kind("required-phrase", PhraseParams, check_required, "Fires when none of the phrases appears.",
                       scope=("body", "postscript"), reasons={"found": ("phrase",)})
