"""Writing to standard output without a traceback, whatever became of it.

A reader that went away (``notecheck … | head -1``) is normal: the run ends quietly with the exit code
it would have had. A standard output that is closed (``>&-``) or full (``>/dev/full``) loses the
report: one line on standard error and exit 2.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import typer

from notecheck.exit_codes import USAGE


def _quiet() -> None:
    """Point standard output at /dev/null, so the interpreter's last flush has nowhere to fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _refuse(reason: str) -> typer.Exit:
    if sys.stderr is not None:
        sys.stderr.write(f"notecheck: error: cannot write the report to standard output ({reason})\n")
    return typer.Exit(USAGE)


@contextmanager
def guarded_stdout(code: int) -> Iterator[None]:
    """Run the block that writes the report; ``typer.Exit`` with ``code`` on a broken pipe, with 2 when
    standard output is closed or full."""
    if sys.stdout is None:
        raise _refuse("it is closed")
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet()
        raise typer.Exit(code) from None
    except OSError as exc:
        _quiet()
        raise _refuse(exc.strerror or str(exc)) from None
