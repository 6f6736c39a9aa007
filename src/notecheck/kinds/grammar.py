"""The ``grammar`` kind: a grammar engine's matches, sorted into notecheck's NC5xx rules.

Which rule a match belongs to (its ``group``) is the engine's own mapping (``notecheck.grammar.categories``),
refined here for the words the engine's dictionary does not know:

- the writer's own name, names from the context and the user's word list: never reported, and no match
  at all inside the context's role, company or a name as the note writes it ("the claims adjuster
  position" for the role Claims Adjuster);
- a name (in the salutation, an acronym or camel-cased word anywhere, or a capitalised word that does
  not open a sentence): the
  ``names`` group, an info finding ("unrecognised name “Brightwater”: check its spelling");
- another English variant's spelling ("analysed" under en-US): the ``variants`` group, one finding for
  the whole note; a warning when the note mixes two variants;
- a lower-case word the engine only suggests splitting in two ("stockouts" -> "stock outs"): a field's
  closed compound the dictionary lacks, an info hint under ``spelling`` that costs nothing;
- any other unknown word: ``spelling``.

The kind asks the run for a ``GrammarService``; it works with any engine behind it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from notecheck.kinds.base import Hit, Kind, Outcome, RunEnv, param
from notecheck.kinds.grammar_parts import addressee, in_scope, known_words, proofread_span, starts_sentence
from notecheck.kinds.names import fold
from notecheck.model import Severity
from notecheck.note import Note
from notecheck.services import find_service

if TYPE_CHECKING:
    from notecheck.grammar.model import GrammarMatch
    from notecheck.proofread import GrammarService

GROUPS = ("grammar", "spelling", "punctuation", "style", "names", "variants")
_TOKEN_RE = re.compile(r"[\w'\u2019-]+")


@dataclass(frozen=True)
class GrammarParams:
    group: str = param("grammar", "which of the engine's findings this rule reports: " + ", ".join(GROUPS))
    ignore_rules: tuple[str, ...] = param((), "engine rule ids never reported (LanguageTool's, or Harper.<rule>)")

    def __post_init__(self) -> None:
        if self.group not in GROUPS:
            raise ValueError(f"group must be one of {', '.join(GROUPS)}")


def _is_name(note: Note, start: int, end: int, written: str) -> bool:
    where = addressee(note)
    if where is not None and where.start <= start and end <= where.end:
        return True
    if any(c.isupper() for c in written[1:]):
        return True  # an acronym or a camel-cased name ("ETL", "NumPy"): its capitals are not the sentence's
    return written[:1].isupper() and not starts_sentence(note, start)


def other_variant(language: str) -> str:
    """The variant a spelling unknown under ``language`` most likely comes from."""
    return "en-GB" if language == "en-US" else "en-US"


def _cross_check(service: GrammarService, text: str, language: str) -> list[GrammarMatch] | None:
    try:
        return service.check(text, language=language)
    except Exception:  # noqa: BLE001 - the cross-check only refines; without it words stay as they are
        return None


def _variant_hit(language: str, other: str, first: tuple[int, int], theirs: list[str], ours: list[str]) -> Hit:
    from notecheck.grammar.categories import VARIANT_NAMES

    them, us = VARIANT_NAMES.get(other, other), VARIANT_NAMES.get(language, language)
    listed = ", ".join(dict.fromkeys(theirs))
    if ours:
        mine = ", ".join(dict.fromkeys(ours))
        return Hit(*first, severity=Severity.WARNING,
                   message=f"{them} and {us} spellings mixed ({listed}; {mine}): keep to one variant",
                   advice=f'For {them} English set `language = "{other}"`; otherwise write {us} spellings.')
    return Hit(*first, message=f'{them} spellings ({listed}) under {language}: set `language = "{other}"`',
               advice=f'Set `language = "{other}"` in the configuration (or --language {other}), or write {us} '
                      "spellings.")


def sorted_matches(note: Note, env: RunEnv) -> list[tuple[str, Hit]] | str:
    """Every match of the note as (group, hit); or the reason grammar could not run."""
    from notecheck.grammar import GrammarUnavailable
    from notecheck.grammar.categories import group_of, is_unknown_word
    from notecheck.proofread import GrammarService

    service = find_service(env.services, GrammarService)
    if service is None:
        return "no grammar engine"
    begin, end = proofread_span(note)
    text = note.source[begin:end]
    language, other = env.language, other_variant(env.language)
    try:
        found = service.check(text, language=language)
    except GrammarUnavailable as exc:
        return str(exc)
    known = known_words(note, env.words, env.lexicon)
    unknown: list[GrammarMatch] = []
    for match in found:
        start = begin + match.offset
        written = note.source[start : start + match.length]
        tokens = [fold(t) for t in _TOKEN_RE.findall(written)]
        if is_unknown_word(match) and in_scope(note, start) and not (tokens and all(t in known for t in tokens)):
            unknown.append(match)
    # another variant's spellings: the engine says so, or the other variant's dictionary knows the word
    variant_of = {m.offset: m.variant for m in unknown if m.variant and m.variant != language}
    unsure = [m for m in unknown if m.variant is None and text[m.offset : m.offset + m.length].islower()]
    answer = _cross_check(service, text, other) if unsure or variant_of else None
    back = answer or []
    flagged_back = {m.offset for m in back if is_unknown_word(m)}
    if answer is not None:
        variant_of.update({m.offset: other for m in unsure if m.offset not in flagged_back})
    result: list[tuple[str, Hit]] = []
    theirs: list[str] = []
    first: tuple[int, int] | None = None
    given = context_spans(note)
    for match in found:
        start, stop = begin + match.offset, begin + match.offset + match.length
        inside = bisect.bisect_right(given, start, key=lambda span: span[0]) - 1
        if inside >= 0 and stop <= given[inside][1]:
            continue  # inside the role, company or a name as the context gives it ("the claims adjuster position")
        written = note.source[start:stop]
        group, suggestions = group_of(match), match.replacements[:5]
        message = match.message or match.short_message or match.rule_description
        if is_unknown_word(match):
            if match not in unknown:
                continue  # the writer's own name and contact lines, names the user gave
            if match.offset in variant_of:
                theirs.append(written)
                first = first or (start, stop)
                continue
            if _is_name(note, start, stop, written):
                group, suggestions = "names", suggestions[:1]
                message = f"unrecognised name \u201c{written}\u201d: check its spelling"
            elif (split := closed_compound(written, match.replacements, env.lexicon.joining_words)) is not None:
                # a field's compound written as one word ("stockouts", "putaway"): a hint, never a deduction
                result.append((group, Hit(start, stop, f"\u201c{written}\u201d is not in the dictionary as one word "
                                          f"(it knows \u201c{split}\u201d): check it, or add it to your word list",
                                          (split,), severity=Severity.INFO, source=match.rule_id)))
                continue
        result.append((group, Hit(start, stop, message, suggestions, source=match.rule_id,
                                  fix=_safe_fix(group, match.issue_type, written, match.replacements))))
    if first is not None:
        flagged_here = {m.offset for m in found if is_unknown_word(m)}
        ours = [text[m.offset : m.offset + m.length] for m in back if is_unknown_word(m)
                and in_scope(note, begin + m.offset) and (m.variant == language or (m.variant is None and m.offset not in flagged_here
                                               and text[m.offset : m.offset + m.length].islower()))]
        result.append(("variants", _variant_hit(language, other, first, theirs, ours)))
    return result


def context_spans(note: Note) -> list[tuple[int, int]]:
    """Where the note writes the context's role, company or an interviewer's name, as given (any case, any
    spacing): the writer's words there are the names the user gave, not slips."""
    ctx = note.context
    phrases = sorted({p.strip() for p in (ctx.role, ctx.company, *ctx.interviewers) if p and len(p.strip()) > 1},
                     key=len, reverse=True)
    if not phrases:
        return []
    body = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)
    return [m.span() for m in re.finditer(r"(?<![\w'\u2019])(?:" + body + r")(?![\w'\u2019])", note.source, re.IGNORECASE)]


def closed_compound(written: str, replacements: tuple[str, ...] | list[str], joins: frozenset[str]) -> str | None:
    """The engine's suggestion that only splits a lower-case word into two content words ("stockouts" ->
    "stock outs", "put-away"), or None: the word is then a closed compound the dictionary lacks, not a
    misspelling. Split at a joining word (the lexicon's function_words: "a lot", "thank you", "each
    other") it is a misspelling."""
    if not written.isalpha() or not written.islower():
        return None
    for replacement in replacements[:3]:
        for mark in (" ", "-"):
            parts = replacement.split(mark)
            if len(parts) == 2 and all(len(p) > 1 for p in parts) and "".join(parts).lower() == written:
                return None if any(p.lower() in joins for p in parts) else replacement
    return None


def _safe_fix(group: str, issue_type: str, written: str, replacements: tuple[str, ...] | list[str]) -> str | None:
    """The replacement ``--fix`` may apply: the engine's only one, for a grammar slip, a lower-case
    misspelling (never a name or a variant), a doubled word or space."""
    if len(replacements) != 1:
        return None
    only = replacements[0]
    if not written.strip() and only == " ":  # a doubled space
        return only
    words = written.split()
    if len(words) == 2 and words[0].lower() == words[1].lower() and only.strip() == words[0]:  # a doubled word
        return only
    if issue_type in ("whitespace", "duplication") or group == "grammar":
        return only
    if group == "spelling" and written.islower():
        return only
    return None


def check_grammar(note: Note, params: GrammarParams, env: RunEnv) -> Outcome:
    from notecheck.proofread import GrammarService

    service = find_service(env.services, GrammarService)
    if service is None or service.unavailable is not None:
        reason = service.unavailable if service is not None else "no grammar engine"
        return Outcome(skipped=reason, incomplete=service.incomplete if service is not None else False)
    matches = sorted_matches(note, env)
    if isinstance(matches, str):
        return Outcome(skipped=matches, incomplete=True)
    hits = tuple(hit for group, hit in matches if group == params.group and hit.source not in params.ignore_rules
                 and in_scope(note, hit.start if hit.start is not None else note.start))
    return Outcome(hits=hits, reason="" if hits else f"nothing found by {service.label}", checked_by=service.label)


GRAMMAR = Kind("grammar", GrammarParams, check_grammar,
               "Grammar and spelling through the run's grammar engine (LanguageTool or Harper).",
               scope=("subject", "heading", "salutation", "body", "postscript", "closing"))
