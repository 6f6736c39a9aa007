"""Start-up benchmark for hooks that run on every commit: run with `python tests/bench/bench_startup.py`.

Times (wall and CPU), whole process, side by side in one run (interleaved, so a busy machine slows both alike):
`notecheck --version` (target <= 0.1 s) and one `--no-grammar` note end to end (target <= 0.2 s),
against `proselint version` and `proselint check` of the same note. proselint is installed from PyPI into
this benchmark's own virtual environment (not a notecheck dependency), under $NOTECHECK_BENCH_DIR or
the system temporary folder. Also prints where notecheck's time goes in process: imports and the
syllable table for readability.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOTE = ROOT / "fixtures" / "notes" / "strong-paralegal.txt"
PROSELINT = "proselint==0.16.0"


def proselint_exe() -> Path:
    base = Path(os.environ.get("NOTECHECK_BENCH_DIR") or Path(tempfile.gettempdir()) / "notecheck-bench")
    env_dir = base / "proselint-venv"
    exe = env_dir / "bin" / "proselint"
    if not exe.exists():
        print(f"installing {PROSELINT} into {env_dir} (once)", file=sys.stderr)
        venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
        subprocess.run([env_dir / "bin" / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check", PROSELINT],
                       check=True)
    return exe


def notecheck_exe() -> Path:
    return Path(sys.executable).parent / "notecheck"


def timed(command: list[str | Path]) -> tuple[float, float]:
    """(wall seconds, CPU seconds: user + system) of one whole run of ``command``."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "COLUMNS": "100"})
    _, _, usage = os.wait4(process.pid, 0)
    process.returncode = 0  # reaped above
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def side_by_side(commands: dict[str, list[str | Path]], runs: int) -> dict[str, list[tuple[float, float]]]:
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for command in commands.values():  # warm the page cache and any on-disk caches
        timed(command)
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(timed(command))
    return times


IN_PROCESS = """
import sys, time
clock = time.process_time
t0 = clock()
import notecheck.cli.check
t1 = clock()
from notecheck import Checker, Config
checker = Checker(Config(grammar=False))
t2 = clock()
report = checker.check_file(sys.argv[1])
t3 = clock()
print(f"in process (CPU): imports for a check {1000 * (t1 - t0):.0f} ms, loading rules {1000 * (t2 - t1):.0f} ms, "
      f"checking the note {1000 * (t3 - t2):.0f} ms (syllables included)")
"""


def in_process() -> None:
    subprocess.run([sys.executable, "-c", IN_PROCESS, str(NOTE)], check=True)


def main() -> None:
    runs = int(os.environ.get("NOTECHECK_BENCH_RUNS", "15"))
    lint = proselint_exe()
    commands: dict[str, list[str | Path]] = {
        "notecheck --version": [notecheck_exe(), "--version"],
        "proselint version": [lint, "version"],
        "notecheck note --no-grammar": [notecheck_exe(), NOTE, "--no-grammar"],
        "proselint check note": [lint, "check", NOTE],
    }
    times = side_by_side(commands, runs)
    print(f"{runs} interleaved runs each; note: {NOTE.relative_to(ROOT)} ({len(NOTE.read_text().split())} words)")
    wall = {name: [w for w, _ in values] for name, values in times.items()}
    cpu = {name: [c for _, c in values] for name, values in times.items()}
    print(f"{'command':32} {'wall median':>12} {'wall min':>9} {'CPU median':>11}")
    for name in times:
        print(f"{name:32} {statistics.median(wall[name]):11.3f}s {min(wall[name]):8.3f}s {statistics.median(cpu[name]):10.3f}s")
    for mine, theirs in (("notecheck --version", "proselint version"), ("notecheck note --no-grammar", "proselint check note")):
        ratios = [a / b for a, b in zip(wall[mine], wall[theirs], strict=True)]  # pair by pair: drift cancels
        print(f"{mine} / {theirs}: {statistics.median(ratios):.2f} (wall, paired)")
    targets = {"notecheck --version": 0.1, "notecheck note --no-grammar": 0.2}
    for name, target in targets.items():
        median = statistics.median(wall[name])
        print(f"target {name} <= {target:.1f}s: {'met' if median <= target else 'MISSED'} "
              f"(wall {median:.3f}s, CPU {statistics.median(cpu[name]):.3f}s; a busy machine inflates wall time)")
    in_process()


if __name__ == "__main__":
    main()
