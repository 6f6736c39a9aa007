"""The parts of a letter the grammar kind reads, from the letter's anatomy: where it proofreads, who is
addressed, who wrote it, and where sentences open."""

from __future__ import annotations

import re

from notecheck.anatomy import Span
from notecheck.kinds.names import company_tokens, fold, person_tokens
from notecheck.lexicon import Lexicon
from notecheck.note import Note

_OPENERS = "\"'\u201c\u2018([*\u2022-\u2013\u2014>"
_TOKEN_RE = re.compile(r"[\w'\u2019&-]+")


def proofread_span(note: Note) -> tuple[int, int]:
    """Where the text sent to the engine starts and ends in ``note.source`` (findings outside the rule's
    scope are dropped afterwards: the engine reads whole sentences, never blanked holes)."""
    assert note.end is not None
    return note.start, note.end


def in_scope(note: Note, offset: int) -> bool:
    """Whether ``offset`` lies in what the rule reads (body, P.S., subject…; never headers, addresses,
    the signature or contact lines)."""
    return any(span.start <= offset < span.end for span in note.spans)


def addressee(note: Note) -> Span | None:
    """The name the salutation greets ("Ms. Okonkwo" in "Dear Ms. Okonkwo,"), if any."""
    salutation = note.anatomy.salutation
    return salutation.field("addressee") if salutation else None


def writer_names(note: Note, lexicon: Lexicon) -> set[str]:
    """Folded tokens of the writer's own name, wherever the note repeats it."""
    return set(person_tokens(note.anatomy.signer, lexicon))


def sentence_starts(note: Note) -> frozenset[int]:
    """Where every sentence of the letter opens (after any opening quote, bracket or list marker)."""
    starts = set()
    for sentence in note.anatomy.sentence_list:
        index = sentence.start
        while index < sentence.end and (note.source[index].isspace() or note.source[index] in _OPENERS):
            index += 1
        starts.add(index)
    return frozenset(starts)


def starts_sentence(note: Note, offset: int) -> bool:
    """Whether the word at ``offset`` opens a sentence (then its capital letter says nothing)."""
    return offset in sentence_starts(note)


def known_words(note: Note, words: frozenset[str], lexicon: Lexicon) -> set[str]:
    """Words never reported as misspelt: the user's list, the context's names, the writer's name."""
    ctx = note.context
    known = {fold(w) for w in words} | writer_names(note, lexicon)
    for name in ctx.interviewers:
        known.update(person_tokens(name, lexicon))
    if ctx.company:
        known.update(company_tokens(ctx.company, lexicon))
    for value in (ctx.company, ctx.role):
        if value:
            known.update(fold(w) for w in _TOKEN_RE.findall(value))
            known.update(fold(w) for w in re.findall(r"[\w'\u2019]+", value))
    return known
