"""notecheck's exit codes, in one place for the command and every subcommand.

0 ready to send; 1 not ready (a finding at or above ``--fail-on``, or a score under ``--fail-under``);
2 usage or input error; 3 check incomplete (a rule that should have run could not).
"""

from __future__ import annotations

from collections.abc import Iterable

from notecheck.model import Report, Verdict

OK = 0
NOT_READY = 1
USAGE = 2
INCOMPLETE = 3

SUMMARY = (
    "Exit codes: 0 ready to send (warnings allowed); 1 not ready (a finding at or above --fail-on, default "
    "error, or a score under --fail-under); 2 usage or input error; 3 check incomplete (a rule that should have "
    "run could not, e.g. grammar without LanguageTool)."
)


def for_run(reports: Iterable[Report], input_errors: int = 0) -> int:
    """The exit code of a run over several drafts: the most serious wins (2, then 3, then 1)."""
    if input_errors:
        return USAGE
    reports = list(reports)
    if any(r.incomplete for r in reports):
        return INCOMPLETE
    if any(r.verdict is Verdict.NOT_READY for r in reports):
        return NOT_READY
    return OK
