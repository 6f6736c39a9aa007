"""Kinds about the shape of a letter: greeting, sign-off, generic salutations, template leftovers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from notecheck.kinds.base import Hit, Kind, Outcome, RunEnv
from notecheck.kinds.phrases import find_phrases
from notecheck.note import Note


@dataclass(frozen=True)
class NoParams:
    pass


def check_greeting(note: Note, params: NoParams, env: RunEnv) -> Outcome:
    if note.greeting:
        return Outcome(reason=f"\u201c{note.greeting.text(note.source)}\u201d")
    first = note.lines[0] if note.lines else None
    return Outcome(hits=(Hit(first.start, first.end) if first else Hit(),))


def check_sign_off(note: Note, params: NoParams, env: RunEnv) -> Outcome:
    if note.sign_off and note.signature:
        return Outcome(reason=f"\u201c{note.sign_off.text(note.source)}\u201d {note.signature}")
    if note.sign_off:
        span = note.sign_off
        return Outcome(hits=(Hit(span.start, span.end, "The sign-off is not followed by your name."),))
    last = note.lines[-1] if note.lines else None
    return Outcome(hits=(Hit(last.start, last.end) if last else Hit(),))


@dataclass(frozen=True)
class GenericGreetingParams:
    always: tuple[str, ...] = ()  # generic whoever the reader is
    when_name_known: tuple[str, ...] = ()  # generic only when the interviewer's name is known


def check_generic_greeting(note: Note, params: GenericGreetingParams, env: RunEnv) -> Outcome:
    span = note.greeting
    if span is None:
        return Outcome(skipped="no greeting line")
    text = span.text(note.source)
    patterns = params.always + (params.when_name_known if note.context.interviewers else ())
    found = find_phrases(text, patterns, ())
    if not found:
        return Outcome()
    name = note.context.interviewers[0] if note.context.interviewers else None
    suggestion = (f"Dear {name},",) if name else ()
    return Outcome(hits=tuple(Hit(span.start + m.start(), span.start + m.end(), suggestions=suggestion) for m in found))


@dataclass(frozen=True)
class PlaceholderParams:
    patterns: tuple[str, ...] = ()  # case-insensitive
    case_sensitive: tuple[str, ...] = ()  # e.g. "Interviewer Name", "COMPANY"
    unless: tuple[str, ...] = ()  # e.g. "[sic]", e-mail addresses in angle brackets


def check_placeholder(note: Note, params: PlaceholderParams, env: RunEnv) -> Outcome:
    found = find_phrases(note.text, params.patterns, params.unless, params.case_sensitive)
    hits = []
    last_end = -1
    for match in found:
        if match.start() < last_end:
            continue  # one placeholder, several patterns
        last_end = match.end()
        message, value = _fill_message(note, match.group())
        hits.append(Hit(note.start + match.start(), note.start + match.end(), message, (value,) if value else ()))
    return Outcome(hits=tuple(hits))


def _fill_message(note: Note, slot: str) -> tuple[str | None, str | None]:
    lowered = slot.lower()
    ctx = note.context
    value = None
    if re.search(r"compan|employer|organi[sz]ation|firm", lowered):
        value = ctx.company
    elif re.search(r"interviewer|name|manager|recipient", lowered):
        value = ctx.interviewers[0] if ctx.interviewers else None
    elif re.search(r"role|position|title|job", lowered):
        value = ctx.role
    if value:
        return f"Template placeholder \u201c{slot}\u201d left in the note; it should probably say \u201c{value}\u201d.", value
    return None, None


GREETING = Kind("greeting", NoParams, check_greeting, "The note opens with a salutation line.")
SIGN_OFF = Kind("sign-off", NoParams, check_sign_off, "The note closes with a valediction line.")
GENERIC_GREETING = Kind("generic-greeting", GenericGreetingParams, check_generic_greeting, "Impersonal salutations.")
PLACEHOLDER = Kind("placeholder", PlaceholderParams, check_placeholder, "Leftover template slots.")
