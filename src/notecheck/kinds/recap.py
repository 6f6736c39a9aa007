"""The recap kind: the note retells the interview instead of picking one or two highlights.

It fires when the sentences and list items that retell the interview (role ``interview``) make up
more than ``min_share`` of the body's words and run through more than ``max_points`` points,
whatever the form: prose, a colon or semicolon series, bullets, numbered points, a chronological
account.
"""

from __future__ import annotations

from dataclasses import dataclass

from notecheck.kinds.base import Hit, Kind, Outcome, RunEnv, Say, clip, param
from notecheck.note import Note
from notecheck.roles import Reading, Role, in_scope


@dataclass(frozen=True)
class RecapParams:
    min_share: float = param(0.5, "fires only when the sentences that retell the interview are more than this share of the body's words")
    max_points: int = param(2, "... and run through more than this many points (one or two highlights never fire)")


def _cue(reading: Reading) -> str:
    cue = reading.cue
    if cue is None:
        return ""
    return f"under \u201c{clip(cue.text, 60)}\u201d" if cue.source == "list-intro" else f"\u201c{cue.shown()}\u201d"


def _span(reading: Reading) -> tuple[int, int]:
    """The cue that decided it, or the whole item when it retells because of the line above it."""
    cue, sentence = reading.cue, reading.sentence
    if cue is not None and sentence.start <= cue.start and cue.end <= sentence.end:
        return cue.start, cue.end
    return sentence.start, sentence.end


def check_recap(note: Note, params: RecapParams, env: RunEnv) -> Outcome:
    readings = in_scope(note)
    told = [r for r in readings if r.role is Role.INTERVIEW]
    if not told:
        return Outcome(reason=Say("none", {}))
    total = sum(r.words for r in readings) or 1
    share = sum(r.words for r in told) / total
    points = sum(r.points for r in told)
    first = told[0]
    args = {"count": len(told), "total": len(readings), "share": round(100 * share), "points": points,
            "sentence": clip(first.sentence.text, 50), "cue": _cue(first)}
    if share > params.min_share and points > params.max_points:
        hits = [Hit(*_span(first), message=Say("recap", args))]
        hits += [Hit(*_span(r), message=Say("also", {"cue": _cue(r)})) for r in told[1:]]
        return Outcome(hits=tuple(hits), reason=Say("recap_reason", args))
    return Outcome(reason=Say("highlights", {**args, "s": "s" if len(told) > 1 else ""}))


RECAP = Kind("recap", RecapParams, check_recap, "Retelling the interview instead of a highlight (from the sentence roles).",
             scope=("body", "postscript"),
             messages={"recap": ("count", "total", "share", "points", "sentence", "cue"), "also": ("cue",)},
             reasons={"recap_reason": ("count", "total", "share", "points", "sentence", "cue"), "none": (),
                      "highlights": ("count", "s", "total", "share", "points", "sentence", "cue")})
