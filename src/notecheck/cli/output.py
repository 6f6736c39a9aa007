"""Writing a run's results in the chosen ``--format`` (the CLI's side of the renderers)."""

from __future__ import annotations

import enum
import re
import sys
from collections.abc import Sequence

from notecheck.model import FileResult, InputFailure, Report
from notecheck.packs import Rule

_TRAILING_RE = re.compile(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)


class OutputFormat(enum.StrEnum):
    rich = "rich"
    json = "json"
    line = "line"
    sarif = "sarif"
    github = "github"


def strip_trailing(text: str) -> str:
    """No line ends in spaces (Rich pads tables and panels to the width)."""
    return _TRAILING_RE.sub(r"\1", text)


def write_rich(results: Sequence[FileResult], *, verbose: bool = False) -> None:
    """One draft: its report. Several: the reports of those not ready (all with ``verbose``), then a table."""
    from rich.console import Console

    from notecheck.render.rich_report import render
    from notecheck.render.summary import needs_details, render_summary

    console = Console(highlight=False)
    batch = len(results) > 1

    def draw() -> None:
        for result in results:
            if isinstance(result, Report) and (verbose or not batch or needs_details(result)):
                render(console, result)
        if batch:
            render_summary(console, results)

    if console.is_terminal:
        draw()
        return
    with console.capture() as capture:
        draw()
    sys.stdout.write(strip_trailing(capture.get()))


def write(output_format: OutputFormat, results: Sequence[FileResult], exit_code: int,
          rules: Sequence[Rule] = (), *, verbose: bool = False) -> None:
    """Print ``results`` to standard output; errors of unreadable inputs were already on standard error."""
    if output_format is OutputFormat.rich:
        write_rich(results, verbose=verbose)
    elif output_format is OutputFormat.json:
        from notecheck.render.json_report import render as render_json

        sys.stdout.write(render_json(results, exit_code=exit_code) + "\n")
    elif output_format is OutputFormat.line:
        from notecheck.render import line_report

        sys.stdout.write(line_report.render(results))
        for notice in line_report.notices(results):
            sys.stderr.write(f"notecheck: {notice}\n")
    elif output_format is OutputFormat.github:
        from notecheck.render.github_report import render as render_github

        sys.stdout.write(render_github(results))
    else:
        from notecheck.render.sarif_report import render as render_sarif

        sys.stdout.write(render_sarif(results, rules) + "\n")


def failures(results: Sequence[FileResult]) -> list[InputFailure]:
    return [r for r in results if isinstance(r, InputFailure)]
