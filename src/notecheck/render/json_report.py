"""The machine-readable report: one JSON document for all inputs (``schema_version`` 2).

``files`` holds one entry per input, in the order given: a report (see ``Report.to_dict``) or, for an
input that could not be checked, ``{"path": …, "error": …}``. Version 2 added those error entries,
``failed_by`` on reports, ``end_line``/``end_column`` on findings, ``exit_code`` and ``summary``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from notecheck.model import FileResult, InputFailure, Report, Severity, Verdict

SCHEMA_VERSION = 2


def summary(results: Sequence[FileResult]) -> dict[str, Any]:
    reports = [r for r in results if isinstance(r, Report)]
    return {
        "files": len(results),
        "unreadable": sum(1 for r in results if isinstance(r, InputFailure)),
        "ready": sum(1 for r in reports if r.ready),
        "not_ready": sum(1 for r in reports if r.verdict is Verdict.NOT_READY),
        "incomplete": sum(1 for r in reports if r.incomplete),
        **{f"{s.value}s": sum(1 for r in reports for f in r.findings if f.severity is s) for s in Severity},
    }


def as_document(results: Sequence[FileResult], *, exit_code: int | None = None) -> dict[str, Any]:
    document: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "files": [r.to_dict() for r in results],
                                "summary": summary(results)}
    if exit_code is not None:
        document["exit_code"] = exit_code
    return document


def render(results: Sequence[FileResult], *, exit_code: int | None = None) -> str:
    """The document with one input's entry on each line: readable, grep-able, and written by the fast
    encoder (an indented dump of a thousand reports takes longer than checking them)."""
    document = as_document(results, exit_code=exit_code)
    lines = ["{"]
    last = len(document) - 1
    for number, (key, value) in enumerate(document.items()):
        comma = "," if number < last else ""
        if key == "files":
            entries = [json.dumps(entry, ensure_ascii=False) for entry in value]
            lines.append('  "files": [' + ("" if entries else "]" + comma))
            lines.extend(f"    {entry}{',' if i < len(entries) - 1 else ''}" for i, entry in enumerate(entries))
            if entries:
                lines.append("  ]" + comma)
        else:
            lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
    lines.append("}")
    return "\n".join(lines)
