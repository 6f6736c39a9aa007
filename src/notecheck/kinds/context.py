"""The wrong-company kind: another employer named as the one this note is for."""

from __future__ import annotations

import re
from dataclasses import dataclass

from notecheck.anatomy import Sentence
from notecheck.kinds.base import Exemption, Hit, Kind, Outcome, RunEnv, Say, compile_terms, param
from notecheck.kinds.names import fold, person_tokens, same_company
from notecheck.lexicon import Lexicon
from notecheck.note import Note

_PROPER_WORD = r"(?:(?:St|Mt|Ft)\.|[A-Z][\w\u00c0-\u024f'\u2019-]*|&)"  # "St. Aldric", "Marks & Spencer"
_NAME_AFTER = re.compile(
    r"(?:the )?(" + _PROPER_WORD + r"(?:[ \t]+(?:(?:and|of|de|la|for)[ \t]+)?" + _PROPER_WORD + r")*)"
)
_FUNCTION_WORDS = (
    "and|or|but|to|in|as|on|at|for|with|this|next|soon|today|tomorrow|again|too|so|because|if|when|where|"
    "who|which|that|is|are|was|will|would|could|can|has|have|had|team|one|someday|one day|after|before|by|from|"
    # verbs after an employer named as an object: "help Maple Grove Unified build a curriculum"
    "build|grow|reach|meet|achieve|deliver|improve|expand|succeed|launch|create|develop|modernize|modernise|scale|"
    "serve|support|become|move|get|keep|make|continue|open|transform|prepare|plan|run|handle|"
    # times after a place: "the interview at Eastgate Community Library yesterday"
    "yesterday|earlier|recently|last|morning|afternoon|evening|tonight|week"
)
_ATTRIBUTIVE = re.compile(r"['\u2019]?s?[ \t]+(?!(?:" + _FUNCTION_WORDS + r")\b)[a-z]")
# "Brookside Dental would be a great place to grow": an employer named as the subject
_AS_SUBJECT = re.compile(
    r"(?<![\w'\u2019])(" + _PROPER_WORD + r"(?:[ \t]+(?:(?:and|of|&)[ \t]+)?" + _PROPER_WORD + r")*)[ \t]+"
    r"(?:would be|will be|is|seems(?: like)?|sounds like) (?:a|an|the|such a) (?:\w+ ){0,2}"
    r"(?:place|home|team|company|employer|organi[sz]ation|firm|practice|fit|environment)\b"
)
_UNIT_AFTER = r"\s+(?:branch|office|location|store|campus|site|clinic|studio|plant|warehouse|depot|shop|ward|unit)\b"
_GREETING_COMPANY = re.compile(
    r"(?i:the[ \t]+)?(" + _PROPER_WORD + r"(?:[ \t]+" + _PROPER_WORD + r")*)[ \t]+"
    r"(?i:hiring|recruiting|recruitment|talent|people|hr|interview|search|selection)\b"
)


@dataclass(frozen=True)
class WrongCompanyParams:
    future_cues: tuple[str, ...] = param((), "a sentence about the job applied for (\u201cjoin\u201d, \u201copportunity\u201d)", regex=True)
    before_name: tuple[str, ...] = param((), "words that put an employer's name after them (\u201cat\u201d, \u201cjoin\u201d)", regex=True)
    past_markers: tuple[str, ...] = param((), "just before a name: an earlier employer (\u201cmy\u201d, \u201cformer\u201d)", regex=True)
    meeting_cues: tuple[str, ...] = param((), "just before a venue: \u201cmeeting me\u201d, \u201ccoffee\u201d", regex=True)


@dataclass(frozen=True)
class Candidate:
    """A capitalised name in a forward-looking sentence that may name the employer."""

    note: Note
    sentence: Sentence
    lead: re.Match[str]  # the cue before the name, or the whole "X would be a great place" match
    name: re.Match[str]
    mentioned: str
    params: WrongCompanyParams
    lexicon: Lexicon

    @property
    def text(self) -> str:
        return self.sentence.text


def _earlier(c: Candidate) -> bool:
    clause = c.text[: c.lead.start()]
    clause = clause[max(clause.rfind(","), clause.rfind(";"), clause.rfind(":")) + 1 :]
    return bool(compile_terms(c.params.past_markers).search(clause[-60:]))


def _person_or_calendar(c: Candidate) -> bool:
    ctx = c.note.context
    tokens = {fold(w) for w in re.findall(r"[^\W\d_]+", c.mentioned)}
    people = {t for name in ctx.interviewers for t in person_tokens(name, c.lexicon)}
    people |= {fold(w) for w in re.findall(r"[^\W\d_]+", ctx.role or "")}
    first = fold(c.mentioned.split()[0]).rstrip(".")
    plain = {"i", "you", "we", "it", "this", "that"} | c.lexicon.words("weekdays") | c.lexicon.words("months")
    return not tokens or first in c.lexicon.words("honorifics") or tokens <= people | plain | c.lexicon.words("unit_words")


def _venue(c: Candidate) -> bool:
    before = c.text[max(0, c.lead.start() - 40) : c.lead.start()]
    return bool(c.lexicon.regex("venue_words").search(c.mentioned) and compile_terms(c.params.meeting_cues).search(before))


def _numbered(c: Candidate) -> bool:
    return bool(re.match(r"[ \t]+\d", c.text[c.name.end(1) :]))


def _unit(c: Candidate) -> bool:
    return bool(re.search(re.escape(c.mentioned) + _UNIT_AFTER, c.note.text))


def _modifier(c: Candidate) -> bool:
    return c.lead.re is not _AS_SUBJECT and bool(_ATTRIBUTIVE.match(c.text, c.name.end(1)))


def _short_name(c: Candidate) -> bool:
    company = c.note.context.company or ""
    longer = re.findall(re.escape(c.mentioned) + r"((?:[ \t]+" + _PROPER_WORD + r")+)", c.note.text)
    return any(same_company(c.mentioned + rest, company, c.lexicon) for rest in longer)


COMPANY_EXEMPTIONS = (
    Exemption("earlier-employer", "A name after \u201cmy\u201d, \u201cformer\u201d, \u201cwhile\u201d or \u201cI managed \u2026 at\u201d in "
              "its clause is an employer the writer had, not the one applied to (see past_markers).", _earlier),
    Exemption("person-or-calendar", "A person (after an honorific, or an interviewer), the role, a day, a month or a unit "
              "of an employer (\u201cthe Finance department\u201d) is not an employer.", _person_or_calendar),
    Exemption("venue", "A caf\u00e9 or restaurant after \u201cmeeting me at\u201d or \u201ccoffee at\u201d is where you met "
              "(the lexicon's venue_words, and meeting_cues).", _venue),
    Exemption("numbered", "\u201cRoute 14\u201d, \u201cBuilding 7\u201d: a numbered thing, not a company.", _numbered),
    Exemption("unit", "\u201cthe Eastgate branch\u201d elsewhere in the note: a part of the employer.", _unit),
    Exemption("modifier", "\u201cthe Dover warehouse\u201d: a name used as a modifier, not as an employer.", _modifier),
    Exemption("short-name", "\u201cWestfield\u201d, short for \u201cWestfield Academy\u201d named elsewhere in the note, "
              "which is the same employer.", _short_name),
)


def check_wrong_company(note: Note, params: WrongCompanyParams, env: RunEnv) -> Outcome:
    company = note.context.company
    if not company:
        return Outcome(skipped="the company is not known (give --company or front matter)")
    lexicon = env.lexicon
    cues = compile_terms(params.future_cues)
    lead = compile_terms(params.before_name)
    hits = []
    exempted: list[tuple[str, str]] = []
    addressed = _GREETING_COMPANY.match(note.anatomy.addressee)
    salutation = note.anatomy.salutation
    if addressed and salutation and not same_company(addressed.group(1), company, lexicon):
        start = note.anatomy.salutation.field("addressee").start + addressed.start(1)  # type: ignore[union-attr]
        hits.append(Hit(start, start + len(addressed.group(1)), Say("greeting", {"name": addressed.group(1), "company": company}),
                        suggestions=(company,)))
    for sentence in note.sentences:
        if not cues.search(sentence.text):
            continue
        for match in [*lead.finditer(sentence.text), *_AS_SUBJECT.finditer(sentence.text)]:
            name: re.Match[str] | None = match
            if match.re is not _AS_SUBJECT:
                after = sentence.text[match.end() : match.end() + 1] == " "
                name = _NAME_AFTER.match(sentence.text, match.end() + 1) if after else None
            if not name:
                continue
            mentioned = re.sub(r"(?:['\u2019]s)$", "", name.group(1).rstrip(".'\u2019 "))
            candidate = Candidate(note, sentence, match, name, mentioned, params, lexicon)
            why = next((e.name for e in COMPANY_EXEMPTIONS if e(candidate)), None)
            if why:
                exempted.append((why, mentioned))
            elif not same_company(mentioned, company, lexicon):
                start = sentence.start + name.start(1)
                hits.append(Hit(start, start + len(mentioned), Say("employer", {"name": mentioned, "company": company}),
                                suggestions=(company,)))
    return Outcome(hits=tuple(hits), exempted=tuple(dict.fromkeys(exempted)))


WRONG_COMPANY = Kind("wrong-company", WrongCompanyParams, check_wrong_company, "Another employer named as this one.",
                     scope=("subject", "salutation", "body", "postscript"),
                     messages={"greeting": ("name", "company"), "employer": ("name", "company")},
                     exemptions=COMPANY_EXEMPTIONS)
