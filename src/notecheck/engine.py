"""Running rules over a note and scoring the result. Prints nothing."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from notecheck import patterns
from notecheck.kinds.base import Hit, Kind, Outcome, RunEnv, Say
from notecheck.model import Finding, Position, Report, RuleResult, Severity, Status, Verdict
from notecheck.note import Note
from notecheck.packs import Rule
from notecheck.patterns import PatternTooSlow
from notecheck.registry import Registry

MAX_SCORE = 100


def _place(note: Note, start: int, end: int) -> tuple[int, int, Position, Position, str, int]:
    """A span of ``note.source`` in the file as written: offset, length, start and end, and its line."""
    if note.origin is None:
        line_text, line_start = note.line_window(start, end - start)
        return start, end - start, note.position(start), note.position(end), line_text, line_start
    begin, finish = note.origin.span(start, end)
    line_text, line_start = note.origin.line_text(begin)
    return begin, finish - begin, note.origin.position(begin), note.origin.position(finish), line_text, line_start


class _Arguments(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def say(rule: Rule, value: str | Say | None, match: str = "") -> str:
    """The words for a hit's message or a reason: a ``Say`` is worded by the rule's pack."""
    if isinstance(value, Say):
        template = rule.messages.get(value.key, rule.message if value.key not in rule.reasons else "")
        return template.format_map(_Arguments({**value.args, "match": match}))
    if value is None:
        return rule.message.format_map(_Arguments({"match": match}))
    return value.replace("{match}", match)


def _finding(rule: Rule, hit: Hit, note: Note) -> Finding:
    if hit.start is not None and hit.end is not None:
        matched = note.source[hit.start : hit.end]
        message = say(rule, hit.message, " ".join(matched.split()))
        offset, length, pos, end, line_text, line_start = _place(note, hit.start, hit.end)
        return Finding(
            code=rule.code, name=rule.name, severity=hit.severity or rule.severity, message=message,
            offset=offset, length=length, line=pos.line, column=pos.column,
            end_line=end.line, end_column=end.column, excerpt=matched,
            line_text=line_text, line_start=line_start, suggestions=hit.suggestions, source=hit.source,
            fix=hit.fix, advice=hit.advice or rule.suggestion or None,
        )
    return Finding(
        code=rule.code, name=rule.name, severity=hit.severity or rule.severity,
        message=say(rule, hit.message), suggestions=hit.suggestions, source=hit.source,
        advice=hit.advice or rule.suggestion or None,
    )


def _outcome(kind: Kind, note: Note, rule: Rule, env: RunEnv) -> Outcome:
    """The kind's answer; a fault inside one rule skips that rule (check incomplete), never the others."""
    token = patterns.start_budget()
    try:
        return kind.check(note, rule.params, env)
    except PatternTooSlow:
        return Outcome(skipped=f"pattern too slow (over {patterns.DEFAULT_SECONDS:g} s on this note)", incomplete=True)
    except Exception as exc:  # noqa: BLE001 - one rule's bug must not lose the report
        detail = " ".join(str(exc).split())[:160]
        return Outcome(skipped=f"failed ({type(exc).__name__}{': ' + detail if detail else ''})", incomplete=True)
    finally:
        patterns.end_budget(token)


def _result(rule: Rule, outcome: Outcome, findings: tuple[Finding, ...]) -> RuleResult:
    if outcome.skipped is not None:
        return RuleResult(rule.code, rule.name, rule.tip_title, Status.SKIPPED, rule.severity, rule.weight,
                          outcome.skipped, incomplete=outcome.incomplete)
    reason = say(rule, outcome.reason) if outcome.reason else ""
    spared = outcome.exempted
    if findings:
        more = f" (+{len(findings) - 1} more)" if len(findings) > 1 else ""
        reason = reason or findings[0].message + more
        counted = any(f.severity.rank <= rule.severity.rank for f in findings)  # a kind's hints do not deduct
        return RuleResult(rule.code, rule.name, rule.tip_title, Status.FAILED, rule.severity, rule.weight, reason,
                          findings, counted=counted, exemptions=spared)
    if not reason and spared:
        reason = "not counted: " + ", ".join(f"\u201c{text}\u201d ({name})" for name, text in spared)
    return RuleResult(rule.code, rule.name, rule.tip_title, Status.PASSED, rule.severity, rule.weight, reason,
                      exemptions=spared)


def score(results: Iterable[RuleResult]) -> int:
    """100 minus the weight of every failed rule (each deducts once); skipped rules count for nothing."""
    return max(0, MAX_SCORE - sum(r.deduction for r in results))


def gate(findings: Sequence[Finding], points: int, *, fail_on: Severity = Severity.ERROR,
         fail_under: int | None = None) -> tuple[str, ...]:
    """Why the note is not ready, one reason per condition that tripped (empty: it passed the gate).

    ``fail_on`` is the least severe finding that blocks (error, warning or info); ``fail_under`` a score.
    """
    reasons: list[str] = []
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity if s.rank <= fail_on.rank}
    blocking = [f"{n} {s.value}{'' if n == 1 else 's'}" for s, n in counts.items() if n]
    if blocking:
        reasons.append(f"{', '.join(blocking)} (fail-on: {fail_on.value})")
    if fail_under is not None and points < fail_under:
        reasons.append(f"score {points} is under {fail_under} (fail-under)")
    return tuple(reasons)


def verdict(findings: Sequence[Finding], points: int, *, incomplete: bool, fail_under: int | None,
            fail_on: Severity = Severity.ERROR) -> Verdict:
    if gate(findings, points, fail_on=fail_on, fail_under=fail_under):
        return Verdict.NOT_READY
    if incomplete:
        return Verdict.INCOMPLETE
    if any(f.severity is Severity.WARNING for f in findings):
        return Verdict.NEEDS_WORK
    return Verdict.READY


def run_rules(
    note: Note,
    rules: Sequence[Rule],
    registry: Registry,
    env: RunEnv,
    *,
    fail_under: int | None = None,
    fail_on: Severity = Severity.ERROR,
) -> Report:
    """Run ``rules`` on ``note`` and score the result."""
    results: list[RuleResult] = []
    outcomes: dict[str, Outcome] = {}
    incomplete = False
    checked_by: str | None = None
    if note.lexicon is None:
        note.lexicon = env.lexicon
    for rule in rules:
        outcome = _outcome(registry.kind(rule.kind), note.scoped(rule.scope), rule, env)
        outcomes[rule.code] = outcome
        incomplete = incomplete or outcome.incomplete
        checked_by = checked_by or outcome.checked_by
        results.append(_result(rule, outcome, tuple(_finding(rule, hit, note) for hit in outcome.hits)))
    findings = sorted(
        (f for r in results for f in r.findings),
        key=lambda f: (f.offset if f.offset is not None else -1, f.severity.rank, f.code),
    )
    points = score(results)
    unrun: dict[str, list[Rule]] = {}
    for rule in rules:
        outcome = outcomes[rule.code]
        if outcome.incomplete and outcome.skipped is not None:
            unrun.setdefault(outcome.skipped, []).append(rule)
    notices = env.notices + tuple(_not_checked(unrun_rules, reason) for reason, unrun_rules in unrun.items())
    return Report(
        path=note.path,
        score=points,
        verdict=verdict(findings, points, incomplete=incomplete, fail_under=fail_under, fail_on=fail_on),
        results=tuple(results),
        findings=tuple(findings),
        incomplete=incomplete,
        notices=notices,
        failed_by=gate(findings, points, fail_on=fail_on, fail_under=fail_under),
        grammar_engine=checked_by,
    )


def _not_checked(rules: Sequence[Rule], reason: str) -> str:
    """"Grammar, spelling and style were not checked (NC501, NC502, NC504): <reason>"."""
    names = [rule.name.replace("-", " ") for rule in rules]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    verb = "was" if len(names) == 1 else "were"
    codes = [r.code for r in rules]
    shown = f"{codes[0]}\u2013{codes[-1]}" if len(codes) > 2 else ", ".join(codes)
    return f"{listed[:1].upper()}{listed[1:]} {verb} not checked ({shown}): {reason}"
