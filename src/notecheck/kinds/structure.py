"""Kinds about the shape of a letter: salutation, sign-off, generic salutations, template leftovers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from notecheck.anatomy import Part
from notecheck.kinds.base import Hit, Kind, Outcome, RunEnv, Say, param
from notecheck.kinds.phrases import find_in_note
from notecheck.note import Note


@dataclass(frozen=True)
class NoParams:
    pass


def check_greeting(note: Note, params: NoParams, env: RunEnv) -> Outcome:
    salutation = note.anatomy.salutation
    if salutation is not None:
        return Outcome(reason=Say("found", {"salutation": salutation_text(note)}))
    first = next((s for s in note.anatomy.segments if s.part in _LETTER), None)
    return Outcome(hits=(Hit(first.start, _first_line_end(note, first.start, first.end)) if first else Hit(),))


_LETTER = (Part.SENDER, Part.DATE, Part.RECIPIENT, Part.PARAGRAPH, Part.LIST_ITEM, Part.HEADING, Part.POSTSCRIPT)


def salutation_text(note: Note) -> str:
    segment = note.anatomy.salutation
    return " ".join(note.source[segment.start : segment.end].split()) if segment else ""


def _first_line_end(note: Note, start: int, end: int) -> int:
    newline = re.search(r"[\r\n]", note.source[start:end])
    return start + newline.start() if newline else end


def check_sign_off(note: Note, params: NoParams, env: RunEnv) -> Outcome:
    """Passes for a valediction and/or a signature name after the body; fails when the note ends on a
    body sentence with no name."""
    anatomy = note.anatomy
    closing, signature = anatomy.closing, anatomy.signature
    valediction, name = anatomy.field_text(closing, "valediction"), anatomy.signer
    if valediction and name:
        return Outcome(reason=Say("signed", {"closing": valediction, "name": name}))
    if valediction:
        return Outcome(reason=Say("closing_only", {"closing": valediction}))
    if signature is not None:
        return Outcome(reason=Say("name_only", {"name": name}))
    prose = [s for s in anatomy.segments if s.part in (Part.PARAGRAPH, Part.LIST_ITEM, Part.POSTSCRIPT)]
    if not prose:
        return Outcome(hits=(Hit(),))
    last = prose[-1]
    begin = max(last.start, note.source.rfind("\n", last.start, last.end) + 1)
    return Outcome(hits=(Hit(begin, last.end),))


@dataclass(frozen=True)
class GenericGreetingParams:
    always: tuple[str, ...] = param((), "salutations that are generic whoever the reader is", regex=True)
    when_name_known: tuple[str, ...] = param((), "generic only when the interviewer's name is known", regex=True)


def check_generic_greeting(note: Note, params: GenericGreetingParams, env: RunEnv) -> Outcome:
    if note.anatomy.salutation is None:
        return Outcome(skipped="no salutation")
    patterns = params.always + (params.when_name_known if note.context.interviewers else ())
    found = find_in_note(note, patterns, ())
    if not found:
        return Outcome()
    name = note.context.interviewers[0] if note.context.interviewers else None
    suggestion = (f"Dear {name},",) if name else ()
    return Outcome(hits=tuple(Hit(m.start(), m.end(), suggestions=suggestion) for m in found))


@dataclass(frozen=True)
class PlaceholderParams:
    patterns: tuple[str, ...] = param((), "template slots, matched case-insensitively", regex=True)
    case_sensitive: tuple[str, ...] = param((), "slots matched as written (\u201cInterviewer Name\u201d, \u201cCOMPANY\u201d)", regex=True)
    unless: tuple[str, ...] = param((), "text that looks like a slot but is not (\u201c[sic]\u201d)", regex=True)


def check_placeholder(note: Note, params: PlaceholderParams, env: RunEnv) -> Outcome:
    """Markdown links, HTML tags, e-mail addresses in angle brackets and code in backticks are markup,
    blanked before the rule reads the note, so they are never slots."""
    found = find_in_note(note, params.patterns, params.unless, params.case_sensitive)
    hits = []
    last_end = -1
    for match in found:
        if match.start() < last_end:
            continue  # one placeholder, several patterns
        last_end = match.end()
        value = _fill(note, match.group())
        message = Say("filled", {"slot": match.group(), "value": value}) if value else None
        hits.append(Hit(match.start(), match.end(), message, (value,) if value else ()))
    return Outcome(hits=tuple(hits))


def _fill(note: Note, slot: str) -> str | None:
    lowered = slot.lower()
    ctx = note.context
    if re.search(r"compan|employer|organi[sz]ation|firm", lowered):
        return ctx.company
    if re.search(r"interviewer|name|manager|recipient", lowered):
        return ctx.interviewers[0] if ctx.interviewers else None
    if re.search(r"role|position|title|job", lowered):
        return ctx.role
    return None


GREETING = Kind("greeting", NoParams, check_greeting, "The note opens with a salutation, on its own line or inline.",
                scope=("salutation",), reasons={"found": ("salutation",)})
SIGN_OFF = Kind("sign-off", NoParams, check_sign_off, "The note ends with a closing and/or the writer's name.",
                scope=("closing", "signature"), reasons={"signed": ("closing", "name"), "closing_only": ("closing",), "name_only": ("name",)})
GENERIC_GREETING = Kind("generic-greeting", GenericGreetingParams, check_generic_greeting, "Impersonal salutations.",
                        scope=("salutation",))
PLACEHOLDER = Kind("placeholder", PlaceholderParams, check_placeholder, "Leftover template slots.",
                   messages={"filled": ("slot", "value")})
