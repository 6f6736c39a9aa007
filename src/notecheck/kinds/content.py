"""Heuristic kinds about what the note says: fit reasons, recaps, forgotten points, personal detail."""

from __future__ import annotations

import re
from dataclasses import dataclass

from notecheck.anatomy import Part, Sentence
from notecheck.kinds.base import Exemption, Hit, Kind, Outcome, RunEnv, Say, clip, compile_terms, param
from notecheck.kinds.names import company_tokens, fold, person_tokens
from notecheck.kinds.phrases import find_phrases
from notecheck.note import Note

_SLOTS = re.compile(r"\[[^\]\n]*\]|\{[^}\n]*\}|<[^>\n]*>")
_SELF = re.compile(r"\b[Ii]\b|\b(?i:my|me|mine)\b")  # "i've" too: hurried notes drop the capital


@dataclass(frozen=True)
class FitParams:
    evidence: tuple[str, ...] = param((), "a concrete skill, experience or result, in a sentence about the writer", regex=True)
    bare_claims: tuple[str, ...] = param((), "claims of fit with nothing behind them", regex=True)
    ties: tuple[str, ...] = param((), "words that tie the evidence to the job (\u201crole\u201d, \u201cteam\u201d, \u201cbring\u201d)", regex=True)
    not_evidence: tuple[str, ...] = param((), "idioms that look like evidence (\u201cgive 110 percent\u201d)", regex=True)


def _about_someone_else(sentence: Sentence, introduced: bool) -> bool:
    return not (_SELF.search(sentence.text) or sentence.part is Part.LIST_ITEM and introduced)


def _untied(ties: re.Pattern[str], names: frozenset[str], sentences: list[Sentence], index: int) -> bool:
    near = " ".join(s.text for s in sentences[max(0, index - 2) : index + 3])
    return not (ties.search(near) or names & set(re.findall(r"[a-z]+", near.lower())))


SOMEONE_ELSE = Exemption(
    "someone-else", "Evidence in a sentence that is not about the writer (no I, my or me) does not count, except in "
    "a list introduced by a sentence about the writer (\u201cWhat I would bring:\u201d).", _about_someone_else)
UNTIED = Exemption(
    "untied", "Evidence counts only when a word within two sentences ties it to this job (\u201crole\u201d, \u201cyour "
    "team\u201d, the company's or the role's name).", _untied)
IDIOM = Exemption(
    "idiom", "An idiom that looks like a result (\u201cI give 110 percent\u201d) is not evidence (see not_evidence).",
    lambda found: not found)


def check_fit(note: Note, params: FitParams, env: RunEnv) -> Outcome:
    ties = compile_terms(params.ties)  # compiled once; the role's and company's words differ in every note
    names = frozenset(w.lower() for w in _role_words(note) + _company_words(note))
    sentences = note.sentences
    introduced = False  # inside a list introduced by "What I would bring:"
    exempted: list[tuple[str, str]] = []
    for index, sentence in enumerate(sentences):
        if sentence.part is not Part.LIST_ITEM:
            introduced = sentence.text.rstrip().endswith(":") and bool(_SELF.search(sentence.text))
        if not find_phrases(sentence.text, params.evidence, ()):
            continue
        found = find_phrases(sentence.text, params.evidence, params.not_evidence)  # idioms overlap nothing
        why = next((e.name for e, args in ((IDIOM, (found,)), (SOMEONE_ELSE, (sentence, introduced)),
                                           (UNTIED, (ties, names, sentences, index))) if e(*args)), None)
        if why is None:
            return Outcome(reason=Say("evidence", {"sentence": clip(sentence.text)}))
        exempted.append((why, clip(sentence.text, 50)))
    claims = [(s, m) for s in sentences for m in compile_terms(params.bare_claims).finditer(s.text)]
    if claims:
        sentence, match = claims[0]
        start = sentence.start + match.start()
        return Outcome(hits=(Hit(start, sentence.start + match.end(), Say("bare_claim", {"claim": " ".join(match.group().split())})),),
                       exempted=tuple(exempted))
    return Outcome(hits=(Hit(),), exempted=tuple(exempted))


def _company_words(note: Note) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z]{3,}", note.context.company or "") if w.lower() not in {"the", "and"}]


def _role_words(note: Note) -> list[str]:
    return re.findall(r"[A-Za-z]{4,}", note.context.role or "")


@dataclass(frozen=True)
class RecapParams:
    markers: tuple[str, ...] = param((), "retelling the interview: \u201cwe discussed\u201d, \u201cyou asked me\u201d", regex=True)
    sequence: tuple[str, ...] = param((), "narration words: \u201cthen\u201d, \u201cafter that\u201d", regex=True)
    min_sentences: int = param(3, "fewer recap sentences than this never fire")
    min_share: float = param(0.3, "... and they must be at least this share of all sentences")
    always_at: int = param(4, "this many recap sentences fire whatever their share")
    list_items: int = param(6, "one recap sentence listing this many topics fires on its own")


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
        message = Say("recap", {"count": count}) if not listing or count > 1 else Say("listing", {})
        return Outcome(hits=tuple(Hit(s.start + m.start(), s.start + m.end(), message) for s, m in recap))
    if count:
        return Outcome(reason=Say("highlights", {"count": count, "s": "s" if count > 1 else ""}))
    return Outcome()


@dataclass(frozen=True)
class ForgottenParams:
    patterns: tuple[str, ...] = param((), "phrases that add a point the interview missed", regex=True)


def check_forgotten(note: Note, params: ForgottenParams, env: RunEnv) -> Outcome:
    spans = note.spans
    found = compile_terms(params.patterns).search(note.masked, spans[0].start, spans[-1].end) if spans else None
    if found:
        return Outcome(reason=Say("added", {"phrase": " ".join(found.group().split())}))
    return Outcome(hits=(Hit(),))


@dataclass(frozen=True)
class PersonalParams:
    topic_intros: tuple[str, ...] = param((), "\u201clearning about\u201d, \u201cyour plans for\u201d: followed by a topic", regex=True)
    generic_topics: tuple[str, ...] = param((), "\u201cthe position\u201d, \u201cthe company\u201d: not specific", regex=True)


def check_personal(note: Note, params: PersonalParams, env: RunEnv) -> Outcome:
    """The writer's own name, address and signature are outside the rule's scope: never personal detail."""
    ctx = note.context
    lexicon = env.lexicon
    words = set(re.findall(r"[a-z0-9]+", fold(note.text)))
    for name in ctx.interviewers:
        if any(t in words for t in person_tokens(name, lexicon)):
            return Outcome(reason=Say("names", {"what": name}))
    if ctx.company and set(company_tokens(ctx.company, lexicon)) & words:
        return Outcome(reason=Say("names", {"what": ctx.company}))
    if ctx.role and any(w.lower() in words for w in _role_words(note)):
        return Outcome(reason=Say("names", {"what": f"the {ctx.role} role"}))
    topic = _specific_topic(note, params, env)
    if topic:
        return Outcome(reason=Say("topic", {"topic": topic}))
    return Outcome(hits=(Hit(),))


def _specific_topic(note: Note, params: PersonalParams, env: RunEnv) -> str | None:
    not_names = env.lexicon.not_names
    addressee = _SLOTS.sub(" ", note.anatomy.addressee)
    for word in re.findall(r"\b[A-Z][a-z]+\b", addressee):
        if word.lower() not in not_names:
            return word
    for sentence in note.sentences:
        text = _SLOTS.sub(" ", sentence.text)  # template slots name nothing
        for m in re.finditer(r"(?<=[\w,;:] )([A-Z][\w&'\u2019-]+(?: [A-Z][\w&'\u2019-]+)*)", text):
            if not {w.lower().rstrip("'\u2019s") for w in m.group(1).split()} <= not_names | {"i"}:
                return m.group(1)
    intro = compile_terms(params.topic_intros)
    generic = compile_terms(params.generic_topics)
    for sentence in note.sentences:
        for m in intro.finditer(sentence.text):
            rest = sentence.text[m.end() : m.end() + 60].strip()
            if rest and not generic.match(rest):
                return " ".join((m.group() + " " + rest).split()[:8])
    return None


FIT = Kind("fit-reason", FitParams, check_fit, "A concrete reason the writer fits the role.", scope=("body", "postscript"),
           messages={"bare_claim": ("claim",)}, reasons={"evidence": ("sentence",)},
           exemptions=(SOMEONE_ELSE, UNTIED, IDIOM))
RECAP = Kind("recap", RecapParams, check_recap, "Retelling the interview instead of a highlight.",
             scope=("body", "postscript"), messages={"recap": ("count",), "listing": ()}, reasons={"highlights": ("count", "s")})
FORGOTTEN = Kind("forgotten-point", ForgottenParams, check_forgotten, "A point the interview missed.",
                 scope=("body", "postscript"), reasons={"added": ("phrase",)})
PERSONAL = Kind("personal-detail", PersonalParams, check_personal, "Something only this interview would mention.",
                scope=("subject", "salutation", "body", "postscript"), reasons={"names": ("what",), "topic": ("topic",)})
