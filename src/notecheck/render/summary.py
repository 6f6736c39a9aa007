"""The table after a batch: one row per draft (file, score, verdict, errors, warnings) and a total."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from notecheck.model import FileResult, InputFailure, Severity, Verdict
from notecheck.render.rich_report import VERDICT_STYLE


def _count(result: FileResult, severity: Severity) -> str:
    if isinstance(result, InputFailure):
        return ""
    return str(sum(1 for f in result.findings if f.severity is severity))


def render_summary(console: Console, results: Sequence[FileResult]) -> None:
    table = Table(box=None, pad_edge=False, show_edge=False)
    for column, justify in (("file", "left"), ("score", "right"), ("verdict", "left"), ("errors", "right"),
                            ("warnings", "right")):
        table.add_column(column, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    tally: dict[str, int] = {}
    for result in results:
        if isinstance(result, InputFailure):
            table.add_row(result.path, "", Text("unreadable", style="bold red"), "", "")
            tally["unreadable"] = tally.get("unreadable", 0) + 1
            continue
        verdict = result.verdict
        table.add_row(result.path or "<stdin>", str(result.score), Text(verdict.value, style=VERDICT_STYLE[verdict]),
                      _count(result, Severity.ERROR), _count(result, Severity.WARNING))
        tally[verdict.value.lower()] = tally.get(verdict.value.lower(), 0) + 1
    widest = max((len(r.path or "<stdin>") for r in results), default=4)
    width = console.width
    console.width = max(width, widest + 48)  # a path is never wrapped nor cut
    try:
        console.print(table)
    finally:
        console.width = width
    order = [v.value.lower() for v in (Verdict.READY, Verdict.NEEDS_WORK, Verdict.NOT_READY, Verdict.INCOMPLETE)]
    parts = [f"{tally[key]} {key}" for key in [*order, "unreadable"] if tally.get(key)]
    console.print(Text(f"{len(results)} drafts: " + ", ".join(parts), style="bold"))


def needs_details(result: FileResult) -> bool:
    """Whether a batch shows this draft's whole report without --verbose: it is not ready to send."""
    return not isinstance(result, InputFailure) and not result.ready
