"""Send date against interview date (NC401): a bare date gets the benefit of the doubt; a send date before
the interview is an input error in the command (exit 2, one line) and in the library, never a pass."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from notecheck import Checker, Config, Context, InputError, check
from notecheck.dates import hours_after, order_problem
from notecheck.inputs import parse_draft

NOTE = "Dear Ms. Ortiz,\n\nThank you for meeting me today about the analyst role.\n\nBest regards,\nLena\n"
EXE = shutil.which("notecheck", path=str(Path(sys.executable).parent)) or "notecheck"


@pytest.mark.parametrize(("interview", "sent", "hours"), [
    (datetime(2026, 3, 2, 14), datetime(2026, 3, 2, 20), 6.0),
    (date(2026, 3, 2), datetime(2026, 3, 2, 8, 15), 0.0),  # a bare date: the same day is on time
    (datetime(2026, 3, 2, 16), date(2026, 3, 2), 0.0),
    (date(2026, 3, 2), datetime(2026, 3, 3, 20), 20.0),  # from the end of the interview's day
    (datetime(2026, 3, 2, 14), date(2026, 3, 5), 58.0),  # to the start of the sending day
    (date(2026, 3, 2), date(2026, 3, 1), -24.0),
    (datetime(2026, 3, 2, 14, tzinfo=UTC), datetime(2026, 3, 2, 9, tzinfo=UTC), -5.0),
])
def test_hours_after_the_interview(interview: date, sent: date, hours: float) -> None:
    assert hours_after(interview, sent) == pytest.approx(hours)


def test_a_bare_interview_date_with_a_send_time_that_day_is_on_time() -> None:
    report = Checker(Config(grammar=False, select=("NC401",))).check(
        NOTE, context=Context(interview_date=date(2026, 3, 2), sent_date=datetime(2026, 3, 2, 7, 30)))
    (result,) = report.results
    assert result.status.value == "passed"
    assert result.reason == "sent on the day of the interview" and "before" not in result.reason


def test_the_library_refuses_a_send_date_before_the_interview() -> None:
    context = Context(interview_date=datetime(2026, 3, 2, 14), sent_date=datetime(2026, 3, 1, 9))
    with pytest.raises(InputError, match=r"the send date \(2026-03-01 09:00\) is before the interview \(2026-03-02 14:00\)"):
        check(NOTE, context=context, config=Config(grammar=False))
    draft = parse_draft(NOTE)
    draft.note.context = context  # a draft built by hand is refused too
    with pytest.raises(InputError, match="before the interview"):
        Checker(Config(grammar=False)).check_draft(draft)
    assert order_problem(date(2026, 3, 2), datetime(2026, 3, 2, 6)) is None


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "NOTECHECK_LT_URL"}
    return subprocess.run([EXE, *args], capture_output=True, text=True, env=env, timeout=120)


def test_the_command_exits_2_with_one_line_for_a_send_date_before_the_interview(tmp_path: Path) -> None:
    draft = tmp_path / "note.txt"
    draft.write_text(NOTE, encoding="utf-8")
    result = run(str(draft), "--no-grammar", "--interviewed", "2026-03-02T14:00", "--sent", "2026-03-01T09:00")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "notecheck: error: --sent and --interviewed: the send date (2026-03-01 09:00) is before the interview "
        "(2026-03-02 14:00); check both dates"]
    fronted = tmp_path / "fronted.txt"
    fronted.write_text("---\ninterview_date: 2026-03-02\nsent_date: 2026-03-01\n---\n" + NOTE, encoding="utf-8")
    result = run(str(fronted), "--no-grammar")
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.endswith("fronted.txt: the send date (2026-03-01) is before the interview (2026-03-02); check both dates")
    assert "Traceback" not in result.stderr + result.stdout
