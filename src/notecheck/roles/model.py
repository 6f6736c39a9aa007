"""The role of a sentence in a thank-you note, and the cue that decided it."""

from __future__ import annotations

import enum
from typing import Any, NamedTuple

from notecheck.anatomy import Sentence


class Role(enum.StrEnum):
    """What one sentence of the body does. Every sentence of the body, list items and the P.S. included,
    has exactly one."""

    THANKS = "thanks"
    INTERVIEW = "interview"
    EVIDENCE = "evidence"
    CLAIM = "claim"
    NEW_POINT = "new-point"
    NEXT_STEPS = "next-steps"
    COURTESY = "courtesy"
    OTHER = "other"


ROLE_HELP = {
    Role.THANKS: "thanks the reader (\u201cThank you for meeting me\u201d)",
    Role.INTERVIEW: "retells what was discussed, asked, shown or learned in the interview (\u201cYou asked whether\u2026, "
                    "and I said\u2026\u201d, \u201cWe covered: \u2026\u201d, a list under \u201chere is a summary of our "
                    "conversation:\u201d, \u201cAfter lunch you showed me\u2026\u201d)",
    Role.EVIDENCE: "the writer's own concrete skill, experience, credential or result, from outside the interview",
    Role.CLAIM: "self-assessment with nothing behind it (\u201cI would be a great fit\u201d), or a template slot "
                "where the reason should be (\u201cWith ___ years of experience\u201d)",
    Role.NEW_POINT: "something the interview missed: new information, a corrected answer, an unfinished exercise "
                    "now done, something not shown (never material the interviewer asked for)",
    Role.NEXT_STEPS: "next steps and logistics (\u201cI look forward to hearing\u201d, \u201cAs requested, I have "
                     "attached\u2026\u201d)",
    Role.COURTESY: "courtesy (\u201cIt was a pleasure to meet you\u201d, \u201cHave a great weekend\u201d)",
    Role.OTHER: "none of these",
}


class Cue(NamedTuple):
    """What decided something: the lexicon list (or the rule) and the words it matched (offsets index the source)."""

    source: str  # e.g. "interview_patterns", "sequence_patterns", "list-intro"
    start: int
    end: int
    text: str

    def shown(self) -> str:
        return " ".join(self.text.split())


class Reading(NamedTuple):
    """One sentence as a careful reader takes it: its role and cue, and what the content rules ask about it."""

    sentence: Sentence
    role: Role
    cue: Cue | None
    words: int
    points: int = 0  # the topics of the interview it retells (interview sentences only)
    evidence: Cue | None = None  # the writer's evidence in a part that does not retell the interview
    retold: Cue | None = None  # evidence that only appears inside a retold exchange
    claim: Cue | None = None
    slot: Cue | None = None
    idiom: Cue | None = None
    requested: Cue | None = None  # material the interviewer asked for
    thanks: Cue | None = None  # thanks anywhere in the sentence, whatever its role
    about_writer: bool = False  # it speaks of the writer (I, my, me): asked of sentences with evidence and of list intros
    introduced: bool = False  # a list item under a line about the writer ("What I would bring:")

    def to_dict(self) -> dict[str, Any]:
        cue = self.cue
        return {"role": self.role.value,
                "cue": None if cue is None else {"from": cue.source, "start": cue.start, "end": cue.end, "text": cue.shown()},
                **({"points": self.points} if self.role is Role.INTERVIEW else {})}
