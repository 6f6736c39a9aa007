"""notecheck: checks a post-interview thank-you note before you send it.

    >>> from notecheck import check
    >>> report = check("Dear Ms. Ortiz,\\nThank you for meeting me.\\nBest regards,\\nLena")
    >>> report.score, report.verdict.value   # doctest: +SKIP
"""

from notecheck.api import Checker, Config, check, check_file
from notecheck.batch import Source
from notecheck.inputs import InputError
from notecheck.model import Finding, InputFailure, Report, RuleResult, Severity, Status, Verdict
from notecheck.note import Context, Note

__all__ = [
    "Checker", "Config", "Context", "Finding", "InputError", "InputFailure", "Note", "Report", "RuleResult",
    "Severity", "Source", "Status", "Verdict", "check", "check_file",
]
