"""The terminal report: score and verdict, a checklist grouped by the six tips, then each finding."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from notecheck.model import Finding, Report, RuleResult, Severity, Status, Verdict
from notecheck.packs import TIPS

VERDICT_STYLE = {
    Verdict.READY: "bold green",
    Verdict.NEEDS_WORK: "bold yellow",
    Verdict.NOT_READY: "bold red",
    Verdict.INCOMPLETE: "bold magenta",
}
STATUS_MARK = {Status.PASSED: ("\u2713", "green"), Status.FAILED: ("\u2717", "red"), Status.SKIPPED: ("\u2013", "dim")}
MAX_SHOWN = 200  # findings shown in detail; the rest are counted
SEVERITY_STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _codes(codes: Sequence[str]) -> str:
    """"NC501–NC506" for a run of consecutive codes, else "NC101, NC501"."""
    numbers = [int(c[2:]) if c[2:].isdigit() else -1 for c in codes]
    if len(codes) > 2 and -1 not in numbers and numbers == list(range(numbers[0], numbers[0] + len(numbers))):
        return f"{codes[0]}\u2013{codes[-1]}"
    return ", ".join(codes)


def _header(report: Report) -> RenderableType:
    title = Text(report.path or "<stdin>", style="bold")
    score = f"{report.score}/100"
    unchecked = [r.code for r in report.unchecked]
    if unchecked:  # never a bare 100/100 when part of the check did not run
        score += f" without {_codes(unchecked)}"
    verdict = Text(f"{score}  {report.verdict.value}", style=VERDICT_STYLE[report.verdict])
    if report.grammar_engine:
        verdict.append(f"  \u00b7 proofread by {report.grammar_engine}", style="dim")
    if report.failed_by:
        verdict.append(": " + "; ".join(report.failed_by), style="red")
    lines: list[RenderableType] = [verdict]
    for notice in report.notices:
        lines.append(Text(notice, style="magenta"))
    return Panel(Group(*lines), title=title, title_align="left", expand=True)


def _checklist(results: Sequence[RuleResult]) -> RenderableType:
    table = Table(show_header=False, box=None, pad_edge=False, expand=True)
    table.add_column("mark", width=1, no_wrap=True)
    table.add_column("rule", no_wrap=True)
    table.add_column("reason", ratio=1, overflow="fold")
    table.add_column("points", justify="right", no_wrap=True)
    by_tip: dict[str, list[RuleResult]] = {}
    for result in results:
        by_tip.setdefault(result.tip, []).append(result)
    order = list(TIPS.values()) + sorted(set(by_tip) - set(TIPS.values()))
    for number, tip in enumerate(order, start=1):
        if tip not in by_tip:
            continue
        table.add_row("", Text(f"{number}. {tip}" if tip in TIPS.values() else tip, style="bold"), "", "")
        for result in by_tip[tip]:
            mark, style = STATUS_MARK[result.status]
            if result.status is Status.FAILED and result.severity is Severity.INFO:
                mark, style = "i", "cyan"  # a reminder, not a fault
            reason = result.reason
            if result.status is Status.SKIPPED:
                reason = f"skipped: {reason}"
            points = Text(f"-{result.deduction}", style="red") if result.deduction else Text("")
            table.add_row(Text(mark, style=style), f"  {result.code} {result.name}", Text(reason, style="dim"), points)
    return table


def _window(line: str, begin: int, end: int, width: int) -> tuple[str, int, int]:
    """Crop a long line around ``begin:end`` to ``width`` characters, marking cuts with an ellipsis."""
    if len(line) <= width:
        return line, begin, end
    start = max(0, min(begin - width // 3, len(line) - width))
    stop = start + width
    text = line[start:stop]
    if start > 0:
        text = "\u2026" + text[1:]
    if stop < len(line):
        text = text[:-1] + "\u2026"
    return text, begin - start, min(end - start, len(text))


def _finding(finding: Finding, width: int = 80, *, carets: bool = False) -> RenderableType:
    style = SEVERITY_STYLE[finding.severity]
    where = f"{finding.line}:{finding.column}" if finding.line is not None else "note"
    head = Text.assemble((where, "bold"), "  ", (finding.severity.value, style), "  ", (finding.code, style),
                         " ", (finding.name, "dim"))
    parts: list[RenderableType] = [head, Padding(Text(finding.message), (0, 0, 0, 4))]
    if finding.line is not None and finding.column is not None and finding.line_text:
        line = Text("    \u2502 ")
        begin = finding.column - 1 - finding.line_start
        end = min(len(finding.line_text), begin + (finding.length or 0))
        shown, begin, end = _window(finding.line_text.expandtabs(1), begin, end, max(20, width - 6))
        line.append(shown[:begin])
        line.append(shown[begin:end], style=f"bold {style} reverse")
        line.append(shown[end:])
        parts.append(line)
        if carets:  # without colour the highlight is invisible: mark the words as compilers do
            parts.append(Text("    \u2502 " + " " * cell_len(shown[:begin]) + "^" * max(1, cell_len(shown[begin:end]))))
    if finding.suggestions:  # replacements for the marked text
        options = [f"\u201c{s}\u201d" if s.strip() else "(delete it)" for s in finding.suggestions[:3]]
        parts.append(Padding(Text.assemble(("\u2192 ", "green"), ("replace with ", "dim"),
                                           (" or ".join(options), "green")), (0, 0, 0, 4)))
    if finding.advice:  # prose: what to do
        parts.append(Padding(Text.assemble(("hint: ", "dim"), finding.advice), (0, 0, 0, 4)))
    return Group(*parts)


def shown_findings(findings: Sequence[Finding], limit: int = MAX_SHOWN) -> list[Finding]:
    """At most ``limit`` findings, the most severe first chosen, in their order in the note: a report with
    100,000 findings renders in bounded time and the errors are never the ones left out."""
    if len(findings) <= limit:
        return list(findings)
    chosen = sorted(range(len(findings)), key=lambda i: (findings[i].severity.rank, i))[:limit]
    return [findings[i] for i in sorted(chosen)]


def render(console: Console, report: Report) -> None:
    plain = console.no_color or console.color_system is None
    console.print(_header(report))
    console.print(_checklist(report.results))
    if report.findings:
        console.print()
        console.print(Text(f"Findings ({len(report.findings)})", style="bold"))
        shown = shown_findings(report.findings)
        for finding in shown:
            console.print(_finding(finding, console.width, carets=plain))
        if len(shown) < len(report.findings):
            console.print(Text(f"\u2026 and {len(report.findings) - len(shown)} more findings "
                               "(--format json lists them all)", style="bold"))
    deductions = [r for r in report.results if r.deduction]
    if deductions:
        formula = " ".join(f"\u2212 {r.deduction} ({r.code})" for r in deductions)
        console.print(Text(f"Score: 100 {formula} = {report.score}", style="dim"))
    console.print()
