"""The personal-detail kind: something only this interview would mention."""

from __future__ import annotations

import re
from dataclasses import dataclass

from notecheck.kinds.base import Hit, Kind, Outcome, RunEnv, Say, compile_terms, param
from notecheck.kinds.fit import role_words
from notecheck.kinds.names import company_tokens, fold, person_tokens
from notecheck.note import Note

_SLOTS = re.compile(r"\[[^\]\n]*\]|\{[^}\n]*\}|<[^>\n]*>")


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
    if ctx.role and any(w.lower() in words for w in role_words(note)):
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


PERSONAL = Kind("personal-detail", PersonalParams, check_personal, "Something only this interview would mention.",
                scope=("subject", "salutation", "body", "postscript"), reasons={"names": ("what",), "topic": ("topic",)})
