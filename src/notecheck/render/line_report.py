"""One finding per line, ``path:line:column: CODE name: message``, for grep, editors and scripts.

Whole-note findings point at ``1:1``. Inputs that could not be read appear as ``path:1:1: error: …``
so nothing disappears from the output; why a draft is not ready, and notices such as "grammar not
checked", go to ``notices`` (standard error).
"""

from __future__ import annotations

from collections.abc import Sequence

from notecheck.model import FileResult, Finding, InputFailure


def _one_line(text: str) -> str:
    return " ".join(text.split())


def finding_line(path: str, finding: Finding) -> str:
    line, column = finding.line or 1, finding.column or 1
    return f"{path}:{line}:{column}: {finding.code} {finding.name}: {_one_line(finding.message)}"


def render(results: Sequence[FileResult]) -> str:
    lines: list[str] = []
    for outcome in results:
        if isinstance(outcome, InputFailure):
            lines.append(f"{outcome.path}:1:1: error: {_one_line(outcome.error)}")
            continue
        path = outcome.path or "<stdin>"
        lines.extend(finding_line(path, f) for f in outcome.findings)
    return "".join(line + "\n" for line in lines)


def notices(results: Sequence[FileResult]) -> list[str]:
    """``path: notice`` lines for what a report says besides its findings (for standard error): why it
    is not ready (``--fail-on``, ``--fail-under``) and what could not be checked."""
    lines = []
    for result in results:
        if isinstance(result, InputFailure):
            continue
        path = result.path or "<stdin>"
        if result.failed_by:
            lines.append(f"{path}: not ready: {'; '.join(result.failed_by)}")
        lines.extend(f"{path}: {notice}" for notice in result.notices)
    return lines
