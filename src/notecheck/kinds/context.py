"""Kinds that compare the note with what is known of the interview: names, company, timing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from notecheck.kinds.base import Hit, Kind, Outcome, RunEnv, compile_terms
from notecheck.kinds.names import HONORIFICS, fold, near_miss, person_tokens, same_company
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
    r"(?i:dear|hi|hello|hey|greetings)[ \t]+(?i:the[ \t]+)?(" + _PROPER_WORD + r"(?:[ \t]+" + _PROPER_WORD + r")*)[ \t]+"
    r"(?i:hiring|recruiting|recruitment|talent|people|hr|interview|search|selection)\b"
)
_NOT_EMPLOYERS = {
    "i", "you", "we", "it", "this", "that", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "department", "team", "unit", "ward", "office", "division", "clinic", "center",
    "centre", "school", "program", "programme", "lab", "group", "board", "committee", "floor", "branch",
}


@dataclass(frozen=True)
class WrongCompanyParams:
    future_cues: tuple[str, ...] = ()  # a sentence about the job applied for ("join", "excited", "opportunity")
    before_name: tuple[str, ...] = ()  # words that put an employer's name after them ("at", "join")
    past_markers: tuple[str, ...] = ()  # just before: the name is another, earlier employer ("my", "former")
    venue_words: tuple[str, ...] = ()  # a name with one of these after "meeting me at" is where you met ("Coffee")
    meeting_cues: tuple[str, ...] = ()  # just before a venue: "meeting me", "coffee", "lunch"


def check_wrong_company(note: Note, params: WrongCompanyParams, env: RunEnv) -> Outcome:
    company = note.context.company
    if not company:
        return Outcome(skipped="the company is not known (give --company or front matter)")
    cues = compile_terms(params.future_cues)
    lead = compile_terms(params.before_name)
    past = compile_terms(params.past_markers)
    venue = compile_terms(params.venue_words)
    meeting = compile_terms(params.meeting_cues)
    people = {t for name in note.context.interviewers for t in person_tokens(name)}
    people |= {fold(w) for w in re.findall(r"[^\W\d_]+", note.context.role or "")}
    hits = []
    greeting = note.greeting.text(note.source) if note.greeting else ""
    addressed = _GREETING_COMPANY.match(greeting)
    if addressed and not same_company(addressed.group(1), company):
        start = note.greeting.start + addressed.start(1) if note.greeting else 0
        hits.append(Hit(start, start + len(addressed.group(1)), (
            f"The greeting addresses \u201c{addressed.group(1)}\u201d, but this note is for {company}."
        ), suggestions=(company,)))
    for sentence in note.sentences:
        if not cues.search(sentence.text):
            continue
        for match in [*lead.finditer(sentence.text), *_AS_SUBJECT.finditer(sentence.text)]:
            clause = sentence.text[: match.start()]
            clause = clause[max(clause.rfind(","), clause.rfind(";"), clause.rfind(":")) + 1 :]
            if past.search(clause[-60:]):  # "My three years on the early shift at Crumb & Co.": an earlier employer
                continue
            name: re.Match[str] | None = match
            if match.re is not _AS_SUBJECT:
                after = sentence.text[match.end() : match.end() + 1] == " "
                name = _NAME_AFTER.match(sentence.text, match.end() + 1) if after else None
            if not name:
                continue
            mentioned = re.sub(r"(?:['\u2019]s)$", "", name.group(1).rstrip(".'\u2019 "))
            tokens = {fold(w) for w in re.findall(r"[^\W\d_]+", mentioned)}
            first = fold(mentioned.split()[0]).rstrip(".")
            if not tokens or first in HONORIFICS or tokens <= people | _NOT_EMPLOYERS:
                continue
            if venue.search(mentioned) and meeting.search(sentence.text[max(0, match.start() - 40) : match.start()]):
                continue  # "thanks for meeting me at Little Owl Coffee": where you met, not who you work for
            if re.match(r"[ \t]+\d", sentence.text[name.end(1) :]):
                continue  # "Route 14", "Building 7": a numbered thing, not a company
            if re.search(re.escape(mentioned) + _UNIT_AFTER, note.text):
                continue  # "the Eastgate branch": a part of the employer, named on its own later
            if match.re is not _AS_SUBJECT and _ATTRIBUTIVE.match(sentence.text, name.end(1)):
                continue  # "the Dover warehouse": a name used as a modifier, not an employer
            longer = re.findall(re.escape(mentioned) + r"((?:[ \t]+" + _PROPER_WORD + r")+)", note.text)
            if any(same_company(mentioned + rest, company) for rest in longer):
                continue  # "Westfield", short for "Westfield Academy", a school of the trust
            if not same_company(mentioned, company):
                start = sentence.start + name.start(1)
                hits.append(Hit(start, start + len(mentioned), (
                    f"\u201c{mentioned}\u201d is named as the employer, but this note is for {company}."
                ), suggestions=(company,)))
    return Outcome(hits=tuple(hits))


# "Nguyen", "O'Neil", "McKay", "Smith-Jones", "Zoë"
_NAME_WORD = re.compile(r"(?:Ma?c|O['\u2019]|D['\u2019])?[A-Z][a-z\u00e0-\u00ff]+(?:['\u2019-][A-Z]?[a-z\u00e0-\u00ff]+)*")
_NOT_NAMES = {
    "team", "hiring", "manager", "managers", "committee", "all", "everyone", "panel", "sir", "madam", "there",
    "friends", "folks", "recruiter", "recruiting", "members", "search", "department", "board", "colleagues",
    "dear", "hi", "hello", "hey", "good", "morning", "afternoon", "evening", "greetings", "and", "to", "whom",
    "it", "may", "concern", "human", "resources", "staff", "partners", "interviewers", "interview",
    "name", "interviewer", "firstname", "lastname", "surname", "recipient", "contact", "insert", "full",
}


_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?\s+(" + _NAME_WORD.pattern + ")")
_VOCATIVE = re.compile(r"(?i:thank you|thanks|again),[ \t]+(" + _NAME_WORD.pattern + r")(?=\s*[,.!;:])")


def _named_spans(note: Note) -> list[tuple[int, int, str, bool]]:
    """Name-like words in the greeting and in direct address ("Thank you, Kate,"), which must name the
    reader, and words after an honorific anywhere in the note, which may name a colleague (the flag)."""
    spans: list[tuple[int, int, str, bool]] = []
    if note.greeting:
        text = note.greeting.text(note.source)
        for m in _NAME_WORD.finditer(text):
            if text[: m.start()].rstrip()[-1:] in ("[", "{", "<", "("):
                continue  # a template slot: the placeholder rule reports it
            if fold(m.group()).rstrip(".") not in _NOT_NAMES | HONORIFICS:
                spans.append((note.greeting.start + m.start(), note.greeting.start + m.end(), m.group(), True))
    found = [(note.body.start, m, True) for m in _VOCATIVE.finditer(note.body_text)]  # not the sign-off's "Thanks, Maya"
    found += [(note.start, m, False) for m in _HONORIFIC.finditer(note.text)]
    for base, m, addressed in found:
        start = base + m.start(1)
        if not any(s == start for s, _, _, _ in spans):
            spans.append((start, start + len(m.group(1)), m.group(1), addressed))
    return spans


def _short_form(written: str, full: str) -> bool:
    """A plausible short form of a first name: shorter, same first two letters."""
    return 2 < len(written) < len(full) and written[:2] == full[:2]


@dataclass(frozen=True)
class InterviewerNameParams:
    nicknames: dict[str, list[str]] = field(default_factory=dict)  # "robert" -> ["bob", "rob"]: never a mismatch


def check_interviewer_name(note: Note, params: InterviewerNameParams, env: RunEnv) -> Outcome:
    interviewers = note.context.interviewers
    if not interviewers:
        return Outcome(skipped="the interviewer's name is not known (give --interviewer or front matter)")
    parts = {t for name in interviewers for t in person_tokens(name)}
    parts |= {piece for part in list(parts) for piece in part.split("-")}  # "Hughes" of O'Connor-Hughes
    parts |= {fold(nick) for part in list(parts) for nick in params.nicknames.get(part, ())}
    full_parts = [(t, name) for name in interviewers for t in re.findall(r"[^\s.,]+", name) if fold(t) in parts]
    hits = []
    spans = _named_spans(note)
    greeted = note.greeting
    # "Dear Priya and Owen,": when the greeting names an interviewer, its other names are more interviewers
    panel = greeted is not None and any(fold(w) in parts for s, _, w, _ in spans if greeted.start <= s < greeted.end)
    for start, end, word, addressed in spans:
        folded = fold(word)
        if folded in parts:
            continue
        if panel and greeted is not None and greeted.start <= start < greeted.end:
            addressed = False  # only a near miss of an interviewer's name is reported
        close = [original for original, _ in full_parts if near_miss(word, original)]
        if not close and not addressed:
            continue  # "please thank Ms. Daley too": a colleague, not a misspelt interviewer
        if not close and any(_short_form(folded, fold(original)) for original, _ in full_parts):
            continue  # "Katie" for Katherine, "Chris" for Christopher
        if close:
            hits.append(Hit(start, end, f"\u201c{word}\u201d looks like a misspelling of \u201c{close[0]}\u201d.", (close[0],)))
        else:
            names = " or ".join(interviewers)
            hits.append(Hit(start, end, f"\u201c{word}\u201d does not match the interviewer ({names}).", tuple(interviewers[:1])))
    return Outcome(hits=tuple(hits))


@dataclass(frozen=True)
class TimingParams:
    max_hours: float = 24.0


def _comparable(a: datetime, b: datetime) -> tuple[datetime, datetime]:
    if (a.tzinfo is None) != (b.tzinfo is None):
        a, b = a.astimezone(), b.astimezone()
    return a, b


def check_timing(note: Note, params: TimingParams, env: RunEnv) -> Outcome:
    ctx = note.context
    if ctx.interview_date is None:
        return Outcome(skipped="the interview date is not known (give --interviewed or front matter)")
    sent = ctx.sent_date or datetime.now().astimezone()
    interview, sent = _comparable(ctx.interview_date, sent)
    delay = sent - interview
    hours = delay / timedelta(hours=1)
    if hours > params.max_hours:
        days = hours / 24
        when = f"{days:.1f} days" if days >= 2 else f"{hours:.0f} hours"
        return Outcome(hits=(Hit(message=f"Sent {when} after the interview; the advice is within {params.max_hours:g} hours."),))
    if hours < 0:
        return Outcome(reason="the send date is before the interview date")
    return Outcome(reason=f"sent {max(hours, 0):.0f} hours after the interview")


WRONG_COMPANY = Kind("wrong-company", WrongCompanyParams, check_wrong_company, "Another employer named as this one.")
INTERVIEWER_NAME = Kind("interviewer-name", InterviewerNameParams, check_interviewer_name, "The interviewer's name as written.")
TIMING = Kind("timing", TimingParams, check_timing, "Hours between interview and sending.")
