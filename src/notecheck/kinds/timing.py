"""The timing kind: hours between the interview and sending the note."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from notecheck.kinds.base import Hit, Kind, Outcome, RunEnv, Say, param
from notecheck.note import Note


@dataclass(frozen=True)
class TimingParams:
    max_hours: float = param(24.0, "fails when the note is sent more than this many hours after the interview")


def _comparable(a: datetime, b: datetime) -> tuple[datetime, datetime]:
    if (a.tzinfo is None) != (b.tzinfo is None):
        a, b = a.astimezone(), b.astimezone()
    return a, b


def check_timing(note: Note, params: TimingParams, env: RunEnv) -> Outcome:
    ctx = note.context
    if ctx.interview_date is None:
        return Outcome(skipped="the interview date is not known (give --interviewed or front matter)")
    sent = ctx.sent_date or datetime.now().astimezone()
    interview, sent = _comparable(ctx.interview_date, sent)
    hours = (sent - interview) / timedelta(hours=1)
    if hours > params.max_hours:
        days = hours / 24
        when = f"{days:.1f} days" if days >= 2 else f"{hours:.0f} hours"
        return Outcome(hits=(Hit(message=Say("late", {"delay": when, "max_hours": params.max_hours})),))
    if hours < 0:
        return Outcome(reason=Say("before", {}))
    return Outcome(reason=Say("on_time", {"hours": max(hours, 0)}))


TIMING = Kind("timing", TimingParams, check_timing, "Hours between interview and sending.", scope=("whole",),
              messages={"late": ("delay", "max_hours")}, reasons={"before": (), "on_time": ("hours",)})
