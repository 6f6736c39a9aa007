"""SARIF 2.1.0, as GitHub code scanning reads it: one run, the rules with their manuals, one result
per finding with a region in the original file, fixes for safe replacements, partial fingerprints.

Columns count Unicode code points (``columnKind`` says so), lines and columns are 1-based and end
columns exclusive, as SARIF defines. Whole-note findings sit on line 1. Inputs that could not be
read are tool execution notifications, and make the invocation unsuccessful.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import PurePath
from typing import Any

from notecheck.model import FileResult, Finding, InputFailure, Report, Severity
from notecheck.packs import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
INFORMATION_URI = "https://pypi.org/project/notecheck/"


def _rule(rule: Rule) -> dict[str, Any]:
    short = rule.message.replace("{match}", "\u2026")
    help_text = rule.why.replace("\n", " ") + (f"\n\nInstead: {rule.suggestion}" if rule.suggestion else "")
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": rule.why.replace("\n", " ")},
        "help": {"text": help_text, "markdown": f"**{rule.code} {rule.name}**: {short}\n\n{help_text}"},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"tags": [rule.pack, rule.tip_title], "pack": rule.pack, "weight": rule.weight},
    }


def _location(path: str) -> dict[str, Any]:
    """Relative paths stay relative to the checkout (``%SRCROOT%``), as code scanning expects."""
    pure = PurePath(path)
    if pure.is_absolute():
        return {"uri": pure.as_uri()}
    return {"uri": pure.as_posix(), "uriBaseId": "%SRCROOT%"}


def _region(finding: Finding) -> dict[str, Any]:
    if finding.line is None or finding.column is None:
        return {"startLine": 1}
    region: dict[str, Any] = {"startLine": finding.line, "startColumn": finding.column,
                              "endLine": finding.end_line or finding.line,
                              "endColumn": finding.end_column or finding.column + (finding.length or 0)}
    if finding.excerpt:
        region["snippet"] = {"text": finding.excerpt}
    return region


def _fingerprint(path: str, finding: Finding, seen: dict[str, int]) -> str:
    """Stable across edits elsewhere in the file: the rule, the words flagged and their line's text."""
    key = "\0".join((path, finding.code, finding.excerpt, " ".join(finding.line_text.split())))
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
    seen[digest] = seen.get(digest, 0) + 1
    return f"{digest}:{seen[digest]}"


def _result(path: str, finding: Finding, index: dict[str, int], seen: dict[str, int]) -> dict[str, Any]:
    location = {"physicalLocation": {"artifactLocation": _location(path), "region": _region(finding)}}
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [location],
        "partialFingerprints": {"primaryLocationLineHash": _fingerprint(path, finding, seen)},
    }
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    if finding.fix is not None and finding.line is not None:
        region = {k: v for k, v in _region(finding).items() if k != "snippet"}
        result["fixes"] = [{
            "description": {"text": f"Replace \u201c{finding.excerpt}\u201d with \u201c{finding.fix}\u201d"},
            "artifactChanges": [{"artifactLocation": _location(path),
                                 "replacements": [{"deletedRegion": region, "insertedContent": {"text": finding.fix}}]}],
        }]
    return result


def as_document(results: Sequence[FileResult], rules: Sequence[Rule]) -> dict[str, Any]:
    index = {rule.code: number for number, rule in enumerate(rules)}
    sarif_results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for entry in results:
        if isinstance(entry, InputFailure):
            notifications.append({"level": "error", "message": {"text": entry.error},
                                  "locations": [{"physicalLocation": {"artifactLocation": _location(entry.path)}}]})
            continue
        seen: dict[str, int] = {}
        path = entry.path or "<stdin>"
        sarif_results.extend(_result(path, f, index, seen) for f in entry.findings)
        notifications.extend({"level": "warning", "message": {"text": f"{path}: {notice}"}} for notice in entry.notices)
    invocation: dict[str, Any] = {"executionSuccessful": not any(isinstance(e, InputFailure) for e in results)}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "notecheck", "version": version("notecheck"),
                                "informationUri": INFORMATION_URI, "rules": [_rule(r) for r in rules]}},
            "columnKind": "unicodeCodePoints",
            "invocations": [invocation],
            "results": sarif_results,
            "properties": {"reports": [_summary(e) for e in results if isinstance(e, Report)]},
        }],
    }


def _summary(report: Report) -> dict[str, Any]:
    return {"path": report.path or "<stdin>", "score": report.score, "verdict": report.verdict.value,
            "failedBy": list(report.failed_by)}


def render(results: Sequence[FileResult], rules: Sequence[Rule]) -> str:
    return json.dumps(as_document(results, rules), indent=2, ensure_ascii=False)
