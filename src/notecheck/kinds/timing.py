"""The timing kind: hours between the interview and sending the note (see ``notecheck.dates``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from notecheck.dates import hours_after, is_bare, shown
from notecheck.kinds.base import Hit, Kind, Outcome, RunEnv, Say, param
from notecheck.note import Note


@dataclass(frozen=True)
class TimingParams:
    max_hours: float = param(24.0, "fails when the note is sent more than this many hours after the interview")


def check_timing(note: Note, params: TimingParams, env: RunEnv) -> Outcome:
    ctx = note.context
    if ctx.interview_date is None:
        return Outcome(skipped="the interview date is not known (give --interviewed or front matter)")
    sent = ctx.sent_date or datetime.now().astimezone()
    hours = hours_after(ctx.interview_date, sent)
    if hours < 0:  # a given send date before the interview is refused when the draft is read
        return Outcome(skipped=f"the interview ({shown(ctx.interview_date)}) is still to come: send the note after it")
    if hours > params.max_hours:
        days = hours / 24
        when = f"{days:.1f} days" if days >= 2 else f"{hours:.0f} hours"
        return Outcome(hits=(Hit(message=Say("late", {"delay": when, "max_hours": params.max_hours})),))
    if hours == 0 and (is_bare(ctx.interview_date) or is_bare(sent)):
        return Outcome(reason=Say("same_day", {}))
    return Outcome(reason=Say("on_time", {"hours": hours}))


TIMING = Kind("timing", TimingParams, check_timing, "Hours between interview and sending.", scope=("whole",),
              messages={"late": ("delay", "max_hours")}, reasons={"same_day": (), "on_time": ("hours",)})
