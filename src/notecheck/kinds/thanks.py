"""The thanks kind: the note thanks the reader, in a sentence of the body or the P.S. (the lexicon's
thanks_patterns, read with the sentence roles) or in the closing ("Thanks,")."""

from __future__ import annotations

from dataclasses import dataclass

from notecheck.anatomy import Part
from notecheck.kinds.base import Hit, Kind, Outcome, RunEnv, Say
from notecheck.note import Note
from notecheck.roles import cue_between, in_scope


@dataclass(frozen=True)
class ThanksParams:
    """No parameters: the words are the lexicon's thanks_patterns (not a "thank-you note", not "thanks to")."""


def check_thanks(note: Note, params: ThanksParams, env: RunEnv) -> Outcome:
    for reading in in_scope(note):
        if reading.thanks is not None:
            return Outcome(reason=Say("found", {"phrase": reading.thanks.shown()}))
    if "closing" in note.scope:
        for segment in note.anatomy.of(Part.CLOSING):
            cue = cue_between(note, "thanks_patterns", segment.start, segment.end)
            if cue is not None:
                return Outcome(reason=Say("found", {"phrase": cue.shown()}))
    return Outcome(hits=(Hit(),))


THANKS = Kind("thanks", ThanksParams, check_thanks, "The note thanks the reader (the lexicon's thanks_patterns).",
              scope=("body", "postscript", "closing"), reasons={"found": ("phrase",)})
