"""The small immutable values the engine produces: findings, rule results, reports."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.StrEnum):
    """How much a finding matters. Errors make a note "not ready"."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


class Status(enum.StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    SKIPPED = "skipped"


class Verdict(enum.StrEnum):
    READY = "Ready to send"
    NEEDS_WORK = "Needs work"
    NOT_READY = "Not ready"
    INCOMPLETE = "Check incomplete"


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in the original file, plus the 0-based character offset."""

    line: int
    column: int
    offset: int


@dataclass(frozen=True)
class Finding:
    """One problem (or hint) in a draft. ``offset``/``length`` are ``None`` for whole-note findings."""

    code: str
    name: str
    severity: Severity
    message: str
    offset: int | None = None
    length: int | None = None
    line: int | None = None
    column: int | None = None
    end_line: int | None = None  # where the span ends (exclusive column), for editors and code scanning
    end_column: int | None = None
    excerpt: str = ""
    line_text: str = ""  # the finding's line, or a window of it on very long lines (see line_start)
    line_start: int = 0  # 0-based column in the line where ``line_text`` starts
    suggestions: tuple[str, ...] = ()  # replacement texts only: each could replace the span as it is
    source: str | None = None  # e.g. the LanguageTool rule id behind a grammar finding
    fix: str | None = None  # a safe replacement for the span: ``--fix`` applies it, SARIF offers it
    advice: str | None = None  # what to do, in prose ("Split the sentence in two.")

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.offset,
            "length": self.length,
            "excerpt": self.excerpt,
            "suggestions": list(self.suggestions),
            "advice": self.advice,
        }
        if self.source:
            data["source"] = self.source
        if self.fix is not None:
            data["fix"] = self.fix
        return data


@dataclass(frozen=True)
class RuleResult:
    """The outcome of one rule on one note: what the checklist and the score are made of."""

    code: str
    name: str
    tip: str
    status: Status
    severity: Severity
    weight: int
    reason: str = ""
    findings: tuple[Finding, ...] = ()
    incomplete: bool = False  # skipped although it should have run (e.g. grammar without an engine)
    counted: bool = True  # False when every finding is a hint below the rule's severity: shown, not deducted
    exemptions: tuple[tuple[str, str], ...] = ()  # (exemption name, the text it spared)

    @property
    def deduction(self) -> int:
        return self.weight if self.status is Status.FAILED and self.counted else 0

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "tip": self.tip,
            "status": self.status.value,
            "severity": self.severity.value,
            "weight": self.weight,
            "deduction": self.deduction,
            "reason": self.reason,
            **({"exemptions": [{"name": n, "text": t} for n, t in self.exemptions]} if self.exemptions else {}),
        }
        if self.incomplete:
            data["incomplete"] = True
        return data


@dataclass(frozen=True)
class Report:
    """Everything notecheck has to say about one draft."""

    path: str | None
    score: int
    verdict: Verdict
    results: tuple[RuleResult, ...]
    findings: tuple[Finding, ...]
    incomplete: bool = False
    notices: tuple[str, ...] = field(default=())
    failed_by: tuple[str, ...] = ()  # why the gate said "not ready" (--fail-on, --fail-under)
    grammar_engine: str | None = None  # which engine checked grammar and spelling; None when none did

    @property
    def ready(self) -> bool:
        return self.verdict in (Verdict.READY, Verdict.NEEDS_WORK)

    @property
    def unchecked(self) -> tuple[RuleResult, ...]:
        """The rules that should have run but could not (the score leaves them out)."""
        return tuple(r for r in self.results if r.incomplete)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "score": self.score,
            "verdict": self.verdict.value,
            "incomplete": self.incomplete,
            "grammar_engine": self.grammar_engine,
            "notices": list(self.notices),
            "failed_by": list(self.failed_by),
            "rules": [r.to_dict() for r in self.results],
            "findings": [f.to_dict() for f in self.findings],
        }


@dataclass(frozen=True)
class InputFailure:
    """A draft that could not be checked at all (unreadable, not a note, bad front matter)."""

    path: str
    error: str  # one line for the user, naming the file

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "error": self.error}


FileResult = Report | InputFailure  # one entry of a batch, in input order
