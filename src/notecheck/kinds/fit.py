"""The fit-reason kind: a concrete reason the writer fits the role, read from the sentence roles.

Evidence counts only in a sentence that does not retell the interview, about the writer, without a
template slot, and tied to this job by a word within two sentences; a bare claim or a slot where the
reason should be is named in the message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from notecheck.kinds.base import Exemption, Hit, Kind, Outcome, RunEnv, Say, clip, compile_terms, param
from notecheck.note import Note
from notecheck.roles import Reading, Role, cue_in, in_scope


@dataclass(frozen=True)
class FitParams:
    ties: tuple[str, ...] = param((), "words that tie the evidence to the job (\u201crole\u201d, \u201cteam\u201d, \u201cbring\u201d)", regex=True)


def _untied(ties: re.Pattern[str], names: frozenset[str], readings: list[Reading], index: int) -> bool:
    near = " ".join(r.sentence.text for r in readings[max(0, index - 2) : index + 3])
    return not (ties.search(near) or names & set(re.findall(r"[a-z]+", near.lower())))


RETOLD = Exemption(
    "retold", "Experience that appears only inside a retold exchange (\u201cYou asked whether I had used the billing "
    "system, and I said I had only seen a demo\u201d), or in a sentence that otherwise retells the interview, is the "
    "interview, not a reason: it does not count.", lambda reading: reading.role is Role.INTERVIEW or (reading.evidence is None and reading.retold is not None))
IDIOM = Exemption(
    "idiom", "An idiom that looks like a result (\u201cI give 110 percent\u201d) is not evidence (the lexicon's "
    "idiom_patterns).", lambda reading: reading.evidence is None and reading.idiom is not None)
SLOT = Exemption(
    "slot", "A template slot is never evidence: \u201cWith ___ years of experience\u201d or \u201c[NUMBER] years\u201d "
    "says nothing yet.", lambda reading: reading.slot is not None)
SOMEONE_ELSE = Exemption(
    "someone-else", "Evidence in a sentence that is not about the writer (no I, my or me) does not count, except in "
    "a list introduced by a sentence about the writer (\u201cWhat I would bring:\u201d).",
    lambda reading: not (reading.about_writer or reading.introduced))
UNTIED = Exemption(
    "untied", "Evidence counts only when a word within two sentences ties it to this job (\u201crole\u201d, \u201cyour "
    "team\u201d, the company's or the role's name).", _untied)


def check_fit(note: Note, params: FitParams, env: RunEnv) -> Outcome:
    readings = in_scope(note)
    ties = compile_terms(params.ties)  # compiled once; the role's and company's words differ in every note
    names = frozenset(w.lower() for w in role_words(note) + company_words(note))
    exempted: list[tuple[str, str]] = []
    for index, reading in enumerate(readings):
        if reading.evidence is None and reading.retold is None and reading.idiom is None:
            continue
        why = next((e.name for e in (RETOLD, IDIOM, SLOT, SOMEONE_ELSE) if e(reading)), None)
        if why is None and UNTIED(ties, names, readings, index):
            why = UNTIED.name
        if why is None:
            assert reading.evidence is not None
            return Outcome(reason=Say("evidence", {"sentence": clip(reading.sentence.text), "cue": reading.evidence.shown()}))
        exempted.append((why, clip(reading.sentence.text, 50)))
    return Outcome(hits=(_missing(note, readings),), exempted=tuple(exempted))


def _missing(note: Note, readings: list[Reading]) -> Hit:
    """Why there is no reason: a template slot, a bare claim, experience only retold, or nothing at all."""
    slot = next((r for r in readings if r.slot is not None and (r.role is Role.CLAIM or r.evidence is not None)), None)
    if slot is not None and slot.slot is not None:
        return Hit(slot.slot.start, slot.slot.end, Say("slot", {"slot": slot.slot.shown(), "sentence": clip(slot.sentence.text)}))
    claim = next((c for c in (r.claim or cue_in(note, r, "claim_patterns") for r in readings) if c is not None), None)
    if claim is not None:
        return Hit(claim.start, claim.end, Say("bare_claim", {"claim": claim.shown()}))
    retold = next((r for r in readings if r.retold is not None or (r.role is Role.INTERVIEW and r.evidence)), None)
    if retold is not None:
        cue = retold.retold or retold.evidence
        assert cue is not None
        return Hit(cue.start, cue.end, Say("retold", {"sentence": clip(retold.sentence.text)}))
    return Hit()


def company_words(note: Note) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z]{3,}", note.context.company or "") if w.lower() not in {"the", "and"}]


def role_words(note: Note) -> list[str]:
    return re.findall(r"[A-Za-z]{4,}", note.context.role or "")


FIT = Kind("fit-reason", FitParams, check_fit, "A concrete reason the writer fits the role (from the sentence roles).",
           scope=("body", "postscript"), messages={"bare_claim": ("claim",), "slot": ("slot", "sentence"),
                                                   "retold": ("sentence",)},
           reasons={"evidence": ("sentence", "cue")}, exemptions=(RETOLD, IDIOM, SLOT, SOMEONE_ELSE, UNTIED))
