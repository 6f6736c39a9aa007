"""Kinds that measure: length in words, sentence length, readability, repeated punctuation."""

from __future__ import annotations

from dataclasses import dataclass

from notecheck.anatomy.model import WORD_RE
from notecheck.kinds.base import Hit, Kind, Outcome, RunEnv, Say, param
from notecheck.note import Note
from notecheck.patterns import compile_pattern


@dataclass(frozen=True)
class WordCountParams:
    max_words: int | None = param(None, "fails above this many words in the rule's scope")
    min_words: int | None = param(None, "fails below this many words in the rule's scope")


def check_word_count(note: Note, params: WordCountParams, env: RunEnv) -> Outcome:
    count = len(note.words)
    if params.max_words is not None and count > params.max_words:
        return Outcome(hits=(Hit(message=Say("too_long", {"words": count, "max_words": params.max_words})),))
    if params.min_words is not None and count < params.min_words:
        return Outcome(hits=(Hit(message=Say("too_short", {"words": count, "min_words": params.min_words})),))
    return Outcome(reason=Say("counted", {"words": count}))


@dataclass(frozen=True)
class SentenceLengthParams:
    max_words: int = param(35, "a sentence with more words than this fires")


def check_sentence_length(note: Note, params: SentenceLengthParams, env: RunEnv) -> Outcome:
    hits = []
    for sentence in note.sentences:
        count = len(WORD_RE.findall(sentence.text))
        if count > params.max_words:
            hits.append(Hit(sentence.start, sentence.end, Say("too_long", {"words": count, "max_words": params.max_words})))
    return Outcome(hits=tuple(hits))


@dataclass(frozen=True)
class ReadabilityParams:
    min_flesch: float = param(30.0, "Flesch reading ease below this fails (0 = very hard, 100 = very easy)")
    min_words: int = param(30, "too little text for the formula to mean anything: the rule passes")


def flesch_reading_ease(text: str) -> float:
    from notecheck.syllables import install_offline_cmudict

    install_offline_cmudict()
    import textstat

    return float(textstat.flesch_reading_ease(text))


def check_readability(note: Note, params: ReadabilityParams, env: RunEnv) -> Outcome:
    if len(note.words) < params.min_words:
        return Outcome(reason=Say("too_short", {"min_words": params.min_words}))
    prose = " ".join(" ".join(s.text.split()) for s in note.sentences)
    ease = flesch_reading_ease(prose)
    if ease < params.min_flesch:
        return Outcome(hits=(Hit(message=Say("hard", {"ease": ease, "min_flesch": params.min_flesch})),))
    return Outcome(reason=Say("scored", {"ease": ease}))


@dataclass(frozen=True)
class CharacterCountParams:
    pattern: str = param("!", "the characters counted (a regular expression)", regex=True)
    max_count: int = param(1, "fails when the scope has more than this many characters matched (\u201c!!!\u201d is three)")


def check_character_count(note: Note, params: CharacterCountParams, env: RunEnv) -> Outcome:
    found = list(compile_pattern(params.pattern).finditer(note.text))
    if sum(m.end() - m.start() for m in found) <= params.max_count:
        return Outcome()
    return Outcome(hits=tuple(Hit(note.start + m.start(), note.start + m.end()) for m in found))


WORD_COUNT = Kind("word-count", WordCountParams, check_word_count, "Length in words.", scope=("body", "postscript"),
                  messages={"too_long": ("words", "max_words"), "too_short": ("words", "min_words")},
                  reasons={"counted": ("words",)})
SENTENCE_LENGTH = Kind("sentence-length", SentenceLengthParams, check_sentence_length, "Words per sentence.",
                       scope=("body", "postscript"), messages={"too_long": ("words", "max_words")})
READABILITY = Kind("readability", ReadabilityParams, check_readability, "Flesch reading ease (textstat).",
                   scope=("body", "postscript"), messages={"hard": ("ease", "min_flesch")},
                   reasons={"too_short": ("min_words",), "scored": ("ease",)})
CHARACTER_COUNT = Kind("character-count", CharacterCountParams, check_character_count, "Too many of a character.",
                       scope=("whole",))
