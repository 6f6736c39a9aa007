"""Kinds that measure: body length, sentence length, readability, repeated punctuation."""

from __future__ import annotations

import re
from dataclasses import dataclass

from notecheck.kinds.base import Hit, Kind, Outcome, RunEnv
from notecheck.note import Note


@dataclass(frozen=True)
class WordCountParams:
    max_words: int | None = None  # fails above this many body words
    min_words: int | None = None  # fails below this many body words


def check_word_count(note: Note, params: WordCountParams, env: RunEnv) -> Outcome:
    count = len(note.words)
    if params.max_words is not None and count > params.max_words:
        return Outcome(hits=(Hit(message=f"The body is {count} words; keep it under {params.max_words}."),))
    if params.min_words is not None and count < params.min_words:
        return Outcome(hits=(Hit(message=f"The body is only {count} words; aim for at least {params.min_words}."),))
    return Outcome(reason=f"{count} words")


@dataclass(frozen=True)
class SentenceLengthParams:
    max_words: int = 35


_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+(?:['\u2019-][A-Za-z0-9\u00c0-\u024f]+)*")


def check_sentence_length(note: Note, params: SentenceLengthParams, env: RunEnv) -> Outcome:
    hits = []
    for sentence in note.sentences:
        count = len(_WORD.findall(sentence.text))
        if count > params.max_words:
            hits.append(Hit(sentence.start, sentence.end, f"This sentence is {count} words long; split it (at most {params.max_words})."))
    return Outcome(hits=tuple(hits))


@dataclass(frozen=True)
class ReadabilityParams:
    min_flesch: float = 30.0  # Flesch reading ease below this fails (0 = very hard, 100 = very easy)
    min_words: int = 30  # too little text for the formula to mean anything


def flesch_reading_ease(text: str) -> float:
    from notecheck.syllables import install_offline_cmudict

    install_offline_cmudict()
    import textstat

    return float(textstat.flesch_reading_ease(text))


def check_readability(note: Note, params: ReadabilityParams, env: RunEnv) -> Outcome:
    if len(note.words) < params.min_words:
        return Outcome(reason=f"too short to score (under {params.min_words} words)")
    prose = " ".join(s.text for s in note.sentences)
    ease = flesch_reading_ease(prose)
    if ease < params.min_flesch:
        return Outcome(hits=(Hit(message=(
            f"Flesch reading ease is {ease:.0f} (below {params.min_flesch:.0f}): use shorter words and sentences."
        )),))
    return Outcome(reason=f"Flesch reading ease {ease:.0f}")


@dataclass(frozen=True)
class CharacterCountParams:
    pattern: str = "!"
    max_count: int = 1  # fails when the note has more than this many characters matched ("!!!" is three)
    scope_note: bool = True


def check_character_count(note: Note, params: CharacterCountParams, env: RunEnv) -> Outcome:
    text, base = (note.text, note.start) if params.scope_note else (note.body_text, note.body.start)
    found = list(re.finditer(params.pattern, text))
    if sum(m.end() - m.start() for m in found) <= params.max_count:
        return Outcome()
    return Outcome(hits=tuple(Hit(base + m.start(), base + m.end()) for m in found))


WORD_COUNT = Kind("word-count", WordCountParams, check_word_count, "Body length in words.")
SENTENCE_LENGTH = Kind("sentence-length", SentenceLengthParams, check_sentence_length, "Words per sentence.")
READABILITY = Kind("readability", ReadabilityParams, check_readability, "Flesch reading ease (textstat).")
CHARACTER_COUNT = Kind("character-count", CharacterCountParams, check_character_count, "Too many of a character.")
