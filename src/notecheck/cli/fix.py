"""``--fix`` and ``--diff`` for the ``notecheck`` command: safe fixes written back, or shown as a diff."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from notecheck.api import Checker
from notecheck.batch import Source
from notecheck.fixing import FixError, apply_edits, decoded, diff, safe_edits, write_fixed
from notecheck.inputs import InputError, read_bytes
from notecheck.model import FileResult, InputFailure, Report
from notecheck.note import Context


def with_bytes(items: Sequence[str | Source]) -> list[str | Source]:
    """Read each file once, so the fix is made to exactly the bytes that were checked."""
    out: list[str | Source] = []
    for item in items:
        if isinstance(item, str):
            try:
                out.append(Source(item, read_bytes(item)))
            except InputError:
                out.append(item)  # reported when checked
        else:
            out.append(item)
    return out


def fix_all(checker: Checker, sources: Sequence[str | Source], results: list[FileResult], *, show_diff: bool,
            context: Context | None, jobs: int | None, stdin: int | None = None) -> list[FileResult]:
    """Apply (or with ``show_diff`` print) the safe fixes; re-check fixed files; return the results to report.

    ``stdin`` is the index of the draft read from standard input: shown as a diff, never written to the
    file its ``--stdin-filename`` names."""
    fixed: dict[int, str] = {}
    for index, (source, result) in enumerate(zip(sources, results, strict=True)):
        if not isinstance(result, Report) or not isinstance(source, Source) or source.data is None:
            continue
        if not show_diff and (index == stdin or not Path(source.name).is_file()):
            if any(f.fix for f in result.findings):
                sys.stderr.write(f"notecheck: {source.name}: standard input is not fixed in place; use --diff\n")
            continue
        try:
            text = decoded(source.data)
        except UnicodeDecodeError:
            continue
        edits = safe_edits(result, text)
        if not edits:
            continue
        after = apply_edits(text, edits)
        if show_diff:
            sys.stdout.write(diff(source.name, text, after))
            continue
        try:
            backup = write_fixed(Path(source.name), source.data, after)
        except FixError as exc:
            sys.stderr.write(f"notecheck: error: {exc}\n")
            results[index] = InputFailure(source.name, str(exc))
            continue
        count = len(edits)
        sys.stderr.write(f"notecheck: {source.name}: fixed {count} {'issue' if count == 1 else 'issues'} "
                         f"({', '.join(sorted({e.code for e in edits}))}); the original is in {backup}\n")
        fixed[index] = source.name
    if fixed:
        again = checker.check_many(list(fixed.values()), context=context, jobs=jobs)
        for index, result in zip(fixed, again, strict=True):
            results[index] = result
    return results
