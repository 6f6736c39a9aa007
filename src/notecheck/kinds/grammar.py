"""The ``grammar`` kind: a grammar engine's matches, sorted into notecheck's NC5xx rules.

Which rule a match belongs to (the ``group`` of a rule) is the engine's own mapping:
see ``notecheck.grammar.categories``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from notecheck.kinds.base import Hit, Kind, Outcome, RunEnv, param
from notecheck.kinds.names import company_tokens, fold, person_tokens
from notecheck.note import Note

GROUPS = ("grammar", "spelling", "punctuation", "style")
_MEMO_KEY = "grammar"


@dataclass(frozen=True)
class GrammarParams:
    group: str = param("grammar", "which LanguageTool matches this rule reports: " + ", ".join(GROUPS))
    ignore_rules: tuple[str, ...] = param((), "LanguageTool rule ids never reported")

    def __post_init__(self) -> None:
        if self.group not in GROUPS:
            raise ValueError(f"group must be one of {', '.join(GROUPS)}")


def _known_words(note: Note, env: RunEnv) -> set[str]:
    ctx = note.context
    words = {fold(w) for w in env.words}
    for name in ctx.interviewers:
        words.update(person_tokens(name, env.lexicon))
    if ctx.company:
        words.update(company_tokens(ctx.company, env.lexicon))
        words.update(fold(w) for w in re.findall(r"[\w'\u2019-]+", ctx.company))
    if ctx.role:
        words.update(fold(w) for w in re.findall(r"[\w'\u2019-]+", ctx.role))
    return words


def fetch_matches(note: Note, env: RunEnv) -> list[tuple[str, Hit]] | str:
    """Every LanguageTool match of the note as (group, hit), once per note; or the reason it failed."""
    cached = note.memo.get(_MEMO_KEY)
    if cached is not None:
        return cached  # type: ignore[return-value]
    from notecheck.grammar import GrammarUnavailable
    from notecheck.grammar.categories import group_of

    assert env.grammar is not None
    try:
        found = env.grammar.check(note.source[note.start : note.end], language=env.language)  # filtered by scope below
    except GrammarUnavailable as exc:
        note.memo[_MEMO_KEY] = str(exc)
        return str(exc)
    known = _known_words(note, env)
    result = []
    for match in found:
        start = note.start + match.offset
        end = start + match.length
        group = group_of(match)
        if group == "spelling":
            written = note.source[start:end]
            tokens = [fold(t) for t in re.findall(r"[\w'\u2019-]+", written)]
            if tokens and all(t in known for t in tokens):
                continue
        message = match.message or match.short_message or match.rule_description
        hit = Hit(start, end, message, match.replacements[:5], source=match.rule_id,
                  fix=_safe_fix(group, match.issue_type, note.source[start:end], match.replacements))
        result.append((group, hit))
    note.memo[_MEMO_KEY] = result
    return result


def _safe_fix(group: str, issue_type: str, written: str, replacements: tuple[str, ...] | list[str]) -> str | None:
    """The replacement ``--fix`` may apply: LanguageTool's only one, for a grammar slip, a lower-case
    misspelling (a capitalised word may be a name LanguageTool does not know), a doubled word or space."""
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
        return replacements[0]
    return None


def check_grammar(note: Note, params: GrammarParams, env: RunEnv) -> Outcome:
    if env.grammar is None:
        return Outcome(skipped=env.grammar_skip or "no grammar backend", incomplete=env.grammar_incomplete)
    matches = fetch_matches(note, env)
    if isinstance(matches, str):
        return Outcome(skipped=matches, incomplete=True)
    spans = note.anatomy.spans(note.scope)  # never headers, addresses, the signature or contact lines
    hits = tuple(hit for group, hit in matches if group == params.group and hit.source not in params.ignore_rules
                 and any(s.start <= (hit.start or 0) < s.end for s in spans))
    engine = env.grammar.name.split(" at ")[0]
    return Outcome(hits=hits, reason="" if hits else f"nothing found by {engine}", checked_by=engine)


GRAMMAR = Kind("grammar", GrammarParams, check_grammar, "Grammar and spelling through LanguageTool.",
               scope=("subject", "heading", "salutation", "body", "postscript", "closing"))
