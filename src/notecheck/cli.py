"""The ``notecheck`` command: a thin client of the library.

Exit codes: 0 ready to send (warnings allowed); 1 not ready (an error-severity finding, or a score
under --fail-under); 2 usage or input error; 3 check incomplete (a rule that should have run could not,
e.g. grammar without a LanguageTool).
"""

from __future__ import annotations

import sys
from importlib.metadata import version

EXIT_OK, EXIT_NOT_READY, EXIT_USAGE, EXIT_INCOMPLETE = 0, 1, 2, 3
SUBCOMMANDS = {"rules", "explain", "server", "languagetool"}


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args in (["--version"], ["-V"]):  # fast path: no Typer, no Rich
        print(f"notecheck {version('notecheck')}")
        raise SystemExit(EXIT_OK)
    from notecheck.cli_app import check_app, tools_app

    app = tools_app if args and args[0] in SUBCOMMANDS else check_app
    app(args=args, prog_name="notecheck")


if __name__ == "__main__":
    main()
