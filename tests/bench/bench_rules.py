"""Benchmark of the rules without grammar: run with `python tests/bench/bench_rules.py`.

Prints notes per second over fixtures/notes on one core (target >= 500/s), the wall time of
`notecheck --version` (target < 0.25 s) and of one `--no-grammar` note end to end (target < 0.5 s),
each the median of several runs, measured in this one run.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOTES = sorted((ROOT / "fixtures" / "notes").glob("*.txt"))


def notes_per_second(rounds: int = 20) -> float:
    from notecheck import Checker, Config

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    checker = Checker(Config(grammar=False))
    texts = [(p.read_text(encoding="utf-8"), str(p)) for p in NOTES]
    for text, path in texts:  # warm caches (compiled patterns, syllable table)
        checker.check(text, path=path)
    start = time.perf_counter()
    for _ in range(rounds):
        for text, path in texts:
            checker.check(text, path=path)
    return rounds * len(texts) / (time.perf_counter() - start)


def command_seconds(args: list[str], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    exe = shutil.which("notecheck", path=str(Path(sys.executable).parent)) or "notecheck"
    note = str(ROOT / "fixtures" / "notes" / "strong-paralegal.txt")
    baseline = command_seconds([sys.executable, "-c", "pass"])
    rate = notes_per_second()
    version = command_seconds([exe, "--version"])
    one = command_seconds([exe, note, "--no-grammar"])
    rows = [
        ("rules without grammar, notes/s (1 core)", f"{rate:,.0f}", ">= 500"),
        ("python -c pass (this machine's floor), s", f"{baseline:.3f}", "-"),
        ("notecheck --version, s (median of 7)", f"{version:.3f}", "< 0.25"),
        ("one --no-grammar note end to end, s (median of 7)", f"{one:.3f}", "< 0.5"),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:>8}  target {target}")


if __name__ == "__main__":
    main()
