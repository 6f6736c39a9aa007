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
    from notecheck.errors import (
        ConfigError,
        GrammarUnavailable,
        InputError,
        NotecheckError,
        RegistryError,
        UnsafePathError,
    )
    from notecheck.model import Finding, InputFailure, Report, RuleResult, Severity, Status, Verdict
    from notecheck.note import Context, Note
    from notecheck.packs import PackError
    from notecheck.selection import SelectionError

_WHERE = {
    "Checker": "api", "Config": "api", "check": "api", "check_file": "api", "Source": "batch",
    "Finding": "model", "InputFailure": "model", "Report": "model",
    "RuleResult": "model", "Severity": "model", "Status": "model", "Verdict": "model", "Context": "note",
    "Note": "note", "PackError": "packs", "SelectionError": "selection",
    **{name: "errors" for name in ("ConfigError", "GrammarUnavailable", "InputError", "NotecheckError",
                                   "RegistryError", "UnsafePathError")},
}

__all__ = [
    "Checker", "Config", "ConfigError", "Context", "Finding", "GrammarUnavailable", "InputError", "InputFailure",
    "Note", "NotecheckError", "PackError", "RegistryError", "Report", "RuleResult", "SelectionError", "Severity",
    "Source", "Status", "UnsafePathError", "Verdict", "check", "check_file",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(import_module(f"notecheck.{_WHERE[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'notecheck' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
