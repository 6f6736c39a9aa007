"""The tone kind: begging, pressure and ultimatums, sarcastic thanks and passive-aggressive remarks,
each named in its finding; read with the sentence roles, so that a sentence retelling what the
interviewer said ("You said you need a decision by Friday") is never the writer's pressure and
sarcasm is looked for only in a sentence that thanks."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from notecheck.kinds.base import Hit, Kind, Outcome, RunEnv, Say, param
from notecheck.note import Note
from notecheck.patterns import is_trusted
from notecheck.roles import Reading, Role, in_scope
from notecheck.roles.scan import compile_cues, lowered


@dataclass(frozen=True)
class ToneParams:
    begging: tuple[str, ...] = param((), "begging and desperation (\u201cI really need this job\u201d)", regex=True)
    pressure: tuple[str, ...] = param((), "pressure and ultimatums, with or without an exclamation mark (\u201cI need to "
                                      "know by Friday\u201d); not in a sentence that retells the interview", regex=True)
    sarcasm: tuple[str, ...] = param((), "sarcastic thanks (\u201cThanks for finally making time\u201d), looked for in "
                                     "sentences that thank", regex=True)
    passive_aggressive: tuple[str, ...] = param((), "passive-aggressive remarks (\u201cit would have been nice to\u201d); "
                                                "not in a sentence that retells the interview", regex=True)


_THANKING = frozenset({Role.THANKS})
_NOT_RETOLD = frozenset(Role) - {Role.INTERVIEW}
# the categories searched in one pass over the scope (the first that matches words wins), and the roles
# of the sentences each counts in (None: every sentence); sarcasm is looked for only where the note thanks
_ONE_PASS: tuple[tuple[str, frozenset[Role] | None], ...] = (
    ("begging", None), ("pressure", _NOT_RETOLD), ("passive_aggressive", _NOT_RETOLD))


@lru_cache(maxsize=64)
def _one_pass(params: ToneParams, lower: bool) -> re.Pattern[str]:
    lists = [getattr(params, name) for name, _ in _ONE_PASS]
    groups = tuple(f"(?P<{name}>" + "|".join(entries) + ")" for (name, _), entries in zip(_ONE_PASS, lists, strict=True)
                   if entries)
    return compile_cues(groups, lower, trusted=all(is_trusted(e) for entries in lists for e in entries))


def check_tone(note: Note, params: ToneParams, env: RunEnv) -> Outcome:
    spans = note.spans
    if not spans:
        return Outcome()
    readings = in_scope(note)
    starts = [r.sentence.start for r in readings]
    lowered_text = lowered(note.masked)
    text = note.masked if lowered_text is None else lowered_text
    roles = dict(_ONE_PASS)
    hits: list[Hit] = []
    for match in _one_pass(params, lowered_text is not None).finditer(text, spans[0].start, spans[-1].end):
        name = match.lastgroup or ""
        allowed = roles.get(name)
        reading = _reading(readings, starts, match.start())
        if allowed is None or (reading is not None and reading.role in allowed):
            hits.append(Hit(match.start(), match.end(), Say(name, {})))
    sarcasm = compile_cues(params.sarcasm, lowered_text is not None)
    for reading in readings:
        if reading.role is Role.THANKS:
            found = sarcasm.search(text, reading.sentence.start, reading.sentence.end)
            if found and not any(h.start is not None and h.end is not None and found.start() < h.end and h.start < found.end()
                                 for h in hits):
                hits.append(Hit(found.start(), found.end(), Say("sarcasm", {})))
    return Outcome(hits=tuple(sorted(hits, key=lambda h: h.start or 0)))


def _reading(readings: list[Reading], starts: list[int], offset: int) -> Reading | None:
    index = bisect.bisect_right(starts, offset) - 1
    if index < 0 or offset >= readings[index].sentence.end:
        return None
    return readings[index]


TONE = Kind("tone", ToneParams, check_tone, "Begging, pressure, sarcastic thanks and passive-aggressive remarks.",
            scope=("body", "postscript"), messages={"begging": (), "pressure": (), "sarcasm": (), "passive_aggressive": ()})
