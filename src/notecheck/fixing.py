"""Applying safe fixes to a draft file: only replacements a rule vouches for (``Finding.fix``).

A fix is applied only where the file still holds the words the finding flagged. Writing is atomic:
the new text goes to a temporary file beside the draft, is flushed to disk and renamed over it, so a
crash or a kill leaves either the old file or the new one. The original is first kept as a backup
(``draft.txt.orig``, or ``.orig.1``… when that exists), and nothing is written when the file changed
while it was being checked.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from notecheck.model import Report

BOM = "\ufeff"


class FixError(Exception):
    """A fix that was not written; ``str()`` is one line naming the file."""


@dataclass(frozen=True)
class Edit:
    offset: int  # in the file's text (code points), as findings count
    length: int
    replacement: str
    code: str


def safe_edits(report: Report, text: str) -> list[Edit]:
    """The report's safe fixes that still match ``text``, in order, none overlapping another."""
    edits: list[Edit] = []
    end = -1
    for finding in sorted(report.findings, key=lambda f: (f.offset if f.offset is not None else -1)):
        if finding.fix is None or finding.offset is None or finding.length is None:
            continue
        if text[finding.offset : finding.offset + finding.length] != finding.excerpt or finding.offset < end:
            continue
        edits.append(Edit(finding.offset, finding.length, finding.fix, finding.code))
        end = finding.offset + finding.length
    return edits


def apply_edits(text: str, edits: list[Edit]) -> str:
    parts: list[str] = []
    cursor = 0
    for edit in edits:
        parts.extend((text[cursor : edit.offset], edit.replacement))
        cursor = edit.offset + edit.length
    parts.append(text[cursor:])
    return "".join(parts)


def decoded(data: bytes) -> str:
    """The text findings count in (UTF-8, a byte-order mark dropped), as the readers decode it."""
    return data.decode("utf-8-sig")


def diff(path: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=f"a/{path.lstrip('/')}", tofile=f"b/{path.lstrip('/')}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def backup_path(path: Path) -> Path:
    candidate = path.with_name(path.name + ".orig")
    number = 0
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.name}.orig.{number}")
    return candidate


def _atomic_write(path: Path, data: bytes, mode: int) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_fixed(path: Path, checked: bytes, fixed_text: str) -> Path:
    """Replace ``path`` with ``fixed_text`` if it still holds ``checked``; return the backup's path."""
    try:
        current = path.read_bytes()
        mode = path.stat().st_mode & 0o7777
    except OSError as exc:
        raise FixError(f"{path}: not fixed: cannot read it again ({exc.strerror})") from None
    if current != checked:
        raise FixError(f"{path}: not fixed: the file changed while it was being checked; run notecheck again")
    data = ((BOM if checked.startswith(BOM.encode()) else "") + fixed_text).encode("utf-8")
    backup = backup_path(path)
    try:
        _atomic_write(backup, checked, mode)
        _atomic_write(path, data, mode)
    except OSError as exc:
        raise FixError(f"{path}: not fixed: cannot write ({exc.strerror}); the draft is unchanged") from None
    return backup
