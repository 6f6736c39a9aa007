"""GitHub Actions workflow commands: each finding becomes an annotation on the draft's line.

``::error file=F,line=L,endLine=L,col=C,endColumn=C,title=T::message``; errors are ``error``, warnings
``warning`` and info ``notice``. Values are escaped as the Actions toolkit escapes them: in the
message ``%``, CR and LF; in properties also ``:`` and ``,``.
"""

from __future__ import annotations

from collections.abc import Sequence

from notecheck.model import FileResult, Finding, InputFailure, Report, Severity

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{name} {props}::{escape_data(message)}" if props else f"::{name}::{escape_data(message)}"


def _finding(path: str, finding: Finding) -> str:
    properties: dict[str, object] = {"file": path}
    if finding.line is not None:
        properties.update(line=finding.line, endLine=finding.end_line or finding.line)
        if finding.end_line == finding.line and finding.column is not None and finding.end_column is not None:
            # columns only on one line, as annotations allow; endColumn is the span's last character
            properties.update(col=finding.column, endColumn=max(finding.column, finding.end_column - 1))
    properties["title"] = f"{finding.code} {finding.name}"
    return command(COMMAND[finding.severity], properties, finding.message)


def _summary(report: Report) -> str | None:
    if report.failed_by or report.incomplete:
        why = "; ".join(report.failed_by + report.notices)
        return command("error", {"file": report.path or "<stdin>", "title": "notecheck"},
                       f"{report.score}/100 {report.verdict.value}" + (f": {why}" if why else ""))
    return None


def render(results: Sequence[FileResult]) -> str:
    lines: list[str] = []
    for outcome in results:
        if isinstance(outcome, InputFailure):
            lines.append(command("error", {"file": outcome.path, "title": "notecheck"}, outcome.error))
            continue
        lines.extend(_finding(outcome.path or "<stdin>", f) for f in outcome.findings)
        summary = _summary(outcome)
        if summary:
            lines.append(summary)
    return "".join(line + "\n" for line in lines)
