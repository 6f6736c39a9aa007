"""When the note is sent, against when the interview was: a date-time, or a bare date when the time of
day is not known.

A bare date gets the benefit of the doubt: sent on the interview's day is on time; otherwise the delay
runs from the end of the interview's day, or from the start of the sending day. A send date before
the interview is an input error (``order_problem``), never a note that is on time.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta


def is_bare(value: date) -> bool:
    return not isinstance(value, datetime)


def shown(value: date) -> str:
    if is_bare(value):
        return value.isoformat()
    assert isinstance(value, datetime)
    return value.isoformat(sep=" ", timespec="minutes")


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _comparable(a: datetime, b: datetime) -> tuple[datetime, datetime]:
    if (a.tzinfo is None) != (b.tzinfo is None):
        a, b = a.astimezone(), b.astimezone()
    return a, b


def hours_after(interview: date, sent: date) -> float:
    """Hours from the interview to sending: 0 when a bare date puts both on the same day; negative when
    the note is sent before the interview."""
    if is_bare(interview) or is_bare(sent):
        first, last = _day(interview), _day(sent)
        if last != first:
            if last < first:
                return -24.0 * (first - last).days
            begin = interview if isinstance(interview, datetime) else datetime.combine(first + timedelta(days=1), time(0, 0))
            end = sent if isinstance(sent, datetime) else datetime.combine(last, time(0, 0))
            begin, end = _comparable(begin, end)
            return max(0.0, (end - begin) / timedelta(hours=1))
        return 0.0
    assert isinstance(interview, datetime) and isinstance(sent, datetime)
    begin, end = _comparable(interview, sent)
    return (end - begin) / timedelta(hours=1)


def order_problem(interview: date | None, sent: date | None) -> str | None:
    """Why these dates cannot both be right (a send date before the interview), or None."""
    if interview is None or sent is None or hours_after(interview, sent) >= 0:
        return None
    return f"the send date ({shown(sent)}) is before the interview ({shown(interview)}); check both dates"

