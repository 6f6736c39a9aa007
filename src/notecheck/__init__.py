"""notecheck: checks a post-interview thank-you note before you send it.

    >>> from notecheck import check
    >>> report = check("Dear Ms. Ortiz,\\nThank you for meeting me.\\nBest regards,\\nLena")
    >>> report.score, report.verdict.value   # doctest: +SKIP

The names below are imported on first use, so ``notecheck --version`` and modules that need only a
part of the library start fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from notecheck.api import Checker, Config, check, check_file
    from notecheck.batch import Source
    from notecheck.inputs import InputError
    from notecheck.model import Finding, InputFailure, Report, RuleResult, Severity, Status, Verdict
    from notecheck.note import Context, Note

_WHERE = {
    "Checker": "api", "Config": "api", "check": "api", "check_file": "api", "Source": "batch",
    "InputError": "inputs", "Finding": "model", "InputFailure": "model", "Report": "model",
    "RuleResult": "model", "Severity": "model", "Status": "model", "Verdict": "model", "Context": "note",
    "Note": "note",
}

__all__ = [
    "Checker", "Config", "Context", "Finding", "InputError", "InputFailure", "Note", "Report", "RuleResult",
    "Severity", "Source", "Status", "Verdict", "check", "check_file",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(import_module(f"notecheck.{_WHERE[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'notecheck' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
