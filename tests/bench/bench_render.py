"""Rendering a report of 100,000 findings: run with `python tests/bench/bench_render.py`.

Prints the seconds to check such a note, to render the terminal report (target < 5 s: the detailed
list is capped, "and N more") and to render the complete JSON, each the median of three runs.
"""

from __future__ import annotations

import io
import statistics
import time

from rich.console import Console

from notecheck import Config, check
from notecheck.render.json_report import render as render_json
from notecheck.render.rich_report import render

TEXT = "Dear Ms. Lee,\nThank you for the talk. " + "Wow! " * 100_000 + "\nBest regards,\nLena\n"


def median_seconds(action, runs: int = 3) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    report = check(TEXT, config=Config(grammar=False))
    rows = [
        (f"check a note with {len(report.findings):,} findings, s", median_seconds(
            lambda: check(TEXT, config=Config(grammar=False))), "-"),
        ("render the terminal report, s", median_seconds(
            lambda: render(Console(file=io.StringIO(), width=100), report)), "< 5"),
        ("render the complete JSON, s", median_seconds(lambda: render_json([report])), "< 5"),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:8.2f}  target {target}")


if __name__ == "__main__":
    main()
