"""Turning command-line arguments into draft files: directories (recursively), globs, standard input.

A directory yields the drafts under it with a known extension (hidden folders such as ``.git`` are
skipped, symbolic links to folders are not followed). A pattern with ``*``, ``?`` or ``[`` that names
no file as written is expanded here (``**`` crosses folders), so a quoted glob works in any shell.
Nothing given is ever dropped: a folder with no drafts or a pattern matching nothing is a failure.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from notecheck.model import InputFailure
from notecheck.readers import FORMATS

STDIN = "-"


def _walk(folder: str) -> list[str]:
    found: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(root, f) for f in sorted(files)
                     if not f.startswith(".") and Path(f).suffix.lower() in FORMATS)
    return found


def _expand_one(arg: str) -> list[str] | InputFailure:
    if arg == STDIN:
        return [arg]
    if os.path.isdir(arg):
        drafts = _walk(arg)
        if not drafts:
            known = ", ".join(sorted(FORMATS))
            return InputFailure(arg, f"{arg}: no drafts in this directory (looked for {known})")
        return drafts
    if os.path.lexists(arg) or not glob.has_magic(arg):
        return [arg]  # a missing file is reported when it is read
    matches = sorted(glob.glob(arg, recursive=True))
    files = [f for m in matches for f in (_walk(m) if os.path.isdir(m) else [m])]
    if not files:
        return InputFailure(arg, f"{arg}: no file matches this pattern")
    return files


def expand(args: Sequence[str]) -> list[str | InputFailure]:
    """The drafts named by ``args``, in order, each file once; failures stand where their argument stood."""
    result: list[str | InputFailure] = []
    seen: set[str] = set()
    for arg in args:
        expanded = _expand_one(arg)
        if isinstance(expanded, InputFailure):
            result.append(expanded)
            continue
        for name in expanded:
            key = name if name == STDIN else os.path.realpath(name)
            if key not in seen:
                seen.add(key)
                result.append(name)
    return result


def names(items: Iterable[str | InputFailure]) -> list[str]:
    return [i if isinstance(i, str) else i.path for i in items]
