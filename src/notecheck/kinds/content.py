"""Heuristic kinds about what the note says: fit reasons, recaps, forgotten points, personal detail."""

from __future__ import annotations

import re
from dataclasses import dataclass

from notecheck.kinds.base import Hit, Kind, Outcome, RunEnv, compile_terms
from notecheck.kinds.names import company_tokens, fold, person_tokens
from notecheck.kinds.phrases import find_phrases
from notecheck.note import Note, Sentence

_SLOTS = re.compile(r"\[[^\]\n]*\]|\{[^}\n]*\}|<[^>\n]*>")
_LIST_ITEM = re.compile(r"(?:[-*\u2022]|\d{1,2}[.)])\s")
_SELF = re.compile(r"\b[Ii]\b|\b(?i:my|me|mine)\b")  # "i've" too: hurried notes drop the capital


@dataclass(frozen=True)
class FitParams:
    evidence: tuple[str, ...] = ()  # a concrete skill, experience or result (in a sentence about the writer)
    bare_claims: tuple[str, ...] = ()  # claims of fit with nothing behind them
    ties: tuple[str, ...] = ()  # words that tie the evidence to the job ("role", "team", "bring")
    not_evidence: tuple[str, ...] = ()  # idioms that look like evidence ("give 110 percent")


def _neighbours(sentences: list[Sentence], index: int) -> str:
    return " ".join(s.text for s in sentences[max(0, index - 2) : index + 3])


def check_fit(note: Note, params: FitParams, env: RunEnv) -> Outcome:
    ties = compile_terms(params.ties + tuple(re.escape(w) for w in _role_words(note) + _company_words(note)))
    sentences = note.sentences
    introduced = False  # inside a list introduced by "What I would bring:"
    for index, sentence in enumerate(sentences):
        if _LIST_ITEM.match(sentence.text):
            if not (introduced or _SELF.search(sentence.text)):
                continue
        else:
            introduced = sentence.text.rstrip().endswith(":") and bool(_SELF.search(sentence.text))
            if not _SELF.search(sentence.text):
                continue
        found = find_phrases(sentence.text, params.evidence, params.not_evidence)  # idioms overlap nothing
        if found and ties.search(_neighbours(sentences, index)):
            return Outcome(reason=f"\u201c{_clip(sentence.text)}\u201d")
    bare = compile_terms(params.bare_claims)
    body, base = note.body_text, note.body.start
    claims = list(bare.finditer(body))
    if claims:
        return Outcome(hits=tuple(Hit(base + m.start(), base + m.end(), (
            f"\u201c{' '.join(m.group().split())}\u201d is a bare claim: nothing in the note shows why."
        )) for m in claims[:1]))
    return Outcome(hits=(Hit(),))


def _clip(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _company_words(note: Note) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z]{3,}", note.context.company or "") if w.lower() not in {"the", "and"}]


def _role_words(note: Note) -> list[str]:
    role = note.context.role or ""
    return [w for w in re.findall(r"[A-Za-z]{4,}", role)]


@dataclass(frozen=True)
class RecapParams:
    markers: tuple[str, ...] = ()  # "we discussed", "you asked me", "I explained"
    sequence: tuple[str, ...] = ()  # "then", "after that": narration
    min_sentences: int = 3  # fewer recap sentences than this never fires
    min_share: float = 0.3  # ... and they must be this share of all sentences
    always_at: int = 4  # this many recap sentences fire whatever the share
    list_items: int = 6  # one recap sentence listing this many topics fires on its own


def check_recap(note: Note, params: RecapParams, env: RunEnv) -> Outcome:
    markers = compile_terms(params.markers)
    sequence = compile_terms(params.sequence)
    sentences = note.sentences
    recap: list[tuple[Sentence, re.Match[str]]] = []
    narrated = 0
    for sentence in sentences:
        found = markers.search(sentence.text)
        if found:
            recap.append((sentence, found))
            narrated += bool(sequence.search(sentence.text))
    count = len(recap)
    listing = [s for s, _ in recap if s.text.count(",") + 1 >= params.list_items]
    share = count / len(sentences) if sentences else 0.0
    if listing or count >= params.always_at or (count >= params.min_sentences and (share >= params.min_share or narrated >= 2)):
        message = (f"{count} sentences retell the interview; keep one or two highlights." if not listing or count > 1
                   else "This sentence lists every topic of the interview; keep one or two highlights.")
        hits = []
        for sentence, found in recap:
            hits.append(Hit(sentence.start + found.start(), sentence.start + found.end(), message))
        return Outcome(hits=tuple(hits))
    if count:
        return Outcome(reason=f"{count} highlight{'s' if count > 1 else ''} of the interview, not a recap")
    return Outcome()


@dataclass(frozen=True)
class ForgottenParams:
    patterns: tuple[str, ...] = ()


def check_forgotten(note: Note, params: ForgottenParams, env: RunEnv) -> Outcome:
    found = compile_terms(params.patterns).search(note.text)  # a P.S. after the signature counts too
    if found:
        return Outcome(reason=f"adds a point the interview missed: \u201c{' '.join(found.group().split())}\u2026\u201d")
    return Outcome(hits=(Hit(),))


@dataclass(frozen=True)
class PersonalParams:
    topic_intros: tuple[str, ...] = ()  # "learning about", "your plans for" — followed by a topic
    generic_topics: tuple[str, ...] = ()  # "the position", "the company": not specific
    not_proper: tuple[str, ...] = ()  # capitalised words that are not names (months, days…)


def check_personal(note: Note, params: PersonalParams, env: RunEnv) -> Outcome:
    ctx = note.context
    text = fold(note.text)
    words = set(re.findall(r"[a-z0-9]+", text))
    for name in ctx.interviewers:
        if any(t in words for t in person_tokens(name)):
            return Outcome(reason=f"names {name}")
    if ctx.company and set(company_tokens(ctx.company)) & words:
        return Outcome(reason=f"names {ctx.company}")
    if ctx.role and any(w.lower() in words for w in _role_words(note)):
        return Outcome(reason=f"names the {ctx.role} role")
    topic = _specific_topic(note, params)
    if topic:
        return Outcome(reason=f"mentions \u201c{topic}\u201d")
    return Outcome(hits=(Hit(),))


def _specific_topic(note: Note, params: PersonalParams) -> str | None:
    not_proper = {w.lower() for w in params.not_proper}
    greeting = _SLOTS.sub(" ", note.greeting.text(note.source)) if note.greeting else ""
    greeting_names = re.findall(r"\b[A-Z][a-z]+\b", greeting)
    for word in greeting_names:
        if word.lower() not in not_proper:
            return word
    for sentence in note.sentences:
        text = _SLOTS.sub(" ", sentence.text)  # template slots name nothing
        for m in re.finditer(r"(?<=[\w,;:] )([A-Z][\w&'\u2019-]+(?: [A-Z][\w&'\u2019-]+)*)", text):
            if not {w.lower().rstrip("'\u2019s") for w in m.group(1).split()} <= not_proper:
                return m.group(1)
    intro = compile_terms(params.topic_intros)
    generic = compile_terms(params.generic_topics)
    body = note.body_text
    for m in intro.finditer(body):
        rest = body[m.end() : m.end() + 60].strip()
        if rest and not generic.match(rest):
            return " ".join((m.group() + " " + rest).split()[:8])
    return None


FIT = Kind("fit-reason", FitParams, check_fit, "A concrete reason the writer fits the role.")
RECAP = Kind("recap", RecapParams, check_recap, "Retelling the interview instead of a highlight.")
FORGOTTEN = Kind("forgotten-point", ForgottenParams, check_forgotten, "A point the interview missed.")
PERSONAL = Kind("personal-detail", PersonalParams, check_personal, "Something only this interview would mention.")
