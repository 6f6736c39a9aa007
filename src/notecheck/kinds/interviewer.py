"""The interviewer-name kind: the reader's name as the note writes it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from notecheck.kinds.base import Exemption, Hit, Kind, Outcome, RunEnv, Say
from notecheck.kinds.names import fold, near_miss, person_tokens
from notecheck.lexicon import Lexicon
from notecheck.note import Note

# "Nguyen", "O'Neil", "McKay", "Smith-Jones", "Zoë"
_NAME_WORD = r"(?:Ma?c|O['\u2019]|D['\u2019])?[A-Z][a-z\u00e0-\u00ff]+(?:['\u2019-][A-Z]?[a-z\u00e0-\u00ff]+)*"
_NAME = re.compile(_NAME_WORD)
_VOCATIVE = re.compile(r"(?i:thank you|thanks|again),[ \t]+(" + _NAME_WORD + r")(?=\s*[,.!;:])")
_SLOT_WORDS = {"name", "interviewer", "firstname", "lastname", "surname", "recipient", "contact", "insert", "full"}


_TITLED = re.compile(r"\b([A-Z][a-z]{0,9})\.?\s+(" + _NAME_WORD + ")")  # a title (checked in the lexicon), a name

@dataclass(frozen=True)
class Named:
    start: int
    end: int
    word: str
    addressed: bool  # in the salutation or in direct address: it must name the reader
    in_salutation: bool


def _named(note: Note, lexicon: Lexicon) -> list[Named]:
    """Name-like words in the salutation and in direct address ("Thank you, Kate,"), and words after an
    honorific anywhere in the rule's scope (which may name a colleague)."""
    found: list[Named] = []
    addressee = note.anatomy.salutation.field("addressee") if note.anatomy.salutation else None
    if addressee is not None:
        text = addressee.text(note.source)
        for m in _NAME.finditer(text):
            if text[: m.start()].rstrip()[-1:] in ("[", "{", "<", "("):
                continue  # a template slot: the placeholder rule reports it
            if fold(m.group()).rstrip(".") not in lexicon.not_names | _SLOT_WORDS:
                found.append(Named(addressee.start + m.start(), addressee.start + m.end(), m.group(), True, True))
    for sentence in note.sentences:
        for m in _VOCATIVE.finditer(sentence.text):
            found.append(Named(sentence.start + m.start(1), sentence.start + m.end(1), m.group(1), True, False))
    honorifics = lexicon.words("honorifics")
    spans = note.spans
    for m in _TITLED.finditer(note.masked, spans[0].start if spans else 0, spans[-1].end if spans else 0):
        if m.group(1).lower() in honorifics:
            found.append(Named(m.start(2), m.end(2), m.group(2), False, False))
    unique: dict[int, Named] = {}
    for named in found:
        unique.setdefault(named.start, named)
    return sorted(unique.values(), key=lambda n: n.start)


def _short_form(written: str, full: str) -> bool:
    """A plausible short form of a first name: shorter, same first two letters."""
    return 2 < len(written) < len(full) and written[:2] == full[:2]


SHORT_FORM = Exemption("short-form", "A shorter form with the same first two letters (\u201cKatie\u201d for Katherine, "
                       "\u201cChris\u201d for Christopher) is the same person.",
                       lambda folded, fulls: any(_short_form(folded, fold(f)) for f in fulls))
NICKNAME = Exemption("nickname", "A common nickname in the lexicon (\u201cBob\u201d for Robert) is the same person.",
                     lambda folded, nicknames: folded in nicknames)
EITHER_HALF = Exemption("either-half", "Either half of a double-barrelled surname (\u201cHughes\u201d for "
                        "O'Connor-Hughes) names the same person.", lambda folded, halves: folded in halves)
PANEL = Exemption("panel", "When the salutation names an interviewer, its other names are more interviewers "
                  "(\u201cDear Priya and Owen\u201d): only a near miss of a known name is reported.",
                  lambda named, panel: panel and named.in_salutation)
COLLEAGUE = Exemption("colleague", "A name after an honorific outside the salutation and direct address "
                      "(\u201cplease thank Ms. Daley too\u201d) may be a colleague: only a near miss is reported.",
                      lambda named: not named.addressed)


def check_interviewer_name(note: Note, params: object, env: RunEnv) -> Outcome:
    interviewers = note.context.interviewers
    if not interviewers:
        return Outcome(skipped="the interviewer's name is not known (give --interviewer or front matter)")
    lexicon = env.lexicon
    parts = {t for name in interviewers for t in person_tokens(name, lexicon)}
    halves = {piece for part in parts if "-" in part for piece in part.split("-")}
    nicknames = {fold(nick) for part in parts for nick in lexicon.nickname_sets.get(part, ())}
    full_parts = [t for name in interviewers for t in re.findall(r"[^\s.,]+", name) if fold(t) in parts]
    spans = _named(note, lexicon)
    panel = any(fold(n.word) in parts for n in spans if n.in_salutation)
    hits, exempted = [], []
    for named in spans:
        folded = fold(named.word)
        if folded in parts:
            continue
        close = [original for original in full_parts if near_miss(named.word, original)]
        why = next((e.name for e, args in ((EITHER_HALF, (folded, halves)), (NICKNAME, (folded, nicknames)))
                    if e(*args)), None)
        if why is None and not close:
            why = next((e.name for e, args in ((PANEL, (named, panel)), (COLLEAGUE, (named,)),
                                               (SHORT_FORM, (folded, full_parts))) if e(*args)), None)
        if why is not None:
            exempted.append((why, named.word))
        elif close:
            hits.append(Hit(named.start, named.end, Say("misspelt", {"name": named.word, "correct": close[0]}), (close[0],)))
        else:
            hits.append(Hit(named.start, named.end, Say("other", {"name": named.word, "interviewers": " or ".join(interviewers)}),
                            tuple(interviewers[:1])))
    return Outcome(hits=tuple(hits), exempted=tuple(dict.fromkeys(exempted)))


@dataclass(frozen=True)
class NoParams:
    pass


INTERVIEWER_NAME = Kind("interviewer-name", NoParams, check_interviewer_name, "The interviewer's name as written.",
                        scope=("salutation", "body", "postscript"),
                        messages={"misspelt": ("name", "correct"), "other": ("name", "interviewers")},
                        exemptions=(EITHER_HALF, NICKNAME, PANEL, COLLEAGUE, SHORT_FORM))
