"""The forgotten-point kind: the note adds something the interview missed (a sentence whose role is
``new-point``, anywhere in the body or the P.S.); material the interviewer asked for never counts."""

from __future__ import annotations

from dataclasses import dataclass

from notecheck.kinds.base import Exemption, Hit, Kind, Outcome, RunEnv, Say, clip
from notecheck.note import Note
from notecheck.roles import Role, in_scope


@dataclass(frozen=True)
class ForgottenParams:
    """No parameters: the cues are the lexicon's new_point_patterns, material_patterns and requested_patterns."""


REQUESTED = Exemption(
    "requested", "Material the interviewer asked for (\u201cAs requested, I have attached my references\u201d, \u201cthe "
    "samples you asked me to send\u201d) is not a point the interview missed.", lambda reading: reading.requested is not None)


def check_forgotten(note: Note, params: ForgottenParams, env: RunEnv) -> Outcome:
    readings = in_scope(note)
    for reading in readings:
        if reading.role is Role.NEW_POINT and reading.cue is not None:
            return Outcome(reason=Say("added", {"phrase": reading.cue.shown(), "sentence": clip(reading.sentence.text, 60)}))
    spared = tuple((REQUESTED.name, clip(r.sentence.text, 50)) for r in readings if REQUESTED(r))
    return Outcome(hits=(Hit(),), exempted=spared)


FORGOTTEN = Kind("forgotten-point", ForgottenParams, check_forgotten, "A point the interview missed (from the sentence roles).",
                 scope=("body", "postscript"), reasons={"added": ("phrase", "sentence")}, exemptions=(REQUESTED,))
