"""Benchmark of the rules without grammar: run with `python tests/bench/bench_rules.py`.

Prints, measured in this one run:
- notes per second over fixtures/notes in one process on one core (target >= 1,000), as CPU time
  (best of several rounds), so that other work on a shared machine counts as little as it can;
- notes per second through the CLI for 1,000 files in one folder, one process on one core
  (`notecheck FILE... --no-grammar --format json --jobs 1`; target >= 500), whole-process wall time.

`--baseline PYTHON` runs the same two measurements with another installation's interpreter (e.g. the
`.venv/bin/python` of a checkout of main) interleaved with this one, and prints the ratios.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOTES = sorted((ROOT / "fixtures" / "notes").glob("*.txt"))
IN_PROCESS = """
import os, sys, time
from pathlib import Path
from notecheck import Checker, Config
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
texts = [(Path(p).read_text(encoding="utf-8"), p) for p in sys.argv[1:]]
checker = Checker(Config(grammar=False))
for text, path in texts:
    checker.check(text, path=path)
best = 0.0
for _ in range(5):
    start = time.process_time()
    for _ in range(4):
        for text, path in texts:
            checker.check(text, path=path)
    best = max(best, 4 * len(texts) / (time.process_time() - start))
print(best)
"""


def in_process(python: str) -> float:
    result = subprocess.run([python, "-c", IN_PROCESS, *map(str, NOTES)], capture_output=True, text=True, check=True)
    return float(result.stdout.strip())


def cli_files(python: str, folder: Path, runs: int = 3) -> float:
    exe = shutil.which("notecheck", path=str(Path(python).parent)) or "notecheck"
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    files = sorted(str(p) for p in folder.iterdir())  # named one by one: older versions take no folders
    helped = subprocess.run([exe, "--help"], capture_output=True, text=True, check=False).stdout
    jobs = ["--jobs", "1"] if "--jobs" in helped else []  # older versions have no --jobs (and use one core)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([*pin, exe, *files, "--no-grammar", "--format", "json", *jobs],
                              capture_output=True, check=False)
        if done.returncode not in (0, 1, 3):
            raise SystemExit(f"{exe} failed: {done.stderr.decode(errors='replace')[:300]}")
        times.append(time.perf_counter() - start)
    return len(list(folder.iterdir())) / statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", help="another installation's python, measured side by side")
    args = parser.parse_args()
    pythons = {"this checkout": sys.executable}
    if args.baseline:
        pythons["baseline"] = args.baseline
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "drafts"
        folder.mkdir()
        for number in range(1000):
            source = NOTES[number % len(NOTES)]
            (folder / f"{number:04d}-{source.name}").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
        rates: dict[str, list[float]] = {name: [] for name in pythons}
        files: dict[str, list[float]] = {name: [] for name in pythons}
        for _ in range(2):  # interleaved, so load on a shared machine falls on both alike
            for name, python in pythons.items():
                rates[name].append(in_process(python))
                files[name].append(cli_files(python, folder))
    for name in pythons:
        print(f"{name}: rules in one process {max(rates[name]):,.0f} notes/s (1 core, CPU time; target >= 1,000); "
              f"CLI, 1,000 files {max(files[name]):,.0f} notes/s (1 core, wall time; target >= 500)")
    if args.baseline:
        print(f"ratio this/baseline: in process {max(rates['this checkout']) / max(rates['baseline']):.2f}, "
              f"CLI {max(files['this checkout']) / max(files['baseline']):.2f}")


if __name__ == "__main__":
    main()
